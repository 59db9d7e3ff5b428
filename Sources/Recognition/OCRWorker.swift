/// What one OCR worker holds: a recognition engine and an orientation detector on the same models.
///
/// - Important: A worker is used by one job at a time (the `EnginePool` hands it out exclusively);
///   both members also serialise their own calls.
public final class OCRWorker: @unchecked Sendable {
    /// The recognition engine.
    public let engine: TesseractEngine
    /// The orientation detector.
    public let orientation: OrientationDetector

    /// Loads both models.
    ///
    /// - Throws: `RecognitionError` from either model.
    public init(languages: String, tessdata: Tessdata) throws(RecognitionError) {
        engine = try TesseractEngine(languages: languages, tessdata: tessdata)
        orientation = try OrientationDetector(tessdata: tessdata)
    }
}
