import Foundation
import Synchronization

/// The ONNX models, loaded once per process on first use and shared by every OCR worker.
///
/// ONNX Runtime lets several threads run one session at once, each run with buffers of its own, so
/// workers need no copies: one copy of the weights and one memory arena per model, instead of one per
/// worker (about 100 MB a worker with the detector's and recognizer's arenas).
enum SharedModels {
    private struct Loaded {
        var line: LineRecognizer??
        var page: PageTextRecognizer??
    }

    private static let loaded = Mutex(Loaded())

    /// The line recognizer, or `nil` when it is not installed or fails to load (warned once).
    static var lineRecognizer: LineRecognizer? {
        loaded.withLock { state in
            if let line = state.line { return line }
            let made = LineRecognizerStatus.load()
            state.line = .some(made)
            return made
        }
    }

    /// The whole-page reader over `lineRecognizer`, or `nil` when either model is missing.
    static var pageTextRecognizer: PageTextRecognizer? {
        guard let recognizer = lineRecognizer else { return nil }
        return loaded.withLock { state in
            if let page = state.page { return page }
            let made = LineRecognizerFiles.locate().flatMap { try? PageTextRecognizer(files: $0, recognizer: recognizer) }
            state.page = .some(made)
            return made
        }
    }
}
