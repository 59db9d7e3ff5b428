import InvoiceModel
import Testing

@Suite struct DocumentDateTests {
    @Test(arguments: [
        ("2024年08月21日", "2024-08-21"), ("2024年8月1日", "2024-08-01"), ("2024-08-21", "2024-08-21"),
        ("2024/08/21", "2024-08-21"), ("20240821", "2024-08-21"),
        (" 2024 年 08 月 21 日 ", "2024-08-21"), ("2020年07月23日", "2020-07-23"), ("2024年02月29日", "2024-02-29"),
        ("２０２４年０８月２１日", "2024-08-21"), ("2024年8月1", "2024-08-01"), ("2024.8.1", "2024-08-01"),
    ])
    func givenChineseDocumentDate_whenParsed_thenItIsTheContractDate(text: String, expected: String) {
        #expect(DocumentDate.parseChinese(text) == expected)
    }

    @Test(arguments: [
        "", "abc", "2023年02月29日", "2024-13-01", "2024-00-10", "2024-08-32", "2024-08/21", "24-08-21", "2024821",
        "2024年08月21日12时", "2024年008月21日", "1900-02-29", "20241301",
    ])
    func givenNotAChineseDate_whenParsed_thenNil(text: String) {
        #expect(DocumentDate.parseChinese(text) == nil)
    }

    @Test(arguments: [
        ("25/12/2018", "2018-12-25"), ("12/25/2018", "2018-12-25"), ("2024-03-05", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"), ("5 Mar 2024", "2024-03-05"), ("5-Mar-18", "2018-03-05"),
        ("25 DEC 2018", "2018-12-25"), ("Dec 25, 2018", "2018-12-25"), ("Mon, 5th March 2024", "2024-03-05"),
        ("05/05/2024", "2024-05-05"), ("Sept 1, 2023", "2023-09-01"), ("1 september 2023", "2023-09-01"),
        ("20240305", "2024-03-05"), ("31.12.24", "2024-12-31"),
    ])
    func givenUnambiguousDate_whenParsedEitherWay_thenOneReading(text: String, expected: String) {
        for preferDayFirst in [true, false] {
            let reading = DocumentDate.parseNumericOrNamed(text, preferDayFirst: preferDayFirst)
            #expect(reading == DateReading(value: expected), "\(text), dayFirst \(preferDayFirst)")
            #expect(reading?.isAmbiguous == false)
        }
    }

    @Test func givenAmbiguousNumericDate_whenParsed_thenThePreferenceDecidesAndTheOtherIsAnAlternative() {
        let dayFirst = DocumentDate.parseNumericOrNamed("05/03/2024", preferDayFirst: true)
        #expect(dayFirst == DateReading(value: "2024-03-05", alternatives: ["2024-05-03"]))
        #expect(dayFirst?.isAmbiguous == true)
        let monthFirst = DocumentDate.parseNumericOrNamed("05/03/2024", preferDayFirst: false)
        #expect(monthFirst == DateReading(value: "2024-05-03", alternatives: ["2024-03-05"]))
        let twoDigitYear = DocumentDate.parseNumericOrNamed("05.03.24", preferDayFirst: true)
        #expect(twoDigitYear == DateReading(value: "2024-03-05", alternatives: ["2024-05-03"]))
    }

    @Test(arguments: [
        "", "hello", "31/31/2024", "30 Feb 2024", "Foo 5 2024", "5 Mar", "March 2024", "5/3/202", "05/03/2024/01",
        "Mar 32, 2024", "2024-02-30", "5 Mar 2024 extra",
    ])
    func givenNoValidReading_whenParsed_thenNil(text: String) {
        #expect(DocumentDate.parseNumericOrNamed(text, preferDayFirst: true) == nil)
    }

    @Test(arguments: [
        ("3 Mars 2014", "2014-03-03"), ("1er mars 2014", "2014-03-01"), ("3. März 2014", "2014-03-03"),
        ("12 février 2020", "2020-02-12"), ("3 de marzo de 2014", "2014-03-03"), ("7 mei 2021", "2021-05-07"),
        ("15 dicembre 2019", "2019-12-15"), ("2 août 2022", "2022-08-02"), ("9 Okt. 2023", "2023-10-09"),
    ])
    func givenAMonthNamedInAnotherEuropeanLanguage_whenParsed_thenTheDate(text: String, expected: String) {
        #expect(DocumentDate.parseNumericOrNamed(text, preferDayFirst: true)?.value == expected)
    }
}
