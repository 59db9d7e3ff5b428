import CTesseract
import Ingest
import InvoiceModel
import Testing

@testable import Recognition

/// Rules, solid or dashed, are found and erased; a row of small print whose baseline the closing joins
/// into a long stroke is neither.
@Suite struct RuleDetectorTests {
    /// A white 300-dpi page with a 400 × 3 px rule at y = 300, a dashed line of 25 dashes (12 × 2 px,
    /// 4 px apart) at y = 200 and, at y = 100, a row of 20 "letters" 8 px tall, 12 px apart (the size
    /// of the print on a photographed till slip): each an upside-down T, a stem on a 10 × 2 px foot, so
    /// that the feet, 2 px apart, line up into a baseline the closing joins.
    private func page() throws -> PageImage {
        let pix = try #require(pixCreate(800, 400, 8))
        pixSetAll(pix)
        pixSetResolution(pix, 300, 300)
        func fill(_ x: Int, _ y: Int, _ width: Int, _ height: Int) {
            var box = boxCreate(Int32(x), Int32(y), Int32(width), Int32(height))
            pixClearInRect(pix, box)
            boxDestroy(&box)
        }
        fill(100, 300, 400, 3)
        for dash in 0..<25 { fill(100 + dash * 16, 200, 12, 2) }
        for letter in 0..<20 {
            fill(100 + letter * 12 + 4, 100, 2, 6)
            fill(100 + letter * 12, 106, 10, 2)
        }
        return PageImage(taking: pix)
    }

    @Test func givenRulesAndARowOfSmallPrint_whenDetected_thenOnlyTheRulesAreFoundAndErased() throws {
        let image = try page()
        let (rules, erased) = RuleDetector.detect(image)
        #expect(rules.horizontal.map(\.position) == [201, 301])
        #expect(rules.horizontal.allSatisfy { $0.end - $0.start >= 390 })
        #expect(erased.markCount(in: PixelBox(x: 90, y: 190, width: 420, height: 20), minimumHeight: 1) == 0)
        let print = PixelBox(x: 90, y: 90, width: 260, height: 30)
        #expect(erased.markCount(in: print, minimumHeight: 6) == 20)
        #expect(erased.markCount(in: PixelBox(x: 90, y: 290, width: 420, height: 20), minimumHeight: 1) == 0)
    }
}
