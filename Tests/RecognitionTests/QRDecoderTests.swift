import Foundation
import Ingest
import InvoiceModel
import TestSupport
import Testing

@testable import Recognition

@Suite struct QRDecoderTests {
    static let fapiao: [String] =
        LabelledDocuments.list(Paths.testdata("fapiao/clean"))
        + LabelledDocuments.list(Paths.testdata("fapiao/degraded"))

    @Test(arguments: fapiao)
    func givenFapiaoScan_whenDecoded_thenPayloadAndUprightCorrectionMatchTheLabel(path: String) throws {
        let label = try Label.of(document: path)
        let expected = try #require(label.meta?.qr)
        let page = try #require(try DocumentLoader().load(path: path).pages.first).image
        let codes = QRDecoder.decode(page)
        let code = try #require(codes.first, "no QR decoded in \(path)")
        #expect(code.text == expected)
        #expect(code.uprightCorrection == label.meta?.rotation ?? 0, "\(path) via \(code.decoder)")
        #expect(code.box.width > 100 && code.box.height > 100)
    }

    @Test func givenPageWithoutQRCode_whenDecoded_thenEmpty() throws {
        let page = try #require(
            try DocumentLoader().load(path: Paths.testdata("english/clean/inv-001.png")).pages.first)
        #expect(QRDecoder.decode(page.image).isEmpty)
    }

    @Test(arguments: [0, 1, 2, 3])
    func givenTurnedPage_whenDecodedWithZXing_thenItReportsTheSameCorrectionAsZBar(quarterTurns: Int) throws {
        let page = try #require(
            try DocumentLoader().load(path: Paths.testdata("fapiao/clean/tc-001.png")).pages.first?.image
                .rotated(quarterTurns: quarterTurns))
        let viaZBar = try #require(page.withGreyBytes(QRDecoder.zbar)?.first)
        let viaZXing = try #require(page.withGreyBytes(QRDecoder.zxing)?.first)
        #expect(viaZBar.text == viaZXing.text)
        #expect(viaZBar.uprightCorrection == (4 - quarterTurns) % 4 * 90)
        #expect(viaZXing.uprightCorrection == viaZBar.uprightCorrection)
    }
}
