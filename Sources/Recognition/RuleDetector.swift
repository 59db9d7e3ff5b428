import CTesseract
public import Ingest
public import InvoiceModel

/// Finds the long straight lines of a page (fapiao frames and table rules) with Leptonica morphology,
/// and can erase them so that OCR does not read a rule beside a number as `|` or `1`.
///
/// Dark pixels are separated from the paper, then opened with a long, thin brick: only strokes at least
/// `minimumLength` long survive, which text does not produce. Short gaps (JPEG, broken printing) are
/// closed first. Segments on the same row or column are merged.
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
        let rules = RuledLines(
            horizontal: segments(in: horizontalMask.pix, horizontal: true),
            vertical: segments(in: verticalMask.pix, horizontal: false))
        return (rules, erase(horizontalMask.pix, verticalMask.pix, from: page) ?? page)
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
