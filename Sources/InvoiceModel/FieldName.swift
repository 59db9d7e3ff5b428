/// The document-level fields of CONTRACT.md, in the order they are printed in JSON output.
public enum FieldName: String, Sendable, CaseIterable, Codable, Hashable {
    case invoiceTitle
    case invoiceCode
    case invoiceNumber
    case issueDate
    case checkCode
    case machineNumber
    case buyerName
    case buyerTaxID
    case buyerAddressPhone
    case buyerBankAccount
    case sellerName
    case sellerTaxID
    case sellerAddress
    case sellerAddressPhone
    case sellerBankAccount
    case amountExcludingTax
    case taxAmount
    case totalAmount
    case totalAmountInWords
    case currency
    case remarks
    case payee
    case reviewer
    case drawer
}

/// The line-item fields of CONTRACT.md, in output order.
public enum LineItemFieldName: String, Sendable, CaseIterable, Codable, Hashable {
    case name
    case specification
    case unit
    case quantity
    case unitPrice
    case amount
    case taxRate
    case tax
}

/// Where a field's value came from, in order of trust (CONTRACT.md `source`).
public enum FieldSource: String, Sendable, CaseIterable, Codable, Hashable {
    /// Structured data inside the file (OFD CustomData/tags, XML e-invoice).
    case embedded
    /// The fapiao QR code.
    case qr
    /// A PDF text layer.
    case textLayer = "text-layer"
    /// Optical character recognition.
    case ocr
    /// Computed from other fields (e.g. tax = total − amount).
    case derived
    /// Typed or confirmed by a person in review (stored documents only; recognition never produces it).
    case person
}

/// One extracted value with what is known about it (CONTRACT.md field object).
public struct ExtractedField: Sendable, Hashable {
    /// The value in the contract's format for this field.
    public var value: String
    /// Estimated probability in [0, 1] that `value` is exactly right.
    public var confidence: Double
    /// Whether a person must look at this field.
    public var flagged: Bool
    /// Where the value came from.
    public var source: FieldSource
    /// 1-based page number, or `nil` when the value has no place on a page.
    public var page: Int?
    /// Where the value is printed, or `nil`.
    public var box: PixelBox?

    /// Creates a field.
    public init(
        value: String, confidence: Double, flagged: Bool, source: FieldSource, page: Int?, box: PixelBox?
    ) {
        self.value = value
        self.confidence = min(1, max(0, confidence))
        self.flagged = flagged
        self.source = source
        self.page = page
        self.box = box
    }
}

/// The outcome of one validation rule (CONTRACT.md `checks`).
public struct CheckResult: Sendable, Hashable {
    /// Stable rule name, e.g. `tax-id-checksum`.
    public var rule: String
    /// Whether the rule held.
    public var passed: Bool
    /// The fields the rule looked at.
    public var fields: [FieldName]
    /// A sentence for people, or `nil`.
    public var message: String?

    /// Creates a check result.
    public init(rule: String, passed: Bool, fields: [FieldName], message: String? = nil) {
        self.rule = rule
        self.passed = passed
        self.fields = fields
        self.message = message
    }
}

/// Whether a person must review the document, and why (CONTRACT.md `review`).
public struct ReviewDecision: Sendable, Hashable {
    /// True when any field is flagged, a check failed or a required field is missing.
    public var required: Bool
    /// Human-readable reasons, one per problem.
    public var reasons: [String]

    /// Creates a decision.
    public init(required: Bool, reasons: [String]) {
        self.required = required
        self.reasons = reasons
    }
}
