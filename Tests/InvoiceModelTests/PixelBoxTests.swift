import Foundation
import InvoiceModel
import Testing

@Suite struct PixelBoxTests {
    @Test func givenEdges_whenCreated_thenWidthAndHeightAreDifferences() {
        let box = PixelBox(left: 10, top: 20, right: 110, bottom: 45)
        #expect(box == PixelBox(x: 10, y: 20, width: 100, height: 25))
        #expect(box.maxX == 110 && box.maxY == 45 && box.area == 2500)
    }

    @Test func givenInvertedEdges_whenCreated_thenSizeIsClampedToZero() {
        let box = PixelBox(left: 50, top: 50, right: 40, bottom: 40)
        #expect(box.isEmpty)
        #expect(box.width == 0 && box.height == 0)
    }

    @Test func givenTwoBoxes_whenUnitedAndIntersected_thenResultsCoverExactlyTheRightPixels() {
        let a = PixelBox(x: 0, y: 0, width: 10, height: 10)
        let b = PixelBox(x: 5, y: 5, width: 10, height: 10)
        #expect(a.union(b) == PixelBox(x: 0, y: 0, width: 15, height: 15))
        #expect(a.intersection(b) == PixelBox(x: 5, y: 5, width: 5, height: 5))
        #expect(a.intersection(PixelBox(x: 10, y: 0, width: 5, height: 5)) == nil)
    }

    @Test func givenBoxNearEdge_whenExpanded_thenItIsClippedToThePage() {
        let box = PixelBox(x: 2, y: 95, width: 10, height: 4).expanded(by: 5, clippedTo: 100, 100)
        #expect(box == PixelBox(x: 0, y: 90, width: 17, height: 10))
    }

    @Test func givenBox_whenEncodedAndDecoded_thenItIsTheContractArray() throws {
        let box = PixelBox(x: 1884, y: 86, width: 253, height: 26)
        let data = try JSONEncoder().encode(box)
        #expect(String(decoding: data, as: UTF8.self) == "[1884,86,253,26]")
        #expect(try JSONDecoder().decode(PixelBox.self, from: data) == box)
    }

    /// A box falls in a region by its centre: half outside still counts, the far edge is outside.
    @Test func givenBoxes_whenTheirCentresAreTested_thenOnlyCentresInsideCount() {
        let region = PixelBox(x: 100, y: 100, width: 100, height: 50)
        #expect(region.containsCentre(of: PixelBox(x: 80, y: 110, width: 60, height: 20)))
        #expect(!region.containsCentre(of: PixelBox(x: 190, y: 110, width: 20, height: 20)))
        #expect(!region.containsCentre(of: PixelBox(x: 120, y: 140, width: 20, height: 20)))
    }
}
