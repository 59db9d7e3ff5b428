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

    /// Phone photos of paper forms whose code neither decoder reads in grey, on the file's page or on the
    /// prepared one (sheet cut out and squared): the top-left crop in black and white reads it.
    @Test(arguments: ["fapiao/paper/paper-001.jpg", "fapiao/paper/paper-007.jpg"])
    func givenPaperPhotoUnreadableInGrey_whenDecodedHarder_thenThePayloadIsTheLabels(file: String) throws {
        let path = Paths.testdata(file)
        let expected = try #require(try Label.of(document: path).meta?.qr)
        let loaded = try #require(try DocumentLoader().load(path: path).pages.first).image
        let worker = try OCRWorker(languages: "chi_sim+eng", tessdata: EngineFixtures.tessdata)
        let page = try worker.prepare(loaded).image
        #expect(QRDecoder.decode(loaded).isEmpty && QRDecoder.decode(page).isEmpty)
        let code = try #require(QRDecoder.decodeHarder(page).first, "no QR decoded in \(file)")
        #expect(code.text == expected)
        // In the page's pixels: inside the top-left part searched.
        #expect(code.box.x >= 0 && code.box.maxX <= page.width * 35 / 100 + 2 && code.box.width > 20)
    }

    @Test func givenPageWithoutQRCode_whenDecodedHarder_thenEmpty() throws {
        let page = try #require(
            try DocumentLoader().load(path: Paths.testdata("english/clean/inv-001.png")).pages.first)
        #expect(QRDecoder.decodeHarder(page.image).isEmpty)
    }

    @Test func givenAHistogramWithTwoPeaks_whenOtsuComputed_thenTheLevelLiesBetweenThem() throws {
        var histogram = [Int](repeating: 0, count: 256)
        histogram[40] = 300
        histogram[210] = 700
        let level = PaperOutline.otsuThreshold(histogram)
        #expect(level > 40 && level <= 210)
        let page = try #require(EngineFixtures.page("fapiao/clean/tc-001.png").binarized(below: 128))
        let levels = page.withGreyBytes { pixels, width, height, _ in
            Set((0..<(width * height)).map { pixels[$0] })
        }
        #expect(levels == [0, 255])
    }

    /// A code found on a scaled copy of a large page is reported in the page's own pixels.
    @Test(arguments: [0.5, 0.7])
    func givenLargePage_whenDecodedAtASmallerScale_thenTheBoxIsInThePagesPixels(scale: Double) throws {
        let original = try #require(
            try DocumentLoader().load(path: Paths.testdata("fapiao/clean/tc-001.png")).pages.first?.image)
        let page = try #require(original.scaled(by: 2))
        let full = try #require(QRDecoder.decode(page, at: 1, with: QRDecoder.zbar).first)
        for decoder in [QRDecoder.zbar, QRDecoder.zxing] as [QRDecoder.Decoder] {
            let code = try #require(QRDecoder.decode(page, at: scale, with: decoder).first)
            #expect(code.text == full.text)
            for (found, wanted) in [
                (code.box.x, full.box.x), (code.box.y, full.box.y), (code.box.maxX, full.box.maxX),
                (code.box.maxY, full.box.maxY),
            ] {
                #expect(abs(found - wanted) <= 12, "box \(code.box) at \(scale), \(full.box) at full size")
            }
        }
    }
}
