/// Cleaning of single cells of a tax-platform export.
enum PlatformCell {
    /// `text` without leading and trailing whitespace (including tabs, full-width spaces) and byte-order marks.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let isPadding: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace || $0 == "\u{FEFF}" }
        guard let start = scalars.firstIndex(where: { !isPadding($0) }),
            let end = scalars.lastIndex(where: { !isPadding($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    /// The cell trimmed, with Excel's keep-as-text wrappers removed: `="0123"` → `0123`, `'0123` → `0123`.
    static func unwrapped(_ text: String) -> String {
        let cell = trimmed(text)
        if cell.hasPrefix("=\""), cell.hasSuffix("\""), cell.count >= 3 {
            return trimmed(String(cell.dropFirst(2).dropLast()))
        }
        if cell.hasPrefix("'") { return trimmed(String(cell.dropFirst())) }
        return cell
    }

    /// An identifier (code, number, tax ID) as compared: unwrapped, full-width characters made ASCII, all
    /// whitespace removed, letters upper-cased.
    static func identifier(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                unwrapped(text).unicodeScalars.map(Money.asciiFromFullWidth).filter { !$0.properties.isWhitespace }
            )
        ).uppercased()
    }

    /// A date cell as `YYYY-MM-DD`: `2024-01-05`, `2024/1/5`, `2024年01月05日`, `20240105`, optionally followed by
    /// a time (`2024-01-05 10:11:12`, `2024-01-05T10:11:12`); `nil` for anything else.
    static func date(_ text: String) -> String? {
        let cell = unwrapped(text)
        if let date = DocumentDate.parseChinese(cell) { return date }
        let datePart = cell.prefix { !$0.isWhitespace && $0 != "T" }
        guard datePart.count < cell.count else { return nil }
        let timePart = cell.dropFirst(datePart.count).dropFirst()
        guard timePart.contains(":") || timePart.contains("时") else { return nil }
        return DocumentDate.parseChinese(String(datePart))
    }
}
