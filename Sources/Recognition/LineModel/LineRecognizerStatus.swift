import Foundation
import Synchronization

/// Loads line recognizers and reports, once per process, why there is none.
public enum LineRecognizerStatus {
    private static let warned = Mutex(false)

    /// Why the recognizer is not available, or `nil` when it loads.
    public static func problem() -> String? {
        guard let files = LineRecognizerFiles.locate() else {
            if ProcessInfo.processInfo.environment[LineRecognizerFiles.variable] == "off" {
                return "turned off by \(LineRecognizerFiles.variable)=off"
            }
            return "not installed (looked in \(LineRecognizerFiles.candidates.map(\.path).joined(separator: ", "))); "
                + "run scripts/fetch-line-recognizer"
        }
        do {
            _ = try LineRecognizer(files: files)
            return nil
        } catch {
            return error.description
        }
    }

    /// A new recognizer, or `nil` (with a one-time warning on stderr unless turned off on purpose).
    static func load() -> LineRecognizer? {
        let files = LineRecognizerFiles.locate()
        var failure: String?
        if let files {
            do {
                return try LineRecognizer(files: files)
            } catch {
                failure = error.description
            }
        }
        if ProcessInfo.processInfo.environment[LineRecognizerFiles.variable] == "off" { return nil }
        let first = warned.withLock { warned in
            defer { warned = true }
            return !warned
        }
        if first {
            let reason = failure ?? "the Chinese line recognizer is not installed (run scripts/fetch-line-recognizer)"
            FileHandle.standardError.write(Data("warning: Chinese text is read by Tesseract alone: \(reason)\n".utf8))
        }
        return nil
    }
}
