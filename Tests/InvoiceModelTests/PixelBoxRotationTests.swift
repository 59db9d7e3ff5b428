import InvoiceModel
import Testing

@Suite struct PixelBoxRotationTests {
    @Test func givenBoxOnLandscapePage_whenPageTurned_thenBoxFollowsItsPixels() {
        let box = PixelBox(x: 10, y: 20, width: 30, height: 5)
        // 100×50 page turned clockwise: the top-left corner goes to the top-right.
        #expect(
            box.rotated(quarterTurns: 1, pageWidth: 100, pageHeight: 50) == PixelBox(x: 25, y: 10, width: 5, height: 30)
        )
        #expect(
            box.rotated(quarterTurns: 2, pageWidth: 100, pageHeight: 50) == PixelBox(x: 60, y: 25, width: 30, height: 5)
        )
        #expect(
            box.rotated(quarterTurns: 3, pageWidth: 100, pageHeight: 50) == PixelBox(x: 20, y: 60, width: 5, height: 30)
        )
        #expect(box.rotated(quarterTurns: 4, pageWidth: 100, pageHeight: 50) == box)
        // Four quarter turns of the page (its size swapping each time) bring the box back.
        var turned = box
        var (w, h) = (100, 50)
        for _ in 0..<4 {
            turned = turned.rotated(quarterTurns: 1, pageWidth: w, pageHeight: h)
            (w, h) = (h, w)
        }
        #expect(turned == box)
    }
}
