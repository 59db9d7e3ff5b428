import CTesseract
public import Ingest
public import InvoiceModel

/// Finds the long straight lines of a page (fapiao frames and table rules) with Leptonica morphology,
/// and can erase them so that OCR does not read a rule beside a number as `|` or `1`.
///
/// Dark pixels are separated from the paper, then opened with a long, thin brick: only strokes at least
/// `minimumLength` long survive. Short gaps (JPEG, broken printing) are closed first, which can also join
/// the baselines of a row of small print into such a stroke; a stroke is kept only when it is solid or
/// dashed (see `minimumRun`). Segments on the same row or column are merged.
public enum RuleDetector {
    /// Shortest line kept, in pixels at 300 dpi (8.5 mm: longer than any character stroke).
    public static let minimumLength = 100
    /// Grey level below which a pixel is ink. Brown fapiao rules (luminance ~95) and black both pass.
    static let inkThreshold: Int32 = 170
    /// Thickest stroke still taken as a line, in pixels.
    static let maximumThickness = 14

    /// The rules of `page` (upright and deskewed for useful results) and the page with them erased.
    public static func detect(_ page: PageImage) -> (rules: RuledLines, erased: PageImage) {
        guard let binary = ScopedPix(pixConvertTo1(page.pix, inkThreshold)),
            let horizontalMask = ScopedPix(pixMorphSequence(binary.pix, "c5.1 + o\(minimumLength + 1).1", 0)),
            let verticalMask = ScopedPix(pixMorphSequence(binary.pix, "c1.5 + o1.\(minimumLength + 1)", 0))
        else { return (.none, page) }
        keepDrawn(in: horizontalMask.pix, binary: binary.pix, horizontal: true)
        keepDrawn(in: verticalMask.pix, binary: binary.pix, horizontal: false)
        let rules = RuledLines(
            horizontal: segments(in: horizontalMask.pix, horizontal: true),
            vertical: segments(in: verticalMask.pix, horizontal: false))
        return (rules, erase(horizontalMask.pix, verticalMask.pix, from: page) ?? page)
    }

    /// Longest unbroken stretch of ink a solid line holds, in pixels at 300 dpi. The closing before the
    /// opening bridges gaps of up to 4 px, so a row of small print (letters a pixel or two apart, at the
    /// resolution of a phone photo of a till slip) can survive the opening along its baseline; its
    /// longest stretch of ink is one letter, where a rule, even printed with breaks, holds a long one.
    static let minimumRun = 60

    /// Share of its length a dashed line (a till slip's row of hyphens) covers with dashes: marks no
    /// thicker than the line. The letters whose baselines line up in a row of print reach across it.
    static let minimumDashShare = 0.5

    /// Clears from `mask` (a mask of lines) every component that is neither solid (a run of
    /// `minimumRun` ink pixels in `binary` along the line) nor dashed (`minimumDashShare`).
    private static func keepDrawn(
        in mask: UnsafeMutablePointer<PIX>, binary: UnsafeMutablePointer<PIX>, horizontal: Bool
    ) {
        for box in PageImage.componentBoxes(mask) ?? []
        where longestRun(in: binary, box: box, horizontal: horizontal) < minimumRun
            && dashShare(in: binary, box: box, horizontal: horizontal) < minimumDashShare
        {
            guard let rectangle = boxCreate(Int32(box.x), Int32(box.y), Int32(box.width), Int32(box.height))
            else { continue }
            var owned: UnsafeMutablePointer<BOX>? = rectangle
            pixClearInRect(mask, rectangle)
            boxDestroy(&owned)
        }
    }

    /// The share of `box`'s length covered by ink components of `binary` that cross its rows (its
    /// columns when vertical) but are no thicker than it: the dashes of a dashed line, not the letters of
    /// a row of print.
    static func dashShare(in binary: UnsafeMutablePointer<PIX>, box: PixelBox, horizontal: Bool) -> Double {
        let reach = 8
        let around =
            horizontal
            ? PixelBox(left: box.x, top: box.y - reach, right: box.maxX, bottom: box.maxY + reach)
            : PixelBox(left: box.x - reach, top: box.y, right: box.maxX + reach, bottom: box.maxY)
        let page = PixelBox(x: 0, y: 0, width: Int(pixGetWidth(binary)), height: Int(pixGetHeight(binary)))
        guard let region = around.intersection(page),
            let rectangle = boxCreate(Int32(region.x), Int32(region.y), Int32(region.width), Int32(region.height))
        else { return 0 }
        var ownedRectangle: UnsafeMutablePointer<BOX>? = rectangle
        defer { boxDestroy(&ownedRectangle) }
        guard let clip = ScopedPix(pixClipRectangle(binary, rectangle, nil)) else { return 0 }
        let thickness = horizontal ? box.height : box.width
        var covered = 0
        for part in PageImage.componentBoxes(clip.pix) ?? [] {
            let mark = part.offsetBy(dx: region.x, dy: region.y)
            let crosses =
                horizontal ? mark.y < box.maxY && mark.maxY > box.y : mark.x < box.maxX && mark.maxX > box.x
            guard crosses, (horizontal ? mark.height : mark.width) <= thickness + 2 else { continue }
            covered += horizontal ? mark.width : mark.height
        }
        return Double(covered) / Double(max(1, horizontal ? box.width : box.height))
    }

    /// The longest run of set pixels of the 1-bit `binary` inside `box`, along rows (`horizontal`) or
    /// columns.
    static func longestRun(in binary: UnsafeMutablePointer<PIX>, box: PixelBox, horizontal: Bool) -> Int {
        guard let data = pixGetData(binary) else { return 0 }
        let wordsPerLine = Int(pixGetWpl(binary))
        let width = Int(pixGetWidth(binary))
        let height = Int(pixGetHeight(binary))
        func isInk(_ x: Int, _ y: Int) -> Bool {
            (data[y * wordsPerLine + (x >> 5)] >> (31 - UInt32(x & 31))) & 1 == 1
        }
        let xs = max(0, box.x)..<min(width, box.maxX)
        let ys = max(0, box.y)..<min(height, box.maxY)
        var longest = 0
        for outer in horizontal ? ys : xs {
            var run = 0
            for inner in horizontal ? xs : ys {
                if horizontal ? isInk(inner, outer) : isInk(outer, inner) {
                    run += 1
                    longest = max(longest, run)
                } else {
                    run = 0
                }
            }
        }
        return longest
    }

    /// `page` with the pixels of both masks (grown by 2 px to catch anti-aliased edges) painted white.
    private static func erase(
        _ horizontal: UnsafeMutablePointer<PIX>, _ vertical: UnsafeMutablePointer<PIX>, from page: PageImage
    ) -> PageImage? {
        guard let both = ScopedPix(pixOr(nil, horizontal, vertical)),
            let grown = ScopedPix(pixDilateBrick(nil, both.pix, 5, 5)),
            let copy = page.copyPix()
        else { return nil }
        pixSetMasked(copy, grown.pix, 255)
        return PageImage(taking: copy)
    }

    private static func segments(in opened: UnsafeMutablePointer<PIX>, horizontal: Bool) -> [RuledLines.Segment] {
        var found: [RuledLines.Segment] = []
        for box in PageImage.componentBoxes(opened) ?? [] {
            let (along, across, length, thickness) =
                horizontal ? (box.x, box.y, box.width, box.height) : (box.y, box.x, box.height, box.width)
            guard length >= minimumLength, thickness <= maximumThickness else { continue }
            found.append(RuledLines.Segment(position: across + thickness / 2, start: along, end: along + length))
        }
        return merge(found)
    }

    /// Joins segments on the same line (within 4 px) whose ends are at most 20 px apart.
    static func merge(_ segments: [RuledLines.Segment]) -> [RuledLines.Segment] {
        var merged: [RuledLines.Segment] = []
        for segment in segments.sorted(by: { ($0.position, $0.start) < ($1.position, $1.start) }) {
            if let index = merged.lastIndex(where: {
                abs($0.position - segment.position) <= 4 && segment.start <= $0.end + 20 && segment.end >= $0.start - 20
            }) {
                let previous = merged[index]
                merged[index] = RuledLines.Segment(
                    position: (previous.position * previous.length + segment.position * segment.length)
                        / max(1, previous.length + segment.length),
                    start: min(previous.start, segment.start), end: max(previous.end, segment.end))
            } else {
                merged.append(segment)
            }
        }
        return merged
    }
}
