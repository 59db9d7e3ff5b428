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
    /// Lines read so far (whitelisted second reads excluded), in reading order.
    public private(set) var recordedLines: [RecognizedLine] = []

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

    public func refinedLatin(_ line: RecognizedLine) -> RecognizedLine {
        // Lines of specks and rules only are left alone.
        guard let recognizer = worker.lineRecognizer, line.text.contains(where: { $0.isLetter || $0.isNumber })
        else { return line }
        // The band between the median top and median bottom of the words of usual height (a word
        // Tesseract stretched over two lines, or one from the next line, would shrink the print in the
        // crop), with room at the sides as around a detected text box.
        let heights = line.words.map(\.box.height).sorted()
        let usual = line.words.filter { $0.box.height * 2 <= heights[heights.count / 2] * 3 }
        let tops = usual.map(\.box.y).sorted()
        let bottoms = usual.map(\.box.maxY).sorted()
        let top = tops[tops.count / 2]
        let bottom = max(top + 2, bottoms[bottoms.count / 2])
        let room = max(2, (bottom - top) / 3)
        let box = PixelBox(
            left: max(0, line.box.x - room), top: top, right: min(width, line.box.maxX + room), bottom: bottom)
        guard let reading = recognizer.read(analyzed.erased, in: box) else { return line }
        let refined = LatinRefinement.refine(line, with: reading, in: box)
        if Self.tracing {
            FileHandle.standardError.write(
                Data("latin \(box) \(line.text) | \(reading.text) -> \(refined.text)\n".utf8))
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
