import Foundation

/// Whether an output value matches a label, after CONTRACT.md §3's normalisation: Unicode NFKC,
/// whitespace removed, upper case for IDs; amounts compared as decimals; dates as `YYYY-MM-DD`.
public enum FieldComparison {
    /// Fields compared as decimal numbers (document and line-item fields).
    public static let decimalFields: Set<String> = [
        "amountExcludingTax", "taxAmount", "totalAmount", "lineItem.amount", "lineItem.tax", "lineItem.quantity",
        "lineItem.unitPrice",
    ]

    /// Fields compared case-insensitively (identifiers).
    public static let identifierFields: Set<String> = [
        "invoiceCode", "invoiceNumber", "checkCode", "machineNumber", "buyerTaxID", "sellerTaxID", "currency",
    ]

    /// Whether `output` matches `expected` (or one of `alternatives`) for the field named `field`;
    /// `ignoringCase` compares every field as CONTRACT.md compares identifiers (for the auxiliary figure
    /// of labels that change the printed case, such as SROIE's upper-case names and addresses).
    public static func matches(
        _ output: String?, _ expected: String, alternatives: [String] = [], field: String, ignoringCase: Bool = false
    ) -> Bool {
        guard let output else { return false }
        return ([expected] + alternatives).contains {
            normalized($0, field: field, ignoringCase: ignoringCase)
                == normalized(output, field: field, ignoringCase: ignoringCase)
        }
    }

    /// The comparable form of a value.
    public static func normalized(_ value: String, field: String, ignoringCase: Bool = false) -> String {
        var text = value.precomposedStringWithCompatibilityMapping
        text.removeAll { $0.isWhitespace }
        if decimalFields.contains(field), let number = Decimal(string: text.replacingOccurrences(of: ",", with: "")) {
            return "\(number)"
        }
        if ignoringCase || identifierFields.contains(field) { text = text.uppercased() }
        return text
    }
}
