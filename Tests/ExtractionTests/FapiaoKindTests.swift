import Testing

@testable import Extraction

/// The kind of a fapiao without a QR code, from its printed title.
@Suite struct FapiaoKindTests {
    @Test(arguments: [
        ("四川增值税普通发票（卷票）", "vat-roll"),
        ("北京货物运输业增值税专用发票", "freight-vat-special"),
        ("机动车销售统一发票", "motor-vehicle-sales"),
        ("二手车销售统一发票", "used-vehicle-sales"),
        ("内蒙古鄂尔多斯市出租汽车通用机打发票", "taxi-ticket"),
        ("宁波通用机打发票", "general-machine-printed"),
        ("四川通用定额发票", "fixed-amount"),
        ("重庆增值税普通发票", "vat-ordinary"),
        ("河北增值税专用发票", "vat-special"),
        ("江苏增值税电子普通发票", "vat-electronic-ordinary"),
    ])
    func givenAPrintedTitle_whenNoQRCodeSaysTheType_thenTheTitleGivesTheKind(title: String, kind: String) {
        #expect(DocumentExtractor.kind(nil, layout: .taxControl, title: title) == kind)
    }

    @Test func givenAnUnknownTitle_whenNoQRCodeSaysTheType_thenNoKind() {
        #expect(DocumentExtractor.kind(nil, layout: .taxControl, title: "某某公司收据") == nil)
    }

    @Test func givenATitleMisreadUnderASeal_whenTheCodeNamesItsCity_thenThatCitysNearestFormIsTheTitle() {
        #expect(FapiaoTitle.nearTitle(code: "133021835001", texts: ["发票联", "波通用机报发"]) == "宁波通用机打发票")
        #expect(FapiaoTitle.nearTitle(code: "050002000105", texts: ["重庆增镇税普通发"]) == "重庆增值税普通发票")
    }

    @Test func givenNothingNearAForm_whenTheCodeNamesItsCity_thenNoTitle() {
        #expect(FapiaoTitle.nearTitle(code: "133021835001", texts: ["发票联", "服务监督电话12328"]) == nil)
        #expect(FapiaoTitle.nearTitle(code: "999999999999", texts: ["波通用机报发"]) == nil)
    }
}
