import Foundation

/// PP-OCR's text direction classifier: whether a line crop reads upright (0°) or upside down (180°).
/// Input as PaddleOCR prepares it: the crop scaled to 48 rows (at most 192 columns), normalised to
/// [-1, 1], padded on the right to 192 columns.
///
/// - Important: Owns its model; thread-safe (the model is).
final class DirectionClassifier: @unchecked Sendable {
    private let model: OnnxModel
    static let height = 48
    static let width = 192

    init(model: OnnxModel) {
        self.model = model
    }

    /// The probability that the text in `box` of `raster` is upside down, or `nil` when the model fails.
    func upsideDown(_ box: TextBox, in raster: GreyRaster) -> Double? {
        let columns = max(1, min(Self.width, Int((Double(Self.height) * box.length / box.thickness).rounded(.up))))
        let crop = raster.straightened(box, outWidth: columns, outHeight: Self.height)
        let plane = Self.height * Self.width
        var input = [Float](repeating: 0, count: 3 * plane)
        for y in 0..<Self.height {
            for x in 0..<columns {
                let value = crop[y * columns + x] / 127.5 - 1
                let index = y * Self.width + x
                input[index] = value
                input[plane + index] = value
                input[2 * plane + index] = value
            }
        }
        guard let output = model.run(input, shape: [1, 3, Self.height, Self.width]), output.values.count == 2 else {
            return nil
        }
        return Double(output.values[1])
    }
}
