/// Header names a caller gives for columns whose headers are not the defaults, e.g. an English export's
/// `Invoice No.` for `invoiceNumber`.
///
/// A mapped column is found only under its mapped header; unmapped columns keep their default headers.
public struct PlatformColumnMapping: Sendable, Hashable {
    /// The header name for each mapped column.
    public var headers: [PlatformColumn: String]

    /// Creates a mapping from column to header name.
    ///
    /// - Parameter headers: header names by column; empty for the defaults only.
    public init(_ headers: [PlatformColumn: String] = [:]) {
        self.headers = headers
    }

    /// Parses `field=Header,field=Header`, e.g. `invoiceNumber=Invoice No.,totalAmount=Total`.
    ///
    /// Field names are `PlatformColumn` raw values (`invoiceCode`, `invoiceNumber`, `digitalInvoiceNumber`,
    /// `issueDate`, `sellerTaxID`, `sellerName`, `amountExcludingTax`, `taxAmount`, `totalAmount`), matched
    /// without regard to case; spaces around names and headers are trimmed. A header cannot contain `,`.
    ///
    /// - Parameter text: the mapping as typed.
    /// - Throws: `ReconciliationError.malformedMapping` for an empty mapping, an entry without `=`, an unknown
    ///   field, an empty header, or a field mapped twice.
    public init(parsing text: String) throws(ReconciliationError) {
        guard !Self.trimmed(Substring(text)).isEmpty else {
            throw .malformedMapping(entry: text, reason: "the mapping is empty")
        }
        var headers: [PlatformColumn: String] = [:]
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            let shown = Self.trimmed(entry)
            guard let equals = entry.firstIndex(of: "=") else {
                throw .malformedMapping(entry: shown, reason: "it has no \"=\" between field and header")
            }
            let name = Self.trimmed(entry[..<equals])
            let header = Self.trimmed(entry[entry.index(after: equals)...])
            guard let column = PlatformColumn.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() })
            else {
                let known = PlatformColumn.allCases.map(\.rawValue).joined(separator: ", ")
                throw .malformedMapping(entry: shown, reason: "\"\(name)\" is not a field; fields are \(known)")
            }
            guard !header.isEmpty else {
                throw .malformedMapping(entry: shown, reason: "the header name after \"=\" is empty")
            }
            guard headers[column] == nil else {
                throw .malformedMapping(entry: shown, reason: "\(column.rawValue) is mapped more than once")
            }
            headers[column] = header
        }
        self.headers = headers
    }

    /// The header names accepted for `column`: its mapped header, or its defaults.
    ///
    /// - Parameter column: the column.
    public func acceptedHeaders(for column: PlatformColumn) -> [String] {
        headers[column].map { [$0] } ?? column.defaultHeaders
    }

    /// `text` without leading and trailing whitespace.
    private static func trimmed(_ text: Substring) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
