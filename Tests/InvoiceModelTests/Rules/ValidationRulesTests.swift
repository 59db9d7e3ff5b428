import Foundation
import InvoiceModel
import Testing

@Suite struct ValidationRulesTests {
    static let today = "2026-11-22"

    /// A consistent 电子普通发票 modelled on FAPIAO.md §1a's first example (3% tax added).
    static let fields: [FieldName: String] = [
        .invoiceCode: "032002100611", .invoiceNumber: "27086599", .issueDate: "2022-08-30",
        .checkCode: "07662933737755740708", .buyerTaxID: "91520000MA6DKWDM90", .sellerTaxID: "91320594MA1MFD7F31",
        .amountExcludingTax: "15.94", .taxAmount: "0.48", .totalAmount: "16.42", .totalAmountInWords: "壹拾陆圆肆角贰分",
        .currency: "CNY",
    ]
    static let lineItems: [[LineItemFieldName: String]] = [
        [.name: "*运输服务*客运服务费", .amount: "15.94", .taxRate: "3%", .tax: "0.48"]
    ]
    static let qr = FapiaoQRPayload.parse("01,10,032002100611,27086599,15.94,20220830,07662933737755740708,19D6")

    private func run(
        fields: [FieldName: String] = Self.fields, changing changes: [FieldName: String?] = [:],
        lineItems: [[LineItemFieldName: String]] = Self.lineItems, qr: FapiaoQRPayload? = Self.qr
    ) -> [CheckResult] {
        var fields = fields
        for (name, value) in changes { fields[name] = value }
        return ValidationRules.run(ValidationInput(fields: fields, lineItems: lineItems, qr: qr, today: Self.today))
    }

    private func results(_ rule: String, in results: [CheckResult]) -> [CheckResult] {
        results.filter { $0.rule == rule }
    }

    @Test func givenConsistentInvoice_whenRun_thenEveryRuleAppliesAndPasses() {
        let checks = run()
        #expect(checks.filter { !$0.passed }.isEmpty, "\(checks.filter { !$0.passed })")
        #expect(
            Set(checks.map(\.rule)) == [
                "buyer-tax-id-checksum", "seller-tax-id-checksum", "invoice-code-structure", "check-code-format",
                "amount-plus-tax-equals-total", "words-match-figures", "line-amounts-sum", "line-taxes-sum",
                "line-tax-rate", "qr-matches-printed", "date-not-in-future", "date-plausible", "currency-code", "parties-differ",
            ])
        #expect(results("qr-matches-printed", in: checks).count == 5)
        #expect(checks.allSatisfy { $0.message?.isEmpty == false })
    }

    @Test func givenNoInputs_whenRun_thenNoRuleApplies() {
        #expect(ValidationRules.run(ValidationInput(fields: [:], today: Self.today)).isEmpty)
    }

    @Test func givenSellerIDWithWrongCheckCharacter_whenRun_thenTheSellerRuleFailsNamingTheExpectedCharacter() throws {
        let checks = run(changing: [.sellerTaxID: "91350100M000100Y4Z"])
        let seller = try #require(results("seller-tax-id-checksum", in: checks).first)
        #expect(!seller.passed)
        #expect(seller.fields == [.sellerTaxID])
        #expect(seller.message?.contains("expected 3") == true)
        #expect(results("buyer-tax-id-checksum", in: checks).first?.passed == true)
    }

    @Test func givenForeignCurrency_whenRun_thenChineseTaxIDRulesAreSkipped() {
        let checks = run(changing: [.sellerTaxID: "GB123456789", .currency: "GBP"])
        #expect(results("seller-tax-id-checksum", in: checks).isEmpty)
        #expect(results("currency-code", in: checks).first?.passed == true)
    }

    @Test(arguments: [("16.43", true), ("16.41", true), ("16.44", false), ("16.40", false)])
    func givenTotal_whenRun_thenAmountPlusTaxMustEqualItWithinOneFen(total: String, passes: Bool) {
        let checks = run(changing: [.totalAmount: total, .totalAmountInWords: nil])
        #expect(results("amount-plus-tax-equals-total", in: checks).map(\.passed) == [passes])
    }

    /// Amounts no invoice has fail `amounts-plausible` and name the fields involved; sensible ones (a
    /// red-letter invoice's negative amounts among them) add no check at all.
    @Test(arguments: [
        ("100.00", "-13.00", "87.00", [FieldName.taxAmount, .totalAmount, .amountExcludingTax]),
        ("100.00", "-13.00", "113.00", [.taxAmount]),
        ("10.00", "13.00", "23.00", [.taxAmount, .amountExcludingTax]),
        ("100.00", "13.00", "90.00", [.totalAmount, .amountExcludingTax]),
        ("-100.00", "13.00", "-87.00", [.taxAmount, .totalAmount, .amountExcludingTax]),
        ("100.00", "13.00", "113.00", []), ("-100.00", "-13.00", "-113.00", []), ("12.02", "0.00", "12.00", []),
    ])
    func givenAmounts_whenRun_thenImplausibleOnesFailAndNameTheirFields(
        amount: String, tax: String, total: String, flagged: [FieldName]
    ) {
        let input = ValidationInput(
            fields: [.amountExcludingTax: amount, .taxAmount: tax, .totalAmount: total], today: "2026-01-01")
        let checks = results("amounts-plausible", in: ValidationRules.run(input))
        #expect(checks.allSatisfy { !$0.passed })
        #expect((checks.first?.fields ?? []) == flagged)
    }

    /// A receipt rounding to 5 sen prints its adjustment: 22.00 + 1.32 − 0.02 = 23.30.
    @Test(arguments: [("-0.02", true), (nil, false), ("0.02", false)])
    func givenPrintedRounding_whenRun_thenItIsPartOfTheSum(rounding: String?, passes: Bool) throws {
        let input = ValidationInput(
            fields: [.amountExcludingTax: "22.00", .taxAmount: "1.32", .totalAmount: "23.30", .currency: "MYR"],
            today: "2026-01-01", rounding: rounding.flatMap { Decimal(string: $0) })
        let check = try #require(results("amount-plus-tax-equals-total", in: ValidationRules.run(input)).first)
        #expect(check.passed == passes, "\(check.message ?? "")")
        if rounding == "-0.02" {
            #expect(check.message == "22.00 + 1.32 − 0.02 rounding = 23.30 equals the total 23.30")
        }
    }

    @Test func givenUnreadableTax_whenRun_thenTheTotalsRuleFailsOnThatField() {
        let check = results("amount-plus-tax-equals-total", in: run(changing: [.taxAmount: "O.48"])).first
        #expect(check?.passed == false)
        #expect(check?.fields == [.taxAmount])
    }

    @Test func givenExemptTaxPrintedAsStars_whenRun_thenItCountsAsZero() {
        let checks = run(
            changing: [.taxAmount: "***", .totalAmount: "15.94", .totalAmountInWords: "壹拾伍圆玖角肆分"],
            lineItems: [[.amount: "15.94", .taxRate: "免税", .tax: "***"]])
        #expect(checks.filter { !$0.passed }.isEmpty, "\(checks.filter { !$0.passed })")
        #expect(results("line-taxes-sum", in: checks).count == 1)
    }

    @Test(arguments: [("壹拾陆圆肆角贰分", true), ("壹拾陆圆肆角", false), ("壹拾陆圆零肆角贰分", true), ("十六元", false)])
    func givenAmountInWords_whenRun_thenItMustReadAsTheTotal(words: String, passes: Bool) {
        let check = results("words-match-figures", in: run(changing: [.totalAmountInWords: words])).first
        #expect(check?.passed == passes)
        #expect(check?.fields == [.totalAmountInWords, .totalAmount])
    }

    @Test func givenLineAmountsThatDoNotAddUp_whenRun_thenTheSumRuleFails() {
        let lines: [[LineItemFieldName: String]] = [
            [.amount: "10.00", .taxRate: "3%", .tax: "0.30"], [.amount: "5.00", .taxRate: "3%", .tax: "0.15"],
        ]
        let checks = run(lineItems: lines)
        #expect(results("line-amounts-sum", in: checks).first?.passed == false)
        #expect(results("line-amounts-sum", in: checks).first?.fields == [.amountExcludingTax])
        #expect(results("line-taxes-sum", in: checks).first?.passed == false)
        #expect(results("line-tax-rate", in: checks).first?.passed == true)
    }

    @Test func givenALineWithoutAmount_whenRun_thenSumRulesAreSkipped() {
        let lines: [[LineItemFieldName: String]] = [[.amount: "15.94", .tax: "0.48"], [.name: "(详见销货清单)"]]
        let checks = run(lineItems: lines)
        #expect(results("line-amounts-sum", in: checks).isEmpty)
        #expect(results("line-taxes-sum", in: checks).isEmpty)
        #expect(results("line-tax-rate", in: checks).isEmpty)
    }

    @Test func givenLineTaxThatDoesNotMatchItsRate_whenRun_thenTheRateRuleFailsNamingTheLine() throws {
        let lines: [[LineItemFieldName: String]] = [
            [.amount: "10.00", .taxRate: "3%", .tax: "0.30"], [.amount: "5.94", .taxRate: "6%", .tax: "0.18"],
        ]
        let check = try #require(results("line-tax-rate", in: run(lineItems: lines)).first)
        #expect(!check.passed)
        #expect(check.fields == [.taxAmount])
        #expect(check.message?.contains("line 2") == true)
        #expect(check.message?.contains("line 1") == false)
    }

    @Test func givenQRNumberThatDiffers_whenRun_thenOnlyThatFieldFails() {
        let checks = results("qr-matches-printed", in: run(changing: [.invoiceNumber: "27086598"]))
        #expect(checks.filter { !$0.passed }.map(\.fields) == [[.invoiceNumber]])
    }

    @Test func givenQRAmountEqualToTheTotal_whenRun_thenItPassesSayingWhichTotal() throws {
        // FAPIAO.md §1a: a 代开 invoice's QR carries 价税合计 where others carry 合计金额.
        let qr = FapiaoQRPayload.parse("01,10,032002100611,27086599,16.42,20220830,07662933737755740708,19D6")
        let checks = results("qr-matches-printed", in: run(qr: qr))
        let amount = try #require(checks.first { $0.message?.contains("QR amount") == true })
        #expect(amount.passed)
        #expect(amount.fields == [.totalAmount])
        #expect(amount.message?.contains("totalAmount") == true)
    }

    @Test func givenQRAmountMatchingNeitherTotal_whenRun_thenItFailsOnBoth() throws {
        let qr = FapiaoQRPayload.parse("01,10,032002100611,27086599,15.49,20220830,07662933737755740708,19D6")
        let checks = results("qr-matches-printed", in: run(qr: qr))
        let amount = try #require(checks.first { !$0.passed })
        #expect(amount.fields == [.amountExcludingTax, .totalAmount])
    }

    @Test func givenDigitalInvoice_whenRun_thenItsNumberStructureIsChecked() {
        var fields = Self.fields
        fields[.invoiceCode] = nil
        fields[.checkCode] = nil
        fields[.invoiceNumber] = "22322000000019562163"
        let qr = FapiaoQRPayload.parse("01,32,,22322000000019562163,16.42,20220830,,19D6")
        let checks = run(fields: fields, qr: qr)
        #expect(checks.filter { !$0.passed }.isEmpty, "\(checks.filter { !$0.passed })")
        #expect(results("digital-number-structure", in: checks).first?.fields == [.invoiceNumber, .issueDate])
        let wrongYear = run(fields: fields, changing: [.invoiceNumber: "23322000000019562163"], qr: nil)
        #expect(results("digital-number-structure", in: wrongYear).first?.passed == false)
    }

    @Test(arguments: [
        ("099992100611", false), ("932002100611", false), ("03200210061", false), ("032002300611", false),
        ("031001600611", false), ("3200171170", true), ("3200171178", false), ("3200171970", false),
    ])
    func givenInvoiceCode_whenRun_thenItsStructureAndYearAreChecked(code: String, passes: Bool) {
        let checks = run(changing: [.invoiceCode: code], qr: nil)
        #expect(results("invoice-code-structure", in: checks).map(\.passed) == [passes])
    }

    @Test(arguments: [
        ("2026-11-22", "date-not-in-future", true), ("2026-11-23", "date-not-in-future", false),
        ("1990-01-01", "date-plausible", true), ("1989-12-31", "date-plausible", false),
        ("2023-02-29", "date-plausible", false), ("2022/08/30", "date-plausible", false),
    ])
    func givenIssueDate_whenRun_thenItMustBeARealPastDate(date: String, rule: String, passes: Bool) {
        let checks = run(changing: [.issueDate: date, .invoiceCode: nil], qr: nil)
        #expect(results(rule, in: checks).map(\.passed) == [passes])
        #expect(results(rule, in: checks).first?.fields == [.issueDate])
    }

    @Test(arguments: [
        ("07662933737755740708", true), ("0766293373775574070", false), ("0766 2933 7377 5574 0708", false),
        ("e9052", false),
    ])
    func givenCheckCode_whenRun_thenItMustBe20Digits(checkCode: String, passes: Bool) {
        let checks = run(changing: [.checkCode: checkCode], qr: nil)
        #expect(results("check-code-format", in: checks).map(\.passed) == [passes])
    }

    @Test func givenShenzhenBlockchainInvoice_whenRun_thenAFiveHexCheckCodeIsAccepted() {
        let hash = String(repeating: "0a1b", count: 15) + "7e9052"
        let qr = FapiaoQRPayload.parse(
            "https://bcfp.shenzhen.chinatax.gov.cn/verify/scan?hash=\(hash)&bill_num=27086599&total_amount=1642")
        let checks = run(
            changing: [.checkCode: "e9052", .invoiceCode: "144032409010", .issueDate: "2024-05-01"], qr: qr)
        #expect(checks.filter { !$0.passed }.isEmpty, "\(checks.filter { !$0.passed })")
        #expect(results("qr-matches-printed", in: checks).count == 3)
    }

    @Test(arguments: [("CNY", true), ("USD", true), ("cny", false), ("RMB1", false), ("¥", false)])
    func givenCurrency_whenRun_thenItMustBeThreeUpperCaseLetters(currency: String, passes: Bool) {
        let checks = run(changing: [.currency: currency])
        #expect(results("currency-code", in: checks).map(\.passed) == [passes])
    }
}
