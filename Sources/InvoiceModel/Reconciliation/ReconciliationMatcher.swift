/// Pairs ledger invoices with platform rows key by key, each invoice at most once.
struct Matcher {
    /// One matched pair: indices into the two sides and the key they matched on.
    struct Pair {
        let ledger: Int
        let platform: Int
        let key: InvoiceKey
    }

    /// The ledger side's key fields, in id order.
    let ledger: [KeyFields]
    /// The platform side's key fields, in line order.
    let platform: [KeyFields]
    /// Whether each ledger invoice is matched.
    private(set) var ledgerMatched: [Bool]
    /// Whether each platform row is matched.
    private(set) var platformMatched: [Bool]
    /// The pairs found so far.
    private(set) var pairs: [Pair] = []

    init(ledger: [KeyFields], platform: [KeyFields]) {
        self.ledger = ledger
        self.platform = platform
        ledgerMatched = Array(repeating: false, count: ledger.count)
        platformMatched = Array(repeating: false, count: platform.count)
    }

    /// Matches still-unmatched invoices whose `key` is equal and which are `compatible`, in side order.
    ///
    /// - Parameters:
    ///   - key: the key this pass matches on, or `nil` when an invoice has none.
    ///   - compatible: whether a ledger invoice and a platform row with equal keys may match.
    mutating func pass(
        _ key: (KeyFields) -> InvoiceKey?, compatible: (_ ledger: KeyFields, _ platform: KeyFields) -> Bool
    ) {
        var candidates: [InvoiceKey: [Int]] = [:]
        for (index, fields) in platform.enumerated() where !platformMatched[index] {
            if let key = key(fields) { candidates[key, default: []].append(index) }
        }
        for (index, fields) in ledger.enumerated() where !ledgerMatched[index] {
            guard let key = key(fields), let rows = candidates[key] else { continue }
            guard let row = rows.first(where: { !platformMatched[$0] && compatible(fields, platform[$0]) }) else {
                continue
            }
            ledgerMatched[index] = true
            platformMatched[row] = true
            pairs.append(Pair(ledger: index, platform: row, key: key))
        }
    }
}
