import InvoiceModel

/// How plausible a read value is for its field, to choose between two reads that disagree.
enum ValueRank {
    /// Tax IDs: a USCC whose check characters hold beats any other 18-character ID, which beats the other
    /// accepted lengths, which beat anything else.
    static func taxID(_ value: String) -> Int {
        switch TaxID.check(value) {
        case .validUSCC: return 3
        case .organizationCodeMismatch, .usccCheckCharacterMismatch: return value.count == 18 ? 2 : 1
        case .plausibleOtherFormat: return 1
        case .malformed: return 0
        }
    }

    /// Digit fields: the expected number of digits.
    static func digits(_ lengths: Set<Int>) -> (String) -> Int {
        { value in lengths.contains(value.count) && value.allSatisfy(\.isASCIIDigit) ? 1 : 0 }
    }

    /// Amounts: anything that parses.
    static func amount(_ value: String) -> Int { Money.parse(value) == nil ? 0 : 1 }

    /// Two 18-character reads of a USCC that both fail its check characters but differ in at most three
    /// positions: the one mix of their characters that passes, or `nil` (none or several pass).
    static func combineTaxIDs(_ first: String, _ second: String) -> String? {
        let a = Array(first)
        let b = Array(second)
        guard a.count == 18, b.count == 18, taxID(first) < 3, taxID(second) < 3 else { return nil }
        let differing = a.indices.filter { a[$0] != b[$0] }
        guard (1...3).contains(differing.count) else { return nil }
        var passing: [String] = []
        for mask in 0..<(1 << differing.count) {
            var mixed = a
            for (bit, index) in differing.enumerated() where mask & (1 << bit) != 0 { mixed[index] = b[index] }
            let candidate = String(mixed)
            if taxID(candidate) == 3 { passing.append(candidate) }
        }
        return passing.count == 1 ? passing[0] : nil
    }
}
