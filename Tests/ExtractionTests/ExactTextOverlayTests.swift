import InvoiceModel
import Testing

@testable import Extraction

/// Fields OCR read on a page whose file placed its own text there.
@Suite struct ExactTextOverlayTests {
    /// `text` placed from (x, y) as a PDF's text layer places it: characters 40 px apart and 36 px tall,
    /// a word per run between spaces.
    private static func placed(_ text: String, x: Int, y: Int) -> [RecognizedLine] {
        var words: [RecognizedWord] = []
        var offset = 0
        for part in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !part.isEmpty {
                words.append(
                    RecognizedWord(
                        text: String(part), confidence: 1,
                        box: PixelBox(x: x + offset * 40, y: y, width: part.count * 40 - 4, height: 36)))
            }
            offset += part.count + 1
        }
        let box = words.dropFirst().reduce(words[0].box) { $0.union($1.box) }
        return [RecognizedLine(words: words, confidence: 1, box: box)]
    }

    /// An OCR reading of `value` whose box covers `count` characters from (x, y).
    private func read(_ value: String, x: Int, y: Int, count: Int, confidence: Double = 0.96) -> FieldEvidence {
        FieldEvidence(
            value: value, source: .ocr, page: 1, box: PixelBox(x: x, y: y, width: count * 40 - 4, height: 36),
            readConfidence: confidence, formatValid: true)
    }

    private func document(_ fields: [FieldName: FieldEvidence]) -> ExtractedDocument {
        ExtractedDocument(documentType: "fapiao", invoiceKind: nil, fields: fields, lineItems: [], qr: nil)
    }

    // The seller's name as the file prints it, after its label, and the invoice number on the next row.
    private let page =
        [
            Self.placed("名称：成都市郫都区科技有限公司", x: 100, y: 1300), Self.placed("发票号码：27086599", x: 1700, y: 120),
            Self.placed("¥1,234.50", x: 1700, y: 1200),
        ].flatMap { $0 }

    @Test func givenOCRMisreadingACharacterTheTextLayerHolds_whenOverlaid_thenTheTextLayerWinsAndTheFieldIsFlagged() {
        var extracted = document([.sellerName: read("成都市郸都区科技有限公司", x: 220, y: 1302, count: 12)])
        extracted.takeExactText([1: page])
        let seller = extracted.fields[.sellerName]
        #expect(seller?.value == "成都市郫都区科技有限公司")
        #expect(seller?.source == .textLayer)
        #expect(seller?.alternatives == ["成都市郸都区科技有限公司"])
        let scored = DocumentScorer().score(extracted, checks: [])
        #expect(scored.fields[.sellerName]?.flagged == true)
        #expect(
            scored.review.reasons.contains {
                $0.hasPrefix("sellerName: sources disagree") && $0.contains("成都市郫都区科技有限公司")
            }, "\(scored.review.reasons)")
    }

    @Test func givenOCRAgreeingWithTheTextLayer_whenOverlaid_thenConfirmedExactAndNotFlagged() {
        var extracted = document([
            .invoiceNumber: read("27086599", x: 1900, y: 118, count: 8, confidence: 0.7),
            .totalAmount: read("1234.50", x: 1740, y: 1201, count: 8),
        ])
        extracted.takeExactText([1: page])
        #expect(extracted.fields[.invoiceNumber]?.source == .textLayer)
        #expect(extracted.fields[.invoiceNumber]?.confirmations == 1)
        #expect(extracted.fields[.totalAmount]?.source == .textLayer)
        let scored = DocumentScorer().score(extracted, checks: [])
        #expect(scored.fields[.invoiceNumber]?.flagged == false)
        #expect((scored.fields[.invoiceNumber]?.confidence ?? 0) >= 0.99)
    }

    @Test func givenOCRMissingTheNamesLastCharacter_whenOverlaid_thenTheWholePrintedWordIsTaken() {
        var extracted = document([.sellerName: read("成都市郫都区科技有限公", x: 220, y: 1300, count: 11)])
        extracted.takeExactText([1: page])
        #expect(extracted.fields[.sellerName]?.value == "成都市郫都区科技有限公司")
        #expect(extracted.fields[.sellerName]?.disagreement != nil)
    }

    @Test func givenLatinNameOCRReadWithoutItsAccent_whenOverlaid_thenThePrintedNameWithItsSpacesAndAccent() {
        let name = Self.placed("Müller Software AG", x: 100, y: 200)
        var extracted = document([.sellerName: read("Muller Software AG", x: 100, y: 202, count: 18)])
        extracted.takeExactText([1: name])
        #expect(extracted.fields[.sellerName]?.value == "Müller Software AG")
        #expect(extracted.fields[.sellerName]?.disagreement != nil)
    }

    @Test func givenTextUnlikeTheReading_whenOverlaid_thenTheReadingStays() {
        // Glyph codes without a Unicode map where the name is printed; nothing at all where the number is.
        let garbled = Self.placed("吖乪亍乇丆乚乛乀乁乄乆乊", x: 220, y: 1300)
        var extracted = document([
            .sellerName: read("成都市郫都区科技有限公司", x: 220, y: 1300, count: 12),
            .invoiceNumber: read("27086599", x: 1900, y: 118, count: 8),
        ])
        extracted.takeExactText([1: garbled])
        #expect(extracted.fields[.sellerName]?.source == .ocr)
        #expect(extracted.fields[.sellerName]?.value == "成都市郫都区科技有限公司")
        #expect(extracted.fields[.invoiceNumber]?.source == .ocr)
    }

    @Test func givenNumberOffByMoreThanAQuarter_whenOverlaid_thenNotTakenForTheSameField() {
        // Another number printed where OCR read this one (a code beside it): not a misreading of it.
        let other = Self.placed("04400190", x: 1900, y: 118)
        var extracted = document([.invoiceNumber: read("27086599", x: 1900, y: 118, count: 8)])
        extracted.takeExactText([1: other])
        #expect(extracted.fields[.invoiceNumber]?.value == "27086599")
        #expect(extracted.fields[.invoiceNumber]?.source == .ocr)
    }

    @Test(arguments: [
        ("郫都区", "成都市郫都区科技", 3..<6, 0), ("郸都区", "成都市郫都区科技", 3..<6, 1), ("abc", "xxabxcxx", 2..<5, 1),
    ])
    func givenTexts_whenBestSubstringFound_thenFewestEditsAndALengthLikeTheTargets(
        target: String, source: String, range: Range<Int>, distance: Int
    ) {
        let found = ExactText.bestSubstring(Array(target), in: Array(source))
        #expect(found?.distance == distance)
        #expect(found?.range == range)
    }
}
