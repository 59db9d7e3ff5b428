import ArgumentParser
import Foundation
import InvoiceModel
import Storage

/// `invcap reconcile PLATFORM_EXPORT.csv`: the accepted ledger against the tax platform's list.
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Compare the accepted ledger with an invoice list exported from the tax platform.",
        discussion: """
            Reports invoices in the ledger but not on the platform, on the platform but not in the ledger, and \
            matched invoices whose amount, tax, total, issue date or seller tax ID differ; also duplicates and \
            platform rows that cannot be read (with their line numbers). Invoices match on the 20-digit 数电 \
            number, else 发票代码 + 发票号码, else 发票号码 + seller tax ID.

            The export is CSV in UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030. The columns \
            are found by their headers: 发票代码, 发票号码, 数电发票号码, 开票日期, 销方识别号, 销方名称, 金额, \
            税额, 价税合计 (and common variants), or the English field names. --map names other headers. \
            Exit status: 0 when the comparison ran (also with differences, unless --fail-on-differences), 1 \
            when the file cannot be read.

            Examples:
              invcap reconcile platform-2026-11.csv
              invcap reconcile platform.csv --csv differences.csv
              invcap reconcile in.csv --map "invoiceNumber=Invoice No.,totalAmount=Total"
            """)

    @Argument(help: ArgumentHelp("The platform's invoice list (CSV).", valueName: "platform-export.csv"))
    var platformExport: String
    @Option(help: ArgumentHelp("Other headers: field=header pairs joined by commas.", valueName: "mapping"))
    var map: String?
    @Option(help: ArgumentHelp("Also write the findings as CSV (UTF-8 with BOM) to this file.", valueName: "file"))
    var csv: String?
    @Option(help: "Only ledger documents stored on or after this day (YYYY-MM-DD, UTC).") var since: String?
    @Flag(help: "Exit with status 1 when anything differs.") var failOnDifferences = false
    @OptionGroup var ledger: LedgerOptions

    func validate() throws {
        if let since, LedgerExport.startOfDay(since) == nil {
            throw ValidationError("--since takes a day like 2026-11-01")
        }
        if let map {
            do {
                _ = try PlatformColumnMapping(parsing: map)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    func run() async throws {
        let platform = try readPlatformList()
        let store = try await ledger.open()
        let start = since.flatMap(LedgerExport.startOfDay)
        let accepted = try await ledgerAction { try await store.documents(in: .accepted, since: start) }
        let report = Reconciliation.compare(ledger: accepted.map(\.ledgerInvoice), platform: platform)
        print(report.textTable())
        print(
            "ledger: \(accepted.count) accepted documents; platform: \(platform.invoices.count) rows read from \(platformExport)"
        )
        if let csv {
            do {
                try Data(report.csv(byteOrderMark: true)).write(to: URL(fileURLWithPath: csv), options: .atomic)
            } catch {
                throw CLIError("cannot write \(csv): \(error.localizedDescription)")
            }
        }
        if failOnDifferences, !report.isClean { throw ExitCode(1) }
    }

    /// The platform's list, or an error naming the file and what is wrong with it.
    func readPlatformList() throws -> PlatformList {
        guard let bytes = FileManager.default.contents(atPath: platformExport) else {
            throw CLIError("cannot read \(platformExport): no such file, or not readable")
        }
        let result = Result { () throws(ReconciliationError) -> PlatformList in
            let mapping = try map.map { text throws(ReconciliationError) in try PlatformColumnMapping(parsing: text) }
            return try PlatformList(data: bytes, mapping: mapping ?? PlatformColumnMapping())
        }
        switch result {
        case .success(let list): return list
        case .failure(let error): throw CLIError("\(platformExport): \(error.description)")
        }
    }
}
