/// Writes RFC 4180 CSV that spreadsheets open safely: CRLF line ends, quoting where needed, an optional UTF-8
/// byte-order mark, and formula-injection guarding.
///
/// Formula injection: a cell that starts with `=`, `+`, `-`, `@`, tab or CR could run as a formula when the file
/// is opened in a spreadsheet, so it is written with a single quote `'` in front (OWASP's advice). Cells that are
/// plain decimal numbers (`-12.30`, `0.00`, `02708659`: an optional `-`, digits, optionally `.` and digits) are
/// never changed, because a spreadsheet reads them as numbers, not formulas, and amounts must stay numeric. So
/// callers need not mark numeric cells: the writer decides from the text.
public struct CSVWriter: Sendable, Hashable {
    /// Whether the output starts with a UTF-8 byte-order mark, which Excel needs to read Chinese text as UTF-8.
    public var byteOrderMark: Bool
    /// Whether cells that could run as formulas get a leading `'` (on unless turned off).
    public var guardsFormulas: Bool

    /// Creates a writer.
    ///
    /// - Parameters:
    ///   - byteOrderMark: start the output with U+FEFF (for Excel); off by default.
    ///   - guardsFormulas: prefix formula-like cells with `'`; on by default.
    public init(byteOrderMark: Bool = false, guardsFormulas: Bool = true) {
        self.byteOrderMark = byteOrderMark
        self.guardsFormulas = guardsFormulas
    }

    /// The CSV text of `rows`, each ended by CR LF, starting with U+FEFF when `byteOrderMark` is set.
    ///
    /// - Parameter rows: the records; rows may have different lengths.
    /// - Returns: the text.
    public func text(_ rows: [[String]]) -> String {
        var output = byteOrderMark ? "\u{FEFF}" : ""
        for row in rows {
            // A record with one empty field is written `""`, so it is not read back as an empty line.
            output += row == [""] ? "\"\"" : row.map(cell).joined(separator: ",")
            output += "\r\n"
        }
        return output
    }

    /// The UTF-8 bytes of `text(_:)`.
    ///
    /// - Parameter rows: the records.
    /// - Returns: the file's bytes (beginning `EF BB BF` when `byteOrderMark` is set).
    public func bytes(_ rows: [[String]]) -> [UInt8] {
        Array(text(rows).utf8)
    }

    /// One cell as written: formula-guarded when needed, then quoted when it holds `,` `"` CR or LF.
    ///
    /// - Parameter value: the cell's text.
    /// - Returns: the text as it appears in the file.
    public func cell(_ value: String) -> String {
        var value = value
        if guardsFormulas, Self.couldRunAsFormula(value) { value = "'" + value }
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
            return value
        }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in value.unicodeScalars {
            if scalar == "\"" { quoted.append("\"") }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// Whether a spreadsheet could read `value` as a formula: it starts with `=` `+` `-` `@` tab or CR and is not
    /// a plain decimal number, nor Excel's text form of a digit string (`="00316340"`, a constant that keeps
    /// leading zeros and long numbers as text; it runs nothing).
    ///
    /// - Parameter value: a cell's text.
    public static func couldRunAsFormula(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return false }
        return !isPlainNumber(value) && !isDigitTextLiteral(value)
    }

    /// Whether `value` is exactly `="` ASCII digits `"`.
    public static func isDigitTextLiteral(_ value: String) -> Bool {
        guard value.hasPrefix("=\""), value.hasSuffix("\""), value.count > 3 else { return false }
        return value.dropFirst(2).dropLast().allSatisfy(\.isASCIIDigit)
    }

    /// Whether `value` is `-?\d+(\.\d+)?` in ASCII digits.
    ///
    /// - Parameter value: a cell's text.
    public static func isPlainNumber(_ value: String) -> Bool {
        var body = Substring(value)
        if body.first == "-" { body.removeFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }
}
