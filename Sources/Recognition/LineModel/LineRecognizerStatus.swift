import Foundation
import Synchronization

/// Loads line recognizers and reports, once per process, why there is none.
public enum LineRecognizerStatus {
    private static let warned = Mutex(false)

    /// Whether `INVCAP_LINE_RECOGNIZER=off` turns the recognizer off on purpose.
    static var turnedOff: Bool { ProcessInfo.processInfo.environment[LineRecognizerFiles.variable] == "off" }

    /// A new recognizer, or why there is none.
    static func attempt() -> Result<LineRecognizer, LoadFailure> {
        guard let files = LineRecognizerFiles.locate() else {
            if turnedOff { return .failure(LoadFailure("turned off by \(LineRecognizerFiles.variable)=off")) }
            return .failure(
                LoadFailure(
                    "not installed (looked in \(LineRecognizerFiles.candidates.map(\.path).joined(separator: ", "))); "
                        + "run scripts/fetch-line-recognizer"))
        }
        do {
            return .success(try LineRecognizer(files: files))
        } catch {
            return .failure(LoadFailure(error.description))
        }
    }

    /// Why the recognizer is not available, or `nil` when it loads.
    public static func problem() -> String? {
        if case .failure(let failure) = attempt() { return failure.reason }
        return nil
    }

    /// A new recognizer, or `nil` (with a one-time warning on stderr unless turned off on purpose).
    static func load() -> LineRecognizer? {
        switch attempt() {
        case .success(let recognizer):
            return recognizer
        case .failure(let failure):
            let first = warned.withLock { warned in
                defer { warned = true }
                return !warned
            }
            if first, !turnedOff {
                FileHandle.standardError.write(
                    Data(
                        "warning: pages are read by Tesseract alone; line recognizer: \(failure.reason)\n"
                            .utf8))
            }
            return nil
        }
    }

    /// Why no recognizer could be loaded.
    struct LoadFailure: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
