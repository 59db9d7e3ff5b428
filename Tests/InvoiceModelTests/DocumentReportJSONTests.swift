import Foundation
import InvoiceModel
import Testing

@Suite struct DocumentReportJSONTests {
    private func page() -> PageSummary {
        let words = [
            RecognizedWord(text: "发票代码", confidence: 0.91, box: PixelBox(x: 10, y: 10, width: 80, height: 20)),
            RecognizedWord(
                text: "032002100611", confidence: 0.97, box: PixelBox(x: 100, y: 10, width: 150, height: 20)),
        ]
        let line = RecognizedLine(words: words, confidence: 0.94, box: PixelBox(x: 10, y: 10, width: 240, height: 20))
        return PageSummary(
            number: 1, width: 2480, height: 1654, dpi: 300, declaredDPI: nil, rotation: 180,
            orientationConfidence: 9.5, skewDegrees: -0.25, lines: [line])
    }

    private func parse(_ value: JSONValue) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(value.serialized().utf8)) as? [String: Any])
    }

    @Test func givenRecognizedDocument_whenPrinted_thenContractKeysComeInOrderWithValues() throws {
        var timings = StageTimings()
        timings.add("read", milliseconds: 2)
        timings.add("ocr", milliseconds: 300)
        timings.add("ocr", milliseconds: 100)
        let field = ExtractedField(
            value: "032002100611", confidence: 0.9984, flagged: false, source: .qr, page: 1,
            box: PixelBox(x: 1884, y: 86, width: 253, height: 26))
        let document = RecognizedDocument(
            documentType: "fapiao", pages: [page()], fields: [.invoiceCode: field],
            checks: [CheckResult(rule: "tax-id-checksum", passed: true, fields: [.sellerTaxID])],
            review: ReviewDecision(required: false, reasons: []))
        let report = DocumentReport(
            file: "scans/0001.jpg", sha256: "ab", outcome: .recognized(document), timings: timings)
        let value = report.contractJSON(totalMilliseconds: 412, includeWords: true)

        let text = value.serialized()
        #expect(
            text.hasPrefix(
                #"{"file":"scans/0001.jpg","sha256":"ab","status":"ok","documentType":"fapiao","pages":1,"fields":"#))
        let object = try parse(value)
        let fields = try #require(object["fields"] as? [String: [String: Any]])
        #expect(fields["invoiceCode"]?["value"] as? String == "032002100611")
        #expect(fields["invoiceCode"]?["confidence"] as? Double == 0.998)
        #expect(fields["invoiceCode"]?["source"] as? String == "qr")
        #expect(fields["invoiceCode"]?["box"] as? [Int] == [1884, 86, 253, 26])
        #expect((object["timingMs"] as? [String: Int]) == ["total": 412, "read": 2, "ocr": 400])
        #expect((object["review"] as? [String: Any])?["required"] as? Bool == false)
        let words = try #require(object["words"] as? [[String: Any]])
        #expect(words.map { $0["text"] as? String } == ["发票代码", "032002100611"])
        #expect(words[1]["box"] as? [Int] == [100, 10, 150, 20])
        let details = try #require(object["pageDetails"] as? [[String: Any]])
        #expect(details[0]["rotation"] as? Int == 180)
    }

    @Test func givenFailure_whenPrinted_thenErrorReplacesFieldsAndNoWordsAreInvented() throws {
        let report = DocumentReport(
            file: "bad.jpg", sha256: nil,
            outcome: .failed(DocumentError(.corruptFile, "the JPEG data is damaged"), pages: []),
            timings: StageTimings())
        let object = try parse(report.contractJSON(totalMilliseconds: 3, includeWords: true))
        #expect(object["status"] as? String == "error")
        #expect(
            (object["error"] as? [String: String]) == ["code": "corrupt-file", "message": "the JPEG data is damaged"])
        #expect(object["fields"] == nil)
        #expect(object["sha256"] is NSNull)
        #expect((object["words"] as? [Any])?.isEmpty == true)
    }

    @Test func givenCJKAndLatinWords_whenLineTextIsBuilt_thenSpacesOnlyBetweenNonCJK() {
        let words = ["价税合计", "（小写）", "¥", "15.94"].map {
            RecognizedWord(text: $0, confidence: 1, box: PixelBox(x: 0, y: 0, width: 1, height: 1))
        }
        let line = RecognizedLine(words: words, confidence: 1, box: PixelBox(x: 0, y: 0, width: 4, height: 1))
        #expect(line.text == "价税合计（小写） ¥ 15.94")
    }
}
