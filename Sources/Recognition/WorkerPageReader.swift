import Foundation
public import Ingest
public import InvoiceModel

/// `PageReader` over one worker's engines and one prepared page.
///
/// OCR runs on the page with its ruled lines erased (a rule beside a number reads as `|` or `1`).
/// Keeps every line it reads without a character whitelist, so the page's words can be reported
/// (`--words`) without reading the page twice.
public final class WorkerPageReader: PageReader {
    private let worker: OCRWorker
    private let image: PageImage
    private var analysis: (rules: RuledLines, erased: PageImage)?
    private var erasedRaster: GreyRaster??
    /// Lines read so far (whitelisted second reads excluded), in reading order.
    public private(set) var recordedLines: [RecognizedLine] = []
    /// Chinese characters the line recognizer read where Tesseract read lines of Latin print: Chinese
    /// print read with the Latin model (a fapiao taken for an English page).
    public private(set) var ideographsInLatinLines = 0

    /// Reads `image` with `worker`'s engines.
    public init(worker: OCRWorker, image: PageImage) {
        self.worker = worker
        self.image = image
    }

    public var width: Int { image.width }
    public var height: Int { image.height }
    public var dpi: Int { image.dpi }

    /// Detected on first use, then kept.
    public var rules: RuledLines { analyzed.rules }

    private var analyzed: (rules: RuledLines, erased: PageImage) {
        if let analysis { return analysis }
        let found = RuleDetector.detect(image)
        analysis = found
        return found
    }

    /// The page with its rules erased as one grey buffer (for cuts along a sloping row), made on first
    /// use; `nil` when the page is not 8-bit grey.
    private var greyRaster: GreyRaster? {
        if let erasedRaster { return erasedRaster }
        let made = GreyRaster(page: analyzed.erased)
        erasedRaster = .some(made)
        return made
    }

    public func markCount(in region: PixelBox, minimumHeight: Int) -> Int {
        analyzed.erased.markCount(in: region, minimumHeight: minimumHeight)
    }

    public func marks(in region: PixelBox, minimumHeight: Int) -> [PixelBox] {
        analyzed.erased.marks(in: region, minimumHeight: minimumHeight)
    }

    public func speckCount(in region: PixelBox, maximumSize: Int) -> Int {
        image.speckCount(in: region, maximumSize: maximumSize)
    }

    public func readLine(_ box: PixelBox) -> RecognizedLine? {
        guard let recognizer = worker.lineRecognizer, let reading = recognizer.read(analyzed.erased, in: box),
            !reading.glyphs.isEmpty
        else { return nil }
        let confidence = reading.glyphs.map(\.probability).min() ?? 0
        return RecognizedLine(
            words: [RecognizedWord(text: reading.text, confidence: confidence, box: box)], confidence: confidence,
            box: box)
    }

    public func readsAccents(of language: EuropeanLanguage) -> Bool { worker.readsAccents(of: language) }

    public func refinedLatin(_ line: RecognizedLine) -> RecognizedLine {
        // Lines of specks and rules only are left alone.
        guard let recognizer = worker.lineRecognizer, line.text.contains(where: { $0.isLetter || $0.isNumber })
        else { return line }
        guard let band = LineBand(line, pageWidth: width) else { return line }
        let reading: LineReading?
        if let raster = greyRaster {
            // The row is cut along its own slope (a curled or slightly turned slip): a level cut through
            // a sloping row takes in the next row's print at one end and cuts off the tops or the
            // descenders at the other.
            let inputWidth = Int(
                (Double(LineRecognizer.inputHeight) * band.box.length / band.box.thickness).rounded(.up))
            guard inputWidth >= 4, inputWidth <= LineRecognizer.maximumInputWidth else { return line }
            let crop = raster.straightened(band.box, outWidth: inputWidth, outHeight: LineRecognizer.inputHeight)
            reading = recognizer.read(grey: crop, width: inputWidth)
        } else {
            reading = recognizer.read(analyzed.erased, in: band.level)
        }
        guard let reading else { return line }
        ideographsInLatinLines += reading.glyphs.count { PageTextRecognizer.isIdeograph($0.character) }
        let refined = LatinRefinement.refine(line, with: reading, in: band.level)
        if Self.tracing {
            FileHandle.standardError.write(
                Data("latin \(band.level) \(line.text) | \(reading.text) -> \(refined.text)\n".utf8))
        }
        return refined
    }

    /// When `INVCAP_TRACE_READS=1`, every read is logged to stderr with its region, request and time.
    public static let tracing = ProcessInfo.processInfo.environment["INVCAP_TRACE_READS"] == "1"

    public func read(_ region: PixelBox?, _ request: ReadRequest) throws -> [RecognizedLine] {
        let started = ContinuousClock.now
        let erased = analyzed.erased
        var lines = try worker.engine(for: request.script, whitelist: request.whitelist).recognize(
            erased, region: region, mode: SegmentationMode(request.layout), scale: request.scale,
            median: request.median, deadline: .milliseconds(Int(request.timeLimit * 1000)))
        if request.script == .chinese, request.whitelist == nil, request.lineModel,
            let recognizer = worker.lineRecognizer
        {
            lines = lines.map { line in
                LineRefinement.refine(line) { recognizer.read(erased, in: $0) }
            }
        }
        if Self.tracing {
            let ms =
                (ContinuousClock.now - started).components.attoseconds / 1_000_000_000_000_000
                + (ContinuousClock.now - started).components.seconds * 1000
            let area = region.map { "\($0.x),\($0.y) \($0.width)x\($0.height)" } ?? "page"
            FileHandle.standardError.write(
                Data(
                    "read \(area) \(request.layout) \(request.script) \(request.whitelist == nil ? "" : "whitelist ")\(request.median > 1 ? "median \(request.median) " : "")\(ms) ms: \(lines.map(\.text).joined(separator: " / ").prefix(60))\n"
                        .utf8))
        }
        if request.whitelist == nil { recordedLines += lines }
        return lines
    }
}

extension SegmentationMode {
    init(_ layout: TextLayout) {
        switch layout {
        case .page: self = .automatic
        case .block: self = .singleBlock
        case .line: self = .singleLine
        case .word: self = .singleWord
        case .sparse: self = .sparseText
        }
    }
}
