/// Levenshtein distance between two character sequences: the fewest insertions, deletions and
/// substitutions that turn one into the other. Used to match OCR readings to known forms (titles, keys,
/// bank names, legal forms) and to tell amounts one character apart.
enum EditDistance {
    static func between(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + [Int](repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
