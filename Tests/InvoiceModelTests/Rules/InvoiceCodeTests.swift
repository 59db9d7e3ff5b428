import InvoiceModel
import Testing

@Suite struct InvoiceCodeTests {
    @Test func given12DigitCode_whenAnalyzed_thenRegionYearAndKindAreRead() {
        let info = InvoiceCode.analyze("032002100611")
        #expect(
            info == InvoiceCodeInfo(length: 12, region: "3200", year: 2021, provinceName: "江苏", kindDigits: "11"))
    }

    @Test func given10DigitCode_whenAnalyzed_thenRegionAndPrintingYearAreRead() {
        let info = InvoiceCode.analyze("4403042140")
        #expect(
            info == InvoiceCodeInfo(length: 10, region: "4403", year: 2004, provinceName: "深圳", kindDigits: "2140"))
    }

    @Test(arguments: [
        ("044031900111", "4403", 2019, "深圳"), ("035002100511", "3500", 2021, "福建"),
        ("144032409010", "4403", 2024, "深圳"), ("011002409211", "1100", 2024, "北京"),
        ("6100202170", "6100", 2020, "陕西"), ("4200161350", "4200", 2016, "湖北"), ("1200154130", "1200", 2015, "天津"),
        ("3302981140", "3302", 1998, "宁波"), ("034022200111", "3402", 2022, "安徽"), ("050001700111", "5000", 2017, "重庆"),
    ])
    func givenObservedCodes_whenAnalyzed_thenProvinceAndYearAreRead(
        code: String, region: String, year: Int, province: String
    ) {
        let info = InvoiceCode.analyze(code)
        #expect(info?.region == region)
        #expect(info?.year == year)
        #expect(info?.provinceName == province)
    }

    @Test(arguments: ["099992100611", "000002100611", "7100042140"])
    func givenRegionOutsideEveryProvince_whenAnalyzed_thenProvinceIsNil(code: String) {
        #expect(InvoiceCode.analyze(code) != nil)
        #expect(InvoiceCode.analyze(code)?.provinceName == nil)
    }

    @Test(arguments: ["", "03200210061", "0320021006111", "03200210061A", "０３２００２１００６１１", "4403 042140"])
    func givenNotTenOrTwelveDigits_whenAnalyzed_thenNil(code: String) {
        #expect(InvoiceCode.analyze(code) == nil)
    }

    @Test(arguments: [
        ("4403233148", "amount version"), ("4403233100", nil), ("4403233540", "language"), ("1100235140", nil),
        ("4403042144", nil), ("4403233145", "amount version"), ("032002100619", nil), ("44032331", nil),
    ] as [(String, String?)])
    func given10DigitCode_whenFormDigitsChecked_thenOutOfRangeDigitsAreNamed(code: String, problem: String?) {
        let found = InvoiceCode.formDigitProblem(code)
        #expect((found == nil) == (problem == nil), "\(code): \(found ?? "nil")")
        if let problem { #expect(found?.contains(problem) == true) }
    }

    @Test(arguments: [
        ("032002100611", "2022-08-30", true), ("032002100611", "2021-01-01", true),
        ("032002100611", "2020-12-31", false), ("032002100611", "2026-12-31", true),
        ("032002100611", "2027-01-01", false), ("4403042140", "2019-06-01", true), ("4403042140", "2003-06-01", false),
    ])
    func givenCodeAndIssueDate_whenYearsCompared_thenConsistencyIsReported(code: String, date: String, expected: Bool) {
        #expect(InvoiceCode.isYearConsistent(code: code, issueDate: date) == expected)
    }

    @Test func givenUnreadableCodeOrDate_whenYearsCompared_thenUnknown() {
        #expect(InvoiceCode.isYearConsistent(code: "0320021006", issueDate: "2022-08-30") != nil)
        #expect(InvoiceCode.isYearConsistent(code: "03200210061", issueDate: "2022-08-30") == nil)
        #expect(InvoiceCode.isYearConsistent(code: "032002100611", issueDate: "2022-02-30") == nil)
        #expect(InvoiceCode.isYearConsistent(code: "032002100611", issueDate: "20220830") == nil)
    }

    @Test(arguments: [
        ("24112000000019562163", "2024-03-01"), ("25317000000740141372", "2025-04-25"),
        ("25429165818000921016", "2025-04-25"), ("24322000000000000001", "2024-12-31"),
        ("25449000000000000001", "2025-01-01"), ("25437000000000000001", "2025-06-30"),
    ])
    func givenObservedDigitalNumbers_whenChecked_thenTheyPass(number: String, date: String) {
        #expect(InvoiceCode.checkDigitalNumber(number, issueDate: date).passed)
        #expect(InvoiceCode.checkDigitalNumber(number, issueDate: nil).passed)
    }

    @Test func givenDigitalNumberFromAnotherYear_whenChecked_thenItFailsNamingTheYear() {
        let outcome = InvoiceCode.checkDigitalNumber("24112000000019562163", issueDate: "2025-01-02")
        #expect(!outcome.passed)
        #expect(outcome.message.contains("2025"))
    }

    @Test(arguments: [
        "24992000000019562163", "24002000000019562163", "2411200000001956216", "2411200000001956216X", "",
    ])
    func givenBadProvinceOrLength_whenChecked_thenItFails(number: String) {
        #expect(!InvoiceCode.checkDigitalNumber(number, issueDate: nil).passed)
    }

    @Test func givenUnreadableIssueDate_whenDigitalNumberChecked_thenItFails() {
        #expect(!InvoiceCode.checkDigitalNumber("24112000000019562163", issueDate: "2024/03/01").passed)
    }
}
