/// What recognition did to one page and what it read there.
public struct PageSummary: Sendable, Hashable {
    /// 1-based page number in the document.
    public var number: Int
    /// Width of the page image, in pixels, after normalisation (boxes refer to this image).
    public var width: Int
    /// Height of the page image, in pixels, after normalisation.
    public var height: Int
    /// Resolution of the page image in dots per inch (300 after normalisation unless the source was finer).
    public var dpi: Int
    /// Resolution the file declared, or `nil` when it declared none.
    public var declaredDPI: Int?
    /// Clockwise rotation applied to make the page upright: 0, 90, 180 or 270.
    public var rotation: Int
    /// The orientation detector's confidence (Tesseract OSD margin), or `nil` when it was not run or found nothing.
    public var orientationConfidence: Double?
    /// Skew angle corrected, in degrees (positive = the scan was turned clockwise).
    public var skewDegrees: Double
    /// Text lines in reading order.
    public var lines: [RecognizedLine]

    /// Creates a page summary.
    public init(
        number: Int, width: Int, height: Int, dpi: Int, declaredDPI: Int?, rotation: Int,
        orientationConfidence: Double?, skewDegrees: Double, lines: [RecognizedLine]
    ) {
        self.number = number
        self.width = width
        self.height = height
        self.dpi = dpi
        self.declaredDPI = declaredDPI
        self.rotation = rotation
        self.orientationConfidence = orientationConfidence
        self.skewDegrees = skewDegrees
        self.lines = lines
    }

    /// Every word on the page in reading order.
    public var words: [RecognizedWord] { lines.flatMap(\.words) }

    /// Mean word confidence, or `nil` for a page without words.
    public var meanConfidence: Double? { words.meanConfidence }
}
