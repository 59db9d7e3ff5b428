import InvoiceModel
import Testing

@Suite struct HomographyTests {
    private let keystone = [PagePoint(40, 10), PagePoint(370, 30), PagePoint(390, 290), PagePoint(20, 270)]
    private let rectangle = [PagePoint(0, 0), PagePoint(360, 0), PagePoint(360, 270), PagePoint(0, 270)]

    @Test func givenFourPointPairs_whenMapped_thenEachGoesWhereItWasSent() throws {
        let map = try #require(Homography(from: keystone, to: rectangle))
        for (from, to) in zip(keystone, rectangle) {
            let image = try #require(map.map(from))
            #expect(abs(image.x - to.x) < 1e-6 && abs(image.y - to.y) < 1e-6, "\(from) → \(image), not \(to)")
        }
        // A straight line stays straight: the midpoint of an edge lands on the image of that edge.
        let middle = try #require(map.map(PagePoint(205, 20)))
        #expect(abs(middle.y) < 1e-6)
    }

    @Test func givenABox_whenMapped_thenTheBoxAroundItsMappedCorners() throws {
        let shift = try #require(
            Homography(from: rectangle, to: rectangle.map { PagePoint($0.x + 10, $0.y * 2) }))
        #expect(shift.map(PixelBox(x: 5, y: 5, width: 20, height: 10)) == PixelBox(x: 15, y: 10, width: 20, height: 20))
    }

    @Test func givenThreePointsInALine_whenSolved_thenNoMap() {
        let line = [PagePoint(0, 0), PagePoint(1, 1), PagePoint(2, 2), PagePoint(3, 3)]
        #expect(Homography(from: line, to: rectangle) == nil)
    }
}
