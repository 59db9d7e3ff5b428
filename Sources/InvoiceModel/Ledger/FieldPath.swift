import Foundation

/// A field a reviewer names: a document field (`sellerTaxID`) or a line item's (`lineItems.2.amount`, 1-based).
public enum FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// A document-level field.
    case document(FieldName)
    /// A field of the line item at a 0-based index.
    case lineItem(index: Int, LineItemFieldName)

    /// Parses `sellerTaxID`, `lineItems.2.amount` or `line 2 amount`.
    ///
    /// - Throws: `LedgerError.unknownField` naming what was given.
    public init(parsing text: String) throws(LedgerError) {
        if let name = FieldName(rawValue: text) {
            self = .document(name)
            return
        }
        let parts = text.split(whereSeparator: { $0 == "." || $0 == " " }).map(String.init)
        if parts.count == 3, ["lineItems", "lineItem", "line"].contains(parts[0]), let number = Int(parts[1]),
            number >= 1, let name = LineItemFieldName(rawValue: parts[2])
        {
            self = .lineItem(index: number - 1, name)
            return
        }
        throw .unknownField(text)
    }

    /// The name as the audit trail and reasons write it.
    public var description: String {
        switch self {
        case .document(let name): return name.rawValue
        case .lineItem(let index, let name): return "lineItems.\(index + 1).\(name.rawValue)"
        }
    }

    /// The prefix the pipeline's review reasons use for this field (`sellerTaxID:`, `line 2 amount:`).
    var reasonPrefix: String {
        switch self {
        case .document(let name): return "\(name.rawValue):"
        case .lineItem(let index, let name): return "line \(index + 1) \(name.rawValue):"
        }
    }
}

/// Brings a value a person typed into CONTRACT.md's format for its field, or says what is wrong with it.
public enum FieldValueFormat {
    /// The document fields that hold amounts.
    static let amountFields: Set<FieldName> = [.amountExcludingTax, .taxAmount, .totalAmount]
    /// The line-item fields that hold amounts.
    static let lineAmountFields: Set<LineItemFieldName> = [.amount, .tax]

    /// The value in contract format.
    ///
    /// - Throws: `ValueError` saying what the field expects.
    public static func normalize(_ value: String, for path: FieldPath) throws(ValueError) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        switch path {
        case .document(let name) where amountFields.contains(name):
            return try amount(trimmed, field: path)
        case .lineItem(_, let name) where lineAmountFields.contains(name):
            return try amount(trimmed, field: path)
        case .document(.issueDate):
            if CalendarDate(iso: trimmed) != nil { return trimmed }
            if let date = DocumentDate.parseChinese(trimmed) { return date }
            throw ValueError("\(path) must be a date like 2024-03-15 or 2024年03月15日, not \(trimmed)")
        case .document(.buyerTaxID), .document(.sellerTaxID):
            return TaxID.normalize(trimmed)
        case .document(.invoiceCode), .document(.checkCode):
            let digits = String(trimmed.filter { !$0.isWhitespace })
            guard digits.allSatisfy(\.isASCIIDigit) else { throw ValueError("\(path) must be digits, not \(trimmed)") }
            return digits
        case .document(.invoiceNumber), .document(.machineNumber):
            return String(trimmed.filter { !$0.isWhitespace })
        case .document(.currency):
            return trimmed.uppercased()
        default:
            return trimmed
        }
    }

    static func amount(_ text: String, field: FieldPath) throws(ValueError) -> String {
        if text.allSatisfy({ $0 == "*" }) && !text.isEmpty { return "0.00" }
        guard let value = Money.parse(text) else {
            throw ValueError("\(field) must be an amount like 1234.50, not \(text)")
        }
        return Money.format(value)
    }
}

/// A value a person typed that does not fit its field.
public struct ValueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and what the field expects.
    public var description: String
    /// Creates the error.
    public init(_ description: String) { self.description = description }
}
