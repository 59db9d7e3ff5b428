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
