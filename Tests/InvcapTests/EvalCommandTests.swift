import Foundation
import InvoiceModel
import TestSupport
import Testing

/// `invcap eval` and `invcap calibrate`, end to end on a small labelled set copied from testdata/.
@Suite(.serialized) struct EvalCommandTests {
    /// A fapiao and an English invoice with their labels, in a fresh directory.
    private func smallSet() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("invcap-eval-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in ["fapiao/clean/tc-001", "english/clean/inv-001"] {
            for ext in ["png", "json"] {
                let source = URL(fileURLWithPath: Paths.testdata("\(name).\(ext)"))
                try FileManager.default.copyItem(
                    at: source, to: directory.appendingPathComponent(source.lastPathComponent))
            }
        }
        return directory
    }

    private func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not JSON: \(text)")
    }

    @Test func givenLabelledSet_whenEvaluated_thenAccuracyIsWhatRecognizeOutputScoresAgainstTheLabels() throws {
        let directory = try smallSet()
        defer { try? FileManager.default.removeItem(at: directory) }
        let eval = try CommandRunner.invcap(["eval", "--json", directory.path])
        #expect(eval.status == 0, "stderr: \(eval.stderr)")
        let metrics = try object(try #require(eval.lines.first))
        #expect(metrics["documents"] as? Int == 2)

        // The same comparison done here, from what `recognize` prints for the same files.
        let files = ["tc-001.png", "inv-001.png"].map { directory.appendingPathComponent($0).path }
        let recognized = try CommandRunner.invcap(["recognize", "--json"] + files)
        var labelled = 0
        var right = 0
        for (file, line) in zip(files, recognized.lines) {
            let output = try #require(try object(line)["fields"] as? [String: [String: Any]])
            for (name, expected) in try Label.of(document: file).fields {
                labelled += 1
                if FieldComparison.matches(output[name]?["value"] as? String, expected, field: name) { right += 1 }
            }
        }
        let accuracy = try #require(metrics["fieldAccuracy"] as? Double)
        #expect(
            abs(accuracy - Double(right) / Double(labelled)) < 0.001, "eval \(accuracy), recognize \(right)/\(labelled)"
        )
        let fields = try #require(metrics["fields"] as? [String: [String: Any]])
        #expect(fields.values.compactMap { $0["n"] as? Int }.reduce(0, +) == labelled)
        let ece = try #require(metrics["ece"] as? Double)
        #expect((0...1).contains(ece))
    }

    @Test func givenDirectoryWithoutLabels_whenEvaluatedOrCalibrated_thenUsageErrorNamingIt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("invcap-nolabels-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for command in ["eval", "calibrate"] {
            let result = try CommandRunner.invcap([command, directory.path])
            #expect(result.status == 2)
            #expect(result.stderr.contains("no labelled documents in \(directory.path)"), "\(result.stderr)")
        }
    }

    @Test func givenLabelledSet_whenCalibrated_thenTheWrittenModelIsUsedByEval() throws {
        let directory = try smallSet()
        defer { try? FileManager.default.removeItem(at: directory) }
        let models = directory.appendingPathComponent("models")
        try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: Paths.repository.appendingPathComponent("models/review-policy.json").path),
            to: models.appendingPathComponent("review-policy.json"))
        let out = models.appendingPathComponent("confidence.json")
        let evidence = directory.appendingPathComponent("evidence.json")
        let calibrate = try CommandRunner.invcap([
            "calibrate", directory.path, "--out", out.path, "--save-evidence", evidence.path,
        ])
        #expect(calibrate.status == 0, "stderr: \(calibrate.stderr)")
        let model = try object(String(decoding: try Data(contentsOf: out), as: UTF8.self))
        let weights = try #require(model["weights"] as? [Double])
        #expect(!weights.isEmpty && weights.allSatisfy(\.isFinite))

        // Fitted again from the stored evidence, without reading the documents: the same model.
        let refit = directory.appendingPathComponent("refit.json")
        let again = try CommandRunner.invcap(["calibrate", "--from-evidence", evidence.path, "--out", refit.path])
        #expect(again.status == 0, "stderr: \(again.stderr)")
        let refitted = try object(String(decoding: try Data(contentsOf: refit), as: UTF8.self))
        #expect(refitted["weights"] as? [Double] == weights)
        #expect(again.stdout.contains("\(directory.path): "), "\(again.stdout)")
        // Each document's examples name the file they were read from.
        let stored = try object(String(decoding: try Data(contentsOf: evidence), as: UTF8.self))
        let sets = try #require(stored["sets"] as? [[String: Any]])
        let paths = (sets.first?["documents"] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? []
        #expect(paths.count == 2 && paths.allSatisfy { $0.hasPrefix(directory.path + "/") }, "\(paths)")

        // eval loads the fitted model from --models.
        let eval = try CommandRunner.invcap(["eval", "--json", "--models", models.path, directory.path])
        #expect(eval.status == 0, "stderr: \(eval.stderr)")
        let metrics = try object(try #require(eval.lines.first))
        #expect(metrics["documents"] as? Int == 2)
    }

    @Test func givenAFileThatIsNotEvidence_whenCalibratedFromIt_thenErrorNamingTheFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("invcap-notevidence-\(UUID()).json")
        try Data("{\"weights\": [1]}".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CommandRunner.invcap(["calibrate", "--from-evidence", file.path, "--out", "/dev/null"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(file.path) is not evidence written by invcap calibrate"), "\(result.stderr)")

        let missing = try CommandRunner.invcap(["calibrate", "--from-evidence", file.path + ".gone"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no evidence file at \(file.path).gone"), "\(missing.stderr)")

        // Nothing would be read to store: refused rather than silently ignored.
        let both = try CommandRunner.invcap([
            "calibrate", "--from-evidence", file.path, "--save-evidence", file.path + ".copy",
        ])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--from-evidence reads none"), "\(both.stderr)")
    }
}
