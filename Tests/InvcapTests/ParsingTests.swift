import ArgumentParser
import Ingest
import Testing

@testable import invcap

@Suite struct ParsingTests {
    @Test func givenRecognizeWithFlags_whenParsed_thenFilesAndOptionsAreSet() throws {
        let command = try Invcap.parseAsRoot([
            "recognize", "a.png", "b.jpg", "--json", "--words", "--lang", "eng", "--jobs", "1",
        ])
        let recognize = try #require(command as? Recognize)
        #expect(recognize.files == ["a.png", "b.jpg"])
        #expect(recognize.json && recognize.words)
        #expect(recognize.ocr.lang == "eng" && recognize.ocr.workerCount == 1)
        #expect(recognize.ocr.limits.maxPixelsPerPage == 80_000_000)
    }

    @Test(arguments: [
        (["recognize"], "at least one file"),
        (["recognize", "a.png", "--jobs", "0"], "--jobs must be at least 1"),
        (["recognize", "a.png", "--lang", "chi sim"], "write it like chi_sim+eng"),
        (["recognize", "a.png", "--lang", "klingon"], "is not installed"),
        (["recognize", "a.png", "--max-megapixels", "0"], "--max-megapixels must be positive"),
    ])
    func givenBadArguments_whenParsed_thenValidationErrorTellsWhatToType(arguments: [String], message: String) {
        do {
            _ = try Invcap.parseAsRoot(arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            #expect(Invcap.exitCode(for: error) == .validationFailure)
            #expect(Invcap.fullMessage(for: error).contains(message), "\(Invcap.fullMessage(for: error))")
        }
    }

    @Test func givenThreeInputs_whenRunOutOfOrder_thenResultsAreDeliveredInInputOrder() async throws {
        var delivered: [Int] = []
        try await OrderedRunner.run([3, 1, 2, 0], concurrency: 4) { value in
            try await Task.sleep(for: .milliseconds(value * 20))
            return value
        } onResult: { index, value in
            delivered.append(value)
            #expect(delivered.count == index + 1)
        }
        #expect(delivered == [3, 1, 2, 0])
    }
}
