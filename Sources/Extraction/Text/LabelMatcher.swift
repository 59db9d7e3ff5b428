import InvoiceModel

/// Finds printed labels (发票号码, 纳税人识别号 …) in OCR text that may have dropped, added or mistaken
/// characters, and returns what follows them.
enum LabelMatcher {
    /// Separators printed between a label and its value.
    static let separators: Set<Character> = ["：", ":", ";", "；", "∶"]

    /// Characters OCR inserts inside spaced-out labels (校 验 码) or confuses with separators.
    static let labelNoise: Set<Character> = [" ", "|", "_", "、", ".", "·", "'", "\"", "“", "”"]

    /// Where `label` ends in `line` when it appears near the start (within `slack` extra characters):
    /// the index of the first glyph after the label and its separator, and the share of the label's
    /// characters found in order (1 = exact).
    static func match(_ label: String, in line: LineText, slack: Int = 4, minimumScore: Double = 0.6)
        -> (valueStart: Int, score: Double)?
    {
        let wanted = Array(label)
        guard !wanted.isEmpty, !line.isEmpty else { return nil }
        let window = min(line.glyphs.count, wanted.count + slack)
        // Longest common subsequence between the label and the line's first `window` characters.
        let seen = line.glyphs.prefix(window).map(\.character)
        var table = [[Int]](repeating: [Int](repeating: 0, count: seen.count + 1), count: wanted.count + 1)
        for i in 1...wanted.count {
            for j in 1...seen.count {
                table[i][j] =
                    wanted[i - 1] == seen[j - 1] ? table[i - 1][j - 1] + 1 : max(table[i - 1][j], table[i][j - 1])
            }
        }
        let common = table[wanted.count][seen.count]
        let score = Double(common) / Double(wanted.count)
        guard score >= minimumScore, common > 0 else { return nil }
        // The label ends at the last line character used by the alignment.
        var i = wanted.count
        var j = seen.count
        var end = 0
        while i > 0, j > 0 {
            if wanted[i - 1] == seen[j - 1], table[i][j] == table[i - 1][j - 1] + 1 {
                end = max(end, j)
                i -= 1
                j -= 1
            } else if table[i - 1][j] >= table[i][j - 1] {
                i -= 1
            } else {
                j -= 1
            }
        }
        var start = end
        // Skip a separator and noise right after the label; a separator close by also ends the label.
        if let separator = line.glyphs.prefix(min(line.glyphs.count, end + 3)).indices
            .first(where: { $0 >= end - 1 && separators.contains(line.glyphs[$0].character) })
        {
            start = separator + 1
        }
        while start < line.glyphs.count,
            labelNoise.contains(line.glyphs[start].character) || separators.contains(line.glyphs[start].character)
        {
            start += 1
        }
        return (valueStart(after: start, in: line), score)
    }

    /// The best of several alternative spellings of a label.
    static func match(anyOf labels: [String], in line: LineText, slack: Int = 4, minimumScore: Double = 0.6)
        -> (valueStart: Int, score: Double)?
    {
        labels.compactMap { match($0, in: line, slack: slack, minimumScore: minimumScore) }.max { $0.score < $1.score }
    }

    /// The text after the first separator in the first `within` characters, or `nil` when there is none.
    static func afterSeparator(in line: LineText, within: Int = 14) -> Int? {
        line.glyphs.prefix(within).firstIndex { separators.contains($0.character) }
            .map { valueStart(after: $0 + 1, in: line) }
    }

    /// Where a value starts when the label ends at `index`: when the separator's OCR word carries on with
    /// characters the engine has essentially no confidence in (below 0.1: it reads "：" plus the gap
    /// after it as ":和" with confidence 0), the value starts at the next word.
    static func valueStart(after index: Int, in line: LineText) -> Int {
        guard index > 0, index < line.glyphs.count else { return index }
        let separatorWord = line.glyphs[index - 1].word
        var start = index
        while start < line.glyphs.count, line.glyphs[start].word == separatorWord,
            separators.contains(line.glyphs[index - 1].character), line.glyphs[start].confidence < 0.1
        {
            start += 1
        }
        return start
    }
}

extension LabelMatcher {
    /// The glyph range of the best fuzzy occurrence of `label` anywhere in `line` at or after `from`
    /// (at least `minimumScore` of its characters in order, within a window of its length + 1).
    static func locate(_ label: String, in line: LineText, from: Int = 0, minimumScore: Double = 0.6) -> Range<Int>? {
        let wanted = Array(label)
        let characters = line.glyphs.map(\.character)
        guard !wanted.isEmpty, from < characters.count else { return nil }
        var best: (range: Range<Int>, score: Double)?
        for start in from..<characters.count where wanted.contains(characters[start]) {
            let window = Array(characters[start..<min(characters.count, start + wanted.count + 1)])
            var matched = 0
            var last = -1
            for character in wanted {
                if let position = window.indices.first(where: { $0 > last && window[$0] == character }) {
                    matched += 1
                    last = position
                }
            }
            let score = Double(matched) / Double(wanted.count)
            if score >= minimumScore, score > best?.score ?? 0 {
                best = (start..<(start + last + 1), score)
            }
        }
        return best?.range
    }
}
