public import Foundation

/// Where the project's trained data (`models/`) is found at run time.
///
/// Order: an explicit directory (`--models`), `$INVCAP_MODELS`, `models/` beside the executable or in
/// `../share/invcap/models` (installed layouts), and the repository's `models/` this binary was built
/// from (development builds).
public enum ModelDirectory {
    /// The repository's `models/`, known at compile time.
    static let repositoryModels = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("models")

    /// The first existing candidate directory, or `nil`.
    public static func locate(explicit: String? = nil) -> URL? {
        var candidates: [URL] = []
        if let explicit { candidates.append(URL(fileURLWithPath: explicit)) }
        if let variable = ProcessInfo.processInfo.environment["INVCAP_MODELS"], !variable.isEmpty {
            candidates.append(URL(fileURLWithPath: variable))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        candidates.append(executable.appendingPathComponent("models"))
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent("share/invcap/models"))
        candidates.append(repositoryModels)
        return candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("confidence.json").path)
        }
    }

    /// The scorer configured from `directory` (falling back to built-in values for a missing file).
    ///
    /// - Throws: `ModelFileError` when a file exists but cannot be used.
    public static func scorer(from directory: URL?) throws(ModelFileError) -> DocumentScorer {
        guard let directory else { return DocumentScorer() }
        let modelURL = directory.appendingPathComponent("confidence.json")
        let policyURL = directory.appendingPathComponent("review-policy.json")
        let model =
            FileManager.default.fileExists(atPath: modelURL.path) ? try ConfidenceModel.load(from: modelURL) : .builtIn
        let policy =
            FileManager.default.fileExists(atPath: policyURL.path) ? try ReviewPolicy.load(from: policyURL) : .builtIn
        return DocumentScorer(model: model, policy: policy)
    }
}
