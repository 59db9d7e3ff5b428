import CTesseract
public import InvoiceModel

extension PageImage {
    /// The page with its isolated specks whitened: dark dots no larger than 1/19 inch that lie farther
    /// than 1/25 inch from any character-sized mark (at least 1/20 inch tall). Specks inside text (a decimal point, the dot of an
    /// i, a comma) are near a character and stay; dust and toner spray on the paper between lines go,
    /// and with them most of what makes Tesseract read a speckled receipt as noise. A median filter
    /// removes only specks smaller than its window, and blurs strokes; this keeps strokes as they are.
    /// `nil` when the page is not 8-bit grey or Leptonica fails.
    public func withoutIsolatedSpecks() -> PageImage? {
        guard depth == 8, let binary = pixConvertTo1(pix, 150) else { return nil }
        var ownedBinary: UnsafeMutablePointer<PIX>? = binary
        defer { pixDestroy(&ownedBinary) }
        guard let boxes = pixConnCompBB(binary, 8) else { return nil }
        var ownedBoxes: UnsafeMutablePointer<BOXA>? = boxes
        defer { boxaDestroy(&ownedBoxes) }

        let resolution = max(dpi, 72)
        let speckSize = max(2, resolution * 16 / 300)
        let markHeight = max(6, resolution / 20)
        let reach = max(4, resolution / 25)
        var marks: [PixelBox] = []
        var specks: [PixelBox] = []
        for index in 0..<boxaGetCount(boxes) {
            var x: Int32 = 0
            var y: Int32 = 0
            var w: Int32 = 0
            var h: Int32 = 0
            guard boxaGetBoxGeometry(boxes, index, &x, &y, &w, &h) == 0 else { continue }
            let box = PixelBox(x: Int(x), y: Int(y), width: Int(w), height: Int(h))
            if box.height >= markHeight {
                marks.append(box)
            } else if box.width <= speckSize, box.height <= speckSize {
                specks.append(box)
            }
        }
        let isolated = Self.isolated(specks, from: marks, reach: reach)
        guard let copy = pixCopy(nil, pix) else { return nil }
        for speck in isolated {
            guard let rectangle = boxCreate(Int32(speck.x), Int32(speck.y), Int32(speck.width), Int32(speck.height))
            else { continue }
            var ownedRectangle: UnsafeMutablePointer<BOX>? = rectangle
            pixSetInRect(copy, rectangle)
            boxDestroy(&ownedRectangle)
        }
        return adopting(copy)
    }

    /// The specks farther than `reach` pixels from every mark. Marks are bucketed by rows of `reach`
    /// pixels so that each speck is compared with the marks of its own band only.
    static func isolated(_ specks: [PixelBox], from marks: [PixelBox], reach: Int) -> [PixelBox] {
        let band = max(1, reach)
        var rows: [Int: [PixelBox]] = [:]
        for mark in marks {
            let top = (mark.y - reach) / band
            let bottom = (mark.maxY + reach) / band
            for row in top...bottom { rows[row, default: []].append(mark) }
        }
        return specks.filter { speck in
            let nearby = (rows[speck.y / band] ?? []) + (rows[speck.maxY / band] ?? [])
            return !nearby.contains { mark in
                speck.maxX + reach >= mark.x && speck.x - reach <= mark.maxX && speck.maxY + reach >= mark.y
                    && speck.y - reach <= mark.maxY
            }
        }
    }
}
