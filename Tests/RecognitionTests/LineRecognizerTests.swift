import Foundation
import Ingest
import InvoiceModel
import Testing

@testable import Recognition

/// The line recognizer on real pixels: ONNX Runtime and the PP-OCR model that `scripts/setup` installs.
@Suite(.serialized) struct LineRecognizerTests {
    static let files = LineRecognizerFiles.locate()

    /// The footer band of a clean tax-control render, where the fast chi_sim model reads 郭文鑫 as 郭文章.
    static let footer = PixelBox(x: 8, y: 1706, width: 2129, height: 142)

    @Test func givenTheInstalledRecognizer_whenLoaded_thenItReadsAPrintedName() throws {
        let files = try #require(Self.files, "the line recognizer is not installed: run scripts/fetch-line-recognizer")
        let recognizer = try LineRecognizer(files: files)
        let page = try EngineFixtures.page("fapiao/clean/tc-009.png")
        let lines = try EngineFixtures.engine("chi_sim").recognize(page, region: Self.footer, mode: .singleBlock)
        let words = try #require(lines.first?.words)
        let reviewer = try #require(words.firstIndex { $0.text.contains("复核") })
        let box = words[reviewer...].prefix(4).dropFirst().reduce(words[reviewer].box) { $0.union($1.box) }
        let reading = try #require(recognizer.read(page, in: box))
        #expect(reading.text.contains("郭文鑫"))
        #expect(reading.glyphs.allSatisfy { $0.probability > 0 && $0.probability <= 1 })
    }

    @Test func givenAChineseRead_whenTheLineModelIsOn_thenTheNameTesseractMisreadsIsRight() throws {
        _ = try #require(Self.files, "the line recognizer is not installed: run scripts/fetch-line-recognizer")
        let worker = try OCRWorker(languages: "chi_sim+eng", tessdata: EngineFixtures.tessdata)
        let reader = WorkerPageReader(worker: worker, image: try EngineFixtures.page("fapiao/clean/tc-009.png"))
        let alone = try reader.read(Self.footer, ReadRequest(.block, .chinese, lineModel: false)).map(\.text)
        let refined = try reader.read(Self.footer, ReadRequest(.block, .chinese)).map(\.text)
        #expect(!alone.joined().contains("郭文鑫"), "Tesseract alone now reads the name: this test lost its point")
        #expect(refined.joined().contains("郭文鑫"))
        #expect(refined.joined().contains("郑文鑫"))
    }

    /// A receipt's postcode under toner spray: the fast eng model loses the J of "BS1 4JQ".
    @Test func givenAFadedReceiptLine_whenRefined_thenTheLetterTesseractMissedIsRead() throws {
        _ = try #require(Self.files, "the line recognizer is not installed: run scripts/fetch-line-recognizer")
        let worker = try OCRWorker(languages: "chi_sim+eng", tessdata: EngineFixtures.tessdata)
        let reader = WorkerPageReader(worker: worker, image: try EngineFixtures.page("english/degraded/rcpt-004-d.png"))
        let lines = try reader.read(nil, ReadRequest(.page, .latin))
        let line = try #require(lines.first { $0.text.contains("BRISTOL") })
        #expect(!line.text.contains("4JQ"), "Tesseract alone now reads the postcode: this test lost its point")
        let refined = reader.refinedLatin(line)
        #expect(refined.text.contains("BRISTOL BS1 4JQ"), "\(refined.text)")
        #expect(refined.words.count == line.words.count)
    }

    @Test func givenAMissingLibrary_whenLoaded_thenAClearError() {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("no-line-recognizer")
        #expect {
            _ = try LineRecognizer(files: LineRecognizerFiles(directory: directory))
        } throws: { error in
            (error as? RecognitionError).map { "\($0)".contains("scripts/fetch-line-recognizer") } ?? false
        }
    }
}
