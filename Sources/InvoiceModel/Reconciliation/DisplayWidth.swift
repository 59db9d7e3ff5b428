/// How many terminal columns text takes: East Asian wide and full-width characters (汉字, ，, Ａ) take two,
/// combining marks and format characters none, everything else one.
///
/// A compact reading of Unicode's East Asian Width (UAX #11): W and F ranges are two columns, ambiguous
/// characters (…, ×) are taken as narrow, as Western-locale terminals show them.
public enum DisplayWidth {
    /// Scalar ranges two columns wide: Hangul Jamo, CJK radicals to CJK symbols, kana, CJK ideographs and
    /// extensions, Yi, Hangul syllables, compatibility ideographs, vertical and small forms, full-width forms, and
    /// emoji pictographs.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// The number of terminal columns `text` takes.
    ///
    /// - Parameter text: one line of text (line breaks count as zero).
    public static func of(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// The columns one scalar takes: 0, 1 or 2.
    static func width(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        let value = scalar.value
        return wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    /// `text` followed by spaces up to `width` columns (unchanged when already that wide or wider).
    ///
    /// - Parameters:
    ///   - text: the cell.
    ///   - width: the column width in terminal columns.
    public static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - of(text)))
    }

    /// `text` cut to at most `width` columns, ending in `…` when cut.
    ///
    /// - Parameters:
    ///   - text: the cell.
    ///   - width: the most columns allowed (at least 1).
    public static func truncated(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let columns = of(String(character))
            guard used + columns <= width - 1 else { break }
            result.append(character)
            used += columns
        }
        return result + "…"
    }
}
