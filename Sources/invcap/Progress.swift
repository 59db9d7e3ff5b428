import Foundation

/// A one-line progress counter on stderr, shown only when stderr is a terminal and there is more than one file.
final class Progress {
    private let total: Int
    private let enabled: Bool
    private var shown = false

    init(total: Int) {
        self.total = total
        enabled = total > 1 && isatty(STDERR_FILENO) == 1
    }

    /// Reports that the file at `index` (0-based) is done.
    func step(index: Int, file: String) {
        guard enabled else { return }
        let name = (file as NSString).lastPathComponent
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(index + 1)/\(total)] \(name)".utf8))
        shown = true
    }

    /// Clears the progress line.
    func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
