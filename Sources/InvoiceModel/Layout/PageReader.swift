/// How the text in a region is arranged, which tells the OCR engine how to segment it.
public enum TextLayout: Sendable, Hashable {
    /// A whole page: full layout analysis.
    case page
    /// One uniform block of lines.
    case block
    /// One line (a value beside its label).
    case line
    /// One word.
    case word
    /// Scattered text in no particular order.
    case sparse
}

/// Which writing system a region holds, which selects the recognition model.
public enum TextScript: Sendable, Hashable {
    /// Chinese with embedded digits and Latin letters (names, addresses, labels).
    case chinese
    /// Latin letters and digits only (codes, tax IDs, amounts, English documents).
    case latin
    /// Both, for regions of unknown content (slower: two models).
    case mixed
    /// Latin letters with the accents of a European language (ä, é, ñ, à, ë): names and addresses on a
    /// German, French, Spanish, Italian, Dutch or Portuguese invoice, which the English model reads
    /// without them.
    case accented(EuropeanLanguage)
}

/// A European language whose print carries accented letters.
public enum EuropeanLanguage: String, Sendable, Hashable, CaseIterable {
    case german, french, spanish, italian, dutch, portuguese
}

/// What to read in a region.
public struct ReadRequest: Sendable, Hashable {
    /// Segmentation of the region.
    public var layout: TextLayout
    /// Writing system (model) to use.
    public var script: TextScript
    /// When set, the only characters the engine may output.
    public var whitelist: String?
    /// Factor the region is resized by before reading (boxes are mapped back): the LSTM reads best at
    /// ordinary text sizes, so very large print (titles) is read at 0.5.
    public var scale: Double
    /// Longest time the read may take, in seconds; what was read by then is returned.
    public var timeLimit: Double
    /// Side in pixels of a median filter the region goes through before reading (0: none). Specks up to
    /// about half that size go; strokes wider than that stay.
    public var median: Int
    /// Whether Chinese words the engine doubts are read again by the line recognizer (when installed).
    /// Off for regions whose values are digits read again with a whitelist anyway (codes, dates): the
    /// second model costs time in proportion to the width it reads.
    public var lineModel: Bool

    /// Creates a request.
    public init(
        _ layout: TextLayout, _ script: TextScript, whitelist: String? = nil, scale: Double = 1, timeLimit: Double = 20,
        median: Int = 0, lineModel: Bool = true
    ) {
        self.layout = layout
        self.script = script
        self.whitelist = whitelist
        self.scale = scale
        self.timeLimit = timeLimit
        self.median = median
        self.lineModel = lineModel
    }

    /// Characters of amounts: digits, decimal point, minus and thousands separators.
    public static let amountCharacters = "0123456789.,-"
    /// Digits only.
    public static let digits = "0123456789"
    /// Characters of taxpayer IDs (upper-case letters and digits).
    public static let taxIDCharacters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
}

/// Reads text from one prepared (upright, deskewed) page: the only way extraction touches OCR.
///
/// Implemented by the recognition layer over a Tesseract engine; extraction decides what to read where.
public protocol PageReader {
    /// Page width in pixels.
    var width: Int { get }
    /// Page height in pixels.
    var height: Int { get }
    /// Page resolution in dots per inch.
    var dpi: Int { get }
    /// The ruled lines of the page.
    var rules: RuledLines { get }
    /// Where what this reader returns comes from: `ocr`, or `text-layer` for text the file carried.
    var source: FieldSource { get }

    /// Reads `region` (the whole page when `nil`); boxes in the result are in page coordinates.
    ///
    /// - Throws: when the engine fails; extraction treats that region as unread.
    func read(_ region: PixelBox?, _ request: ReadRequest) throws -> [RecognizedLine]

    /// How many character-sized marks (at least `minimumHeight` pixels tall) are printed in `region`:
    /// a cheap test for "is anything written here" before reading it.
    func markCount(in region: PixelBox, minimumHeight: Int) -> Int

    /// How many specks (dark dots at most `maximumSize` pixels across) lie in `region`: how speckled the
    /// scan is there.
    func speckCount(in region: PixelBox, maximumSize: Int) -> Int
    /// The boxes of the dark marks (connected components) in `region` at least `minimumHeight` pixels
    /// tall: where something is printed, whether or not a read found text there.
    func marks(in region: PixelBox, minimumHeight: Int) -> [PixelBox]

    /// The one line of print in `box` read by the line recognizer (a second engine, for a value that
    /// failed its check), or `nil` when there is no such recognizer.
    func readLine(_ box: PixelBox) -> RecognizedLine?

    /// `line` (Latin print this reader read) with the line recognizer's reading of its box folded in,
    /// or `line` as it is when there is no such recognizer.
    func refinedLatin(_ line: RecognizedLine) -> RecognizedLine

    /// Whether `read` with `TextScript.accented(language)` uses that language's model (without it, the
    /// English one reads the region, without accents).
    func readsAccents(of language: EuropeanLanguage) -> Bool
}

extension PageReader {
    /// OCR unless the reader says otherwise.
    public var source: FieldSource { .ocr }

    /// No second engine unless the reader has one.
    public func readLine(_ box: PixelBox) -> RecognizedLine? { nil }

    /// No second engine unless the reader has one.
    public func refinedLatin(_ line: RecognizedLine) -> RecognizedLine { line }

    /// No language models unless the reader has them.
    public func readsAccents(of language: EuropeanLanguage) -> Bool { false }

    /// No specks unless the reader has pixels to count them in.
    public func speckCount(in region: PixelBox, maximumSize: Int) -> Int { 0 }
    /// No marks unless the reader has pixels to find them in.
    public func marks(in region: PixelBox, minimumHeight: Int) -> [PixelBox] { [] }

    /// The whole page as a box.
    public var bounds: PixelBox { PixelBox(x: 0, y: 0, width: width, height: height) }
}
