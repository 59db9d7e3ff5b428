import Foundation
public import InvoiceModel

/// What one OCR worker holds: recognition engines per writing system and an orientation detector.
///
/// Engines load on first use: a document in English never loads the Chinese model.
/// - Important: A worker is used by one job at a time (the `EnginePool` hands it out exclusively);
///   every member also serialises its own calls.
public final class OCRWorker: @unchecked Sendable {
    /// The models directory.
    public let tessdata: Tessdata
    /// Languages for whole pages and mixed regions, e.g. `chi_sim+eng`.
    public let languages: String
    /// The orientation detector.
    public let orientation: OrientationDetector
    private var engines: [String: TesseractEngine] = [:]
    private let lock = NSLock()

    /// Loads the orientation model and the mixed-language engine (so that a broken installation fails early).
    ///
    /// - Throws: `RecognitionError` from either model.
    public init(languages: String, tessdata: Tessdata) throws(RecognitionError) {
        self.tessdata = tessdata
        self.languages = languages
        orientation = try OrientationDetector(tessdata: tessdata)
        engines[languages] = try TesseractEngine(languages: languages, tessdata: tessdata)
    }

    /// The engine for whole pages (`languages`).
    public var engine: TesseractEngine {
        // Created in init, so never nil.
        lock.withLock { engines[languages]! }
    }

    /// The engine for `script`: `chi_sim` for Chinese, `eng` for Latin, `languages` for mixed — falling
    /// back to `languages` when a single-script model is not installed.
    public func engine(for script: TextScript) -> TesseractEngine {
        let wanted: String
        switch script {
        case .chinese: wanted = "chi_sim"
        case .latin: wanted = "eng"
        case .mixed: wanted = languages
        }
        return lock.withLock {
            if let existing = engines[wanted] { return existing }
            if let created = try? TesseractEngine(languages: wanted, tessdata: tessdata) {
                engines[wanted] = created
                return created
            }
            engines[wanted] = engines[languages]
            return engines[languages]!
        }
    }
}
