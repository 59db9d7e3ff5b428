/// What identifies one invoice on both sides of a reconciliation, most specific first.
///
/// The text form matches the ledger's business keys: `digital:NUMBER`, `code:CODE:NUMBER`,
/// `seller:TAXID:NUMBER`.
public enum InvoiceKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 20-digit 数电 number.
    case digital(String)
    /// 发票代码 + 发票号码.
    case codeAndNumber(code: String, number: String)
    /// 发票号码 + the seller's tax ID, for invoices without a code on one side.
    case numberAndSeller(number: String, sellerTaxID: String)

    /// The key as text, e.g. `code:032002100611:02708659`.
    public var description: String {
        switch self {
        case .digital(let number): return "digital:\(number)"
        case .codeAndNumber(let code, let number): return "code:\(code):\(number)"
        case .numberAndSeller(let number, let sellerTaxID): return "seller:\(sellerTaxID):\(number)"
        }
    }

    /// Orders keys by their text.
    public static func < (lhs: InvoiceKey, rhs: InvoiceKey) -> Bool {
        lhs.description < rhs.description
    }
}

/// The identifying values of one invoice from either side, normalised for matching.
struct KeyFields: Hashable {
    /// The 20-digit 数电 number.
    var digital: String?
    /// 发票代码.
    var code: String?
    /// 发票号码 (not a 数电 number).
    var number: String?
    /// The seller's tax ID, upper case without spaces.
    var sellerTaxID: String?

    /// The fields of a ledger invoice; a 20-digit number is the 数电 number.
    init(_ invoice: LedgerInvoice) {
        let number = Self.compact(invoice.invoiceNumber)
        if let number, number.count == 20, number.allSatisfy(\.isASCIIDigit) {
            digital = number
        } else {
            self.number = number
        }
        code = Self.compact(invoice.invoiceCode)
        sellerTaxID = Self.compact(invoice.sellerTaxID)
    }

    /// The fields of a platform row (already normalised when read).
    init(_ invoice: PlatformInvoice) {
        digital = Self.compact(invoice.digitalInvoiceNumber)
        code = Self.compact(invoice.invoiceCode)
        number = Self.compact(invoice.invoiceNumber)
        sellerTaxID = Self.compact(invoice.sellerTaxID)
    }

    /// The most specific key these fields give, or `nil` when they give none.
    var primaryKey: InvoiceKey? {
        if let digital { return .digital(digital) }
        if let code, let number { return .codeAndNumber(code: code, number: number) }
        if let number, let sellerTaxID { return .numberAndSeller(number: number, sellerTaxID: sellerTaxID) }
        return nil
    }

    /// An identifier as compared: full-width made ASCII, whitespace removed, upper case; `nil` when blank.
    static func compact(_ value: String?) -> String? {
        guard let value else { return nil }
        let compacted = PlatformCell.identifier(value)
        return compacted.isEmpty ? nil : compacted
    }
}
