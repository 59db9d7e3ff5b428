public import Foundation

/// One invoice as the ledger holds it: the ledger side of a reconciliation.
///
/// Values are in the contract's formats (CONTRACT.md); a 20-digit `invoiceNumber` is a 数电 number. Missing
/// values are `nil`.
public struct LedgerInvoice: Sendable, Hashable {
    /// The ledger's row id, shown in reports so people can find the document.
    public var id: Int64
    /// 发票代码.
    public var invoiceCode: String?
    /// 发票号码: 8 digits, or 20 for a 数电 invoice.
    public var invoiceNumber: String?
    /// 开票日期, `YYYY-MM-DD`.
    public var issueDate: String?
    /// 销方识别号.
    public var sellerTaxID: String?
    /// 销方名称.
    public var sellerName: String?
    /// 金额 (excluding tax).
    public var amountExcludingTax: Decimal?
    /// 税额.
    public var taxAmount: Decimal?
    /// 价税合计.
    public var totalAmount: Decimal?

    /// Creates a ledger invoice; every value but the id is optional.
    public init(
        id: Int64, invoiceCode: String? = nil, invoiceNumber: String? = nil, issueDate: String? = nil,
        sellerTaxID: String? = nil, sellerName: String? = nil, amountExcludingTax: Decimal? = nil,
        taxAmount: Decimal? = nil, totalAmount: Decimal? = nil
    ) {
        self.id = id
        self.invoiceCode = invoiceCode
        self.invoiceNumber = invoiceNumber
        self.issueDate = issueDate
        self.sellerTaxID = sellerTaxID
        self.sellerName = sellerName
        self.amountExcludingTax = amountExcludingTax
        self.taxAmount = taxAmount
        self.totalAmount = totalAmount
    }
}
