import Foundation
import Synchronization
import Ingest
import InvoiceModel
import TestSupport
import Testing

@testable import Recognition

/// The second reader on real pixels: PP-OCR's detector, direction classifier and recognizer, as
/// `scripts/setup` installs them.
@Suite(.serialized) struct PageTextRecognizerTests {
    static func recognizer() throws -> PageTextRecognizer {
        let files = try #require(
            LineRecognizerFiles.locate(), "the line recognizer is not installed: run scripts/fetch-line-recognizer")
        return try PageTextRecognizer(files: files, recognizer: LineRecognizer(files: files))
    }

    @Test func givenAFapiaoScan_whenReadWhole_thenItsValuesAreAmongTheLines() throws {
        let page = try EngineFixtures.page("fapiao/clean/tc-009.png")
        let label = try Label.of(document: Paths.testdata("fapiao/clean/tc-009.png"))
        let reading = try #require(try Self.recognizer().read(page))
        let text = reading.lines.map { $0.words.map(\.text).joined() }.joined(separator: "\n")
        for field in ["invoiceNumber", "invoiceCode", "sellerTaxID", "totalAmount"] {
            let value = try #require(label.fields[field])
            #expect(text.contains(value), "\(field) \(value) not in:\n\(text)")
        }
        #expect(reading.boxCount >= 40)
        #expect(reading.upsideDownShare < 0.2)
        // Every word lies on the page, with a confidence and one per character.
        for word in reading.lines.flatMap(\.words) {
            #expect(word.box.x >= 0 && word.box.maxX <= page.width && word.box.y >= 0 && word.box.maxY <= page.height)
            #expect((0...1).contains(word.confidence))
            #expect(word.characters?.count == word.text.count)
        }
    }

    @Test func givenAPageUpsideDown_whenRead_thenTheClassifierSaysSo() throws {
        let page = try #require(try EngineFixtures.page("fapiao/clean/tc-009.png").rotated(quarterTurns: 2))
        let reading = try #require(try Self.recognizer().read(page))
        #expect(reading.upsideDownShare > 0.6)
    }

    /// A page in a wide white margin (a photo's desk): the second, enlarged detection runs on the text's
    /// region only, and its boxes are still placed in the whole page's pixels.
    @Test func givenAPageInAWideMargin_whenReadWhole_thenItsWordsAreWhereThePrintIs() throws {
        let page = try EngineFixtures.page("fapiao/clean/tc-009.png")
        let margin = 1500
        let padded = try #require(page.padded(by: margin))
        let label = try Label.of(document: Paths.testdata("fapiao/clean/tc-009.png"))
        let number = try #require(label.fields["invoiceNumber"])
        let recognizer = try Self.recognizer()
        func numberBox(_ reading: DetectedPage) -> PixelBox? {
            reading.lines.flatMap(\.words).first { $0.text.contains(number) }?.box
        }
        let unpadded = try #require(recognizer.read(page))
        let plain = try #require(numberBox(unpadded), "\(number) not read")
        let reading = try #require(recognizer.read(padded))
        let found = try #require(numberBox(reading), "\(number) not read in:\n\(reading.text)")
        #expect(abs(found.x - (plain.x + margin)) <= 12 && abs(found.y - (plain.y + margin)) <= 12, "\(found) \(plain)")
        let raster = try #require(GreyRaster(page: padded))
        let boxes = try #require(recognizer.detector.detect(raster))
        let region = TextDetector.textRegion(boxes, width: padded.width, height: padded.height)
        #expect(region.x >= margin - 200 && region.maxX <= margin + page.width + 200, "\(region)")
    }

    @Test func givenAPaperPhoto_whenReadWhole_thenThePrintedNumberIsRead() throws {
        let page = try EngineFixtures.page("fapiao/paper/paper-004.jpg")
        let label = try Label.of(document: Paths.testdata("fapiao/paper/paper-004.jpg"))
        let reading = try #require(try Self.recognizer().read(page))
        let number = try #require(label.fields["invoiceNumber"])
        #expect(reading.text.filter { !$0.isWhitespace }.contains(number), "\(reading.text)")
    }
}

/// DB post-processing on made-up probability maps.
struct TextDetectorTests {
    /// A `width` × `height` map with `value` inside each rectangle (x, y, w, h).
    static func map(width: Int, height: Int, _ rectangles: [(Int, Int, Int, Int, Float)]) -> [Float] {
        var values = [Float](repeating: 0, count: width * height)
        for (x, y, w, h, value) in rectangles {
            for row in y..<(y + h) {
                for column in x..<(x + w) { values[row * width + column] = value }
            }
        }
        return values
    }

    @Test func givenTwoSeparateLines_whenPostProcessed_thenTwoLevelBoxesGrownByTheUnclipDistance() {
        let values = Self.map(width: 200, height: 100, [(10, 10, 120, 10, 0.9), (10, 50, 80, 12, 0.9)])
        let boxes = TextDetector.boxes(probabilities: values, width: 200, height: 100).sorted { $0.centreY < $1.centreY }
        #expect(boxes.count == 2)
        let first = boxes[0]
        #expect(abs(first.angle) < 0.01)
        // 121 × 11 region (the dilation adds a pixel) grown by area × 1.6 / perimeter on each side.
        let room = 121.0 * 11 * 1.6 / (2 * (121 + 11))
        #expect(abs(first.room - room) < 0.01)
        #expect(abs(first.thickness - (11 + 2 * room)) < 0.01)
        #expect(abs(first.centreY - 15.5) < 1)
    }

    @Test func givenTwoLinesThatTouch_whenPostProcessed_thenTheyAreSplitByAHigherThreshold() {
        // Many ordinary lines set the usual thickness; two of them touch through a faint band.
        var rectangles: [(Int, Int, Int, Int, Float)] = (0..<5).map { (10, 200 + $0 * 20, 150, 8, 0.9) }
        rectangles += [(10, 10, 150, 10, 0.9), (10, 20, 150, 4, 0.4), (10, 24, 150, 10, 0.9)]
        let values = Self.map(width: 200, height: 320, rectangles)
        let boxes = TextDetector.boxes(probabilities: values, width: 200, height: 320)
        let top = boxes.filter { $0.centreY < 60 }
        #expect(top.count == 2, "\(top)")
    }

    @Test func givenATiltedLine_whenPostProcessed_thenTheBoxFollowsIt() {
        var values = [Float](repeating: 0, count: 300 * 100)
        for x in 20..<280 {
            let centre = 30 + Double(x) * 0.1
            for y in Int(centre - 5)...Int(centre + 5) { values[y * 300 + x] = 0.9 }
        }
        let boxes = TextDetector.boxes(probabilities: values, width: 300, height: 100)
        let box = try! #require(boxes.first)
        #expect(boxes.count == 1)
        #expect(abs(box.angle - atan(0.1)) < 0.02)
    }

    @Test func givenAFaintRegion_whenPostProcessed_thenItIsDropped() {
        let values = Self.map(width: 100, height: 50, [(10, 10, 60, 10, 0.35)])
        #expect(TextDetector.boxes(probabilities: values, width: 100, height: 50).isEmpty)
    }
}

/// The region the second detection pass is limited to.
struct TextRegionTests {
    @Test func givenBoxes_whenTheirRegionIsTaken_thenItHoldsThemWithRoomAndStaysOnThePage() {
        let boxes = [
            TextBox(centreX: 300, centreY: 200, length: 200, thickness: 20, angle: 0, score: 0.9),
            TextBox(centreX: 700, centreY: 600, length: 100, thickness: 20, angle: 0, score: 0.9),
            TextBox(centreX: 60, centreY: 990, length: 100, thickness: 20, angle: 0, score: 0.9),
        ]
        let region = TextDetector.textRegion(Array(boxes.prefix(2)), width: 2000, height: 1000)
        #expect(region == PixelBox(left: 200 - 80, top: 190 - 80, right: 750 + 80, bottom: 610 + 80))
        let clipped = TextDetector.textRegion(boxes, width: 2000, height: 1000)
        #expect(clipped.x == 0 && clipped.maxY == 1000)
    }

    @Test func givenARaster_whenCropped_thenTheRowsAndColumnsInsideAreKept() {
        let raster = GreyRaster(width: 4, height: 3, pixels: (0..<12).map(UInt8.init))
        let crop = raster.cropped(to: PixelBox(x: 1, y: 1, width: 5, height: 1))
        #expect(crop.width == 3 && crop.height == 1 && crop.pixels == [5, 6, 7])
    }

    /// Workers share one reader (one ONNX Runtime session per model): two pages read at once on two
    /// threads come out exactly as each read alone.
    @Test func givenOneSharedReader_whenTwoThreadsReadAtOnce_thenEachReadingIsAsAlone() async throws {
        let reader = try PageTextRecognizerTests.recognizer()
        let pages = try ["fapiao/clean/tc-009.png", "fapiao/degraded/tc-009-d.png"].map(EngineFixtures.page)
        let alone = pages.map { reader.read($0) }
        let together = await withTaskGroup(of: (Int, DetectedPage?).self) { group in
            for (index, page) in pages.enumerated() {
                group.addTask { await EnginePool.runOnThread { (index, reader.read(page)) } }
            }
            return await group.reduce(into: [Int: DetectedPage?]()) { $0[$1.0] = $1.1 }
        }
        for index in pages.indices {
            let first = try #require(alone[index])
            #expect(first.boxCount >= 30)
            #expect(together[index] == first)
        }
    }

    @Test func givenABudget_whenManyThreadsTakeShares_thenTheyNeverHoldMoreThanItTogether() async {
        final class Tally: Sendable {
            let state = Mutex((now: 0, most: 0))
        }
        let budget = MemoryBudget(capacity: 10)
        let held = Tally()
        // Shares of 4 and 6 fit together; 7 does not fit beside 4; 25 is more than the whole and runs alone.
        let shares = [4, 6, 7, 4, 25, 6, 4, 7, 3, 3]
        await withTaskGroup(of: Void.self) { group in
            for share in shares {
                group.addTask {
                    await EnginePool.runOnThread {
                        budget.withUnits(share) {
                            held.state.withLock { $0.now += min(share, 10); $0.most = max($0.most, $0.now) }
                            usleep(20_000)
                            held.state.withLock { $0.now -= min(share, 10) }
                        }
                    }
                }
            }
        }
        let result = held.state.withLock { $0 }
        #expect(result.now == 0)
        #expect(result.most <= 10)
        #expect(result.most > 7, "small shares should have overlapped")
    }
}
