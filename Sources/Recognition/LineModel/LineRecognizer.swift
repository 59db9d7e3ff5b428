import COnnxLineModel
public import Foundation
public import Ingest
public import InvoiceModel

/// The PP-OCR text-line recognition model, run by ONNX Runtime: reads one line of print (Chinese,
/// digits, Latin letters) from a crop. Owns its ONNX Runtime session.
///
/// - Important: Thread-safe: ONNX Runtime runs one session from several threads at once, and a read
///   keeps its buffers to itself, so every worker of a process shares one recognizer.
public final class LineRecognizer: @unchecked Sendable {
    private let model: OpaquePointer
    private let characters: [Character]

    /// Input height the model was trained at, and the narrowest input it is given (shorter lines are
    /// padded on the right, as at training).
    static let inputHeight = 48
    static let minimumInputWidth = 64
    /// Widest input: a longer crop is not read (a line that wide is not one value).
    static let maximumInputWidth = 2400

    /// Loads ONNX Runtime from `files.library` and the model from `files.model`.
    ///
    /// - Throws: `RecognitionError.modelUnavailable` with the reason.
    public init(files: LineRecognizerFiles) throws(RecognitionError) {
        var error = [CChar](repeating: 0, count: 512)
        guard let opened = ort_line_model_open(files.library.path, files.model.path, &error, error.count) else {
            throw .modelUnavailable(Self.message(error))
        }
        guard let list = ort_line_model_metadata(opened, "character", &error, error.count) else {
            ort_line_model_close(opened)
            throw .modelUnavailable("\(files.model.path): \(Self.message(error))")
        }
        defer { free(list) }
        model = opened
        // One entry per line, in class order (class i + 1); the class after the list is a space.
        characters =
            String(cString: list).split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.first ?? " "
            } + [" "]
    }

    deinit { ort_line_model_close(model) }

    private static func message(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Reads the line printed in `box` of `page` (widened by a quarter of its height above and below;
    /// the caller leaves room at the sides), or `nil` when the box is empty or too wide, or the model
    /// fails.
    public func read(_ page: PageImage, in box: PixelBox) -> LineReading? {
        guard box.width > 2, box.height > 2 else { return nil }
        // Room above and below, as around a detected text box (the caller chose the room at the sides).
        let vertical = max(2, box.height / 4)
        let padded = PixelBox(
            left: max(0, box.x), top: max(0, box.y - vertical), right: min(page.width, box.maxX),
            bottom: min(page.height, box.maxY + vertical))
        let factor = Double(Self.inputHeight) / Double(padded.height)
        guard Double(padded.width) * factor <= Double(Self.maximumInputWidth),
            let crop = page.cropped(to: padded), let scaled = crop.scaled(by: factor)
        else { return nil }
        guard
            let input = scaled.withGreyBytes({ pixels, width, height, stride in
                Self.tensor(pixels, width: width, height: height, stride: stride)
            }) ?? nil
        else { return nil }
        guard var reading = run(input.values, width: input.width) else { return nil }
        // Positions were shares of the model's input, which is padded on the right to a minimum width.
        let share = Double(input.width) / Double(max(1, scaled.width))
        for index in reading.glyphs.indices {
            reading.glyphs[index].position = min(1, reading.glyphs[index].position * share)
        }
        return reading
    }

    /// Reads a line already cut out and scaled to `inputHeight` rows of `width` grey values in [0, 255]
    /// (row-major), or `nil` when the model fails. Glyph positions are shares of `width`.
    func read(grey values: [Float], width: Int) -> LineReading? {
        guard width > 0, values.count == width * Self.inputHeight else { return nil }
        let columns = max(width, Self.minimumInputWidth)
        let rows = Self.inputHeight
        var input = [Float](repeating: 0, count: 3 * rows * columns)
        for y in 0..<rows {
            for x in 0..<width {
                let value = values[y * width + x] / 127.5 - 1
                let index = y * columns + x
                input[index] = value
                input[rows * columns + index] = value
                input[2 * rows * columns + index] = value
            }
        }
        guard var reading = run(input, width: columns) else { return nil }
        let share = Double(columns) / Double(width)
        for index in reading.glyphs.indices {
            reading.glyphs[index].position = min(1, reading.glyphs[index].position * share)
        }
        return reading
    }

    /// The model's input for a grey crop: three equal channels scaled to [-1, 1], `inputHeight` rows
    /// (cut or padded at the bottom), padded on the right to `minimumInputWidth` with zeros.
    static func tensor(_ pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) -> (
        values: [Float], width: Int
    )? {
        guard width > 0, height > 0 else { return nil }
        let columns = max(width, minimumInputWidth)
        let rows = inputHeight
        var values = [Float](repeating: 0, count: 3 * rows * columns)
        for y in 0..<min(rows, height) {
            for x in 0..<width {
                let value = Float(pixels[y * stride + x]) / 127.5 - 1
                let index = y * columns + x
                values[index] = value
                values[rows * columns + index] = value
                values[2 * rows * columns + index] = value
            }
        }
        return (values, columns)
    }

    private func run(_ input: [Float], width: Int) -> LineReading? {
        var error = [CChar](repeating: 0, count: 512)
        var output: UnsafeMutablePointer<Float>?
        var steps: Int64 = 0
        var classes: Int64 = 0
        let status = input.withUnsafeBufferPointer { buffer in
            ort_line_model_run(
                model, buffer.baseAddress, Int64(Self.inputHeight), Int64(width), &output, &steps, &classes, &error,
                error.count)
        }
        guard status == 0, let output else { return nil }
        defer { free(output) }
        return LineReading.decoding(
            UnsafeBufferPointer(start: output, count: Int(steps * classes)), steps: Int(steps), classes: Int(classes),
            characters: characters)
    }
}
