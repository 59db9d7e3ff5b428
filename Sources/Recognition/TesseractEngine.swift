import CTesseract
import Foundation
public import Ingest
public import InvoiceModel

/// One Tesseract instance (`TessBaseAPI`) with its languages loaded.
///
/// - Important: The engine owns its `TessBaseAPI` and frees it in `deinit`. Calls are serialised by an
///   internal lock: one call is one exclusive use of the engine, and no Tesseract iterator or string
///   outlives the call. For parallel work create one engine per thread (see `EnginePool`).
public final class TesseractEngine: @unchecked Sendable {
    private let api: OpaquePointer
    private let lock = NSLock()

    /// The model directory in use.
    public let tessdata: Tessdata
    /// The languages loaded, e.g. `chi_sim+eng`.
    public let languages: String
    /// The only characters this engine outputs, or `nil` for all; fixed for the engine's life.
    public let whitelist: String?

    /// Loads `languages` from `tessdata` with the LSTM engine.
    ///
    /// - Parameter whitelist: when set, the only characters the engine may ever output.
    /// - Throws: `RecognitionError.languageUnavailable` when a model file is missing,
    ///   `.initializationFailed` (naming the directory and languages) when Tesseract refuses them.
    public init(languages: String, tessdata: Tessdata, whitelist: String? = nil) throws(RecognitionError) {
        try tessdata.validate(languages: languages)
        guard let api = TessBaseAPICreate() else {
            throw .initializationFailed(tessdata: tessdata.path, languages: languages)
        }
        TesseractEngine.silence(api)
        guard TessBaseAPIInit2(api, tessdata.path, languages, OEM_LSTM_ONLY) == 0 else {
            TessBaseAPIDelete(api)
            throw .initializationFailed(tessdata: tessdata.path, languages: languages)
        }
        TesseractEngine.silence(api)
        // Tesseract 5 reads every line it doubts a second time as white print on black; invoices and
        // receipts print none, and on a speckled scan the second pass costs up to a fifth of the time.
        _ = TessBaseAPISetVariable(api, "tessedit_do_invert", "0")
        if let whitelist { _ = TessBaseAPISetVariable(api, "tessedit_char_whitelist", whitelist) }
        self.api = api
        self.tessdata = tessdata
        self.languages = languages
        self.whitelist = whitelist
    }

    deinit {
        TessBaseAPIEnd(api)
        TessBaseAPIDelete(api)
    }

    /// Sends Tesseract's diagnostics ("Estimating resolution …") nowhere; failures are reported as errors.
    static func silence(_ api: OpaquePointer) {
        _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
    }

    /// Recognises text on `page`, or only inside `region`.
    ///
    /// - Parameters:
    ///   - page: the page image (not modified; the engine works on its own copy of the pixels).
    ///   - region: a rectangle of the page to read; `nil` reads the whole page. Boxes in the result are
    ///     always in page coordinates.
    ///   - mode: page-segmentation mode (`.automatic` for pages, `.singleLine` for a value beside a label).
    ///   - scale: resize factor applied to the region before reading; boxes are mapped back.
    ///   - median: side of a median filter applied to the region before reading (0: none).
    ///   - deadline: longest time Tesseract may spend; past it, recognition stops and what was read so far
    ///     is returned (noise can make Tesseract take seconds on an empty region; nothing may hang).
    /// - Returns: the text lines found, in reading order (empty when there is no text).
    /// - Throws: `RecognitionError` when the pixels cannot be prepared or Tesseract fails.
    public func recognize(
        _ page: PageImage, region: PixelBox? = nil, mode: SegmentationMode = .automatic, scale: Double = 1,
        median: Int = 0, deadline: Duration = .seconds(20)
    ) throws(RecognitionError) -> [RecognizedLine] {
        var source: PageImage
        let offset: (x: Int, y: Int)
        if let region {
            guard let crop = page.cropped(to: region) else { return [] }
            source = crop
            offset = (max(0, region.x), max(0, region.y))
        } else {
            source = page
            offset = (0, 0)
        }
        if scale != 1, scale > 0 {
            guard let resized = source.scaled(by: scale) else { throw .imageUnavailable("resizing a region failed") }
            source = resized
        }
        if median > 1 {
            guard let filtered = source.despeckled(size: median) else {
                throw .imageUnavailable("median-filtering a region failed")
            }
            source = filtered
        }
        guard let copy = ScopedPix(source.copyPix()) else { throw .imageUnavailable("out of memory copying the page") }
        // Kept alive until Tesseract is done with the pixels (ARC may end an unused local early).
        defer { withExtendedLifetime(copy) {} }
        let pix = copy.pix

        lock.lock()
        defer { lock.unlock() }
        defer { TessBaseAPIClear(api) }
        TessBaseAPISetPageSegMode(api, mode.tesseractMode)
        TessBaseAPISetImage2(api, pix)
        TessBaseAPISetSourceResolution(api, Int32(source.dpi))
        guard let monitor = TessMonitorCreate() else { throw .recognitionFailed("no memory for a progress monitor") }
        defer { TessMonitorDelete(monitor) }
        let (seconds, attoseconds) = deadline.components
        TessMonitorSetDeadlineMSecs(monitor, Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        guard TessBaseAPIRecognize(api, monitor) == 0 else {
            throw .recognitionFailed("Recognize returned an error for a \(source.width)×\(source.height) image")
        }
        return readLines(offset: offset, scale: scale > 0 ? scale : 1)
    }

    /// Walks the result iterator word by word, grouping words into lines. Must hold `lock`.
    private func readLines(offset: (x: Int, y: Int), scale: Double) -> [RecognizedLine] {
        guard let iterator = TessBaseAPIGetIterator(api) else { return [] }
        defer { TessResultIteratorDelete(iterator) }
        let pageIterator = TessResultIteratorGetPageIterator(iterator)

        var lines: [RecognizedLine] = []
        var words: [RecognizedWord] = []
        var lineBox: PixelBox?
        var lineConfidence = 0.0
        var block = -1
        var lineBlock = 0

        func box(_ level: TessPageIteratorLevel) -> PixelBox? {
            var left: Int32 = 0
            var top: Int32 = 0
            var right: Int32 = 0
            var bottom: Int32 = 0
            guard TessPageIteratorBoundingBox(pageIterator, level, &left, &top, &right, &bottom) != 0 else {
                return nil
            }
            func unscaled(_ value: Int32) -> Int { Int((Double(value) / scale).rounded()) }
            return PixelBox(left: unscaled(left), top: unscaled(top), right: unscaled(right), bottom: unscaled(bottom))
                .offsetBy(dx: offset.x, dy: offset.y)
        }
        func closeLine() {
            if !words.isEmpty, let lineBox {
                lines.append(RecognizedLine(words: words, confidence: lineConfidence, box: lineBox, block: lineBlock))
            }
            words = []
        }

        repeat {
            if TessPageIteratorIsAtBeginningOf(pageIterator, RIL_BLOCK) != 0 { block += 1 }
            if TessPageIteratorIsAtBeginningOf(pageIterator, RIL_TEXTLINE) != 0 {
                closeLine()
                lineBlock = max(0, block)
                lineBox = box(RIL_TEXTLINE)
                lineConfidence = Double(TessResultIteratorConfidence(iterator, RIL_TEXTLINE)) / 100
            }
            guard let raw = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
            let text = String(cString: raw).trimmingCharacters(in: .whitespacesAndNewlines)
            TessDeleteText(raw)
            guard !text.isEmpty, let wordBox = box(RIL_WORD) else { continue }
            let confidence = Double(TessResultIteratorConfidence(iterator, RIL_WORD)) / 100
            words.append(RecognizedWord(text: text, confidence: confidence, box: wordBox))
        } while TessResultIteratorNext(iterator, RIL_WORD) != 0
        closeLine()
        return lines
    }
}
