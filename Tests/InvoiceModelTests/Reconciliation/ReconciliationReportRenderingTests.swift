import Foundation
import InvoiceModel
import Testing

@Suite struct ReconciliationReportRenderingTests {
    @Test(arguments: [("发票", 4), ("abc", 3), ("Ａ１", 4), ("e\u{301}", 1), ("苏州-Co", 7), ("\u{FEFF}x", 1), ("𠀀", 2)])
    func givenText_whenMeasured_thenTerminalColumns(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test func givenWideText_whenPaddedOrTruncated_thenItFitsTheColumns() {
        #expect(DisplayWidth.padded("发票", to: 6) == "发票  ")
        #expect(DisplayWidth.truncated("苏州某某科技有限公司", to: 9) == "苏州某某…")
        #expect(DisplayWidth.of(DisplayWidth.truncated("苏州某某科技有限公司", to: 9)) <= 9)
        #expect(DisplayWidth.truncated("short", to: 9) == "short")
    }

    @Test func givenFixtureReport_whenRenderedAsText_thenColumnsLineUpOnScreenDespiteChinese() throws {
        let text = try ReconciliationTests.fixtureReport().textTable()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines[0] == "3 matched, 2 different, 4 only in ledger, 1 only on platform, 2 duplicated in ledger, "
                + "0 duplicated on platform, 2 unreadable platform rows")
        let header = lines[2]
        #expect(header.hasPrefix("finding "))
        let noteColumn = try #require(column(of: "note", in: header))
        let fieldColumn = try #require(column(of: "field", in: header))
        var notesSeen = 0
        for line in lines.dropFirst(3) where !line.isEmpty {
            for note in ["发票号码 has 7 digits", "2 ledger invoices", "金额 \"abc\"", "no invoice number"] {
                guard let found = column(of: note, in: line) else { continue }
                #expect(found == noteColumn, "\(line)")
                notesSeen += 1
            }
            for field in ["taxAmount", "issueDate"] {
                if let found = column(of: field, in: line) { #expect(found == fieldColumn, "\(line)") }
            }
        }
        #expect(notesSeen == 5)
        #expect(text.contains("苏州某某科技有限公司"))
        #expect(!lines.contains { $0.hasSuffix(" ") })
    }

    @Test func givenFixtureReport_whenWrittenAsCSV_thenItReadsBackAsOneRowPerFinding() throws {
        let report = try ReconciliationTests.fixtureReport()
        let bytes = report.csv()
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let records = try CSVTable(decoding: bytes).records.map(\.fields)
        #expect(records.first == ReconciliationReport.csvHeader)
        #expect(records.count == 1 + report.findings.count)
        #expect(records.dropFirst().map { $0[0] } == report.findings.map(\.kind.rawValue))
        let tax = try #require(records.first { $0[0] == "different" && $0[6] == "taxAmount" })
        #expect(
            tax == [
                "different", "code:044031900111:00012345", "044031900111", "00012345", "2", "5", "taxAmount", "165.00",
                "156.00", "2023-01-05", "深圳市示例, 有限公司", "1356.00", "",
            ])
        let negative = try #require(records.first { $0[4] == "7" })
        #expect(negative[1] == "digital:24322000000099999999")
        #expect(negative[11] == "-12.30")  // an amount stays numeric: no formula guard
        let unreadable = try #require(records.first { $0[5] == "9" })
        #expect(
            unreadable[0...3] == ["unreadable-platform-row", "code:032002100611:27086600", "032002100611", "27086600"])
        #expect(unreadable[12] == "金额 \"abc\" is not an amount like 1234.50 or 1,234.50")
    }

    @Test func givenASellerNameThatIsAFormula_whenWrittenAsCSV_thenItIsGuarded() throws {
        let report = Reconciliation.compare(
            ledger: [LedgerInvoice(id: 1, invoiceNumber: "24322000000012345678", sellerName: "=HYPERLINK(\"x\")")],
            platform: [])
        let records = try CSVTable(decoding: report.csv(byteOrderMark: false)).records
        #expect(records[1].fields[10] == "'=HYPERLINK(\"x\")")
    }

    @Test func givenALineBreakInASellerName_whenRenderedAsText_thenTheFindingStaysOnOneLine() {
        let report = Reconciliation.compare(
            ledger: [LedgerInvoice(id: 1, invoiceNumber: "24322000000012345678", sellerName: "第一行\n第二行")],
            platform: [])
        let lines = report.textTable().split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[2].contains("第一行 第二行"))
    }

    @Test func givenACleanReport_whenRendered_thenTheTextSaysSoAndTheCSVHasOnlyItsHeader() {
        let report = ReconciliationReport(matchedCount: 2, findings: [])
        #expect(report.textTable().hasSuffix("The ledger and the platform list agree.\n"))
        #expect(report.textTable().hasPrefix("2 matched, 0 different"))
        #expect(report.csvRows() == [ReconciliationReport.csvHeader])
    }

    /// The terminal column where `needle` starts in `line`, or `nil` when it is not there.
    private func column(of needle: String, in line: String) -> Int? {
        guard let range = line.range(of: needle) else { return nil }
        return DisplayWidth.of(line[..<range.lowerBound])
    }
}
