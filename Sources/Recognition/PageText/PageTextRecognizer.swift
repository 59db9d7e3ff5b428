public import Foundation
public import Ingest
public import InvoiceModel

/// What PP-OCR read on a whole page: its lines with words, boxes and confidences, in page pixels.
public struct DetectedPage: Sendable, Hashable {
    /// The lines, top to bottom, words left to right.
    public var lines: [RecognizedLine]
    /// How many text boxes the detector found.
    public var boxCount: Int
    /// Of the lines the direction classifier looked at, the share it found upside down (0 when none).
    public var upsideDownShare: Double
    /// The median height of the print in the detected lines (without the room detection adds), in
    /// page pixels; `nil` when fewer than 5 lines were found.
    public var textHeight: Double?

    /// Creates a reading.
    public init(lines: [RecognizedLine], boxCount: Int, upsideDownShare: Double, textHeight: Double? = nil) {
        self.lines = lines
        self.boxCount = boxCount
        self.upsideDownShare = upsideDownShare
        self.textHeight = textHeight
    }

    /// The reading with every box scaled by `factor` (for a page scaled alike).
    public func scaled(by factor: Double) -> DetectedPage {
        func scale(_ box: PixelBox) -> PixelBox { box.scaled(x: factor, y: factor) }
        let scaledLines = lines.map { line in
            RecognizedLine(
                words: line.words.map { word in
                    RecognizedWord(
                        text: word.text, confidence: word.confidence, box: scale(word.box),
                        characters: word.characters?.map { ($0.confidence, Int((Double($0.x) * factor).rounded())) })
                }, confidence: line.confidence, box: scale(line.box), block: line.block)
        }
        return DetectedPage(
            lines: scaledLines, boxCount: boxCount, upsideDownShare: upsideDownShare,
            textHeight: textHeight.map { $0 * factor })
    }

    /// All the page's text, line by line.
    public var text: String { lines.map(\.text).joined(separator: "\n") }
}

/// Reads a whole page with PP-OCR, independently of Tesseract: text detection (DB), the direction
/// classifier on the longest lines, and the line recognizer on every box.
///
/// - Important: Owns its detector and classifier (one ONNX Runtime session each, one thread a run);
///   thread-safe, so every worker of a process shares one (see `SharedModels`).
public final class PageTextRecognizer: @unchecked Sendable {
    let detector: TextDetector
    private let classifier: DirectionClassifier?
    private let recognizer: LineRecognizer
    /// How many of the longest lines the direction classifier looks at.
    static let classifiedLines = 24
    /// Boxes turned further than this from level (radians) are vertical print (side labels), not read.
    static let steepest = 0.6

    /// Loads the detector and classifier from `files` and uses `recognizer` for the lines.
    ///
    /// - Throws: `RecognitionError.modelUnavailable` when the detector cannot be loaded (the classifier
    ///   is optional).
    public init(files: LineRecognizerFiles, recognizer: LineRecognizer) throws(RecognitionError) {
        detector = TextDetector(model: try OnnxModel(library: files.library, path: files.detector))
        classifier = try? DirectionClassifier(model: OnnxModel(library: files.library, path: files.classifier))
        self.recognizer = recognizer
    }

    /// How many of a page's longest lines are read to tell whether its print is Chinese.
    static let sampledLines = 12

    /// Reads `page`, or returns `nil` when the page is not 8-bit grey or the detector fails — or, with
    /// `chineseOnly`, when none of its longest lines holds a Chinese character (a receipt, an English
    /// invoice: the page is then not read further, which saves most of the work).
    public func read(_ page: PageImage, chineseOnly: Bool = false) -> DetectedPage? {
        let started = ContinuousClock.now
        guard let raster = GreyRaster(page: page), let first = detector.detect(raster) else { return nil }
        var sample: [(box: TextBox, reading: LineReading)] = []
        if chineseOnly {
            let found = ContinuousClock.now
            sample = sampled(first, in: raster)
            if WorkerPageReader.tracing {
                let text = sample.map { String($0.reading.glyphs.map(\.character)) }.joined(separator: " | ")
                FileHandle.standardError.write(
                    Data(
                        "detection \(started.duration(to: found)), \(sample.count) lines sampled for script in \(found.duration(to: .now)): \(text)\n"
                            .utf8))
            }
            guard Self.holdsChinese(sample.map(\.reading)) else { return nil }
        }
        let boxes = detector.enlarged(first, on: raster)
        let detected = ContinuousClock.now
        let level = boxes.filter { abs($0.angle) <= Self.steepest }
        let upsideDown = classify(level, in: raster)
        // A line the sample already read (found again in the same place) is not read twice.
        let words = level.flatMap { box in
            let reading = sample.first { $0.box.isSameLine(as: box) }?.reading ?? recognize(box, in: raster)
            return reading.map { Self.words(of: $0, in: box, width: raster.width, height: raster.height) } ?? []
        }
        let heights = level.filter { $0.length >= 3 * $0.thickness }.map { $0.thickness - 2 * $0.room }.sorted()
        if WorkerPageReader.tracing {
            FileHandle.standardError.write(
                Data(
                    "detection \(started.duration(to: detected)), classification and recognition \(detected.duration(to: .now)), text height \(heights.count >= 5 ? heights[heights.count / 2] : 0)\n"
                        .utf8))
        }
        return DetectedPage(
            lines: Self.lines(words), boxCount: boxes.count, upsideDownShare: upsideDown,
            textHeight: heights.count >= 5 ? heights[heights.count / 2] : nil)
    }

    /// The longest level boxes among `boxes` with their readings, longest first, up to `sampledLines` of
    /// them: reading stops as soon as the lines read hold Chinese (on a fapiao, after one or two).
    private func sampled(_ boxes: [TextBox], in raster: GreyRaster) -> [(box: TextBox, reading: LineReading)] {
        var sample: [(box: TextBox, reading: LineReading)] = []
        let longest = boxes.filter { abs($0.angle) <= Self.steepest }.sorted { $0.length > $1.length }
        for box in longest.prefix(Self.sampledLines) {
            guard let reading = recognize(box, in: raster) else { continue }
            sample.append((box, reading))
            if Self.holdsChinese(sample.map(\.reading)) { break }
        }
        return sample
    }

    /// Whether `readings` hold Chinese (see `holdsChinese(ideographs:)`).
    static func holdsChinese(_ readings: [LineReading]) -> Bool {
        holdsChinese(ideographs: readings.flatMap(\.glyphs).count { isIdeograph($0.character) })
    }

    /// Whether print in which the recognizer read `ideographs` Chinese characters is Chinese: two at least
    /// (one may be a misread mark).
    public static func holdsChinese(ideographs: Int) -> Bool { ideographs >= 2 }

    /// Whether `character` is a CJK unified ideograph (the Chinese characters of print).
    public static func isIdeograph(_ character: Character) -> Bool {
        character.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// The share of the longest boxes the classifier finds upside down with probability over 0.9.
    private func classify(_ boxes: [TextBox], in raster: GreyRaster) -> Double {
        guard let classifier else { return 0 }
        let longest = boxes.filter { $0.length >= 3 * $0.thickness }.sorted { $0.length > $1.length }
            .prefix(Self.classifiedLines)
        let votes = longest.compactMap { classifier.upsideDown($0, in: raster) }
        guard !votes.isEmpty else { return 0 }
        return Double(votes.filter { $0 > 0.9 }.count) / Double(votes.count)
    }

    /// The recognizer's reading of one box, straightened and scaled to its input height.
    private func recognize(_ box: TextBox, in raster: GreyRaster) -> LineReading? {
        let height = LineRecognizer.inputHeight
        let width = Int((Double(height) * box.length / box.thickness).rounded(.up))
        guard width >= 4, width <= LineRecognizer.maximumInputWidth else { return nil }
        let crop = raster.straightened(box, outWidth: width, outHeight: height)
        return recognizer.read(grey: crop, width: width)
    }

    /// The reading of one box as words, split where the model read a space. A word's confidence is its
    /// least sure character's probability (each character keeps its own); its box spans its
    /// characters' positions along the box.
    static func words(of reading: LineReading, in box: TextBox, width: Int, height: Int) -> [RecognizedWord] {
        let glyphs = reading.glyphs
        guard !glyphs.isEmpty else { return [] }
        // Where each glyph ends: where the next starts, the last one a typical glyph's width after its start.
        let typical =
            glyphs.count > 1
            ? (glyphs[glyphs.count - 1].position - glyphs[0].position) / Double(glyphs.count - 1)
            : min(1, box.thickness / box.length)
        var words: [RecognizedWord] = []
        var start = 0
        func flush(_ end: Int) {
            guard end > start else { return }
            let from = glyphs[start].position
            let to = end < glyphs.count ? glyphs[end].position : min(1, glyphs[end - 1].position + typical)
            let text = String(glyphs[start..<end].map(\.character))
            let confidence = glyphs[start..<end].map(\.probability).min() ?? 0
            let characters = glyphs[start..<end].map { glyph in
                (confidence: glyph.probability, x: box.span(from: glyph.position, to: glyph.position + 0.001, width: width, height: height).x)
            }
            words.append(
                RecognizedWord(
                    text: text, confidence: confidence,
                    box: box.span(from: from, to: max(to, from + 0.001), width: width, height: height),
                    characters: characters))
            start = end
        }
        for index in glyphs.indices.dropFirst() {
            let glyph = glyphs[index]
            if glyph.spaceBefore { flush(index) }
        }
        flush(glyphs.count)
        return words.filter { !$0.box.isEmpty }
    }

    /// Words whose centres lie within half a line's height of a row's centre, and of a similar
    /// height, form a line, left to right. (A row's centre and height are its words' means, so one
    /// tall word — a seal, two lines read as one — does not pull neighbouring lines into its row.)
    static func lines(_ words: [RecognizedWord]) -> [RecognizedLine] {
        struct Row {
            var words: [RecognizedWord]
            var centre: Double
            var height: Double
        }
        var rows: [Row] = []
        for word in words.sorted(by: {
            ($0.box.y * 2 + $0.box.height, $0.box.x) < ($1.box.y * 2 + $1.box.height, $1.box.x)
        }) {
            let centre = Double(word.box.y) + Double(word.box.height) / 2
            let height = Double(word.box.height)
            let match = rows.indices.last { index in
                let row = rows[index]
                return abs(centre - row.centre) <= 0.5 * min(height, row.height)
                    && max(height, row.height) <= 1.8 * min(height, row.height)
            }
            if let match {
                let count = Double(rows[match].words.count)
                rows[match].words.append(word)
                rows[match].centre = (rows[match].centre * count + centre) / (count + 1)
                rows[match].height = (rows[match].height * count + height) / (count + 1)
            } else {
                rows.append(Row(words: [word], centre: centre, height: height))
            }
        }
        return rows.map { row in
            let sorted = row.words.sorted { $0.box.x < $1.box.x }
            let box = sorted.dropFirst().reduce(sorted[0].box) { $0.union($1.box) }
            return RecognizedLine(words: sorted, confidence: sorted.meanConfidence ?? 0, box: box)
        }.sorted { ($0.box.y, $0.box.x) < ($1.box.y, $1.box.x) }
    }
}

