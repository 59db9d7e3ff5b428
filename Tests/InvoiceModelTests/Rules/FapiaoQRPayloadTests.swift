import Foundation
import InvoiceModel
import Testing

@Suite struct FapiaoQRPayloadTests {
    @Test func givenTaxControlQR_whenParsed_thenEveryFieldIsRead() throws {
        let text = "01,10,032002100611,27086599,15.94,20220830,07662933737755740708,19D6"
        let payload = try #require(FapiaoQRPayload.parse(text))
        #expect(payload.kind == .taxControl)
        #expect(payload.typeCode == "10")
        #expect(payload.invoiceCode == "032002100611")
        #expect(payload.invoiceNumber == "27086599")
        #expect(payload.amount == decimal("15.94"))
        #expect(payload.amountMeaning == .excludingTax)
        #expect(payload.issueDate == "2022-08-30")
        #expect(payload.checkCode == "07662933737755740708")
        #expect(payload.raw == text)
    }

    @Test(arguments: [
        (
            "01,10,044031900111,63018245,412.26,20190614,40817723561904428830,B3C1", "044031900111", "63018245",
            "412.26", "2019-06-14"
        ),
        (
            "01,10,035002100511,71520388,95.28,20200311,19046637281950034472,4E0A,", "035002100511", "71520388",
            "95.28", "2020-03-11"
        ),
        (
            "01,04,4200161350,00015045,165106.00,20160501,48114255542168294433,DBFE,", "4200161350", "00015045",
            "165106", "2016-05-01"
        ),
        (
            "01,10,061002104211,00316340,759,20240821,04196807647717554107,ad85", "061002104211", "00316340", "759",
            "2024-08-21"
        ),
        (
            "01,04,051001900605,42039422,64.9,20190402,41277854272741771283,3C7C", "051001900605", "42039422", "64.90",
            "2019-04-02"
        ),
    ])
    func givenTaxControlVariants_whenParsed_thenCodeNumberAmountAndDateAreRead(
        text: String, code: String, number: String, amount: String, date: String
    ) throws {
        let payload = try #require(FapiaoQRPayload.parse(text))
        #expect(payload.kind == .taxControl)
        #expect(payload.invoiceCode == code)
        #expect(payload.invoiceNumber == number)
        #expect(payload.amount == decimal(amount))
        #expect(payload.issueDate == date)
        #expect(payload.checkCode?.count == 20)
        #expect(payload.amountMeaning == .excludingTax)
    }

    @Test func givenSpecialInvoiceQRWithoutCheckCode_whenParsed_thenCheckCodeIsNil() throws {
        let payload = try #require(FapiaoQRPayload.parse("01,01,1200154130,03630024,94339.62,20160621,,9335,"))
        #expect(payload.typeCode == "01")
        #expect(payload.invoiceCode == "1200154130")
        #expect(payload.invoiceNumber == "03630024")
        #expect(payload.amount == decimal("94339.62"))
        #expect(payload.checkCode == nil)
    }

    /// A tail printed without its leading zero (3 hex characters, seen on a real 专票; illustrative values).
    @Test func givenATailOfThreeHexCharacters_whenParsed_thenThePayloadIsRead() throws {
        let payload = try #require(FapiaoQRPayload.parse("01,01,5000223130,01234567,1234.50,20220808,,D95,"))
        #expect(payload.invoiceCode == "5000223130")
        #expect(payload.invoiceNumber == "01234567")
        #expect(payload.amount == decimal("1234.50"))
        #expect(payload.issueDate == "2022-08-08")
    }

    @Test(arguments: [
        ("01,31,,24112000000031275508,640.00,20240516,,7A21", "31", "24112000000031275508", "640", "2024-05-16"),
        ("01,32,,25317000000740141372,1137.00,20250425,,5072", "32", "25317000000740141372", "1137", "2025-04-25"),
        ("01,51,,25429165818000921016,304.00,20250425,,b601", "51", "25429165818000921016", "304", "2025-04-25"),
        ("01,61,,9223372036854775807,620,20210728,,7890", "61", "9223372036854775807", "620", "2021-07-28"),
    ])
    func givenDigitalQR_whenParsed_thenItHasNoCodeAndTheAmountIncludesTax(
        text: String, type: String, number: String, amount: String, date: String
    ) throws {
        let payload = try #require(FapiaoQRPayload.parse(text))
        #expect(payload.kind == .digital)
        #expect(payload.typeCode == type)
        #expect(payload.invoiceCode == nil)
        #expect(payload.invoiceNumber == number)
        #expect(payload.amount == decimal(amount))
        #expect(payload.amountMeaning == .includingTax)
        #expect(payload.issueDate == date)
        #expect(payload.checkCode == nil)
    }

    @Test func givenShenzhenBlockchainURL_whenParsed_thenNumberAndFenAmountAreRead() throws {
        let hash = String(repeating: "0a1b", count: 15) + "7e9052"
        let url = "https://bcfp.shenzhen.chinatax.gov.cn/verify/scan?hash=\(hash)&bill_num=01234567&total_amount=3720"
        let payload = try #require(FapiaoQRPayload.parse("  \(url)\n"))
        #expect(payload.kind == .shenzhenBlockchain)
        #expect(payload.typeCode == nil)
        #expect(payload.invoiceCode == nil)
        #expect(payload.invoiceNumber == "01234567")
        #expect(payload.amount == decimal("37.20"))
        #expect(payload.amountMeaning == .includingTax)
        #expect(payload.issueDate == nil)
        #expect(payload.checkCode == "e9052")
        #expect(payload.raw == url)
    }

    @Test func givenWhitespaceAndNewlinesAround_whenParsed_thenTheyAreIgnored() throws {
        let payload = try #require(
            FapiaoQRPayload.parse("\n  01,32,,25317000000740141372,1137.00,20250425,,5072 \r\n"))
        #expect(payload.raw == "01,32,,25317000000740141372,1137.00,20250425,,5072")
        #expect(payload.invoiceNumber == "25317000000740141372")
    }

    @Test(arguments: [
        "", "hello", "https://example.com/verify/scan?bill_num=01234567&total_amount=3720",
        "https://bcfp.shenzhen.chinatax.gov.cn/verify/scan?hash=abc&total_amount=3720",
        "https://bcfp.shenzhen.chinatax.gov.cn/verify/scan?hash=xyz&bill_num=01234567&total_amount=3720",
        "https://bcfp.shenzhen.chinatax.gov.cn/verify/scan?bill_num=01234567&total_amount=37.20",
        "01,10,032002100611,27086599,15.94,20220830,07662933737755740708",
        "01,10,032002100611,27086599,15.94,20220830,07662933737755740708,19D6,,",
        "02,10,032002100611,27086599,15.94,20220830,07662933737755740708,19D6",
        "01,1A,032002100611,27086599,15.94,20220830,07662933737755740708,19D6",
        "01,10,03200210061A,27086599,15.94,20220830,07662933737755740708,19D6",
        "01,10,03200210061,27086599,15.94,20220830,07662933737755740708,19D6",
        "01,10,032002100611,2708659,15.94,20220830,07662933737755740708,19D6",
        "01,10,032002100611,27086599,15.945,20220830,07662933737755740708,19D6",
        "01,10,032002100611,27086599,¥15.94,20220830,07662933737755740708,19D6",
        "01,10,032002100611,27086599,15.94,20221340,07662933737755740708,19D6",
        "01,10,032002100611,27086599,15.94,20220830,0766293373775574070,19D6",
        "01,10,032002100611,27086599,15.94,20220830,07662933737755740708,19G6",
        "01,10,032002100611,27086599,15.94,20220830,07662933737755740708,D9",
        "01,10,032002100611,27086599,15.94,20220830,07662933737755740708,019D6",
        "01,32,,241120000000312755081,640.00,20240516,,7A21", "01,32,,2411200,640.00,20240516,,7A21",
    ])
    func givenSomethingElse_whenParsed_thenNil(text: String) {
        #expect(FapiaoQRPayload.parse(text) == nil)
    }
}
