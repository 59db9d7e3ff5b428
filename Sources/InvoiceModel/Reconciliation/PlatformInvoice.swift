public import Foundation

/// One invoice row of a tax-platform export, with values in the contract's formats.
public struct PlatformInvoice: Sendable, Hashable {
    /// The 1-based line of the file the row starts on.
    public var line: Int
    /// 发票代码, digits (10 or 12 when intact).
    public var invoiceCode: String?
    /// 发票号码, digits with leading zeros as the file has them (a spreadsheet may have dropped some).
    public var invoiceNumber: String?
    /// 数电发票号码, 20 digits (also taken from a 20-digit 发票号码).
    public var digitalInvoiceNumber: String?
    /// 开票日期, `YYYY-MM-DD`.
    public var issueDate: String?
    /// 销方识别号, upper case without spaces.
    public var sellerTaxID: String?
    /// 销方名称, whitespace trimmed.
    public var sellerName: String?
    /// 金额 (excluding tax).
    public var amountExcludingTax: Decimal?
    /// 税额.
    public var taxAmount: Decimal?
    /// 价税合计.
    public var totalAmount: Decimal?

    /// Creates a row; every value but the line is optional.
    public init(
        line: Int, invoiceCode: String? = nil, invoiceNumber: String? = nil, digitalInvoiceNumber: String? = nil,
        issueDate: String? = nil, sellerTaxID: String? = nil, sellerName: String? = nil,
        amountExcludingTax: Decimal? = nil, taxAmount: Decimal? = nil, totalAmount: Decimal? = nil
    ) {
        self.line = line
        self.invoiceCode = invoiceCode
        self.invoiceNumber = invoiceNumber
        self.digitalInvoiceNumber = digitalInvoiceNumber
        self.issueDate = issueDate
        self.sellerTaxID = sellerTaxID
        self.sellerName = sellerName
        self.amountExcludingTax = amountExcludingTax
        self.taxAmount = taxAmount
        self.totalAmount = totalAmount
    }
}

/// A row of a tax-platform export that could not be read; the other rows are read regardless.
public struct PlatformRowError: Sendable, Hashable {
    /// The 1-based line of the file the row starts on.
    public var line: Int
    /// The column at fault, or `nil` when the row as a whole is (no invoice number at all).
    public var column: PlatformColumn?
    /// The cell as the file has it (empty when the column is missing or blank).
    public var value: String
    /// What is wrong and what to do, for people.
    public var message: String
    /// The values of the row that could be read (the bad ones left out), so people can tell which invoice it is.
    public var partialInvoice: PlatformInvoice?

    /// Creates a row error.
    public init(
        line: Int, column: PlatformColumn?, value: String, message: String, partialInvoice: PlatformInvoice? = nil
    ) {
        self.line = line
        self.column = column
        self.value = value
        self.message = message
        self.partialInvoice = partialInvoice
    }
}

extension PlatformRowError: CustomStringConvertible {
    /// `line 7: …` with the message.
    public var description: String { "line \(line): \(message)" }
}
