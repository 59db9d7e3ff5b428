import InvoiceModel
import Testing

@testable import Recognition

/// Folding the line recognizer's reading into a Tesseract line of Latin print (receipt letterheads).
@Suite struct LatinRefinementTests {
    private func word(_ text: String, _ confidence: Double, x: Int, y: Int = 10, height: Int = 20) -> RecognizedWord {
        RecognizedWord(
            text: text, confidence: confidence, box: PixelBox(x: x, y: y, width: 12 * text.count, height: height))
    }

    private func line(_ words: [RecognizedWord]) -> RecognizedLine {
        let box = words.dropFirst().reduce(words[0].box) { $0.union($1.box) }
        return RecognizedLine(words: words, confidence: 0.9, box: box)
    }

    private func reading(_ text: String, _ probability: Double = 0.97) -> LineReading {
        let count = Double(max(1, text.count))
        return LineReading(
            glyphs: text.enumerated().map { LineReading.Glyph($1, probability, position: Double($0) / count) })
    }

    private let band = PixelBox(x: 0, y: 10, width: 600, height: 20)

    @Test func givenAFadedLetter_whenTheRecognizerIsSurer_thenItsLetterWinsAndSpacingStays() {
        let tesseract = line([word("SANYO", 0.62, x: 0), word("STATIONERY", 0.93, x: 80), word("SHOP", 0.95, x: 220)])
        let refined = LatinRefinement.refine(tesseract, with: reading("SANYUSTATIONERYSHOP"), in: band)
        #expect(refined.text == "SANYU STATIONERY SHOP")
        #expect(refined.words.map(\.box) == tesseract.words.map(\.box))
        // The corrected word carries the disagreement; the agreeing ones are surer than either engine.
        #expect(abs(refined.words[0].confidence - 0.97 * LineRefinement.disagreement) < 1e-9)
        #expect(refined.words[1].confidence > 0.97)
    }

    @Test func givenASureTesseractWord_whenTheRecognizerMisreadsALetter_thenTesseractIsKept() {
        let tesseract = line([word("Amount", 0.96, x: 0)])
        let refined = LatinRefinement.refine(tesseract, with: reading("Anount", 0.9), in: band)
        #expect(refined.text == "Amount")
        #expect(refined.words[0].confidence < 0.96)
    }

    @Test func givenLetterCaseOnly_whenTheReadingsDiffer_thenTesseractsCaseStays() {
        let tesseract = line([word("Jalan", 0.9, x: 0), word("Tampoi", 0.9, x: 80)])
        let refined = LatinRefinement.refine(tesseract, with: reading("JALANTAMPOI"), in: band)
        #expect(refined.text == "Jalan Tampoi")
    }

    @Test func givenAnOForAZero_whenTheWordIsLetters_thenTheLetterStays() {
        let tesseract = line([word("SINGAPORE", 0.7, x: 0), word("189554", 0.95, x: 120)])
        let refined = LatinRefinement.refine(tesseract, with: reading("SINGAP0RE189554", 0.99), in: band)
        #expect(refined.text == "SINGAPORE 189554")
        let digits = line([word("1O3OO", 0.5, x: 0)])
        #expect(LatinRefinement.refine(digits, with: reading("10300"), in: band).text == "10300")
    }

    /// On a skewed line the first word sits mostly above the band read, so it is left as Tesseract read
    /// it; the recognizer's reading of it is not added to the next word ("NO NO1&3,").
    @Test func givenAFirstWordOutsideTheBand_whenTheRecognizerReadsIt_thenItIsNotAddedAgain() {
        let tesseract = line([word("NO", 0.95, x: 0, y: -4), word("1&3,", 0.87, x: 40)])
        let refined = LatinRefinement.refine(tesseract, with: reading("NO1&3,"), in: band)
        #expect(refined.text == "NO 1&3,")
    }

    /// The recognizer reads the comma ending a part of an address as a full stop, surer than Tesseract
    /// reads its comma: between the two marks Tesseract's stands, either way round.
    @Test func givenACommaAndAFullStop_whenTheRecognizerIsSurer_thenTesseractsMarkStays() {
        let tesseract = line([word("Delima", 0.93, x: 0), word("12,", 0.7, x: 90)])
        #expect(LatinRefinement.refine(tesseract, with: reading("Delima12.", 0.98), in: band).text == "Delima 12,")
        let stop = line([word("Bhd.", 0.7, x: 0)])
        #expect(LatinRefinement.refine(stop, with: reading("Bhd,", 0.98), in: band).text == "Bhd.")
        // A letter the recognizer is surer of still wins beside the mark.
        let letter = line([word("Jaian,", 0.6, x: 0)])
        #expect(LatinRefinement.refine(letter, with: reading("Jalan.", 0.98), in: band).text == "Jalan,")
    }

    /// Tesseract splits an m into "rn"; the recognizer, sure of it, reads it whole: one m, not "rm".
    @Test func givenALetterTesseractSplitInTwo_whenTheRecognizerIsSure_thenTheWholeLetter() {
        let tesseract = line([word("Kuala", 0.9, x: 0), word("Lurnpur", 0.6, x: 80)])
        #expect(LatinRefinement.refine(tesseract, with: reading("KualaLumpur"), in: band).text == "Kuala Lumpur")
        // A sure Tesseract word keeps its letters: "Corner" is not made "Comer".
        let corner = line([word("Corner", 0.97, x: 0)])
        #expect(LatinRefinement.refine(corner, with: reading("Comer", 0.95), in: band).text == "Corner")
    }

    /// Tesseract reads a lower-case l and the recognizer a 1 where capitals stand around it: the capital I.
    @Test func givenLAndOneAmongCapitals_whenRefined_thenACapitalI() {
        let tesseract = line([word("Sl-493123", 0.9, x: 0)])
        #expect(LatinRefinement.refine(tesseract, with: reading("S1-493123"), in: band).text == "SI-493123")
        // Among digits the 1 fits, whichever engine read it.
        let digits = line([word("2l-4", 0.9, x: 0)])
        #expect(LatinRefinement.refine(digits, with: reading("21-4"), in: band).text == "21-4")
    }

    @Test func givenAMissedFirstLetterAndStop_whenTheRecognizerIsSure_thenTheyAreAdded() {
        let tesseract = line([word("EO", 0.6, x: 20), word("HENG", 0.9, x: 60), word("SELANGOR", 0.93, x: 120)])
        let refined = LatinRefinement.refine(tesseract, with: reading("TEOHENGSELANGOR."), in: band)
        #expect(refined.text == "TEO HENG SELANGOR.")
    }

    @Test func givenSpeckleTesseractDoubts_whenTheRecognizerIsSureOfTheLine_thenItIsDropped() {
        let tesseract = line([word("BASAH", 0.9, x: 0), word("-ROAD°", 0.55, x: 80)])
        let refined = LatinRefinement.refine(tesseract, with: reading("BASAHROAD"), in: band)
        #expect(refined.text == "BASAH ROAD")
    }

    /// The recognizer drops the stop or comma that ends a word; Tesseract's stays even in a word it
    /// doubts. A mark standing alone or leading a word is still speckle.
    @Test func givenAStopEndingADoubtedWord_whenTheRecognizerMissesIt_thenItStays() {
        let tesseract = line([word("52100", 0.9, x: 0), word("KUALA", 0.9, x: 80), word("LUMPUR.", 0.19, x: 160)])
        #expect(
            LatinRefinement.refine(tesseract, with: reading("52100KUALALUMPUR"), in: band).text == "52100 KUALA LUMPUR."
        )
        let comma = line([word("Tampoi,", 0.5, x: 0), word("Johor", 0.9, x: 100)])
        #expect(LatinRefinement.refine(comma, with: reading("TampoiJohor"), in: band).text == "Tampoi, Johor")
        let specks = line([word("JALAN", 0.9, x: 0), word(".", 0.3, x: 70), word(".PUTRA", 0.5, x: 90)])
        #expect(LatinRefinement.refine(specks, with: reading("JALANPUTRA"), in: band).text == "JALAN PUTRA")
    }

    /// `eng` reads the rupee sign of "₹22,053.50" as a digit and doubts the word; the recognizer reads no
    /// character there. A digit Tesseract is sure of, or one that does not start an amount, stays.
    @Test func givenARupeeSignReadAsADigit_whenTheRecognizerReadsNoneThere_thenTheDigitIsDropped() {
        let sign = line([word("Taxable", 0.95, x: 0), word("Value", 0.95, x: 100), word("222,053.50", 0.3, x: 300)])
        #expect(
            LatinRefinement.refine(sign, with: reading("TaxableValue22,053.50"), in: band).text
                == "Taxable Value 22,053.50")
        let small = line([word("CGST", 0.95, x: 0), word("21,984.82", 0.5, x: 300)])
        #expect(LatinRefinement.refine(small, with: reading("CGST1,984.82"), in: band).text == "CGST 1,984.82")
        let sure = line([word("TOTAL", 0.95, x: 0), word("11.90", 0.9, x: 300)])
        #expect(LatinRefinement.refine(sure, with: reading("TOTAL1.90"), in: band).text == "TOTAL 11.90")
        let code = line([word("REF", 0.95, x: 0), word("21984", 0.5, x: 300)])
        #expect(LatinRefinement.refine(code, with: reading("REF1984"), in: band).text == "REF 21984")
    }

    /// A digit inside a number that only Tesseract read, in a word it doubts, unlike both its neighbours:
    /// the recognizer, sure of the line, does not drop one. A repeated digit it may merge stays.
    @Test func givenAStrayDigitInADoubtedNumber_whenTheRecognizerReadsNone_thenItIsDropped() {
        let date = line([word("11", 0.78, x: 0), word("Jun", 0.92, x: 60), word("20718", 0.73, x: 140)])
        #expect(LatinRefinement.refine(date, with: reading("11Jun2018"), in: band).text == "11 Jun 2018")
        let repeated = line([word("TOTAL", 0.95, x: 0), word("100.50", 0.7, x: 140)])
        #expect(LatinRefinement.refine(repeated, with: reading("TOTAL10.50"), in: band).text == "TOTAL 100.50")
        let sure = line([word("TOTAL", 0.95, x: 0), word("20718", 0.9, x: 140)])
        #expect(LatinRefinement.refine(sure, with: reading("TOTAL2018"), in: band).text == "TOTAL 20718")
    }

    /// The recognizer reads a question mark for a sign it has no class for: Tesseract's sign stands.
    @Test func givenASignTheRecognizerReadsAsAQuestionMark_whenRefined_thenTesseractsStands() {
        let label = line([word("Factura", 0.92, x: 0), word("n°:", 0.17, x: 100)])
        #expect(LatinRefinement.refine(label, with: reading("Facturan?:"), in: band).text == "Factura n°:")
        #expect(LatinRefinement.refine(label, with: reading("Facturan？:"), in: band).text == "Factura n°:")
    }

    @Test func givenNoiseTesseractRead_whenTheRecognizerReadsPrint_thenItsReadingReplacesTheLine() {
        let tesseract = line([word("suc", 0.4, x: 0), word("baad", 0.1, x: 60), word("foie", 0.2, x: 130)])
        var glyphs: [LineReading.Glyph] = []
        for (offset, character) in "SWCENTERPRISE".enumerated() {
            // A gap of two pitches after "SWC": "ENTERPRISE" starts at 4/14 of the width.
            let position = (Double(offset) + (offset >= 3 ? 1 : 0)) / 14
            glyphs.append(LineReading.Glyph(character, 0.96, position: position))
        }
        let refined = LatinRefinement.refine(
            tesseract, with: LineReading(glyphs: glyphs), in: PixelBox(x: 0, y: 10, width: 280, height: 20))
        #expect(refined.text == "SWC ENTERPRISE")
        #expect(refined.words.allSatisfy { $0.confidence <= 0.96 * LineRefinement.disagreement + 1e-9 })
        #expect(refined.words[0].box.x == 0 && refined.words[1].box.x == 80)
    }

    @Test func givenAReadingOfSomethingElse_whenTesseractWasConfident_thenTheLineIsKept() {
        let tesseract = line([word("TOTAL", 0.95, x: 0), word("12.00", 0.93, x: 80)])
        let refined = LatinRefinement.refine(tesseract, with: reading("CASHCHANGE"), in: band)
        #expect(refined == tesseract)
    }

    @Test func givenAWordOfTheNextLine_whenOutsideTheBand_thenItIsLeftAsItIs() {
        let tesseract = line([word("BANDAR", 0.9, x: 0), word("ALI,", 0.87, x: 90, y: 32), word("UTANA", 0.8, x: 150)])
        let refined = LatinRefinement.refine(tesseract, with: reading("BANDARUTAMA"), in: band)
        #expect(refined.text == "BANDAR ALI, UTAMA")
    }

    @Test func givenSpacesInTheModelOutput_whenDecoded_thenTheNextGlyphIsMarked() {
        // Classes: 0 blank, 1 "A", 2 "B", 3 space.
        let best = [1, 0, 3, 2, 0]
        var values = [Float](repeating: 0.01, count: best.count * 4)
        for (step, index) in best.enumerated() { values[step * 4 + index] = 0.9 }
        let decoded = values.withUnsafeBufferPointer {
            LineReading.decoding($0, steps: best.count, classes: 4, characters: ["A", "B", " "])
        }
        #expect(decoded.text == "AB")
        #expect(decoded.glyphs.map(\.spaceBefore) == [false, true])
        #expect(decoded.glyphs.map(\.position) == [0, 0.6])
    }
}
