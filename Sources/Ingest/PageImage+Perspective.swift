package import CTesseract
public import InvoiceModel

extension PageImage {
    /// Longest side of the copy the sheet is looked for in.
    static let outlineSide = 400.0

    /// The sheet of paper photographed on a darker surface (see `PaperOutline`), cut out and seen
    /// square-on: its quadrilateral mapped onto a rectangle as long as its longer opposite sides (scaled
    /// down when that exceeds the photo), and the map from the photo's pixels to the new page's. `nil`
    /// when no sheet stands out (a scan, a page filling the photo) or Leptonica fails.
    public func flattened() -> (page: PageImage, map: Homography)? {
        guard depth == 8 else { return nil }
        let factor = min(1, Self.outlineSide / Double(max(width, height)))
        guard let small = pixScale(pix, Float(factor), Float(factor)) else { return nil }
        var ownedSmall: UnsafeMutablePointer<PIX>? = small
        defer { pixDestroy(&ownedSmall) }
        let smallWidth = Int(pixGetWidth(small))
        let smallHeight = Int(pixGetHeight(small))
        var data: UnsafeMutablePointer<UInt8>?
        var count = 0
        guard pixGetRasterData(small, &data, &count) == 0, let data, count >= smallWidth * smallHeight else {
            return nil
        }
        let pixels = Array(UnsafeBufferPointer(start: data, count: smallWidth * smallHeight))
        lept_free(data)
        guard let outline = PaperOutline.corners(in: pixels, width: smallWidth, height: smallHeight) else {
            return nil
        }
        // Pixel centres of the small copy, in the photo's pixels.
        let corners = outline.map {
            PagePoint(
                ($0.x + 0.5) * Double(width) / Double(smallWidth), ($0.y + 0.5) * Double(height) / Double(smallHeight))
        }
        func distance(_ a: PagePoint, _ b: PagePoint) -> Double {
            ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
        }
        let sheetWidth = max(distance(corners[0], corners[1]), distance(corners[3], corners[2]))
        let sheetHeight = max(distance(corners[0], corners[3]), distance(corners[1], corners[2]))
        let scale = min(1, Double(width) / sheetWidth, Double(height) / sheetHeight)
        let targetWidth = Int(sheetWidth * scale)
        let targetHeight = Int(sheetHeight * scale)
        guard targetWidth > 0, targetHeight > 0 else { return nil }
        let target = [
            PagePoint(0, 0), PagePoint(Double(targetWidth), 0), PagePoint(Double(targetWidth), Double(targetHeight)),
            PagePoint(0, Double(targetHeight)),
        ]
        guard let map = Homography(from: corners, to: target), let source = Self.pointArray(corners),
            let destination = Self.pointArray(target)
        else { return nil }
        var ownedSource: UnsafeMutablePointer<PTA>? = source
        var ownedDestination: UnsafeMutablePointer<PTA>? = destination
        defer {
            ptaDestroy(&ownedSource)
            ptaDestroy(&ownedDestination)
        }
        guard let warped = pixProjectivePtaGray(pix, destination, source, 255) else { return nil }
        var ownedWarped: UnsafeMutablePointer<PIX>? = warped
        defer { pixDestroy(&ownedWarped) }
        guard let frame = boxCreate(0, 0, Int32(targetWidth), Int32(targetHeight)) else { return nil }
        var ownedFrame: UnsafeMutablePointer<BOX>? = frame
        defer { boxDestroy(&ownedFrame) }
        guard let cut = pixClipRectangle(warped, frame, nil) else { return nil }
        var ownedCut: UnsafeMutablePointer<PIX>? = cut
        defer { pixDestroy(&ownedCut) }
        // A photo is lit unevenly (a shadow, a lamp to one side): the paper is brought to one white.
        guard let even = pixBackgroundNorm(cut, nil, nil, 10, 15, 100, 50, 235, 2, 1) else { return nil }
        pixSetResolution(even, Int32(dpi), Int32(dpi))
        guard let page = adopting(even) else { return nil }
        return (page, map)
    }

    /// A Leptonica point array of `points`; the caller owns it.
    private static func pointArray(_ points: [PagePoint]) -> UnsafeMutablePointer<PTA>? {
        guard let array = ptaCreate(Int32(points.count)) else { return nil }
        for point in points { ptaAddPt(array, Float(point.x), Float(point.y)) }
        return array
    }
}
