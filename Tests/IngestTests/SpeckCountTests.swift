import CTesseract
import Foundation
import Ingest
import InvoiceModel
import TestSupport
import Testing

/// `speckCount` counts dots, not print: the same invoice's item table has a few on the clean render
/// (punctuation, the dots of characters) and many times more on its speckled scan.
@Suite struct SpeckCountTests {
    let loader = DocumentLoader()

    private func page(_ path: String) throws -> PageImage {
        try #require(try loader.load(path: Paths.testdata(path)).pages.first).image
    }

    /// The middle band of a fapiao (the item table), in the page's own pixels.
    private func tableBand(_ image: PageImage) -> PixelBox {
        PixelBox(x: image.width / 20, y: image.height * 2 / 5, width: image.width * 9 / 10, height: image.height / 4)
    }

    @Test func givenCleanRenderAndItsSpeckledScan_whenSpecksCounted_thenTheScanHasSeveralTimesMore() throws {
        let clean = try page("fapiao/clean/tc-007.png")
        let speckled = try page("fapiao/degraded/tc-007-d.jpg")
        let cleanCount = clean.speckCount(in: tableBand(clean), maximumSize: 3)
        let speckledCount = speckled.speckCount(in: tableBand(speckled), maximumSize: 3)
        #expect(speckledCount > 3 * max(cleanCount, 1), "clean \(cleanCount), speckled \(speckledCount)")
        // Characters are not specks: the clean table is full of print, yet few components are dots.
        let marks = clean.markCount(in: tableBand(clean), minimumHeight: 12)
        #expect(cleanCount < marks / 5, "clean: \(cleanCount) specks among \(marks) marks")
    }

    @Test func givenRegionOutsideThePage_whenSpecksCounted_thenZero() throws {
        let image = try page("fapiao/clean/tc-007.png")
        #expect(image.speckCount(in: PixelBox(x: image.width + 10, y: 0, width: 50, height: 50), maximumSize: 3) == 0)
    }
}

/// Isolated specks go; characters, and the dots beside them, stay.
@Suite struct IsolatedSpeckTests {
    let loader = DocumentLoader()

    private func page(_ path: String) throws -> PageImage {
        try #require(try loader.load(path: Paths.testdata(path)).pages.first).image
    }

    @Test func givenSpeckledReceipt_whenIsolatedSpecksRemoved_thenMostSpecksGoAndTheCharactersStay() throws {
        let speckled = try page("english/degraded/rcpt-002-d.png")
        let cleaned = try #require(speckled.withoutIsolatedSpecks())
        let whole = PixelBox(x: 0, y: 0, width: speckled.width, height: speckled.height)
        let before = speckled.speckCount(in: whole, maximumSize: 8)
        let after = cleaned.speckCount(in: whole, maximumSize: 8)
        #expect(after * 3 < before, "specks before \(before), after \(after)")
        let marksBefore = speckled.markCount(in: whole, minimumHeight: 15)
        let marksAfter = cleaned.markCount(in: whole, minimumHeight: 15)
        #expect(marksAfter == marksBefore, "characters before \(marksBefore), after \(marksAfter)")
    }

    @Test func givenCleanReceipt_whenIsolatedSpecksRemoved_thenItsDotsAndCharactersStay() throws {
        let clean = try page("english/clean/rcpt-002.png")
        let cleaned = try #require(clean.withoutIsolatedSpecks())
        let whole = PixelBox(x: 0, y: 0, width: clean.width, height: clean.height)
        // Decimal points, colons and the dots of i are beside characters: none is isolated.
        #expect(cleaned.speckCount(in: whole, maximumSize: 8) == clean.speckCount(in: whole, maximumSize: 8))
        #expect(cleaned.markCount(in: whole, minimumHeight: 15) == clean.markCount(in: whole, minimumHeight: 15))
    }
}

/// Dot-matrix print is made of dots that touch nothing: they have each other as neighbours and stay.
@Suite struct DotMatrixSpeckTests {
    /// 5×7 dot patterns of "TOTAL 1.50" as a 9-pin printer prints them (a space is blank).
    static let text: [[String]] = [
        ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
        [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
        ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
        [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
        ["#....", "#....", "#....", "#....", "#....", "#....", "#####"],
        [".....", ".....", ".....", ".....", ".....", ".....", "....."],
        ["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."],
        [".....", ".....", ".....", ".....", ".....", ".....", "..#.."],
        ["#####", "#....", "####.", "....#", "....#", "#...#", ".###."],
        [".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."],
    ]

    /// A white 300-dpi page with `glyphs` characters of `text` in dots (3 px, 6 px apart) in a row,
    /// and `specks` lone dots in the blank area below.
    private func page(glyphs: Int, specks: Int) throws -> PageImage {
        let pix = try #require(pixCreate(800, 400, 8))
        pixSetAll(pix)
        pixSetResolution(pix, 300, 300)
        func dot(_ x: Int, _ y: Int) {
            var box = boxCreate(Int32(x), Int32(y), 3, 3)
            pixClearInRect(pix, box)
            boxDestroy(&box)
        }
        for glyph in 0..<glyphs {
            for (row, pattern) in Self.text[glyph % Self.text.count].enumerated() {
                for (column, mark) in pattern.enumerated() where mark == "#" {
                    dot(40 + glyph * 40 + column * 6, 60 + row * 6)
                }
            }
        }
        for index in 0..<specks { dot(60 + index * 70, 300 + (index % 3) * 30) }
        return PageImage(taking: pix)
    }

    @Test func givenDotMatrixTextAndLoneSpecks_whenIsolatedSpecksRemoved_thenOnlyTheLoneSpecksGo() throws {
        let printed = try page(glyphs: 10, specks: 0)
        let speckled = try page(glyphs: 10, specks: 9)
        let whole = PixelBox(x: 0, y: 0, width: 800, height: 400)
        let dots = printed.speckCount(in: whole, maximumSize: 8)
        #expect(speckled.speckCount(in: whole, maximumSize: 8) == dots + 9)
        let cleaned = try #require(speckled.withoutIsolatedSpecks())
        #expect(cleaned.speckCount(in: whole, maximumSize: 8) == dots)
    }
}
