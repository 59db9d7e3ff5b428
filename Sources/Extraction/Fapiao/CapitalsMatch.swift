import InvoiceModel

/// Whether an OCR'd capital amount (大写) supports the capitals the invoicing software prints for a total.
///
/// OCR misreads the numerals (叁, 柒, 捌 …) as look-alikes (参, 类, 制) and sometimes a unit (仟 → 任), but a
/// character it does read as a numeral or unit is nearly always right: such a character contradicting
/// the expected capitals means they really differ.
enum CapitalsMatch {
    static let units: Set<Character> = Set("拾佰仟万亿圆元角分整正零负")
    static let numerals: Set<Character> = Set("壹贰叁肆伍陆柒捌玖")

    /// The capitals as read, cut from the text between the 大写 label and the 小写 label, without the ⓧ
    /// glyph and other non-CJK noise before them; characters never printed in capitals read as the
    /// numeral they look like (参 → 叁: `ValueKind.capitalLookalikes`), as the second reader's are.
    static func cleaned(_ text: String) -> String {
        String(text.filter { $0.isCJK && !"（）()〈〉《》".contains($0) }.map { ValueKind.capitalLookalikes[$0] ?? $0 })
    }

    /// Aligns the reading with the expected capitals (edit distance): a character read as a different
    /// numeral or unit, or an extra numeral or unit, contradicts them outright; a look-alike in place of
    /// the expected character or an extra noise character costs 1 (nothing before the first or after the
    /// last expected character: the label's tail, the ⓧ glyph and the 小写 label's head are read as
    /// noise there), a missing numeral 1.5 (a missing unit contradicts them). The reading supports the
    /// expected capitals when nothing contradicts them, the cost stays within 75 % of their length, and
    /// at least a third of their characters were read exactly.
    static func supports(reading: String, expected: String) -> Bool {
        let read = Array(reading.replacingOccurrences(of: "元", with: "圆").replacingOccurrences(of: "正", with: "整"))
        let want = Array(expected)
        guard !read.isEmpty, !want.isEmpty else { return false }
        let forbidden = Double.infinity
        func isCapital(_ character: Character) -> Bool { units.contains(character) || numerals.contains(character) }
        // cost[i][j]: reading[..<i] against expected[..<j]; exact[i][j]: exact matches on that path.
        var cost = [[Double]](repeating: [Double](repeating: forbidden, count: want.count + 1), count: read.count + 1)
        var exact = [[Int]](repeating: [Int](repeating: 0, count: want.count + 1), count: read.count + 1)
        cost[0][0] = 0
        for i in 0...read.count {
            for j in 0...want.count where cost[i][j] < forbidden {
                if i < read.count, j < want.count {
                    let step = read[i] == want[j] ? 0 : (isCapital(read[i]) ? forbidden : 1)
                    relax(&cost, &exact, i + 1, j + 1, cost[i][j] + step, exact[i][j] + (step == 0 ? 1 : 0))
                }
                if i < read.count {
                    let noise = (j == 0 || j == want.count) ? 0.0 : 1.0
                    relax(
                        &cost, &exact, i + 1, j, cost[i][j] + (isCapital(read[i]) ? forbidden : noise), exact[i][j])
                }
                if j < want.count {
                    // A missing numeral may be a dropped character; a missing unit changes the amount.
                    relax(
                        &cost, &exact, i, j + 1, cost[i][j] + (units.contains(want[j]) ? forbidden : 1.5), exact[i][j])
                }
            }
        }
        let total = cost[read.count][want.count]
        return total <= 0.75 * Double(want.count) && exact[read.count][want.count] * 3 >= want.count
    }

    private static func relax(
        _ cost: inout [[Double]], _ exact: inout [[Int]], _ i: Int, _ j: Int, _ value: Double, _ matches: Int
    ) {
        if value < cost[i][j] || (value == cost[i][j] && matches > exact[i][j]) {
            cost[i][j] = value
            exact[i][j] = matches
        }
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
