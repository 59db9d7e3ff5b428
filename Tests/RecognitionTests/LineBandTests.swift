import Foundation
import InvoiceModel
import Testing

@testable import Recognition

/// Where a Tesseract row is cut out for the line recognizer.
@Suite struct LineBandTests {
    private func word(x: Int, y: Int, height: Int = 20) -> RecognizedWord {
        RecognizedWord(text: "AB", confidence: 0.8, box: PixelBox(x: x, y: y, width: 60, height: height))
    }

    private func line(_ words: [RecognizedWord]) -> RecognizedLine {
        RecognizedLine(words: words, confidence: 0.8, box: words.dropFirst().reduce(words[0].box) { $0.union($1.box) })
    }

    @Test func givenALevelRow_whenCut_thenTheBandIsLevelWithRoomAroundThePrint() throws {
        let band = try #require(
            LineBand(line([word(x: 100, y: 50), word(x: 200, y: 50), word(x: 300, y: 50)]), pageWidth: 1000))
        #expect(band.box.angle == 0)
        #expect(abs(band.box.centreY - 60) < 1e-9)
        // A quarter of the print's height above and below, a third at the ends.
        #expect(abs(band.box.thickness - 30) < 1e-9)
        #expect(band.level.y <= 45 && band.level.maxY >= 75)
        #expect(band.level.x < 100 && band.level.maxX > 360)
    }

    /// A curled slip: the row sinks 4 pixels a word. The band follows it, so neither end is cut off.
    @Test func givenASlopingRow_whenCut_thenTheBandFollowsTheSlope() throws {
        let band = try #require(
            LineBand(line([word(x: 100, y: 50), word(x: 200, y: 54), word(x: 300, y: 58)]), pageWidth: 1000))
        #expect(abs(tan(band.box.angle) - 0.04) < 1e-9)
        // The level rectangle spans the whole sloping row.
        #expect(band.level.y <= 45 && band.level.maxY >= 83)
    }

    /// A word Tesseract stretched over two rows does not tilt or thicken the band.
    @Test func givenAStretchedWord_whenCut_thenItIsLeftOutOfTheFit() throws {
        let band = try #require(
            LineBand(
                line([word(x: 100, y: 50), word(x: 200, y: 50, height: 60), word(x: 300, y: 50)]), pageWidth: 1000))
        #expect(band.box.angle == 0)
        #expect(abs(band.box.thickness - 30) < 1e-9)
    }

    /// Words that slope more than a turned slip would (a word of another row grouped in) give a level band.
    @Test func givenAnImplausibleSlope_whenCut_thenTheBandIsLevel() throws {
        let band = try #require(LineBand(line([word(x: 100, y: 50), word(x: 200, y: 90)]), pageWidth: 1000))
        #expect(band.box.angle == 0)
    }
}
