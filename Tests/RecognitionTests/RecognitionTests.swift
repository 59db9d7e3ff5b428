import Foundation
import Ingest
import InvoiceModel
import Recognition
import TestSupport
import Testing

@Suite struct RecognitionTests {
    /// The digits of every word on the page, concatenated per line (OCR may split a number into groups).
    private func digitRuns(_ lines: [RecognizedLine]) -> [String] {
        lines.flatMap { line in
            [line.text.filter(\.isASCIIDigit)] + line.words.map { $0.text.filter(\.isASCIIDigit) }
        }
    }

    @Test func givenFapiaoHeader_whenRecognised_thenLabelledCodeAndNumberAreAmongTheWords() throws {
        let label = try Label.of(document: Paths.testdata("formats/header.png"))
        let code = try #require(label.fields["invoiceCode"])
        let number = try #require(label.fields["invoiceNumber"])
        let lines = try EngineFixtures.engine().recognize(try EngineFixtures.page("formats/header.png"))
        let words = lines.flatMap(\.words)
        #expect(words.contains { $0.text.contains(code) }, "code \(code) not in \(words.map(\.text))")
        #expect(words.contains { $0.text.contains(number) }, "number \(number) not in \(words.map(\.text))")
        for word in words {
            #expect((0...1).contains(word.confidence))
            #expect(!word.box.isEmpty)
        }
    }

    @Test func givenRegionAndDigitWhitelist_whenRecognised_thenOnlyDigitsInPageCoordinates() throws {
        let page = try EngineFixtures.page("formats/header.png")
        let engine = try EngineFixtures.engine()
        let all = try engine.recognize(page).flatMap(\.words)
        let label = try Label.of(document: Paths.testdata("formats/header.png"))
        let number = try #require(label.fields["invoiceNumber"])
        let target = try #require(all.first { $0.text.contains(number) })
        let region = target.box.expanded(by: 12, clippedTo: page.width, page.height)

        let digitsOnly = try TesseractEngine(
            languages: "eng", tessdata: EngineFixtures.tessdata, whitelist: "0123456789")
        let lines = try digitsOnly.recognize(page, region: region, mode: .singleLine)
        let words = lines.flatMap(\.words)
        #expect(words.map(\.text).joined() == number)
        for word in words {
            #expect(word.text.allSatisfy { $0.isASCIIDigit })
            #expect(region.intersection(word.box) != nil, "box \(word.box) outside region \(region)")
        }
    }

    @Test func givenTwoEngines_whenRecognisingOnTwoThreadsAtOnce_thenEachMatchesItsSequentialResult() async throws {
        let pages = [try EngineFixtures.page("formats/header.png"), try EngineFixtures.page("formats/header.jpg")]
        let engines = [try EngineFixtures.engine(), try EngineFixtures.engine()]
        let sequential = try zip(engines, pages).map { try $0.recognize($1).map(\.text) }

        let parallel = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
            for index in 0..<2 {
                let engine = engines[index]
                let page = pages[index]
                group.addTask {
                    try await Task.detached { (index, try engine.recognize(page).map(\.text)) }.value
                }
            }
            var results = [[String]](repeating: [], count: 2)
            for try await (index, texts) in group { results[index] = texts }
            return results
        }
        #expect(parallel == sequential)
        #expect(!sequential[0].isEmpty)
    }

    @Test func givenCropOffThePage_whenRecognised_thenNoLinesAndNoError() throws {
        let page = try EngineFixtures.page("formats/header.png")
        let lines = try EngineFixtures.engine().recognize(
            page, region: PixelBox(x: page.width + 10, y: 0, width: 50, height: 50))
        #expect(lines.isEmpty)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
