import ArgumentParser
import Capture
import Extraction
import Foundation
import Ingest
import InvoiceModel
import Recognition

/// `invcap eval DIR...`: accuracy, silent errors, straight-through rate, calibration and throughput of
/// CONTRACT.md §3 on labelled documents.
struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure recognition on labelled documents (CONTRACT.md §3 metrics).",
        discussion: """
            Every directory is one data set: each document in it (searched recursively) with a NAME.json \
            label beside it is recognised and compared with its label. Prints, per data set and per field: \
            accuracy, silent error rate (wrong and not flagged), straight-through rate, calibration error \
            (ECE, 10 bins) and documents per minute. Values are compared as CONTRACT.md §3 says: Unicode \
            NFKC, whitespace removed, letter case ignored, amounts as decimals.

            Examples:
              invcap eval testdata/fapiao/clean testdata/fapiao/degraded
              invcap eval --json ../shared/data/sroie-dev > sroie.json
              invcap eval --errors testdata/english/clean
            """
    )

    @Argument(help: ArgumentHelp("Directories of labelled documents.", valueName: "dir"))
    var directories: [String] = []

    @Flag(help: "Print the metrics as one JSON object per data set.")
    var json = false

    @Flag(help: "List every wrong field with its expected and produced value.")
    var errors = false

    @OptionGroup var ocr: OCROptions
    @OptionGroup var scoring: ScoringOptions

    func validate() throws {
        try LabelledFiles.validate(
            directories, missing: "give at least one directory, e.g. invcap eval testdata/fapiao/clean")
    }

    func run() async throws {
        let pipeline = try ocr.pipeline(scorer: try scoring.scorer(), fileCount: Int.max)
        for directory in directories {
            let documents = LabelledFiles.find(in: directory)
            let started = ContinuousClock.now
            var metrics = EvaluationMetrics()
            var wrong: [String] = []
            let progress = Progress(total: documents.count)
            try await OrderedRunner.run(documents, concurrency: pipeline.pool.size + 1) { document in
                (document, try await pipeline.process(path: document.path.path))
            } onResult: { index, result in
                let (document, report) = result
                progress.step(index: index, file: report.file)
                metrics.add(report, label: document.label)
                if errors { wrong += EvalPrinter.mistakes(report, label: document.label) }
            }
            progress.finish()
            let seconds = Double((ContinuousClock.now - started).milliseconds) / 1000
            let printer = EvalPrinter(dataset: directory, metrics: metrics, seconds: seconds)
            print(json ? printer.json().serialized() : printer.table())
            if errors, !wrong.isEmpty { print(wrong.joined(separator: "\n") + "\n") }
        }
    }
}

/// Options choosing the confidence model and review policy.
struct ScoringOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Directory with confidence.json and review-policy.json (default: the shipped models/).", valueName: "dir"))
    var models: String?

    func scorer() throws -> DocumentScorer {
        do {
            return try ModelDirectory.scorer(from: ModelDirectory.locate(explicit: models))
        } catch {
            throw CLIError(error.description)
        }
    }
}

/// A labelled document found on disk.
struct LabelledFile: Sendable {
    var path: URL
    var label: DocumentLabel
}

enum LabelledFiles {
    static let documentExtensions: Set<String> = [
        "png", "jpg", "jpeg", "tif", "tiff", "bmp", "webp", "gif", "pdf", "ofd", "xml",
    ]

    /// Documents under `directory` (recursively) with a readable label beside them, sorted by path.
    static func find(in directory: String) -> [LabelledFile] {
        find(in: directory, stopAtFirst: false)
    }

    private static func find(in directory: String, stopAtFirst: Bool) -> [LabelledFile] {
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            return []
        }
        var found: [LabelledFile] = []
        for case let url as URL in enumerator where documentExtensions.contains(url.pathExtension.lowercased()) {
            if let label = try? DocumentLabel.beside(url) { found.append(LabelledFile(path: url, label: label)) }
            if stopAtFirst, !found.isEmpty { break }
        }
        return found.sorted { $0.path.path < $1.path.path }
    }

    /// The argument check of `eval` and `calibrate`: directories given, existing, each holding at least one
    /// labelled document (found without reading every label).
    static func validate(_ directories: [String], missing: String) throws {
        guard !directories.isEmpty else { throw ValidationError(missing) }
        for directory in directories {
            guard FileManager.default.fileExists(atPath: directory) else {
                throw ValidationError("\(directory) does not exist")
            }
            guard !find(in: directory, stopAtFirst: true).isEmpty else {
                throw ValidationError(
                    "no labelled documents in \(directory): each document needs its label NAME.json beside it (CONTRACT.md §2)"
                )
            }
        }
    }
}
