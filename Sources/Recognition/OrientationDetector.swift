import CTesseract
import Foundation
public import Ingest

/// What Tesseract's orientation and script detection (OSD) says about a page.
public struct OrientationEstimate: Sendable, Hashable {
    /// Clockwise rotation, in degrees (0, 90, 180 or 270), that makes the page upright.
    public var correction: Int
    /// OSD's orientation confidence (a margin; values above ~2 are reliable on full pages).
    public var confidence: Double
    /// The detected script, e.g. `Han` or `Latin`.
    public var script: String
}

/// Detects page orientation with Tesseract's legacy OSD model (`osd.traineddata`).
///
/// The LSTM-only models Debian ships cannot run OSD themselves, so this owns a second `TessBaseAPI`
/// initialised with the `osd` model in legacy mode.
/// - Important: Owns its `TessBaseAPI`; calls are serialised by an internal lock.
public final class OrientationDetector: @unchecked Sendable {
    private let api: OpaquePointer
    private let lock = NSLock()

    /// Loads `osd.traineddata` from `tessdata`.
    ///
    /// - Throws: `RecognitionError.languageUnavailable` when `osd.traineddata` is missing (Debian:
    ///   tesseract-ocr-osd), `.initializationFailed` when Tesseract refuses it.
    public init(tessdata: Tessdata) throws(RecognitionError) {
        try tessdata.validate(languages: "osd")
        guard let api = TessBaseAPICreate() else {
            throw .initializationFailed(tessdata: tessdata.path, languages: "osd")
        }
        TesseractEngine.silence(api)
        guard TessBaseAPIInit2(api, tessdata.path, "osd", OEM_TESSERACT_ONLY) == 0 else {
            TessBaseAPIDelete(api)
            throw .initializationFailed(tessdata: tessdata.path, languages: "osd")
        }
        TesseractEngine.silence(api)
        self.api = api
    }

    deinit {
        TessBaseAPIEnd(api)
        TessBaseAPIDelete(api)
    }

    /// Estimates which way up `page` is.
    ///
    /// - Returns: the estimate, or `nil` when OSD finds too little text to decide.
    public func detect(_ page: PageImage) -> OrientationEstimate? {
        guard let copy = ScopedPix(page.copyPix()) else { return nil }
        // Kept alive until Tesseract is done with the pixels (ARC may end an unused local early).
        defer { withExtendedLifetime(copy) {} }
        let pix = copy.pix
        lock.lock()
        defer { lock.unlock() }
        defer { TessBaseAPIClear(api) }
        TessBaseAPISetPageSegMode(api, PSM_OSD_ONLY)
        TessBaseAPISetImage2(api, pix)
        TessBaseAPISetSourceResolution(api, Int32(page.dpi))
        var degrees: Int32 = 0
        var confidence: Float = 0
        var script: UnsafePointer<CChar>?
        var scriptConfidence: Float = 0
        // `script` points into Tesseract's own tables: copied, never freed.
        guard TessBaseAPIDetectOrientationScript(api, &degrees, &confidence, &script, &scriptConfidence) != 0 else {
            return nil
        }
        return OrientationEstimate(
            correction: (360 - Int(degrees)) % 360, confidence: Double(confidence),
            script: script.map { String(cString: $0) } ?? "")
    }
}
