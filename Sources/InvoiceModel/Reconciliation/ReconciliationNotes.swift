/// Hints for people on why an invoice may not have matched.
enum ReconciliationNotes {
    /// The hint for an invoice left unmatched, or `nil` when there is nothing to add.
    ///
    /// Says when it has no key at all, and when its code or number is shorter than a fapiao's (10 or 12, and 8
    /// digits), as happens when a spreadsheet drops leading zeros. The number is never padded to guess a match.
    static func unmatched(_ keys: KeyFields) -> String? {
        var notes: [String] = []
        if keys.primaryKey == nil {
            notes.append("no 数电 number, 发票代码 + 发票号码, or 发票号码 + seller tax ID to match on")
        }
        if keys.digital == nil, let number = keys.number, number.count < 8, number.allSatisfy(\.isASCIIDigit) {
            notes.append(
                "发票号码 has \(number.count) digits, not 8: a spreadsheet may have dropped leading zeros; "
                    + "export the column as text")
        }
        if let code = keys.code, code.count < 10 || code.count == 11, code.allSatisfy(\.isASCIIDigit) {
            notes.append(
                "发票代码 has \(code.count) digits, not 10 or 12: a spreadsheet may have dropped leading zeros")
        }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }
}
