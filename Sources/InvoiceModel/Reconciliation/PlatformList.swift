public import Foundation

/// A tax-platform invoice list (the national e-invoice service platform's or the VAT invoice selection
/// platform's export) read into invoices, with the rows that could not be read.
///
/// The header row is the first of the first `headerSearchLimit` records that names an invoice number column, so
/// title lines above it are skipped. Rows whose cells are all blank are skipped; a row with no invoice number or
/// an unreadable number, amount or date becomes a `PlatformRowError` and is left out of `invoices`.
public struct PlatformList: Sendable, Hashable {
    /// How many records from the top are searched for the header row.
    public static let headerSearchLimit = 20

    /// The readable rows, in file order.
    public var invoices: [PlatformInvoice]
    /// The unreadable rows, in file order (a row may have several).
    public var rowErrors: [PlatformRowError]
    /// The 1-based line of the header row.
    public var headerLine: Int
    /// The header, as the file spells it, of each column found.
    public var columnHeaders: [PlatformColumn: String]
    /// The encoding the file was read in, or `nil` when it was given as a table.
    public var encoding: CSVTextEncoding?

    /// Reads an export already split into records.
    ///
    /// - Parameters:
    ///   - table: the file's records.
    ///   - mapping: header names for columns whose headers are not the defaults.
    /// - Throws: `ReconciliationError.emptyFile`, `.noNumberColumn` when no header row names 发票号码 or
    ///   数电发票号码 (or their mapped headers), `.mappedHeaderMissing` when a mapped header is not in it.
    public init(table: CSVTable, mapping: PlatformColumnMapping = PlatformColumnMapping()) throws(ReconciliationError) {
        guard let first = table.records.first else { throw .emptyFile }
        let candidates = table.records.prefix(Self.headerSearchLimit)
        guard
            let headerIndex = candidates.firstIndex(where: {
                Self.columns(of: $0, mapping).keys.contains(where: \.isNumberColumn)
            })
        else {
            // The likeliest header: the first record with two or more cells (a title line has one).
            let likeliest = candidates.first { $0.fields.filter { !PlatformCell.trimmed($0).isEmpty }.count > 1 }
            let found = (likeliest ?? first).fields.map(PlatformCell.trimmed)
            if let mapped = mapping.headers.keys.sorted().first(where: \.isNumberColumn),
                let header = mapping.headers[mapped]
            {
                throw .mappedHeaderMissing(field: mapped, header: header, foundHeaders: found)
            }
            let expected = [PlatformColumn.invoiceNumber, .digitalInvoiceNumber].flatMap(mapping.acceptedHeaders)
            throw .noNumberColumn(foundHeaders: found, expectedHeaders: expected)
        }
        let header = table.records[headerIndex]
        let columns = Self.columns(of: header, mapping)
        for (column, name) in mapping.headers.sorted(by: { $0.key < $1.key }) where columns[column] == nil {
            throw .mappedHeaderMissing(
                field: column, header: name, foundHeaders: header.fields.map(PlatformCell.trimmed))
        }
        let headers = columns.mapValues { PlatformCell.trimmed(header.fields[$0]) }
        var invoices: [PlatformInvoice] = []
        var rowErrors: [PlatformRowError] = []
        for record in table.records[(headerIndex + 1)...] {
            guard record.fields.contains(where: { !PlatformCell.trimmed($0).isEmpty }) else { continue }
            var row = PlatformRowReader(record: record, columns: columns, headers: headers)
            let invoice = row.invoice()
            if row.errors.isEmpty {
                invoices.append(invoice)
            } else {
                rowErrors += row.errors.map { error in
                    var error = error
                    error.partialInvoice = invoice
                    return error
                }
            }
        }
        self.invoices = invoices
        self.rowErrors = rowErrors
        self.headerLine = header.line
        self.columnHeaders = headers
        self.encoding = table.encoding
    }

    /// Decodes, splits and reads an export file (UTF-8, UTF-16 with BOM, or GB18030/GBK; comma-separated).
    ///
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - mapping: header names for columns whose headers are not the defaults.
    /// - Throws: `ReconciliationError` when the file cannot be decoded or split, or has no usable header row.
    public init(bytes: [UInt8], mapping: PlatformColumnMapping = PlatformColumnMapping()) throws(ReconciliationError) {
        try self.init(table: CSVTable(decoding: bytes), mapping: mapping)
    }

    /// Decodes, splits and reads an export file; see `init(bytes:mapping:)`.
    ///
    /// - Parameters:
    ///   - data: the whole file.
    ///   - mapping: header names for columns whose headers are not the defaults.
    /// - Throws: `ReconciliationError` when the file cannot be decoded or split, or has no usable header row.
    public init(data: Data, mapping: PlatformColumnMapping = PlatformColumnMapping()) throws(ReconciliationError) {
        try self.init(bytes: [UInt8](data), mapping: mapping)
    }

    /// The index of each recognised column in `record`: mapped headers first, then defaults on the other cells.
    static func columns(of record: CSVRecord, _ mapping: PlatformColumnMapping) -> [PlatformColumn: Int] {
        let cells = record.fields.map(PlatformColumn.normalizedHeader)
        var columns: [PlatformColumn: Int] = [:]
        for (column, header) in mapping.headers {
            if let index = cells.firstIndex(of: PlatformColumn.normalizedHeader(header)) { columns[column] = index }
        }
        let claimed = Set(columns.values)
        for column in PlatformColumn.allCases where mapping.headers[column] == nil {
            let accepted = Set(column.defaultHeaders.map(PlatformColumn.normalizedHeader))
            if let index = cells.indices.first(where: { !claimed.contains($0) && accepted.contains(cells[$0]) }) {
                columns[column] = index
            }
        }
        return columns
    }
}
