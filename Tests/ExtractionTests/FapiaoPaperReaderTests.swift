import InvoiceModel
import Testing

@testable import Extraction

/// The paper reader on made-up pages: values found by their shape and place, as on a paper form whose
/// code and number carry no labels and whose values are printed off their labels' lines.
struct FapiaoPaperReaderTests {
    /// A paper 专票's words where the second OCR would place them (no grid, no 发票代码 label).
    static let page: [(String, Int, Int)] = [
        ("成都增值税专用发票", 800, 60),
        ("5101201130", 100, 140), ("No", 1500, 140), ("05051077", 1600, 140),
        ("5101201130", 1700, 200), ("05051077", 1700, 250),
        ("开票日期：2020年05月22日", 1400, 300),
        ("称：", 200, 420), ("成都正泰酒店管理有限公司", 320, 400),
        ("纳税人识别号：", 100, 480), ("91510108MAPQTGY20T", 420, 470),
        ("货物或应税劳务、服务名称", 100, 600), ("金额", 1300, 600), ("税额", 1800, 600),
        ("¥3769.79", 1300, 900), ("¥470.06", 1800, 900),
        ("价税合计（大写）", 100, 1000), ("肆仟贰佰叁拾玖圆捌角伍分", 500, 990), ("（小写）¥4239.85", 1500, 1000),
        ("称：", 200, 1100), ("东莞嘉禾汽车服务有限公司", 320, 1090),
        ("纳税人识别号：91441900MAPQ8YJDXD", 100, 1160),
        ("收款人：", 100, 1400), ("开票人：", 1200, 1400),
    ]

    static func read(_ lines: [(String, Int, Int)]) -> FapiaoPaperReader {
        var reader = FapiaoPaperReader(reader: placedLinesReader(lines), page: 1)
        reader.readAll()
        return reader
    }

    @Test func givenCodeAndNumberPrintedTwiceWithoutLabels_whenRead_thenBothAreTakenAndConfirmed() {
        let fields = Self.read(Self.page).fields
        #expect(fields[.invoiceCode]?.value == "5101201130")
        #expect(fields[.invoiceCode]?.confirmations == 1)
        #expect(fields[.invoiceNumber]?.value == "05051077")
        #expect(fields[.invoiceNumber]?.confirmations == 1)
        #expect(fields[.issueDate]?.value == "2020-05-22")
    }

    /// The page with the small second prints of the code and the number cut short by the photo's edge.
    static func cutShort(code: String, number: String) -> [(String, Int, Int)] {
        Self.page.filter { !($0.1 == 1700 && [200, 250].contains($0.2)) } + [(code, 1700, 200), (number, 1700, 250)]
    }

    @Test func givenTheNumbersSecondPrintCutShortAndDifferent_whenRead_thenTheNumberCarriesTheDisagreement() {
        let number = Self.read(Self.cutShort(code: "510120", number: "058")).fields[.invoiceNumber]
        #expect(number?.value == "05051077")
        #expect(number?.disagreement?.contains("058") == true)
        #expect(number?.alternatives == ["058"])
    }

    @Test func givenTheNumbersSecondPrintCutShortAndAlike_whenRead_thenNothingDisagrees() {
        let number = Self.read(Self.cutShort(code: "510120", number: "0505")).fields[.invoiceNumber]
        #expect(number?.value == "05051077")
        #expect(number?.disagreement == nil)
        #expect(Self.read(Self.page).fields[.invoiceNumber]?.disagreement == nil)
    }

    @Test func givenAmountsThatAddUp_whenRead_thenTheTripleAndTheCapitalsAreTaken() {
        let fields = Self.read(Self.page).fields
        #expect(fields[.amountExcludingTax]?.value == "3769.79")
        #expect(fields[.taxAmount]?.value == "470.06")
        #expect(fields[.totalAmount]?.value == "4239.85")
        #expect(fields[.totalAmountInWords]?.value == "肆仟贰佰叁拾玖圆捌角伍分")
    }

    @Test func givenNamesPrintedOffTheirLabelsLines_whenRead_thenEachPartyHasItsOwn() {
        let fields = Self.read(Self.page).fields
        #expect(fields[.buyerName]?.value == "成都正泰酒店管理有限公司")
        #expect(fields[.buyerTaxID]?.value == "91510108MAPQTGY20T")
        #expect(fields[.sellerName]?.value == "东莞嘉禾汽车服务有限公司")
        #expect(fields[.sellerTaxID]?.value == "91441900MAPQ8YJDXD")
    }

    @Test func givenALabelLineWithAPieceOfTheNameBesideIt_whenRead_thenTheWholeNameIsTaken() {
        var lines = Self.page
        lines.removeAll { $0.0 == "东莞嘉禾汽车服务有限公司" || ($0.0 == "称：" && $0.2 == 1100) }
        lines += [("名称：服务", 100, 1100), ("东莞嘉禾汽车服务有限公司", 320, 1130)]
        #expect(Self.read(lines).fields[.sellerName]?.value == "东莞嘉禾汽车服务有限公司")
    }

    @Test func givenTheNamePrintedBelowItsLabelBesideTheCipherArea_whenRead_thenTheNameNotTheCipherIsTaken() {
        var lines = Self.page
        lines.removeAll { [420, 400, 470, 480].contains($0.2) }
        lines += [
            ("称", 200, 420), ("0>->*0967+24479*+0020*1*4>8", 1300, 445), ("成都正泰酒店管理有限公司", 320, 480),
            ("纳税人识别号：", 100, 540), ("91510108MAPQTGY20T", 420, 535),
        ]
        #expect(Self.read(lines).fields[.buyerName]?.value == "成都正泰酒店管理有限公司")
    }

    @Test func givenNoNameLabel_whenRead_thenTheLineAboveTheTaxIDIsTheNameForReview() {
        var lines = Self.page
        lines.removeAll { $0.0 == "东莞嘉禾汽车服务有限公司" || ($0.0 == "称：" && $0.2 == 1100) }
        lines.append(("东莞嘉禾汽车服务有限公司", 420, 1100))
        let name = Self.read(lines).fields[.sellerName]
        #expect(name?.value == "东莞嘉禾汽车服务有限公司")
        #expect(name?.inferredFrom != nil)
    }

    @Test func givenANameFarAboveItsLabel_whenRead_thenTheTextAboveTheTaxIDInItsColumnIsTakenForReview() {
        var lines = Self.page
        lines.removeAll { $0.0 == "成都正泰酒店管理有限公司" }
        // The name printed two rows up, beside a line of other print further left that is nearer the ID.
        lines += [("成都正泰酒店管理有限公司", 420, 360), ("某某某某 2020年05月22日", 100, 380)]
        let name = Self.read(lines).fields[.buyerName]
        #expect(name?.value == "成都正泰酒店管理有限公司")
        #expect(name?.inferredFrom != nil)
    }

    @Test func givenAnAddressAfterTheNameLabel_whenRead_thenItIsNotTheName() {
        var lines = Self.page
        lines.removeAll { $0.0 == "东莞嘉禾汽车服务有限公司" || ($0.0 == "称：" && $0.2 == 1100) }
        lines += [("称：东莞市东城区莞樟路12号3楼5室", 100, 1100), ("合计（大写", 420, 1050)]
        #expect(Self.read(lines).fields[.sellerName] == nil)
    }

    @Test func givenAnAddress_whenCheckedAsAName_thenItIsNotWellFormed() {
        #expect(FieldText.looksLikeAddress("重庆市南岸区花园路街道南坪金山支路6号1楼4号"))
        #expect(!FieldText.isWellFormed("重庆市南岸区花园路街道南坪金山支路6号1楼4号", for: .sellerName))
        #expect(!FieldText.looksLikeAddress("重庆青山隐医药有限公司"))
        #expect(!FieldText.looksLikeAddress("1号店电子商务有限公司"))
        #expect(FieldText.isWellFormed("中康（凉山）康复医院有限公司", for: .buyerName))
    }

    @Test func givenTheTotalPrintedRowsAboveItsLabel_whenAmountAndTaxAddUpToIt_thenTheTripleIsTaken() {
        var lines = Self.page
        lines.removeAll { $0.0.hasPrefix("（小写）") }
        lines += [("（小写）", 1500, 1000), ("¥4239.85", 1500, 780)]
        let fields = Self.read(lines).fields
        #expect(fields[.totalAmount]?.value == "4239.85")
        #expect(fields[.amountExcludingTax]?.value == "3769.79")
        #expect(fields[.taxAmount]?.value == "470.06")
    }

    @Test func givenTwentyDigitsAfterAPartlyReadCheckCodeLabel_whenRead_thenTheyAreTheCheckCode() {
        var lines = Self.page
        lines.append(("验码59483380811777539669", 900, 350))
        #expect(Self.read(lines).fields[.checkCode]?.value == "59483380811777539669")
    }

    @Test func givenACheckCodeInGroupsOfFive_whenRead_thenItIsNotTakenForACode() {
        var lines = Self.page
        lines.append(("59483 38081 17775 39669", 1300, 350))
        let fields = Self.read(lines).fields
        #expect(fields[.checkCode]?.value == "59483380811777539669")
        #expect(fields[.invoiceCode]?.value == "5101201130")
    }

    @Test func givenANumberBesideATwelveDigitCode_whenRead_thenTheyAreNotACheckCode() {
        let lines: [(String, Int, Int)] = [
            ("13002119 050002000105", 1500, 140), ("称：", 200, 420), ("某某医院", 320, 420),
        ]
        let fields = Self.read(lines).fields
        #expect(fields[.checkCode] == nil)
        #expect(fields[.invoiceNumber]?.value == "13002119")
        #expect(fields[.invoiceCode]?.value == "050002000105")
    }

    @Test func givenAmountsThatDoNotAddUpAndNoCapitals_whenRead_thenOnlyTheTotalIsTaken() {
        var lines = Self.page
        lines.removeAll { $0.0 == "¥470.06" || $0.0.hasPrefix("肆仟") }
        lines.append(("¥471.06", 1800, 900))
        let fields = Self.read(lines).fields
        #expect(fields[.totalAmount]?.value == "4239.85")
        #expect(fields[.amountExcludingTax] == nil)
        #expect(fields[.taxAmount] == nil)
    }

    @Test func givenAMisreadTax_whenTheCapitalsConfirmTheTotal_thenAmountAndTaxAreInferredForReview() {
        var lines = Self.page
        lines.removeAll { $0.0 == "¥470.06" }
        lines.append(("¥471.0", 1800, 900))
        let fields = Self.read(lines).fields
        #expect(fields[.totalAmount]?.value == "4239.85")
        #expect(fields[.totalAmount]?.inferredFrom == nil)
        #expect(fields[.totalAmount]?.confirmations == 1)
        #expect(fields[.amountExcludingTax]?.value == "3769.79")
        #expect(fields[.amountExcludingTax]?.inferredFrom != nil)
        #expect(fields[.taxAmount]?.value == "470.06")
        #expect(fields[.taxAmount]?.inferredFrom != nil)
    }

    @Test func givenCapitalsPrintedRowsAboveTheirLabelWithANumeralMisread_whenRead_thenTheyAreTaken() {
        var lines = Self.page
        lines.removeAll { $0.0.hasPrefix("肆仟") }
        lines.append(("肆仟贰佰叁拾玖圆捌角伍分", 500, 780))
        #expect(Self.read(lines).fields[.totalAmountInWords]?.value == "肆仟贰佰叁拾玖圆捌角伍分")
        lines.removeLast()
        lines.append(("肆仟贰佰叁拾染圆捌角伍分", 500, 780))
        #expect(Self.read(lines).fields[.totalAmountInWords]?.value == "肆仟贰佰叁拾柒圆捌角伍分")
    }

    @Test func givenARunOfCapitalsThatIsNoAmount_whenFarFromTheTotalsRow_thenItIsNotTheCapitals() {
        var lines = Self.page
        lines.removeAll { $0.0.hasPrefix("肆仟") }
        lines.append(("壹贰叁肆", 500, 780))
        #expect(Self.read(lines).fields[.totalAmountInWords] == nil)
    }

    /// A taxi ticket: labels down the left, the meter's values printed half a line below them.
    static let ticket: [(String, Int, Int)] = [
        ("宁波通用机打发票", 400, 40), ("发票代码133021835001", 280, 280), ("发票号码24968574", 280, 340),
        ("日期2019-11-25", 350, 650), ("单价", 350, 820), ("3.45元", 600, 840),
        ("预约电召费", 340, 1000), ("0.00元", 600, 1025), ("金额（fare)", 340, 1060), ("95.00元", 560, 1090),
    ]

    @Test func givenATicketsValuesPrintedOffTheirLabels_whenRead_thenTheTotalIsTheValueNearestItsLabel() {
        let fields = Self.read(Self.ticket).fields
        #expect(fields[.totalAmount]?.value == "95.00")
        #expect(fields[.totalAmount]?.inferredFrom != nil)
    }

    @Test func givenATicketWithoutASellerBlock_whenRead_thenTheFirmsNameAndItsSealsTaxIDAreTheSellerForReview() {
        var lines = Self.ticket
        lines += [
            ("顾客名称：东莞嘉禾汽车服务有限公司", 280, 400), ("成都正泰酒店管理有限公司", 300, 450),
            ("（D:2166558123） 91441900MAPQ8YJDXD", 300, 1200),
        ]
        let fields = Self.read(lines).fields
        #expect(fields[.sellerName]?.value == "成都正泰酒店管理有限公司")
        #expect(fields[.sellerName]?.inferredFrom != nil)
        #expect(fields[.sellerTaxID]?.value == "91441900MAPQ8YJDXD")
        #expect(fields[.sellerTaxID]?.inferredFrom != nil)
    }

    @Test func givenATicketWithTwoValidTaxIDs_whenRead_thenNeitherIsTakenForTheSeller() {
        var lines = Self.ticket
        lines += [("91441900MAPQ8YJDXD", 300, 1200), ("91510108MAPQTGY20T", 300, 1260)]
        #expect(Self.read(lines).fields[.sellerTaxID] == nil)
    }

    @Test func givenATicketWhoseTotalLabelWasNotRead_whenAnAmountFollowsTheYuanSign_thenItIsTheTotalForReview() {
        var lines = Self.ticket
        lines.removeAll { $0.0.hasPrefix("金额") || $0.0 == "95.00元" }
        lines.append(("￥113.00", 530, 960))
        let fields = Self.read(lines).fields
        #expect(fields[.totalAmount]?.value == "113.00")
        #expect(fields[.totalAmount]?.inferredFrom != nil)
    }

    @Test func givenATaxAboveAnyVATRate_whenRead_thenTheAmountsAreNotTakenAsAmountAndTax() {
        var lines = Self.page
        lines.removeAll { $0.0 == "¥3769.79" || $0.0 == "¥470.06" }
        lines += [("¥2500.00", 1300, 900), ("¥1739.85", 1800, 900)]
        let fields = Self.read(lines).fields
        #expect(fields[.totalAmount]?.value == "4239.85")
        #expect(fields[.amountExcludingTax] == nil)
        #expect(fields[.taxAmount] == nil)
    }

    @Test func givenTheTotalHiddenUnderASeal_whenTheAmountsAddUpToTheCapitals_thenTheCapitalsGiveItForReview() {
        var lines = Self.page
        lines.removeAll { $0.0.hasPrefix("（小写）") }
        lines.append(("（小写）", 1500, 1000))
        let fields = Self.read(lines).fields
        #expect(fields[.totalAmount]?.value == "4239.85")
        #expect(fields[.totalAmount]?.inferredFrom != nil)
        #expect(fields[.amountExcludingTax]?.value == "3769.79")
        #expect(fields[.taxAmount]?.value == "470.06")
    }

    /// The 价税合计 label misread, the ¥ total under a seal and the tax column left empty (fpd022's kind of
    /// print): the row is found by its （大写）, and the capitals, an amount above and the rate printed on
    /// the item's line agree on amount, tax and total, all for review.
    @Test func givenOnlyTheCapitalsAndAnAmountAtAPrintedRate_whenRead_thenTheyGiveAmountTaxAndTotalForReview() {
        var lines = Self.page
        lines.removeAll { ["¥3769.79", "¥470.06", "肆仟贰佰叁拾玖圆捌角伍分"].contains($0.0) || $0.0.hasPrefix("价税合计") || $0.0.hasPrefix("（小写）") }
        lines += [
            ("*餐饮服务*服务费 1 1583 1583.001%", 100, 700), ("¥1583.00", 1300, 900),
            ("会计（大写）", 100, 1000), ("壹仟伍佰玖拾捌圆捌角叁分", 500, 990), ("（小写）", 1500, 1000),
        ]
        let fields = Self.read(lines).fields
        #expect(fields[.totalAmountInWords]?.value == "壹仟伍佰玖拾捌圆捌角叁分")
        #expect(fields[.totalAmount]?.value == "1598.83")
        #expect(fields[.amountExcludingTax]?.value == "1583.00")
        #expect(fields[.taxAmount]?.value == "15.83")
        for field in [FieldName.totalAmount, .amountExcludingTax, .taxAmount] {
            #expect(fields[field]?.inferredFrom != nil, "\(field)")
        }
        // At a rate that does not make up the capitals' total, nothing is inferred.
        lines.removeAll { $0.0.hasPrefix("*餐饮服务*") }
        lines.append(("*餐饮服务*服务费 1 1583 1583.00 6%", 100, 700))
        #expect(Self.read(lines).fields[.taxAmount] == nil)
    }

    @Test func givenTheMachineNumberPrintedBelowItsLabel_whenRead_thenItIsTakenAndTheCodeIsNot() {
        var lines = Self.page
        lines += [("机器编号：", 100, 250), ("499097878025", 110, 300), ("510120113012", 1300, 300)]
        let fields = Self.read(lines).fields
        #expect(fields[.machineNumber]?.value == "499097878025")
    }

    @Test(arguments: ["机器编", "机器号：", "机编号", "机器编号:"])
    func givenTheMachineNumberLabelReadWithACharacterLost_whenRead_thenItsValueIsStillTaken(label: String) {
        var lines = Self.page
        lines += [(label, 100, 250), ("246047286001", 200, 262)]
        #expect(Self.read(lines).fields[.machineNumber]?.value == "246047286001")
    }

    @Test func givenNoMachineNumberLabel_whenRead_thenTwelveDigitsAreNotAMachineNumber() {
        var lines = Self.page
        lines.append(("499097878025", 110, 300))
        #expect(Self.read(lines).fields[.machineNumber] == nil)
    }
}

/// Two OCR engines' readings of the same fields.
struct ReaderAgreementTests {
    static func evidence(_ value: String, read: Double = 0.9) -> FieldEvidence {
        FieldEvidence(value: value, source: .ocr, page: 1, box: nil, readConfidence: read, formatValid: true)
    }

    @Test func givenTheSameValue_whenCombined_thenItIsConfirmed() {
        let combined = ReaderAgreement.combine(
            lead: [.invoiceNumber: Self.evidence("05051077", read: 0.8)],
            other: [.invoiceNumber: Self.evidence("05051077", read: 0.95)])
        #expect(combined[.invoiceNumber]?.confirmations == 1)
        #expect(combined[.invoiceNumber]?.readConfidence == 0.95)
        #expect(combined[.invoiceNumber]?.disagreement == nil)
    }

    @Test func givenDifferentValues_whenCombined_thenTheLeadIsKeptAndAPersonMustLook() {
        let combined = ReaderAgreement.combine(
            lead: [.sellerName: Self.evidence("重庆今瑜医药股份有限公司")],
            other: [.sellerName: Self.evidence("重庆今输医药股份有限公司"), .drawer: Self.evidence("李琴")])
        #expect(combined[.sellerName]?.value == "重庆今瑜医药股份有限公司")
        #expect(combined[.sellerName]?.conflicts == 1)
        #expect(combined[.sellerName]?.alternatives == ["重庆今输医药股份有限公司"])
        #expect(combined[.sellerName]?.disagreement != nil)
        #expect(combined[.drawer]?.value == "李琴")
    }

    @Test func givenPageText_whenItNamesAnInvoiceAndItsLabels_thenItIsAFapiao() {
        #expect(DocumentExtractor.looksLikeFapiao("重庆增值税专用发票\n开票日期：2022年\n纳税人识别号：9150"))
        #expect(!DocumentExtractor.looksLikeFapiao("TAX INVOICE\nTOTAL 12.00"))
        #expect(!DocumentExtractor.looksLikeFapiao("发票 only in a sentence"))
    }
}

/// A title the two engines read differently, with the invoice code as a third witness.
struct TitleSettlingTests {
    @Test func givenTwoTitlesAndACode_whenSettled_thenTheCodesRegionWins() {
        var title = ReaderAgreementTests.evidence("山西增值税电子普通发票")
        title.alternatives = ["陕西增值税电子普通发票"]
        title.disagreement = "differ"
        var fields: [FieldName: FieldEvidence] = [
            .invoiceTitle: title, .invoiceCode: ReaderAgreementTests.evidence("061002104211"),
        ]
        ReaderAgreement.settleTitle(&fields)
        #expect(fields[.invoiceTitle]?.value == "陕西增值税电子普通发票")
        #expect(fields[.invoiceTitle]?.disagreement == nil)
    }

    @Test func givenNeitherTitleMatchesTheCode_whenSettled_thenAPersonStillDecides() {
        var title = ReaderAgreementTests.evidence("山西增值税电子普通发票")
        title.alternatives = ["陕西增值税电子普通发票"]
        title.disagreement = "differ"
        var fields: [FieldName: FieldEvidence] = [
            .invoiceTitle: title, .invoiceCode: ReaderAgreementTests.evidence("044001725604"),
        ]
        ReaderAgreement.settleTitle(&fields)
        #expect(fields[.invoiceTitle]?.disagreement != nil)
    }
}

/// Titles printed on two lines and titles whose 发票 was misread.
struct TicketTitleTests {
    static func title(_ lines: [(String, Int, Int)]) -> String? {
        var reader = FapiaoTextReader(reader: placedLinesReader(lines), page: 1)
        reader.readAll()
        return reader.fields[.invoiceTitle]?.value
    }

    @Test func givenTheCityOnALineAboveTheTitle_whenRead_thenItStartsTheTitle() {
        let lines = [("内蒙古鄂尔多斯市", 300, 20), ("出租汽车通用机打发票", 280, 60), ("发票代码：115061634040", 250, 180)]
        #expect(Self.title(lines) == "内蒙古鄂尔多斯市出租汽车通用机打发票")
    }

    @Test func givenALineAboveThatIsNoPlace_whenRead_thenTheTitleStandsAlone() {
        let lines = [("发票联", 300, 20), ("出租汽车通用机打发票", 280, 60)]
        #expect(Self.title(lines) == "出租汽车通用机打发票")
    }

    @Test func givenATicketEnding_whenOneCharacterOff_thenItIsATitleForm() {
        #expect(FapiaoTitle.nearForm("出租汽车通用机打宠票") != nil)
        #expect(FapiaoTitle.nearForm("机打发票手写无效") == nil)
        #expect(FapiaoTitle.normalized("内蒙古出租汽车通用机打宠票") == "内蒙古出租汽车通用机打发票")
        #expect(FapiaoTitle.isPlace("内蒙古鄂尔多斯市"))
        #expect(FapiaoTitle.repairedPlace("内蒙苦鄂尔多斯市") == "内蒙古鄂尔多斯市")
        #expect(FapiaoTitle.repairedPlace("宁夏银川市") == "宁夏银川市")
        #expect(!FapiaoTitle.isPlace("发票联"))
    }
}

/// A name read with a bracket left open was cut short: a person looks, however sure the characters were.
struct MalformedNameTests {
    @Test func givenBrackets_whenChecked_thenOnlyClosedPairsBalance() {
        #expect(FieldText.bracketsBalance("泾源县佳禾中医医院（有限公司）"))
        #expect(!FieldText.bracketsBalance("国家税务总局深圳市福田区税务局代开一百二十七（代开机关"))
        #expect(!FieldText.bracketsBalance("有限公司）深圳"))
    }

    @Test func givenANameWithABracketLeftOpen_whenScored_thenFlaggedWithTheReason() {
        let name = "国家税务总局深圳市福田区税务局代开一百二十七（代开机关"
        let evidence = FieldEvidence(
            value: name, source: .ocr, page: 1, box: nil, readConfidence: 0.999,
            formatValid: FieldText.isWellFormed(name, for: .sellerName), confirmations: 1)
        let document = ExtractedDocument(
            documentType: "fapiao", invoiceKind: nil, fields: [.sellerName: evidence], lineItems: [], qr: nil)
        let scored = DocumentScorer().score(document, checks: [])
        #expect(scored.fields[.sellerName]?.flagged == true)
        #expect(scored.review.reasons.contains { $0.hasPrefix("sellerName: not a whole name") })
    }

    @Test(arguments: [("熊", false), ("熊勇", true), ("欧阳文华", true), ("Li", true), ("熊 L", true), ("", false)])
    func givenAPersonsName_whenChecked_thenOneChineseCharacterAloneIsNotAName(name: String, wellFormed: Bool) {
        for field in [FieldName.payee, .reviewer, .drawer] {
            #expect(FieldText.isWellFormed(name, for: field) == wellFormed, "\(field.rawValue): \(name)")
        }
    }

    @Test func givenASignatureNameCutToOneCharacter_whenScored_thenFlaggedWithTheReasonAndTheWholeNameIsNot() {
        func scored(_ name: String) -> (flagged: Bool?, reasons: [String]) {
            let evidence = FieldEvidence(
                value: name, source: .ocr, page: 1, box: nil, readConfidence: 0.99,
                formatValid: FieldText.isWellFormed(name, for: .payee))
            let document = ExtractedDocument(
                documentType: "fapiao", invoiceKind: nil, fields: [.payee: evidence], lineItems: [], qr: nil)
            let result = DocumentScorer().score(document, checks: [])
            return (result.fields[.payee]?.flagged, result.review.reasons)
        }
        let cut = scored("熊")
        #expect(cut.flagged == true)
        #expect(cut.reasons.contains("payee: not a whole name (one character)"))
        #expect(!scored("熊勇").reasons.contains { $0.hasPrefix("payee: not a") })
    }
}

/// A ticket's label Tesseract found without its value: the second reader's words give it.
struct SecondReaderLabelTests {
    @Test func givenAColumnValueTesseractCouldNotRead_whenTheSecondReaderHasIt_thenItFillsTheGap() {
        let title = ("电子发票（航空运输电子客票行程单）", 300, 40)
        let heading = ("票价燃油附加费增值税税率增值税税额合计", 100, 600)
        let qr = PageQRCode(
            text: "01,61,,9223372036854775807,620,20210728,,7890", box: PixelBox(x: 2000, y: 40, width: 200, height: 200))
        func extract(detected: [(String, Int, Int)]?) -> ExtractedDocument {
            DocumentExtractor().extract([
                PageInput(
                    number: 1, reader: placedLinesReader([title, heading, ("CNY", 100, 660)]), qrCodes: [qr],
                    detected: detected.map(placedLinesReader))
            ])
        }
        #expect(extract(detected: nil).fields[.taxAmount] == nil)
        let filled = extract(detected: [title, heading, ("CNY47.07", 540, 660)])
        #expect(filled.fields[.taxAmount]?.value == "47.07")
        #expect(filled.fields[.totalAmount]?.value == "620.00")
    }
}
