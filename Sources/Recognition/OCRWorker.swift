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

    /// Loads the mixed-language engine and, unless `orientation` is given, the orientation model (so that a
    /// broken installation fails early).
    ///
    /// - Parameter orientation: a detector shared with other workers (it serialises its calls; OSD's
    ///   legacy model is 31 MB a copy, and a page's OSD takes a fraction of a second).
    /// - Throws: `RecognitionError` from either model.
    public init(languages: String, tessdata: Tessdata, orientation: OrientationDetector? = nil)
        throws(RecognitionError)
    {
        self.tessdata = tessdata
        self.languages = languages
        if let orientation {
            self.orientation = orientation
        } else {
            self.orientation = try OrientationDetector(tessdata: tessdata)
        }
        engines[languages] = try TesseractEngine(languages: languages, tessdata: tessdata)
    }

    /// The engine for whole pages (`languages`).
    public var engine: TesseractEngine {
        // Created in init, so never nil.
        lock.withLock { engines[languages]! }
    }

    /// The line recognizer, shared by every worker of the process (see `SharedModels`); `nil` when it is
    /// not installed or fails to load (a warning is printed once per process, and pages are then read by
    /// Tesseract alone).
    public var lineRecognizer: LineRecognizer? { SharedModels.lineRecognizer }

    /// The whole-page PP-OCR reader (detector, direction classifier, line recognizer), shared by every
    /// worker of the process; `nil` when the line recognizer or the detector is not installed.
    /// `INVCAP_PAGE_DETECTOR=off` turns it off (pages are then read by Tesseract, with the line recognizer).
    public var pageTextRecognizer: PageTextRecognizer? {
        guard ProcessInfo.processInfo.environment["INVCAP_PAGE_DETECTOR"] != "off" else { return nil }
        return SharedModels.pageTextRecognizer
    }

    /// The engine for `script` and `whitelist`: `chi_sim` for Chinese, `eng` for Latin, `languages` for
    /// mixed — falling back to `languages` when a single-script model is not installed.
    ///
    /// Each whitelist gets an engine of its own, configured once: switching one engine's whitelist on
    /// and off leaves state behind in Tesseract 5 (results came to depend on the order of the calls).
    public func engine(for script: TextScript, whitelist: String? = nil) -> TesseractEngine {
        let wanted: String
        // A single-script model not installed: the engine for the nearest one that is.
        var fallback = languages
        switch script {
        case .chinese: wanted = "chi_sim"
        case .latin: wanted = "eng"
        case .mixed: wanted = languages
        case .accented(let language):
            wanted = Self.tesseractCode(language) + "+eng"
            fallback = "eng"
        }
        let key = wanted + "|" + (whitelist ?? "")
        return lock.withLock {
            if let existing = engines[key] { return existing }
            let created =
                (try? TesseractEngine(languages: wanted, tessdata: tessdata, whitelist: whitelist))
                ?? (try? TesseractEngine(languages: fallback, tessdata: tessdata, whitelist: whitelist))
                ?? (try? TesseractEngine(languages: languages, tessdata: tessdata, whitelist: whitelist))
            let engine = created ?? engines[languages]!
            engines[key] = engine
            return engine
        }
    }

    /// Tesseract's model name for `language` (Debian: tesseract-ocr-deu, -fra, -spa, -ita, -nld, -por).
    static func tesseractCode(_ language: EuropeanLanguage) -> String {
        switch language {
        case .german: "deu"
        case .french: "fra"
        case .spanish: "spa"
        case .italian: "ita"
        case .dutch: "nld"
        case .portuguese: "por"
        }
    }

    /// Whether the model for `language` is installed (without it, accented reads fall back to English).
    public func readsAccents(of language: EuropeanLanguage) -> Bool {
        (try? tessdata.validate(languages: Self.tesseractCode(language))) != nil
    }
}
