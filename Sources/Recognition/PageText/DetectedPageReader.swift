public import InvoiceModel

/// `PageReader` over what PP-OCR read on a whole page: reading a region returns the detected words in
/// it (no further OCR). Pixel questions (marks, specks, ruled lines) and second reads go to the page's
/// Tesseract reader, which holds the same upright page.
public struct DetectedPageReader: PageReader {
    /// What PP-OCR read.
    public let page: DetectedPage
    /// The same page's Tesseract reader.
    public let base: any PageReader

    /// Creates a reader over `page`, asking `base` what is not text.
    public init(_ page: DetectedPage, base: any PageReader) {
        self.page = page
        self.base = base
    }

    public var width: Int { base.width }
    public var height: Int { base.height }
    public var dpi: Int { base.dpi }
    public var rules: RuledLines { base.rules }

    public func read(_ region: PixelBox?, _ request: ReadRequest) throws -> [RecognizedLine] {
        page.lines.reading(region, whitelist: request.whitelist)
    }

    public func markCount(in region: PixelBox, minimumHeight: Int) -> Int {
        base.markCount(in: region, minimumHeight: minimumHeight)
    }

    public func speckCount(in region: PixelBox, maximumSize: Int) -> Int {
        base.speckCount(in: region, maximumSize: maximumSize)
    }

    public func marks(in region: PixelBox, minimumHeight: Int) -> [PixelBox] {
        base.marks(in: region, minimumHeight: minimumHeight)
    }

    public func readLine(_ box: PixelBox) -> RecognizedLine? { base.readLine(box) }
}
