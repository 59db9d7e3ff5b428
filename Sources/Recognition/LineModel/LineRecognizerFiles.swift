public import Foundation

/// Where the line recognizer's files are: ONNX Runtime's C library and the recognition model, both in
/// one directory (`scripts/fetch-line-recognizer` puts them in `.deps/line-recognizer/`).
public struct LineRecognizerFiles: Sendable, Hashable {
    /// `libonnxruntime.so`.
    public var library: URL
    /// `rec.onnx`, with its character list in the model's metadata.
    public var model: URL
    /// `det.onnx`: the PP-OCR text detector (DB).
    public var detector: URL
    /// `cls.onnx`: the PP-OCR text direction classifier.
    public var classifier: URL

    /// The files in `directory`.
    public init(directory: URL) {
        library = directory.appendingPathComponent("libonnxruntime.so")
        model = directory.appendingPathComponent("rec.onnx")
        detector = directory.appendingPathComponent("det.onnx")
        classifier = directory.appendingPathComponent("cls.onnx")
    }

    /// The repository's `.deps/line-recognizer`, known at compile time (development builds).
    static let repositoryDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".deps/line-recognizer")

    /// The environment variable naming the directory; `off` turns the recognizer off.
    public static let variable = "INVCAP_LINE_RECOGNIZER"

    /// The directories searched: only `$INVCAP_LINE_RECOGNIZER` when it is set (none when it is `off`);
    /// otherwise, in order, `line-recognizer/` beside the executable, `../share/invcap/line-recognizer`
    /// (installed layouts), the repository's `.deps/line-recognizer`.
    public static var candidates: [URL] {
        let variable = ProcessInfo.processInfo.environment[Self.variable] ?? ""
        if variable == "off" { return [] }
        if !variable.isEmpty { return [URL(fileURLWithPath: variable)] }
        var result: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        result.append(executable.appendingPathComponent("line-recognizer"))
        result.append(executable.deletingLastPathComponent().appendingPathComponent("share/invcap/line-recognizer"))
        result.append(repositoryDirectory)
        return result
    }

    /// The first candidate directory holding both files, or `nil`.
    public static func locate() -> LineRecognizerFiles? {
        candidates.map(LineRecognizerFiles.init(directory:)).first {
            FileManager.default.fileExists(atPath: $0.library.path)
                && FileManager.default.fileExists(atPath: $0.model.path)
        }
    }
}
