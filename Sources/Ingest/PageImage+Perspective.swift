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
        guard depth == 8, let (pixels, smallWidth, smallHeight) = Self.smallGreyCopy(of: pix, side: Self.outlineSide),
            let outline = PaperOutline.corners(in: pixels, width: smallWidth, height: smallHeight)
        else { return nil }
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
        // A photo lit unevenly (a shadow, a lamp to one side) has its paper brought to one white; a sheet
        // scanned on a dark lid is left as it is.
        var result = cut
        if let (sheet, sheetWidth, sheetHeight) = Self.smallGreyCopy(of: cut, side: 200),
            !PaperOutline.isEvenlyLit(sheet, width: sheetWidth, height: sheetHeight)
        {
            guard let even = pixBackgroundNorm(cut, nil, nil, 10, 15, 100, 50, 235, 2, 1) else { return nil }
            result = even
        } else {
            ownedCut = nil  // handed to the page below
        }
        pixSetResolution(result, Int32(dpi), Int32(dpi))
        guard let page = adopting(result) else { return nil }
        return (page, map)
    }

    /// The grey bytes of `image` scaled down to at most `side` pixels on its longer side.
    private static func smallGreyCopy(of image: UnsafeMutablePointer<PIX>, side: Double) -> ([UInt8], Int, Int)? {
        let factor = min(1, side / Double(max(pixGetWidth(image), pixGetHeight(image))))
        guard let small = pixScale(image, Float(factor), Float(factor)) else { return nil }
        var ownedSmall: UnsafeMutablePointer<PIX>? = small
        defer { pixDestroy(&ownedSmall) }
        let width = Int(pixGetWidth(small))
        let height = Int(pixGetHeight(small))
        var data: UnsafeMutablePointer<UInt8>?
        var count = 0
        guard pixGetRasterData(small, &data, &count) == 0, let data else { return nil }
        defer { lept_free(data) }
        guard count >= width * height else { return nil }
        return (Array(UnsafeBufferPointer(start: data, count: width * height)), width, height)
    }

    /// A Leptonica point array of `points`; the caller owns it.
    private static func pointArray(_ points: [PagePoint]) -> UnsafeMutablePointer<PTA>? {
        guard let array = ptaCreate(Int32(points.count)) else { return nil }
        for point in points { ptaAddPt(array, Float(point.x), Float(point.y)) }
        return array
    }
}
