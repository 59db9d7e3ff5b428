import ArgumentParser
import Foundation
import InvoiceModel
import Storage

/// `invcap export`: the ledger's accepted invoices as CSV (for Excel) or JSON Lines (for scripts).
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the ledger's invoices as CSV (Excel-ready) or JSON Lines.",
        discussion: """
            CSV is UTF-8 with a byte-order mark (Excel reads the Chinese text right), one row per invoice, every \
            CONTRACT.md field a column. Numbers a spreadsheet would damage (leading zeros, 20-digit 数电 numbers \
            and check codes) are written as ="00316340" so Excel keeps them as text; --plain-csv writes them bare. \
            --items writes the line items to a second file, one row per line, joined on id. Only accepted \
            documents are exported unless --status says otherwise.

            Examples:
              invcap export --format csv --out invoices.csv --items lines.csv
              invcap export --format jsonl --since 2026-11-01 > november.jsonl
            """)

    @Option(help: "csv or jsonl.") var format = "csv"
    @Option(help: "Only documents stored on or after this day (YYYY-MM-DD, UTC).") var since: String?
    @Option(help: "accepted (default), needs_review, rejected or all.") var status = "accepted"
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var out: String?
    @Option(help: ArgumentHelp("Also write line items (CSV) to this file.", valueName: "file")) var items: String?
    @Flag(help: "Write digit strings bare in CSV, without the =\"…\" Excel text form.") var plainCsv = false
    @OptionGroup var ledger: LedgerOptions

    func validate() throws {
        guard ["csv", "jsonl"].contains(format) else { throw ValidationError("--format is csv or jsonl") }
        guard status == "all" || DocumentState(rawValue: status) != nil else {
            throw ValidationError("--status is one of accepted, needs_review, rejected, all")
        }
        if let since, LedgerExport.startOfDay(since) == nil {
            throw ValidationError("--since takes a day like 2026-11-01")
        }
    }

    func run() async throws {
        let store = try await ledger.open()
        let start = since.flatMap(LedgerExport.startOfDay)
        let documents = try await ledgerAction { try await LedgerExport.documents(status, since: start, from: store) }
        let bytes: [UInt8]
        if format == "csv" {
            bytes = CSVWriter(byteOrderMark: true).bytes(LedgerExport.rows(documents, excelText: !plainCsv))
        } else {
            bytes = Array(documents.map { $0.json.serialized() + "\n" }.joined().utf8)
        }
        try write(bytes, to: out)
        if let items {
            try write(
                CSVWriter(byteOrderMark: true).bytes(LedgerExport.itemRows(documents, excelText: !plainCsv)), to: items)
        }
        let where_ = out.map { " to \($0)" } ?? ""
        FileHandle.standardError.write(Data("exported \(documents.count) documents\(where_)\n".utf8))
    }

    /// Writes `bytes` to `path` (whole or not at all), or to standard output.
    func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
