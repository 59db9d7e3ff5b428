public import InvoiceModel

/// A named value a file carries as data (OFD custom data, semantic tags, an attached e-invoice).
public struct EmbeddedValue: Sendable, Hashable {
    /// `CustomData` name (发票号码) or e-invoice element name (`InvoiceNo`).
    public var name: String
    /// The value as written.
    public var value: String
    /// 1-based page where it is printed, when known.
    public var page: Int?
    /// Where it is printed, when known.
    public var box: PixelBox?

    /// Creates a value.
    public init(name: String, value: String, page: Int?, box: PixelBox?) {
        self.name = name
        self.value = value
        self.page = page
        self.box = box
    }
}

/// Maps embedded names to contract fields and cleans their values.
enum EmbeddedFields {
    /// `CustomData` names (OFD.xml) and e-invoice element names (GB/T e-invoice XML, OFD tags).
    static let names: [String: FieldName] = [
        "发票代码": .invoiceCode, "发票号码": .invoiceNumber, "开票日期": .issueDate, "校验码": .checkCode,
        "机器编号": .machineNumber, "合计金额": .amountExcludingTax, "合计税额": .taxAmount, "价税合计": .totalAmount,
        "购买方名称": .buyerName, "购买方纳税人识别号": .buyerTaxID, "销售方名称": .sellerName,
        "销售方纳税人识别号": .sellerTaxID,
        "InvoiceCode": .invoiceCode, "InvoiceNo": .invoiceNumber, "IssueDate": .issueDate,
        "InvoiceCheckCode": .checkCode, "MachineNo": .machineNumber, "BuyerName": .buyerName,
        "BuyerTaxID": .buyerTaxID, "BuyerAddrTel": .buyerAddressPhone, "BuyerFinancialAccount": .buyerBankAccount,
        "SellerName": .sellerName, "SellerTaxID": .sellerTaxID, "SellerAddrTel": .sellerAddressPhone,
        "SellerFinancialAccount": .sellerBankAccount, "TaxInclusiveTotalAmount": .totalAmount,
        "TaxExclusiveTotalAmount": .amountExcludingTax, "TaxTotalAmount": .taxAmount, "Note": .remarks,
        "InvoiceClerk": .drawer, "Payee": .payee, "Checker": .reviewer,
    ]

    /// The fields of one group of values (one source: custom data, tags or the attachment); a field
    /// named twice keeps its first value.
    static func fields(_ values: [EmbeddedValue]) -> [FieldName: FieldEvidence] {
        var fields: [FieldName: FieldEvidence] = [:]
        for value in values {
            guard let field = names[value.name], fields[field] == nil, let cleaned = clean(value.value, for: field)
            else { continue }
            fields[field] = FieldEvidence(
                value: cleaned, source: .embedded, page: value.page, box: value.box, readConfidence: 1,
                formatValid: FieldText.isWellFormed(cleaned, for: field))
        }
        return fields
    }

    /// The value in the contract's format, or `nil` when it has none (an empty or placeholder value).
    static func clean(_ text: String, for field: FieldName) -> String? {
        let trimmed = FieldText.printed(text)
        guard !trimmed.isEmpty else { return nil }
        switch field {
        case .invoiceCode, .invoiceNumber, .checkCode:
            let digits = FieldText.digits(trimmed)
            return digits.isEmpty ? nil : digits
        case .machineNumber:
            return String(trimmed.filter { !$0.isWhitespace })
        case .issueDate:
            return DocumentDate.parseChinese(trimmed)
                ?? DocumentDate.parseNumericOrNamed(trimmed, preferDayFirst: false)?.value
        case .amountExcludingTax, .taxAmount, .totalAmount:
            if FapiaoReader.isExemptMark(trimmed) { return field == .taxAmount ? "0.00" : nil }
            return Money.parse(trimmed.filter { $0 != "¥" && $0 != "￥" }).map(Money.format)
        case .buyerTaxID, .sellerTaxID:
            // Data, not a reading: upper case without spaces, nothing "repaired".
            return trimmed.uppercased().filter { !$0.isWhitespace }
        default:
            return trimmed
        }
    }

    /// Line items of an attached e-invoice (`GoodsInfo`).
    static func lineItems(_ items: [[String: String]]) -> [[LineItemFieldName: FieldEvidence]] {
        let columns: [(String, LineItemFieldName)] = [
            ("Item", .name), ("Specification", .specification), ("MeasurementDimension", .unit),
            ("Quantity", .quantity), ("Price", .unitPrice), ("Amount", .amount), ("TaxScheme", .taxRate),
            ("TaxAmount", .tax),
        ]
        return items.map { item in
            var line: [LineItemFieldName: FieldEvidence] = [:]
            for (element, column) in columns {
                guard var value = item[element].map(FieldText.printed), !value.isEmpty else { continue }
                if column == .amount || column == .tax {
                    if FapiaoReader.isExemptMark(value) { value = "0.00" }
                    guard let amount = Money.parse(value) else { continue }
                    value = Money.format(amount)
                }
                line[column] = FieldEvidence(
                    value: value, source: .embedded, page: nil, box: nil, readConfidence: 1, formatValid: true)
            }
            return line
        }.filter { !$0.isEmpty }
    }
}
