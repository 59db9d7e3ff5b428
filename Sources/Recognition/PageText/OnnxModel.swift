import COnnxLineModel
import Foundation

/// One ONNX model in an ONNX Runtime session (one thread), taking and returning one float tensor.
///
/// - Important: Owns its session. Thread-safe: ONNX Runtime lets several threads run one session at once.
final class OnnxModel: @unchecked Sendable {
    private let model: OpaquePointer

    /// Loads ONNX Runtime from `library` (once per process) and the model at `path`.
    ///
    /// - Throws: `RecognitionError.modelUnavailable` with the reason.
    init(library: URL, path: URL) throws(RecognitionError) {
        var error = [CChar](repeating: 0, count: 512)
        guard let opened = ort_line_model_open(library.path, path.path, &error, error.count) else {
            throw .modelUnavailable("\(path.lastPathComponent): \(Self.message(error))")
        }
        model = opened
    }

    deinit { ort_line_model_close(model) }

    static func message(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Runs the model on `input` of shape `shape` (at most 4 dimensions).
    ///
    /// - Returns: the output's values and shape, or `nil` with nothing returned when the run fails.
    func run(_ input: [Float], shape: [Int]) -> (values: [Float], shape: [Int])? {
        guard !shape.isEmpty, shape.count <= 4, shape.reduce(1, *) == input.count else { return nil }
        var error = [CChar](repeating: 0, count: 512)
        var output: UnsafeMutablePointer<Float>?
        var dimensions = [Int64](repeating: 0, count: 4)
        var rank = 0
        let inputShape = shape.map(Int64.init)
        let status = input.withUnsafeBufferPointer { buffer in
            ort_model_run(
                model, buffer.baseAddress, inputShape, inputShape.count, &output, &dimensions, &rank, &error,
                error.count)
        }
        guard status == 0, let output else { return nil }
        defer { free(output) }
        let outputShape = dimensions.prefix(rank).map(Int.init)
        let count = outputShape.reduce(1, *)
        return (Array(UnsafeBufferPointer(start: output, count: count)), outputShape)
    }
}
