/// The columns of a tax-platform invoice list that reconciliation reads, named as our contract fields.
public enum PlatformColumn: String, Sendable, Hashable, CaseIterable, Comparable {
    /// 发票代码.
    case invoiceCode
    /// 发票号码 (8 digits; a 20-digit value here is read as the 数电 number).
    case invoiceNumber
    /// 数电发票号码 (20 digits).
    case digitalInvoiceNumber
    /// 开票日期.
    case issueDate
    /// 销方识别号.
    case sellerTaxID
    /// 销方名称.
    case sellerName
    /// 金额 (excluding tax).
    case amountExcludingTax
    /// 税额.
    case taxAmount
    /// 价税合计.
    case totalAmount

    /// The header names recognised without a mapping: the Chinese names the national e-invoice service
    /// platform and the VAT invoice selection platform export, then our English field name.
    public var defaultHeaders: [String] {
        let chinese: [String]
        switch self {
        case .invoiceCode: chinese = ["发票代码"]
        case .invoiceNumber: chinese = ["发票号码"]
        case .digitalInvoiceNumber: chinese = ["数电发票号码", "数电票号码", "全电发票号码"]
        case .issueDate: chinese = ["开票日期"]
        case .sellerTaxID: chinese = ["销方识别号", "销售方纳税人识别号", "销方纳税人识别号", "销方税号"]
        case .sellerName: chinese = ["销方名称", "销售方名称"]
        case .amountExcludingTax: chinese = ["金额"]
        case .taxAmount: chinese = ["税额"]
        case .totalAmount: chinese = ["价税合计"]
        }
        return chinese + [rawValue]
    }

    /// Whether this column can identify an invoice on its own (a file needs one of these).
    public var isNumberColumn: Bool { self == .invoiceNumber || self == .digitalInvoiceNumber }

    /// Orders columns as declared.
    public static func < (lhs: PlatformColumn, rhs: PlatformColumn) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    /// A header cell as compared: BOM and whitespace removed, ASCII letters lower-cased.
    static func normalizedHeader(_ header: String) -> String {
        String(
            String.UnicodeScalarView(
                header.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }.map {
                    (0x41...0x5A).contains($0.value) ? Unicode.Scalar(UInt8($0.value + 0x20)) : $0
                }))
    }
}
