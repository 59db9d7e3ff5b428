public import Foundation

/// One CSV record: its cells and the line of the file it starts on.
public struct CSVRecord: Sendable, Hashable {
    /// The 1-based line of the file where the record starts (a quoted newline makes a record span lines).
    public var line: Int
    /// The cells, unquoted, in column order.
    public var fields: [String]

    /// Creates a record.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A CSV file read as RFC 4180 records.
///
/// Fields may be quoted; a doubled quote inside quotes is one quote; delimiters and line breaks inside quotes
/// belong to the field. Lines end in CRLF, LF or CR; a final line break adds no record; empty lines are skipped.
/// Sloppy but unambiguous input is accepted as written: a quote inside an unquoted field is kept, and text
/// after a closing quote is appended to the field.
public struct CSVTable: Sendable, Hashable {
    /// The records in file order, empty lines left out.
    public var records: [CSVRecord]
    /// The encoding the bytes were read in, or `nil` when the table was parsed from a `String`.
    public var encoding: CSVTextEncoding?

    /// Parses CSV text; a leading byte-order mark (U+FEFF) is ignored.
    ///
    /// - Parameters:
    ///   - text: the whole file.
    ///   - delimiter: the field separator, `,` unless told (`\t` for tab-separated exports).
    /// - Throws: `ReconciliationError.unterminatedQuote` when a quoted field is never closed.
    public init(parsing text: String, delimiter: Unicode.Scalar = ",") throws(ReconciliationError) {
        var parser = CSVParser(delimiter: delimiter)
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        for scalar in scalars { parser.consume(scalar) }
        records = try parser.finish()
        encoding = nil
    }

    /// Decodes and parses a CSV file's bytes (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK).
    ///
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - delimiter: the field separator, `,` unless told.
    /// - Throws: `ReconciliationError.undecodableText` or `.unterminatedQuote`.
    public init(decoding bytes: [UInt8], delimiter: Unicode.Scalar = ",") throws(ReconciliationError) {
        let decoded = try CSVTextEncoding.decode(bytes)
        try self.init(parsing: decoded.text, delimiter: delimiter)
        encoding = decoded.encoding
    }

    /// Decodes and parses a CSV file's bytes; see `init(decoding:delimiter:)` for `[UInt8]`.
    ///
    /// - Parameters:
    ///   - data: the whole file.
    ///   - delimiter: the field separator, `,` unless told.
    /// - Throws: `ReconciliationError.undecodableText` or `.unterminatedQuote`.
    public init(decoding data: Data, delimiter: Unicode.Scalar = ",") throws(ReconciliationError) {
        try self.init(decoding: [UInt8](data), delimiter: delimiter)
    }
}
