import Foundation

/// Whether an output value matches a label, after CONTRACT.md §3's normalisation: Unicode NFKC,
/// whitespace removed, letter case ignored for every text field (receipt labels such as SROIE's are in
/// capitals whatever the print); amounts compared as decimals; dates as `YYYY-MM-DD`.
public enum FieldComparison {
    /// Fields compared as decimal numbers (document and line-item fields).
    public static let decimalFields: Set<String> = [
        "amountExcludingTax", "taxAmount", "totalAmount", "lineItem.amount", "lineItem.tax", "lineItem.quantity",
        "lineItem.unitPrice",
    ]

    /// Whether `output` matches `expected` (or one of `alternatives`) for the field named `field`.
    public static func matches(_ output: String?, _ expected: String, alternatives: [String] = [], field: String) -> Bool {
        guard let output else { return false }
        return ([expected] + alternatives).contains { normalized($0, field: field) == normalized(output, field: field) }
    }

    /// The comparable form of a value.
    public static func normalized(_ value: String, field: String) -> String {
        var text = value.precomposedStringWithCompatibilityMapping
        text.removeAll { $0.isWhitespace }
        if decimalFields.contains(field), let number = Decimal(string: text.replacingOccurrences(of: ",", with: "")) {
            return "\(number)"
        }
        return text.uppercased()
    }
}
