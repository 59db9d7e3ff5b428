import InvoiceModel
import Testing

@testable import Recognition

/// The pure parts of the line recognizer: CTC decoding, alignment, and folding a reading into a line.
@Suite struct LineRefinementTests {
    private func word(_ text: String, _ confidence: Double, x: Int, width: Int = 40) -> RecognizedWord {
        RecognizedWord(text: text, confidence: confidence, box: PixelBox(x: x, y: 10, width: width, height: 30))
    }

    private func line(_ words: [RecognizedWord]) -> RecognizedLine {
        let box = words.dropFirst().reduce(words[0].box) { $0.union($1.box) }
        return RecognizedLine(words: words, confidence: 0.9, box: box)
    }

    private func reading(_ text: String, _ probability: Double = 0.99) -> LineReading {
        LineReading(glyphs: text.map { LineReading.Glyph($0, probability) })
    }

    @Test func givenStepProbabilities_whenDecoded_thenRepeatsMergedBlanksAndSpacesDropped() {
        // Classes: 0 blank, 1 "郭", 2 "文", 3 "鑫", 4 space. Steps: 郭 郭 blank 文 space 鑫 鑫(lower) blank.
        let best = [1, 1, 0, 2, 4, 3, 3, 0]
        let peaks: [Float] = [0.6, 0.9, 0.8, 0.7, 0.9, 0.95, 0.5, 0.9]
        var values = [Float](repeating: 0.01, count: best.count * 5)
        for (step, index) in best.enumerated() { values[step * 5 + index] = peaks[step] }
        let decoded = values.withUnsafeBufferPointer {
            LineReading.decoding($0, steps: best.count, classes: 5, characters: ["郭", "文", "鑫", " "])
        }
        #expect(decoded.text == "郭文鑫")
        #expect(decoded.glyphs.map(\.probability) == [Double(Float(0.9)), Double(Float(0.7)), Double(Float(0.95))])
    }

    @Test func givenAFastModelMisread_whenRefined_thenTheRecognizersIdeographWins() {
        let tesseract = line([
            word("复核", 0.93, x: 0, width: 80), word(":", 0.9, x: 85, width: 10),
            word("郭", 0.49, x: 100), word("文章", 0.58, x: 145, width: 80),
        ])
        let refined = LineRefinement.refine(tesseract, with: reading("复核：郭文鑫", 0.98))
        #expect(refined.text == "复核 : 郭文鑫")
        // Word boxes are kept; the corrected word's confidence is the recognizer's, lowered for the
        // disagreement; agreeing words are more confident than either engine alone.
        #expect(refined.words.map(\.box) == tesseract.words.map(\.box))
        #expect(abs(refined.words[3].confidence - 0.98 * LineRefinement.disagreement) < 1e-9)
        #expect(refined.words[0].confidence > 0.98)
    }

    @Test func givenAConfidentTesseractWord_whenTheRecognizerDisagrees_thenTesseractIsKept() {
        let tesseract = line([word("鼎盛", 0.96, x: 0, width: 80), word("科技", 0.5, x: 90, width: 80)])
        let refined = LineRefinement.refine(tesseract, with: reading("易盛科技"))
        #expect(refined.text == "鼎盛科技")
    }

    @Test func givenQuotesTesseractReadInAGap_whenTheRecognizerReadsOnlyTheName_thenTheyDoNotHideTheMatch() {
        let tesseract = line([word(":”", 0, x: 0, width: 50), word("喜", 0.46, x: 50), word("强", 0.53, x: 95)])
        let refined = LineRefinement.refine(tesseract, with: reading("彭强"), keepingLeading: false)
        #expect(refined.words.map(\.text) == [":”", "彭", "强"])
    }

    @Test func givenASymbolWhereTheRecognizerReadsADigit_whenRefined_thenTheDigit() {
        let tesseract = line([
            word("中心", 0.9, x: 0, width: 80), word("]", 0.3, x: 85, width: 10),
            word("层", 0.6, x: 100),
        ])
        #expect(LineRefinement.refine(tesseract, with: reading("中心1层")).text == "中心 1 层")
        // A digit Tesseract read is not replaced by another digit: digits are checked by other rules.
        let digits = line([word("中心", 0.9, x: 0, width: 80), word("7", 0.3, x: 85, width: 10), word("层", 0.6, x: 100)])
        #expect(LineRefinement.refine(digits, with: reading("中心1层")).text == "中心 7 层")
    }

    @Test func givenAReadingOfSomethingElse_whenRefined_thenTheLineIsUnchanged() {
        // Tesseract read print here (mean confidence above `noise`), so its words stay.
        let tesseract = line([word("收款人", 0.7, x: 0, width: 120), word("陆敏", 0.75, x: 130, width: 80)])
        #expect(LineRefinement.refine(tesseract, with: reading("开户行及账号中国银行")) == tesseract)
    }

    @Test func givenACharacterOnlyTheRecognizerSaw_whenInsideTheLine_thenInsertedAtTheEdgeOfAWindowDropped() {
        let tesseract = line([word("住", 0.6, x: 0), word("宿", 0.7, x: 45)])
        #expect(LineRefinement.refine(tesseract, with: reading("住宿费")).text == "住宿费")
        let inner = LineRefinement.refine(tesseract, with: reading("住宿费"), keepingTrailing: false)
        #expect(inner.text == "住宿")
    }

    @Test func givenDoubtfulWordsInALongPiece_whenWindowed_thenOnlyTheirNeighbourhoodIsRead() {
        let words = (0..<10).map { word("字", $0 == 4 ? 0.5 : 0.95, x: $0 * 45) }
        #expect(LineRefinement.windows(in: words) == [3..<6])
        let mostlyDoubtful = (0..<4).map { word("字", $0 == 3 ? 0.95 : 0.5, x: $0 * 45) }
        #expect(LineRefinement.windows(in: mostlyDoubtful) == [0..<4])
        let confident = (0..<4).map { word("字", 0.95, x: $0 * 45) }
        #expect(LineRefinement.windows(in: confident).isEmpty)
    }

    @Test func givenAWideGap_whenCutIntoPieces_thenEachSideIsAPiece() {
        let pieces = LineRefinement.pieces(
            of: line([word("名称", 0.9, x: 0, width: 80), word("单价", 0.9, x: 600, width: 80)]))
        #expect(pieces.map { $0.map(\.text) } == [["名称"], ["单价"]])
    }

    @Test func givenOnlyConfidentOrLatinWords_whenRefined_thenTheModelIsNotAsked() {
        var asked = 0
        let latin = line([word("TOTAL", 0.3, x: 0, width: 100)])
        _ = LineRefinement.refine(latin) { _ in
            asked += 1
            return nil
        }
        let confident = line([word("合计", 0.97, x: 0, width: 80)])
        _ = LineRefinement.refine(confident) { _ in
            asked += 1
            return nil
        }
        #expect(asked == 0)
    }
}

@Suite struct LineReplacementTests {
    private func word(_ text: String, _ confidence: Double, x: Int, width: Int) -> RecognizedWord {
        RecognizedWord(text: text, confidence: confidence, box: PixelBox(x: x, y: 10, width: width, height: 30))
    }

    private func glyphs(_ text: String, _ probability: Double) -> LineReading {
        LineReading(glyphs: text.map { LineReading.Glyph($0, probability) })
    }

    @Test func givenTesseractNoiseAndAConfidentReading_whenRefined_thenTheReadingWithoutDotsReplacesIt() {
        let noise = RecognizedLine(
            words: [word("人", 0.4, x: 0, width: 300), word("条", 0.3, x: 320, width: 200)], confidence: 0.3,
            box: PixelBox(x: 0, y: 10, width: 520, height: 30))
        var reading = glyphs("复核：", 0.97)
        reading.glyphs += [LineReading.Glyph("·", 0.3), LineReading.Glyph("…", 0.2)]
        reading.glyphs += glyphs("开票人：朱操", 0.96).glyphs
        let refined = LineRefinement.refine(noise, with: reading)
        #expect(refined.words.map(\.text).joined() == "复核：开票人：朱操")
        // Nothing confirms the reading: every glyph keeps only part of its probability.
        #expect(refined.words.allSatisfy { $0.confidence < 0.75 })
        #expect(refined.words.first?.box.x == 0 && refined.words.last?.box.maxX == 520)
    }

    @Test func givenConfidentTesseractWordsOrAnUnsureReading_whenFarApart_thenTheLineIsKept() {
        let printed = RecognizedLine(
            words: [word("收款人", 0.8, x: 0, width: 120), word("陆敏", 0.7, x: 130, width: 80)], confidence: 0.8,
            box: PixelBox(x: 0, y: 10, width: 210, height: 30))
        #expect(LineRefinement.refine(printed, with: glyphs("开户行及账号", 0.99)) == printed)
        let noise = RecognizedLine(
            words: [word("人", 0.4, x: 0, width: 300)], confidence: 0.3,
            box: PixelBox(x: 0, y: 10, width: 300, height: 30))
        #expect(LineRefinement.refine(noise, with: glyphs("开票人朱操", 0.6)) == noise)
        #expect(LineRefinement.refine(noise, with: glyphs("开票人朱操", 0.99), keepingTrailing: false) == noise)
    }
}
