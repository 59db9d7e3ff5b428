import Foundation
import InvoiceModel
import Testing

/// The labels of testdata/fapiao/clean: 24 realistic generated documents whose values must satisfy every rule.
@Suite struct LabelledFapiaoRulesTests {
    /// A label file (CONTRACT.md §2) with the generator's QR payload.
    struct LabelFile: Decodable {
        var fields: [String: String]
        var lineItems: [[String: String]]?
        var meta: Meta?

        struct Meta: Decodable {
            var qr: String?
        }
    }

    static let directory: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("testdata/fapiao/clean")
    }()

    static let labelNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    static let today = "2026-11-22"

    private func load(_ name: String) throws -> LabelFile {
        try JSONDecoder().decode(LabelFile.self, from: Data(contentsOf: Self.directory.appendingPathComponent(name)))
    }

    private func input(_ label: LabelFile) throws -> ValidationInput {
        var fields: [FieldName: String] = [:]
        for (key, value) in label.fields {
            fields[try #require(FieldName(rawValue: key), "unknown field \(key)")] = value
        }
        var lines: [[LineItemFieldName: String]] = []
        for item in label.lineItems ?? [] {
            var line: [LineItemFieldName: String] = [:]
            for (key, value) in item {
                line[try #require(LineItemFieldName(rawValue: key), "unknown line field \(key)")] = value
            }
            lines.append(line)
        }
        let qr = try #require(label.meta?.qr.flatMap(FapiaoQRPayload.parse), "QR \(label.meta?.qr ?? "absent")")
        return ValidationInput(fields: fields, lineItems: lines, qr: qr, today: Self.today)
    }

    @Test func givenTestdata_whenListed_thenAll24LabelsAreThere() {
        #expect(Self.labelNames.count == 24, "\(Self.directory.path)")
    }

    @Test(arguments: labelNames)
    func givenLabelledFapiao_whenAllRulesRun_thenNoCheckFails(name: String) throws {
        let label = try load(name)
        let checks = ValidationRules.run(try input(label))
        #expect(checks.filter { !$0.passed }.isEmpty, "\(checks.filter { !$0.passed })")
        let rules = Set(checks.map(\.rule))
        for rule in [
            "seller-tax-id-checksum", "amount-plus-tax-equals-total", "words-match-figures", "line-amounts-sum",
            "line-taxes-sum", "qr-matches-printed", "date-not-in-future", "date-plausible",
            "currency-code",
        ] {
            #expect(rules.contains(rule), "\(name) lacks \(rule)")
        }
        let hasPercentageRate = (label.lineItems ?? []).contains { $0["taxRate"]?.hasSuffix("%") == true }
        #expect(rules.contains("line-tax-rate") == hasPercentageRate, "\(name): line-tax-rate")
        let structure = name.hasPrefix("sd-") ? "digital-number-structure" : "invoice-code-structure"
        #expect(rules.contains(structure), "\(name) lacks \(structure)")
        #expect(checks.filter { $0.rule == "qr-matches-printed" }.count >= 3)
    }

    @Test(arguments: labelNames)
    func givenLabelledFapiao_whenTotalWritten_thenTheWordsAreTheLabelledCapitals(name: String) throws {
        let label = try load(name)
        let total = try #require(label.fields["totalAmount"].flatMap(Money.parse))
        #expect(ChineseAmount.words(for: total) == label.fields["totalAmountInWords"])
    }

    @Test(arguments: labelNames)
    func givenLabelledFapiao_whenAmountsParsedAndFormatted_thenTheContractTextIsUnchanged(name: String) throws {
        let label = try load(name)
        let amounts =
            ["amountExcludingTax", "taxAmount", "totalAmount"].compactMap { label.fields[$0] }
            + (label.lineItems ?? []).flatMap { [$0["amount"], $0["tax"]].compactMap { $0 } }
        #expect(!amounts.isEmpty)
        for amount in amounts {
            #expect(Money.parse(amount).map(Money.format) == amount)
        }
    }

    @Test(arguments: labelNames)
    func givenLabelledFapiao_whenIDsChecked_thenEveryEighteenCharacterIDIsAValidUSCC(name: String) throws {
        let label = try load(name)
        for id in ["buyerTaxID", "sellerTaxID"].compactMap({ label.fields[$0] }) {
            let check = TaxID.check(id)
            #expect(check.passed, "\(id): \(check.message)")
            if id.count == 18 { #expect(check == .validUSCC, "\(id): \(check.message)") }
        }
    }
}
