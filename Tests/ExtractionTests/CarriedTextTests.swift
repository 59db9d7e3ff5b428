import InvoiceModel
import Testing

@testable import Extraction

/// Fapiao read from text the file carries, and the sources laid over one another.
@Suite struct CarriedTextTests {
    /// A page holding `lines` (see `placedLinesReader`).
    private func page(_ lines: [(String, Int, Int)]) -> PageInput {
        PageInput(number: 1, reader: placedLinesReader(lines), qrCodes: [])
    }

    private let lines: [(String, Int, Int)] = [
        ("江苏增值税电子普通发票", 800, 100), ("发票号码：27086599", 1800, 120), ("开票日期：2022年08月30日", 1800, 200),
        ("购", 60, 420), ("名称：中铁文化旅游投资集团有限公司", 140, 420), ("销", 60, 1300),
        ("名称：苏州市吉利优行电子科技有限公司", 140, 1300), ("价税合计（大写）", 100, 1200), ("壹拾伍圆玖角肆分", 900, 1200),
        ("（小写）¥15.94", 1700, 1200),
    ]

    @Test func givenTextLayer_whenExtracted_thenLabelledValuesWithBuyerAndSellerByTheirMarkers() {
        let document = DocumentExtractor().extractCarriedText([page(lines)])
        #expect(document.documentType == "fapiao")
        #expect(document.fields[.invoiceNumber]?.value == "27086599")
        #expect(document.fields[.issueDate]?.value == "2022-08-30")
        #expect(document.fields[.buyerName]?.value == "中铁文化旅游投资集团有限公司")
        #expect(document.fields[.sellerName]?.value == "苏州市吉利优行电子科技有限公司")
        #expect(document.fields[.totalAmount]?.value == "15.94")
        #expect(document.fields[.totalAmountInWords]?.value == "壹拾伍圆玖角肆分")
        #expect(document.fields[.invoiceTitle]?.value == "江苏增值税电子普通发票")
        #expect(document.fields[.invoiceNumber]?.source == .textLayer)
    }

    @Test func givenEmbeddedDataAgreeingWithTheText_whenExtracted_thenConfirmedAndNotFlagged() {
        let embedded = EmbeddedData(groups: [[EmbeddedValue(name: "发票号码", value: "27086599", page: nil, box: nil)]])
        let document = DocumentExtractor().extractCarriedText([page(lines)], embedded: embedded)
        let number = document.fields[.invoiceNumber]
        #expect(number?.source == .embedded && number?.confirmations == 1 && number?.disagreement == nil)
        // The box comes from the printed text.
        #expect(number?.box != nil)
        let scored = DocumentScorer().score(document, checks: [])
        #expect(scored.fields[.invoiceNumber]?.flagged == false)
    }

    @Test func givenEmbeddedDataDisagreeingWithTheText_whenScored_thenTheFieldIsFlaggedSayingWhatEachSays() {
        let embedded = EmbeddedData(groups: [[EmbeddedValue(name: "发票号码", value: "27086598", page: nil, box: nil)]])
        let document = DocumentExtractor().extractCarriedText([page(lines)], embedded: embedded)
        #expect(document.fields[.invoiceNumber]?.value == "27086598")
        let scored = DocumentScorer().score(document, checks: [])
        #expect(scored.fields[.invoiceNumber]?.flagged == true)
        let reason = scored.review.reasons.first { $0.hasPrefix("invoiceNumber: sources disagree") }
        #expect(
            reason?.contains("27086598") == true && reason?.contains("27086599") == true, "\(scored.review.reasons)")
    }

    @Test func givenQRPayloadDisagreeingWithTheText_whenScored_thenFlagged() {
        let embedded = EmbeddedData(qrPayload: "01,10,032002100611,27086590,15.94,20220830,07662933737755740708,1234")
        let document = DocumentExtractor().extractCarriedText([page(lines)], embedded: embedded)
        let scored = DocumentScorer().score(document, checks: [])
        #expect(scored.fields[.invoiceNumber]?.value == "27086590")
        #expect(scored.fields[.invoiceNumber]?.flagged == true)
        #expect(scored.fields[.issueDate]?.flagged == false)
    }

    @Test func givenTaxIDWithTheNextColumnsWordGluedOn_whenExtracted_thenTheIDEndsWhereItsCharactersDo() {
        let withIDs =
            lines + [
                ("纳税人识别号：91110106MAGXM26E49信息", 140, 470), ("纳税人识别号：913201063615768577 SUZHOU", 140, 1350),
            ]
        let document = DocumentExtractor().extractCarriedText([page(withIDs)])
        #expect(document.fields[.buyerTaxID]?.value == "91110106MAGXM26E49")
        #expect(document.fields[.sellerTaxID]?.value == "913201063615768577")
    }

    @Test(arguments: [
        ("91110106MAGXM26E49信息", "91110106MAGXM26E49"), ("：91110106 MAGXM26E49", "91110106MAGXM26E49"),
        ("913201063615768577 SUZHOU", "913201063615768577"), ("１２３４５６７８９０１２３４５", "123456789012345"),
        ("地址", ""),
    ])
    func givenCarriedText_whenExactTaxIDTaken_thenOnlyTheIDsCharacters(text: String, expected: String) {
        #expect(FieldText.exactTaxID(text) == expected)
    }
}
