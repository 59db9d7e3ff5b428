import Extraction
import Foundation

/// What `invcap calibrate` read from labelled documents: per directory, per document, each labelled field's
/// feature input and whether its value matched the label. Stored as JSON by `--save-evidence`.
struct CalibrationEvidence: Codable {
    struct Example: Codable {
        var input: FeatureInput
        var correct: Bool
    }

    struct Document: Codable {
        /// The file the examples were read from (for error analysis: which document a wrong value is on).
        var path: String
        /// Its labelled fields (they stay in one cross-validation fold together).
        var examples: [Example]
    }

    struct Set: Codable {
        /// The directory the documents were read from.
        var name: String
        var documents: [Document]
    }

    /// Version of this file's layout.
    var format = 1
    var sets: [Set]

    init(sets: [Set]) {
        self.sets = sets
    }

    /// - Throws: `CLIError` naming the file when it cannot be written.
    func write(to path: String) throws {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError("cannot write the evidence to \(path): \(error.localizedDescription)")
        }
    }

    /// - Throws: `CLIError` naming the file when it cannot be read or is not evidence of this format.
    static func read(from path: String) throws -> CalibrationEvidence {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError("cannot read the evidence file \(path): \(error.localizedDescription)")
        }
        let evidence: CalibrationEvidence
        do {
            evidence = try JSONDecoder().decode(CalibrationEvidence.self, from: data)
        } catch {
            throw CLIError("\(path) is not evidence written by invcap calibrate --save-evidence: \(error)")
        }
        guard evidence.format == 1 else {
            throw CLIError("\(path) has evidence format \(evidence.format); this invcap reads format 1")
        }
        return evidence
    }
}
