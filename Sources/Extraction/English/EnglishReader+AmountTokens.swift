import Foundation

/// Amount tokens on a line of OCR text: where they are, what they say, what label precedes them.
extension EnglishReader {
    /// Every amount on a row with the text printed before it (since the previous amount) as its label:
    /// "Total Saving 0.00 Total 77.20" holds two.
    static func labelledAmounts(in line: LineText) -> [(label: String, value: String, text: LineText)] {
        var result: [(label: String, value: String, text: LineText)] = []
        var labelStart = 0
        for (range, value) in amounts(in: line) {
            let label = line.slice(labelStart..<range.lowerBound).text
            result.append((label, value, line.slice(range)))
            labelStart = range.upperBound
        }
        return result
    }

    /// The last amount with two decimals on a line.
    static func lastAmount(in line: LineText) -> (value: String, text: LineText)? {
        amounts(in: line).last.map { ($0.value, line.slice($0.range)) }
    }

    /// Whether the one glyph between two runs of digits is a decimal point OCR read as a colon ("1:32"):
    /// a colon, one to four digits before it and two after, on a row that prints no time or date (where
    /// "18:23" is a time).
    static func colonIsDecimalPoint(between first: Range<Int>, and second: Range<Int>, in line: LineText) -> Bool {
        guard first.upperBound + 1 == second.lowerBound, line.glyphs[first.upperBound].character == ":",
            (1...4).contains(first.count), second.count == 2,
            line.slice(first).compactText.allSatisfy(\.isASCIIDigit),
            line.slice(second).compactText.allSatisfy(\.isASCIIDigit),
            second.upperBound == line.glyphs.count || !":.".contains(line.glyphs[second.upperBound].character)
        else { return false }
        let text = line.compactText.uppercased()
        return text.matches(of: AmountShapes.colon).count == 1 && text.firstMatch(of: AmountShapes.timeOrDate) == nil
    }

    /// The amounts with two decimals on a line, left to right (currency signs and codes ignored; "68. 87"
    /// is one amount that OCR split; "5,90" is a decimal comma). A number followed by % is a rate
    /// ("TAX 10.25% 10.15"), not an amount.
    static func amounts(in line: LineText) -> [(range: Range<Int>, value: String)] {
        let runs = line.runs(gapRatio: 0.9) { $0.isASCIIDigit || $0 == "." || $0 == "," || $0 == "-" }
        var merged: [Range<Int>] = []
        for run in runs {
            if let last = merged.last, line.slice(last).compactText.hasSuffix("."), run.count == 2,
                line.slice(run).compactText.allSatisfy(\.isASCIIDigit)
            {
                merged[merged.count - 1] = last.lowerBound..<run.upperBound
            } else if let last = merged.last, line.slice(last).compactText.allSatisfy(\.isASCIIDigit),
                line.slice(run).compactText.wholeMatch(of: AmountShapes.cents) != nil
            {
                // "250 .00"
                merged[merged.count - 1] = last.lowerBound..<run.upperBound
            } else if let last = merged.last, colonIsDecimalPoint(between: last, and: run, in: line) {
                // "SST-6% 1:32"
                merged[merged.count - 1] = last.lowerBound..<run.upperBound
            } else {
                merged.append(run)
            }
        }
        return merged.compactMap { range in
            if range.upperBound < line.glyphs.count, "%％".contains(line.glyphs[range.upperBound].character) {
                return nil
            }
            var token = line.slice(range).compactText
            if token.wholeMatch(of: AmountShapes.indianGrouping) != nil {
                // "4,25,652.00": Indian grouping (lakh and crore).
                token = token.replacingOccurrences(of: ",", with: "")
            }
            if token.wholeMatch(of: AmountShapes.continental) != nil {
                // "1.234,56": thousands dots and a decimal comma (most of continental Europe).
                token = token.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
            }
            if token.wholeMatch(of: AmountShapes.commaOrColonDecimal) != nil {
                token = token.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: ":", with: ".")
            }
            guard token.wholeMatch(of: AmountShapes.amount) != nil,
                let value = FieldText.amount(token)
            else {
                return nil
            }
            return (range, value)
        }
    }
}

/// Shapes of amount tokens, built once (see `AmountWords`): they are tried on every number of a page.
enum AmountShapes {
    nonisolated(unsafe) static let colon: Regex<Substring> = /\d:\d/
    nonisolated(unsafe) static let timeOrDate: Regex<Substring> = /AM|PM|TIME|\d[\/.-]\d{1,2}[\/.-]\d/
    nonisolated(unsafe) static let cents: Regex<Substring> = /\.\d{2}/
    nonisolated(unsafe) static let indianGrouping: Regex<Substring> = /-?\d{1,2}(?:,\d{2})+,\d{3}\.\d{2}/
    nonisolated(unsafe) static let continental: Regex<Substring> = /-?\d{1,3}(?:\.\d{3})+,\d{2}/
    nonisolated(unsafe) static let commaOrColonDecimal: Regex<Substring> = /-?\d+[,:]\d{2}/
    nonisolated(unsafe) static let amount: Regex<Substring> = /-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}/
}
