import InvoiceModel
import Testing

@testable import Extraction

/// What the QR code and the sums settle after OCR: titles implied by the QR type and invoice code, and
/// amounts that two trustworthy values imply.
@Suite struct FapiaoMergeTests {
    private func payload(_ text: String) throws -> FapiaoQRPayload {
        try #require(FapiaoQRPayload.parse(text))
    }

    private func ocr(_ value: String, confidence: Double = 0.6) -> FieldEvidence {
        FieldEvidence(
            value: value, source: .ocr, page: 1, box: PixelBox(x: 10, y: 10, width: 100, height: 30),
            readConfidence: confidence, formatValid: true)
    }

    @Test(arguments: [
        // FAPIAO.md §1a examples: type 10 with a 12-digit code (region at digits 2–5).
        ("01,10,032002100611,27086599,15.94,20220830,07662933737755740708,19D6", "江苏增值税电子普通发票"),
        ("01,10,044031900111,63018245,412.26,20190614,40817723561904428830,B3C1", "深圳增值税电子普通发票"),
        // Type 04 with a 10-digit code (region at digits 1–4), type 01 with an empty check code.
        ("01,04,4200161350,00015045,165106.00,20160501,48114255542168294433,DBFE,", "湖北增值税普通发票"),
        ("01,01,1200154130,03630024,94339.62,20160621,,9335,", "天津增值税专用发票"),
        // 数电 and e-tickets: the type alone.
        ("01,32,,25317000000740141372,1137.00,20250425,,5072", "电子发票（普通发票）"),
        ("01,51,,25429165818000921016,304.00,20250425,,b601", "电子发票（铁路电子客票）"),
    ])
    func givenQRPayload_whenTitleExpected_thenTheTitleItsTypeAndCodeImply(qr: String, title: String) throws {
        #expect(FapiaoTitle.expected(for: try payload(qr)) == title)
    }

    @Test func givenCodeOfNoKnownRegionOrTypeWithoutTitle_whenTitleExpected_thenNone() throws {
        #expect(FapiaoTitle.region(ofInvoiceCode: "144031800110") == nil)  // Shenzhen blockchain series
        #expect(FapiaoTitle.region(ofInvoiceCode: "9900171170") == nil)
        #expect(
            FapiaoTitle.expected(
                for: try payload("01,14,032002100611,27086599,15.94,20220830,07662933737755740708,19D6")) == nil)
    }

    @Test func givenGarbledOCRTitle_whenQRApplied_thenTheImpliedTitleWithTheReadingAsAlternative() throws {
        var merge = FapiaoMerge(fields: [.invoiceTitle: ocr("山西增值税电子普通发票")], lineItems: [])
        merge.apply(try payload("01,10,061002100611,27086599,15.94,20220830,07662933737755740708,19D6"), page: 1)
        let title = try #require(merge.fields[.invoiceTitle])
        #expect(title.value == "陕西增值税电子普通发票")
        #expect(title.source == .derived && title.repaired && title.conflicts == 1)
        #expect(title.alternatives == ["山西增值税电子普通发票"])
        #expect(title.box != nil)
    }

    @Test func givenMatchingOCRTitle_whenQRApplied_thenConfirmed() throws {
        var merge = FapiaoMerge(fields: [.invoiceTitle: ocr("电子发票（普通发票）")], lineItems: [])
        merge.apply(try payload("01,32,,25317000000740141372,1137.00,20250425,,5072"), page: 1)
        #expect(merge.fields[.invoiceTitle]?.source == .ocr)
        #expect(merge.fields[.invoiceTitle]?.confirmations == 1)
    }

    @Test func givenTitleFromTextLayer_whenQRImpliesAnother_thenTheCarriedTitleStays() throws {
        var carried = ocr("深圳电子普通发票")
        carried.source = .textLayer
        var merge = FapiaoMerge(fields: [.invoiceTitle: carried], lineItems: [])
        merge.apply(try payload("01,10,044031900111,63018245,412.26,20190614,40817723561904428830,B3C1"), page: 1)
        #expect(merge.fields[.invoiceTitle]?.value == "深圳电子普通发票")
    }

    /// The ¥ before the total read as a 4 and a dropped digit in the tax: the QR amount and the single
    /// item's tax imply both.
    @Test func givenTotalOneCharacterOffWhatTrustedAmountAndTaxImply_whenCompleted_thenTheImpliedTotal() throws {
        let item: [LineItemFieldName: FieldEvidence] = [
            .amount: ocr("25360.00"), .taxRate: ocr("6%"), .tax: ocr("1521.60"),
        ]
        var merge = FapiaoMerge(
            fields: [.amountExcludingTax: ocr("25360.00"), .taxAmount: ocr("521.60"), .totalAmount: ocr("426881.60")],
            lineItems: [item])
        merge.apply(try payload("01,04,5100190060,42039422,25360.00,20190402,41277854272741771283,DBFE"), page: 1)
        merge.completeDerived()
        #expect(merge.fields[.taxAmount]?.value == "1521.60")
        #expect(merge.fields[.totalAmount]?.value == "26881.60")
        #expect(merge.fields[.totalAmount]?.repaired == true)
        #expect(merge.fields[.totalAmount]?.alternatives.contains("426881.60") == true)
    }

    @Test func givenTotalFarFromWhatAmountAndTaxImply_whenCompleted_thenLeftForAPerson() throws {
        var merge = FapiaoMerge(
            fields: [.amountExcludingTax: ocr("25360.00"), .taxAmount: ocr("1521.60"), .totalAmount: ocr("36981.60")],
            lineItems: [[.amount: ocr("25360.00"), .taxRate: ocr("6%"), .tax: ocr("1521.60")]])
        merge.apply(try payload("01,04,5100190060,42039422,25360.00,20190402,41277854272741771283,DBFE"), page: 1)
        merge.completeDerived()
        #expect(merge.fields[.totalAmount]?.value == "36981.60")
    }
}
