package import CTesseract
public import InvoiceModel

extension PageImage {
    /// The page turned clockwise by `quarterTurns` × 90°.
    public func rotated(quarterTurns: Int) -> PageImage? {
        let turns = ((quarterTurns % 4) + 4) % 4
        return adopting(pixRotateOrth(pix, Int32(turns)))
    }

    /// The page scaled by `factor` in both directions, with its resolution scaled alike.
    public func scaled(by factor: Double) -> PageImage? {
        guard factor > 0, factor != 1 else { return adopting(pixCopy(nil, pix)) }
        guard let result = pixScale(pix, Float(factor), Float(factor)) else { return nil }
        let resolution = Int32((Double(dpi) * factor).rounded())
        pixSetResolution(result, resolution, resolution)
        return adopting(result)
    }

    /// The page with its resolution tag set to `dpi`, pixels unchanged.
    public func withResolution(_ dpi: Int) -> PageImage? {
        guard let copy = pixCopy(nil, pix) else { return nil }
        pixSetResolution(copy, Int32(dpi), Int32(dpi))
        return PageImage(taking: copy)
    }

    /// The page straightened when it is measurably skewed.
    ///
    /// Uses Leptonica's skew search (±7°, binarised internally). Angles below 0.1° or found with low
    /// confidence leave the page as is.
    /// - Returns: the straightened page and the angle corrected, in degrees (0 when unchanged).
    public func deskewed() -> (page: PageImage, degrees: Double)? {
        var angle: Float = 0
        var confidence: Float = 0
        guard let result = pixFindSkewAndDeskew(pix, 2, &angle, &confidence) else { return nil }
        let applied = result == pix ? 0 : Double(angle)
        guard let page = adopting(result) else { return nil }
        return (page, applied)
    }

    /// The pixels inside `box` (clipped to the page) as a new page, or `nil` when the box is off the page.
    public func cropped(to box: PixelBox) -> PageImage? {
        guard let clip = box.intersection(PixelBox(x: 0, y: 0, width: width, height: height)) else { return nil }
        guard let lepBox = boxCreate(Int32(clip.x), Int32(clip.y), Int32(clip.width), Int32(clip.height)) else {
            return nil
        }
        var owned: UnsafeMutablePointer<BOX>? = lepBox
        defer { boxDestroy(&owned) }
        return adopting(pixClipRectangle(pix, lepBox, nil))
    }

    /// The page encoded as JPEG at `quality` (1–100): for archives and review screens, ~10× faster to write than PNG.
    public func jpegData(quality: Int = 80) -> [UInt8]? {
        var bytes: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard pixWriteMemJpeg(&bytes, &size, pix, Int32(quality), 0) == 0, let bytes else { return nil }
        defer { lept_free(bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    /// The page encoded as PNG (for archives and review screens).
    public func pngData() -> [UInt8]? {
        var bytes: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard pixWriteMemPng(&bytes, &size, pix, 0) == 0, let bytes else { return nil }
        defer { lept_free(bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }
}

extension PageImage {
    /// How many character-sized marks (connected dark components at least `minimumHeight` pixels tall)
    /// lie inside `region`: zero or a few for blank or speckled paper, many for printed text.
    public func markCount(in region: PixelBox, minimumHeight: Int) -> Int {
        componentCount(in: region) { width, height in height >= minimumHeight && width >= 2 }
    }

    /// How many specks (connected dark components at most `maximumSize` pixels wide and tall) lie inside
    /// `region`: a handful on clean paper, hundreds on a speckled scan.
    public func speckCount(in region: PixelBox, maximumSize: Int) -> Int {
        componentCount(in: region) { width, height in width <= maximumSize && height <= maximumSize }
    }

    /// The boxes (in page coordinates) of the connected dark components inside `region` at least
    /// `minimumHeight` pixels tall: characters, and the strokes of anything else printed or written.
    public func marks(in region: PixelBox, minimumHeight: Int) -> [PixelBox] {
        guard let clip = region.intersection(PixelBox(x: 0, y: 0, width: width, height: height)) else { return [] }
        return components(in: clip).filter { $0.height >= minimumHeight }.map {
            $0.offsetBy(dx: clip.x, dy: clip.y)
        }
    }

    private func componentCount(in region: PixelBox, where counted: (Int, Int) -> Bool) -> Int {
        components(in: region).filter { counted($0.width, $0.height) }.count
    }

    /// Components of `region` (ink: darker than 150), with boxes relative to the region.
    private func components(in region: PixelBox) -> [PixelBox] {
        guard let crop = cropped(to: region), let binary = pixConvertTo1(crop.pix, 150) else { return [] }
        var ownedBinary: UnsafeMutablePointer<PIX>? = binary
        defer { pixDestroy(&ownedBinary) }
        return Self.componentBoxes(binary) ?? []
    }

    /// The bounding boxes of the 8-connected components of a 1-bit image, or `nil` when Leptonica fails.
    package static func componentBoxes(_ binary: UnsafeMutablePointer<PIX>) -> [PixelBox]? {
        guard let boxes = pixConnCompBB(binary, 8) else { return nil }
        var ownedBoxes: UnsafeMutablePointer<BOXA>? = boxes
        defer { boxaDestroy(&ownedBoxes) }
        var result: [PixelBox] = []
        for index in 0..<boxaGetCount(boxes) {
            var x: Int32 = 0
            var y: Int32 = 0
            var w: Int32 = 0
            var h: Int32 = 0
            guard boxaGetBoxGeometry(boxes, index, &x, &y, &w, &h) == 0 else { continue }
            result.append(PixelBox(x: Int(x), y: Int(y), width: Int(w), height: Int(h)))
        }
        return result
    }
}

extension PageImage {
    /// The page inside a white border of `margin` pixels (a QR code cut tight to its edges needs the
    /// quiet zone to decode).
    public func padded(by margin: Int) -> PageImage? {
        guard depth == 8 else { return nil }
        return adopting(pixAddBorder(pix, Int32(margin), 255))
    }
}

extension PageImage {
    /// The page in black and white, still 8-bit: pixels darker than `threshold` black (0), the rest white (255).
    public func binarized(below threshold: Int) -> PageImage? {
        guard depth == 8, let binary = ScopedPix(pixThresholdToBinary(pix, Int32(threshold))) else { return nil }
        return adopting(pixConvert1To8(nil, binary.pix, 255, 0))
    }

    /// The grey level that best splits the page into dark and light (Otsu's method over its histogram).
    public func otsuThreshold() -> Int? {
        withGreyBytes { pixels, width, height, stride in
            var histogram = [Int](repeating: 0, count: 256)
            for row in 0..<height {
                for column in 0..<width { histogram[Int(pixels[row * stride + column])] += 1 }
            }
            return PaperOutline.otsuThreshold(histogram)
        }
    }

    /// The page through a `size`×`size` median filter: isolated specks and drop-outs go, strokes stay.
    public func despeckled(size: Int = 3) -> PageImage? {
        guard depth == 8, size >= 1 else { return nil }
        return adopting(pixMedianFilter(pix, Int32(size), Int32(size)))
    }
}
