import Foundation
import InvoiceModel
import Testing

@Suite struct ReconciliationTests {
    /// The fixture ledger against the fixture export.
    static func fixtureReport() throws -> ReconciliationReport {
        let platform = try PlatformList(bytes: PlatformFixture.utf8WithBOM)
        return Reconciliation.compare(ledger: LedgerFixture.invoices, platform: platform)
    }

    @Test func givenFixtureLedgerAndExport_whenCompared_thenEveryKindIsFoundInReportOrder() throws {
        let report = try Self.fixtureReport()
        #expect(report.matchedCount == 3)
        #expect(
            report.findings.map(\.kind) == [
                .onlyInLedger, .onlyInLedger, .onlyInLedger, .onlyInLedger, .onlyOnPlatform, .different, .different,
                .duplicateInLedger, .duplicateInLedger, .unreadablePlatformRow, .unreadablePlatformRow,
            ])
        #expect(report.findings(.onlyInLedger).map(\.ledger?.id) == [8, 5, 6, 7])
        #expect(report.findings(.onlyOnPlatform).map(\.platform?.line) == [10])
        #expect(report.findings(.duplicateInLedger).map(\.ledger?.id) == [1, 8])
        #expect(report.findings(.unreadablePlatformRow).map(\.platformLine) == [9, 12])
        #expect(!report.isClean)
    }

    @Test func givenFixture_whenCompared_thenDifferencesSayFieldLedgerValueAndPlatformValue() throws {
        let different = try Self.fixtureReport().findings(.different)
        #expect(
            different.map(\.key) == [
                .codeAndNumber(code: "044031900111", number: "00012345"), .digital("24322000000087654321"),
            ])
        #expect(different.map(\.ledger?.id) == [2, 4])
        #expect(different.map(\.platform?.line) == [5, 7])
        #expect(
            different[0].differences == [
                FieldDifference(field: .taxAmount, ledgerValue: "165.00", platformValue: "156.00")
            ])
        #expect(
            different[1].differences == [
                FieldDifference(field: .issueDate, ledgerValue: "2024-02-02", platformValue: "2024-02-01")
            ])
    }

    @Test func givenFixture_whenCompared_thenUnmatchedFindingsCarryKeysAndHints() throws {
        let report = try Self.fixtureReport()
        let platformOnly = try #require(report.findings(.onlyOnPlatform).first)
        #expect(platformOnly.key == .codeAndNumber(code: "044031900111", number: "2708659"))
        #expect(platformOnly.note?.contains("发票号码 has 7 digits, not 8") == true)
        let ledgerSeven = try #require(report.findings(.onlyInLedger).first { $0.ledger?.id == 7 })
        #expect(ledgerSeven.key == .digital("24322000000099999999"))
        #expect(ledgerSeven.note == nil)
        let duplicate = try #require(report.findings(.duplicateInLedger).first)
        #expect(duplicate.key?.description == "code:032002100611:27086599")
        #expect(duplicate.note == "2 ledger invoices (ids 1, 8) share this key")
        #expect(report.findings(.unreadablePlatformRow).first?.note?.contains("金额 \"abc\"") == true)
        #expect(
            report.findings(.unreadablePlatformRow).map(\.key) == [
                .codeAndNumber(code: "032002100611", number: "27086600"), nil,
            ])
        let ledgerFive = try #require(report.findings(.onlyInLedger).first { $0.ledger?.id == 5 })
        #expect(ledgerFive.note == "platform line 9 has this key but could not be read")
    }

    @Test func givenShuffledInputs_whenCompared_thenTheSameReport() throws {
        let platform = try PlatformList(bytes: PlatformFixture.utf8WithBOM)
        let expected = Reconciliation.compare(ledger: LedgerFixture.invoices, platform: platform)
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<5 {
            var shuffled = platform
            shuffled.invoices.shuffle(using: &generator)
            shuffled.rowErrors.shuffle(using: &generator)
            let report = Reconciliation.compare(
                ledger: LedgerFixture.invoices.shuffled(using: &generator), platform: shuffled)
            #expect(report == expected)
        }
    }

    @Test func givenDuplicatedPlatformRows_whenCompared_thenBothReportedAndTheExtraIsUnmatched() {
        let ledger = [LedgerInvoice(id: 1, invoiceNumber: "24322000000012345678", totalAmount: 10)]
        let platform = [
            PlatformInvoice(line: 4, digitalInvoiceNumber: "24322000000012345678", totalAmount: 10),
            PlatformInvoice(line: 2, digitalInvoiceNumber: "24322000000012345678", totalAmount: 10),
        ]
        let report = Reconciliation.compare(ledger: ledger, platform: platform)
        #expect(report.matchedCount == 1)
        #expect(report.findings(.onlyOnPlatform).map(\.platform?.line) == [4])
        #expect(report.findings(.duplicateOnPlatform).map(\.platform?.line) == [2, 4])
        #expect(report.findings(.duplicateOnPlatform).first?.note == "2 platform rows (lines 2, 4) share this key")
    }

    @Test func givenNumberAndSellerWithoutCodeOnOneSide_whenCompared_thenTheyMatchButTwoDifferentCodesNever() {
        let ledger = [
            LedgerInvoice(id: 1, invoiceNumber: "11112222", sellerTaxID: "91320594MA1MFD7F31"),
            LedgerInvoice(id: 2, invoiceCode: "032002100611", invoiceNumber: "33334444", sellerTaxID: "9132X"),
        ]
        let platform = [
            PlatformInvoice(
                line: 2, invoiceCode: "032002100699", invoiceNumber: "11112222", sellerTaxID: "91320594MA1MFD7F31"),
            PlatformInvoice(line: 3, invoiceCode: "032002100699", invoiceNumber: "33334444", sellerTaxID: "9132X"),
        ]
        let report = Reconciliation.compare(ledger: ledger, platform: platform)
        #expect(report.matchedCount == 1)
        #expect(report.findings(.onlyInLedger).map(\.ledger?.id) == [2])
        #expect(report.findings(.onlyOnPlatform).map(\.platform?.line) == [3])
    }

    @Test func givenAmountsAndMissingValues_whenCompared_thenCentsDecideAndOnlyPlatformGapsAreSkipped() {
        let ledger = [
            LedgerInvoice(
                id: 1, invoiceCode: "1", invoiceNumber: "1", amountExcludingTax: decimal("10.001"), taxAmount: 5),
            LedgerInvoice(id: 2, invoiceCode: "1", invoiceNumber: "2", amountExcludingTax: decimal("10.01")),
        ]
        let platform = [
            PlatformInvoice(line: 2, invoiceCode: "1", invoiceNumber: "1", amountExcludingTax: 10),
            PlatformInvoice(line: 3, invoiceCode: "1", invoiceNumber: "2", amountExcludingTax: 10, totalAmount: 10),
        ]
        let report = Reconciliation.compare(ledger: ledger, platform: platform)
        #expect(report.matchedCount == 1)
        #expect(
            report.findings(.different).first?.differences == [
                FieldDifference(field: .amountExcludingTax, ledgerValue: "10.01", platformValue: "10.00"),
                FieldDifference(field: .totalAmount, ledgerValue: "", platformValue: "10.00"),
            ])
    }

    @Test func givenLedgerInvoiceWithoutAnyKey_whenCompared_thenItIsOnlyInLedgerWithAKeylessNote() {
        let report = Reconciliation.compare(
            ledger: [LedgerInvoice(id: 3, invoiceNumber: "12345678")],
            platform: [PlatformInvoice(line: 2, invoiceNumber: "12345678")])
        #expect(report.matchedCount == 0)
        #expect(report.findings.map(\.kind) == [.onlyInLedger, .onlyOnPlatform])
        #expect(report.findings.allSatisfy { $0.key == nil && $0.note?.hasPrefix("no 数电 number") == true })
    }

    @Test func givenIdenticalSides_whenCompared_thenCleanWithEveryInvoiceMatched() {
        let ledger = [
            LedgerInvoice(
                id: 1, invoiceCode: "032002100611", invoiceNumber: "27086599", issueDate: "2022年08月30日",
                sellerTaxID: "91320594ma1mfd7f31", totalAmount: decimal("15.94"))
        ]
        let platform = [
            PlatformInvoice(
                line: 2, invoiceCode: "032002100611", invoiceNumber: "27086599", issueDate: "2022-08-30",
                sellerTaxID: "91320594MA1MFD7F31", totalAmount: decimal("15.940"))
        ]
        let report = Reconciliation.compare(ledger: ledger, platform: platform)
        #expect(report.matchedCount == 1)
        #expect(report.isClean)
    }
}
