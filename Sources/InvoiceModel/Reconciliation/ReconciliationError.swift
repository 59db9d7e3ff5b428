/// Why a CSV file, a tax-platform export or a column mapping could not be read.
///
/// One row that cannot be read is not an error of this kind: it becomes a `PlatformRowError` and the other rows
/// are still read. These errors stop the whole file.
public enum ReconciliationError: Error, Sendable, Hashable {
    /// The bytes are not text in an encoding the reader knows; `detail` says what was found.
    case undecodableText(detail: String)
    /// A quoted field opened on `line` is never closed, so the rest of the file cannot be split into rows.
    case unterminatedQuote(line: Int)
    /// The file has no rows at all.
    case emptyFile
    /// No header row names an invoice number column; lists the first row's cells and the accepted names.
    case noNumberColumn(foundHeaders: [String], expectedHeaders: [String])
    /// A column mapping names a header that is not in the file's header row.
    case mappedHeaderMissing(field: PlatformColumn, header: String, foundHeaders: [String])
    /// A column mapping such as `invoiceNumber=Invoice No.,totalAmount=Total` has a malformed entry.
    case malformedMapping(entry: String, reason: String)
}

extension ReconciliationError: CustomStringConvertible {
    /// What went wrong and what to do about it, for people.
    public var description: String {
        switch self {
        case .undecodableText(let detail):
            return "The file is not readable text: \(detail). Save it as \"CSV UTF-8\" and try again."
        case .unterminatedQuote(let line):
            return "The quoted field that starts on line \(line) is never closed (a missing \"), so the rows after "
                + "it cannot be read. Check that line in a text editor, or export the file again."
        case .emptyFile:
            return "The file is empty: export the invoice list from the tax platform again."
        case .noNumberColumn(let found, let expected):
            return "No invoice number column found. The file's first row has: \(Self.quoted(found)). Expected one "
                + "of: \(Self.quoted(expected)). Map your column with e.g. invoiceNumber=Your Header."
        case .mappedHeaderMissing(let field, let header, let found):
            return "The mapping names header \"\(header)\" for \(field.rawValue), but the file has no such column. "
                + "Its header row has: \(Self.quoted(found))."
        case .malformedMapping(let entry, let reason):
            return "Column mapping entry \"\(entry)\" is malformed: \(reason). Write it as "
                + "field=Header,field=Header, e.g. invoiceNumber=Invoice No.,totalAmount=Total."
        }
    }

    /// Names in quotes, comma-separated, or `(nothing)` for an empty list.
    private static func quoted(_ names: [String]) -> String {
        names.isEmpty ? "(nothing)" : names.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
