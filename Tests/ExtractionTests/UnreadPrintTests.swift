import InvoiceModel
import Testing

@testable import Extraction

/// A page whose whole-page read passes over the rows in `skipped` (as Tesseract does with a letterhead
/// it takes for a picture) while a read of a region finds them; its marks are the characters of every
/// row, 20 px apart, 16 px tall.
private final class SkippingPage: PageReader {
    let width = 800
    let height = 1600
    let dpi = 300
    let rules = RuledLines(horizontal: [], vertical: [])
    private let rows: [[(String, Int)]]
    private let skipped: Set<Int>
    private(set) var regionReads: [PixelBox] = []

    init(_ rows: [[(String, Int)]], skipped: Set<Int>) {
        self.rows = rows
        self.skipped = skipped
    }

    private func words(ofRow index: Int) -> [RecognizedWord] {
        rows[index].map { text, x in
            RecognizedWord(
                text: text, confidence: 0.95,
                box: PixelBox(x: x, y: 100 + index * 40, width: 20 * text.count, height: 24))
        }
    }

    private func line(_ words: [RecognizedWord]) -> RecognizedLine? {
        guard let first = words.first else { return nil }
        return RecognizedLine(
            words: words, confidence: 0.95, box: words.dropFirst().reduce(first.box) { $0.union($1.box) })
    }

    func read(_ region: PixelBox?, _ request: ReadRequest) throws -> [RecognizedLine] {
        guard let region else {
            return rows.indices.filter { !skipped.contains($0) }.compactMap { line(words(ofRow: $0)) }
        }
        regionReads.append(region)
        return rows.indices.compactMap { index in
            line(words(ofRow: index).filter { region.intersection($0.box)?.area == $0.box.area })
        }
    }

    func markCount(in region: PixelBox, minimumHeight: Int) -> Int { 0 }

    func marks(in region: PixelBox, minimumHeight: Int) -> [PixelBox] {
        rows.indices.flatMap { index in
            words(ofRow: index).flatMap { word in
                (0..<word.text.count).map {
                    PixelBox(x: word.box.x + $0 * 20 + 2, y: word.box.y + 4, width: 16, height: 16)
                }
            }
        }
    }
}

@Suite struct UnreadPrintTests {
    /// Characters (16 px tall, 20 px apart) of a row of `count` starting at `x`, on top `y`.
    private func characters(_ count: Int, x: Int, y: Int, width: Int = 16) -> [PixelBox] {
        (0..<count).map { PixelBox(x: x + $0 * 20, y: y, width: width, height: 16) }
    }

    @Test func givenARowOfMarksNoWordCovers_whenRowsFound_thenOneRowAroundThem() {
        let found = UnreadPrint.rows(marks: characters(8, x: 100, y: 200), read: [], textHeight: 20)
        #expect(found.count == 1)
        #expect(found.first.map { $0.x < 100 && $0.maxX > 100 + 7 * 20 + 16 && $0.y < 200 && $0.maxY > 216 } ?? false)
    }

    @Test func givenMarksInsideReadWords_whenRowsFound_thenNone() {
        let read = [PixelBox(x: 95, y: 195, width: 170, height: 26)]
        #expect(UnreadPrint.rows(marks: characters(8, x: 100, y: 200), read: read, textHeight: 20).isEmpty)
    }

    /// Three marks are a handwritten figure or a stamp's edge, not a row of print; specks and tall
    /// marks (a logo) are not characters.
    @Test func givenTooFewMarksSpecksAndTallMarks_whenRowsFound_thenNone() {
        let specks = (0..<10).map { PixelBox(x: 100 + $0 * 20, y: 400, width: 4, height: 4) }
        let tall = (0..<10).map { PixelBox(x: 100 + $0 * 20, y: 600, width: 16, height: 60) }
        let marks = characters(3, x: 100, y: 200) + specks + tall
        #expect(UnreadPrint.rows(marks: marks, read: [], textHeight: 20).isEmpty)
    }

    /// Faint print runs together: one wide mark of text height counts as the characters it holds.
    @Test func givenOneWideMarkOfTextHeight_whenRowsFound_thenItIsARow() {
        let merged = [PixelBox(x: 100, y: 200, width: 120, height: 16)]
        #expect(UnreadPrint.rows(marks: merged, read: [], textHeight: 20).count == 1)
    }

    /// Marks far apart on one line are separate rows; rows are returned top to bottom.
    @Test func givenTwoGroupsAndTwoLines_whenRowsFound_thenEachGroupIsARowTopFirst() {
        let marks = characters(5, x: 500, y: 300) + characters(5, x: 100, y: 300) + characters(5, x: 100, y: 200)
        let found = UnreadPrint.rows(marks: marks, read: [], textHeight: 20)
        #expect(found.count == 3)
        #expect(found.first.map { $0.y < 200 } ?? false)
    }

    /// The letterhead the page read passed over is read again, and names the seller.
    @Test func givenLetterheadThePageReadPassedOver_whenRead_thenTheSellerIsFound() {
        let rows: [[(String, Int)]] = [
            [("UNIHAKKA", 200), ("SDN", 380), ("BHD", 460)],
            [("12,", 200), ("Jalan", 280), ("Tampoi", 400)],
            [("Total", 40), ("8.20", 660)],
        ]
        let page = SkippingPage(rows, skipped: [0])
        var reader = EnglishReader(reader: page, page: 1)
        reader.readAll()
        #expect(reader.fields[.sellerName]?.value == "UNIHAKKA SDN BHD")
        #expect(reader.fields[.sellerAddress]?.value == "12, Jalan Tampoi")
        // One row was read again: the letterhead's (the other rows were read).
        #expect(page.regionReads.filter { $0.maxY < 140 }.count == 1)
        #expect(!page.regionReads.contains { $0.y > 120 && $0.maxY < 180 })
    }
}
