import ArgumentParser
import Capture
import Extraction
import Foundation
import InvoiceModel
import Recognition

/// `invcap calibrate DIR... --out models/confidence.json`: fit the confidence model on labelled documents.
struct Calibrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit the confidence model (logistic regression) on labelled documents.",
        discussion: """
            Every labelled field (and line-item field) of every document in the directories becomes one \
            example: the evidence the extractor had (read confidence, source, agreement, checks, the kind of \
            field) and whether the value matched the label. Prints the 5-fold cross-validated calibration \
            error per directory (a document's fields stay in one fold), then writes the model fitted on all \
            examples.

            --save-evidence keeps what was read, so that a change to the features alone can be fitted \
            again in seconds with --from-evidence (reading a few hundred documents takes half an hour).

            Examples:
              invcap calibrate synthetic/ receipts/ --out models/confidence.json
              invcap calibrate synthetic/ receipts/ --save-evidence evidence.json
              invcap calibrate --from-evidence evidence.json --out models/confidence.json
            """
    )

    @Argument(help: ArgumentHelp("Directories of labelled documents.", valueName: "dir"))
    var directories: [String] = []

    @Option(help: ArgumentHelp("Where to write the model.", valueName: "file"))
    var out: String = "models/confidence.json"

    @Option(help: "L2 penalty on the weights.")
    var penalty: Double = 1.0

    @Option(
        help: ArgumentHelp(
            "Also write what was read (each field's evidence and whether it matched its label) to this file.",
            valueName: "file"))
    var saveEvidence: String?

    @Option(
        help: ArgumentHelp(
            "Fit on evidence written by --save-evidence instead of reading documents (after a change to the features only; the extraction must be the same).",
            valueName: "file"))
    var fromEvidence: String?

    @OptionGroup var ocr: OCROptions

    func validate() throws {
        if let fromEvidence {
            guard directories.isEmpty else {
                throw ValidationError("give either directories or --from-evidence, not both")
            }
            guard saveEvidence == nil else {
                throw ValidationError("--save-evidence stores what is read from directories; --from-evidence reads none")
            }
            guard FileManager.default.fileExists(atPath: fromEvidence) else {
                throw ValidationError("no evidence file at \(fromEvidence)")
            }
            return
        }
        try LabelledFiles.validate(directories, missing: "give at least one directory of labelled documents")
    }

    func run() async throws {
        let sets: [CalibrationEvidence.Set]
        if let fromEvidence {
            sets = try CalibrationEvidence.read(from: fromEvidence).sets
        } else {
            sets = try await read()
            if let saveEvidence { try CalibrationEvidence(sets: sets).write(to: saveEvidence) }
        }
        var all: [LogisticFit.Example] = []
        var documentOfExample: [Int] = []
        var documentsRead = 0
        var examplesPerSet: [(name: String, examples: [LogisticFit.Example])] = []
        for set in sets {
            var examples: [LogisticFit.Example] = []
            for document in set.documents {
                let found = document.examples.map { (ConfidenceFeatures.vector($0.input), $0.correct) }
                examples += found
                documentOfExample += Array(repeating: documentsRead, count: found.count)
                documentsRead += 1
            }
            examplesPerSet.append((set.name, examples))
            all += examples
        }
        guard !all.isEmpty else {
            throw CLIError("no labelled field was read in \(sets.map(\.name).joined(separator: ", "))")
        }

        let validated = LogisticFit.crossValidated(all, groups: documentOfExample, penalty: penalty)
        // Cross-validated predictions, in the order the examples were pooled, split back per directory.
        var offset = 0
        var summary: [String: Double] = [:]
        for set in examplesPerSet {
            let part = Array(validated[offset..<(offset + set.examples.count)])
            offset += set.examples.count
            let ece = LogisticFit.expectedCalibrationError(part)
            summary["ece:" + set.name] = (ece * 10000).rounded() / 10000
            print(Self.line(set.name, part, ece: ece))
            print("  " + Self.sweep(part))
        }
        let overall = LogisticFit.expectedCalibrationError(validated)
        print(Self.line("all", validated, ece: overall))
        print("  " + Self.sweep(validated))
        summary["ece"] = (overall * 10000).rounded() / 10000
        summary["fields"] = Double(all.count)

        let weights = LogisticFit.fit(all, penalty: penalty)
        for set in examplesPerSet {
            let fitted = set.examples.map { (LogisticFit.probability(weights, $0.features), $0.correct) }
            print(
                String(
                    format: "%@: fitted model, in-sample ECE %.3f", set.name,
                    LogisticFit.expectedCalibrationError(fitted)))
        }
        let model = ConfidenceModel(
            features: ConfidenceFeatures.names, weights: weights.map { ($0 * 10000).rounded() / 10000 },
            provenance: "invcap calibrate \(sets.map(\.name).joined(separator: " ")) --penalty \(penalty)",
            fitted: summary)
        let url = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try model.encoded().write(to: url)
        print("wrote \(out)")
    }

    /// One set's cross-validated figures: calibration error, log loss, and the share of its fields that
    /// are wrong with a probability of 0.90 or more (what the default review threshold would let through).
    static func line(_ name: String, _ predictions: [(probability: Double, correct: Bool)], ece: Double) -> String {
        String(
            format: "%@: %d fields, cross-validated ECE %.3f, log loss %.3f, wrong at >= 0.90: %.1f%%", name,
            predictions.count, ece, LogisticFit.logLoss(predictions),
            100 * LogisticFit.wrongAbove(0.9, predictions))
    }

    /// Review thresholds whose effect `sweep` prints.
    static let thresholds = [0.9, 0.95, 0.97, 0.99]

    /// What each of `thresholds` would do to a set, cross-validated: the share of its fields let through
    /// (probability at or above the threshold) and the share let through wrong — the figures a per-kind
    /// threshold in models/review-policy.json is chosen by.
    static func sweep(_ predictions: [(probability: Double, correct: Bool)]) -> String {
        let count = Double(max(1, predictions.count))
        return thresholds.map { threshold in
            let passed = Double(predictions.filter { $0.probability >= threshold }.count) / count
            return String(
                format: "at %.2f: %.0f%% pass, %.1f%% wrong", threshold, 100 * passed,
                100 * LogisticFit.wrongAbove(threshold, predictions))
        }.joined(separator: "; ")
    }

    /// Reads every labelled document of the directories: per directory, per document, its fields' evidence.
    private func read() async throws -> [CalibrationEvidence.Set] {
        let pipeline = try ocr.pipeline(scorer: DocumentScorer(), fileCount: Int.max)
        var sets: [CalibrationEvidence.Set] = []
        for directory in directories {
            let documents = LabelledFiles.find(in: directory)
            var read: [CalibrationEvidence.Document] = []
            let progress = Progress(total: documents.count)
            try await OrderedRunner.run(documents, concurrency: pipeline.pool.size + 1) { document in
                (document, try await pipeline.processDetailed(path: document.path.path))
            } onResult: { index, result in
                progress.step(index: index, file: result.0.path.path)
                read.append(
                    CalibrationEvidence.Document(
                        path: result.0.path.path, examples: Self.examples(result.1, label: result.0.label)))
            }
            progress.finish()
            sets.append(CalibrationEvidence.Set(name: directory, documents: read))
        }
        return sets
    }

    /// One example per labelled field the extractor produced evidence for.
    static func examples(_ processed: ProcessedDocument, label: DocumentLabel) -> [CalibrationEvidence.Example] {
        guard let evidence = processed.evidence else { return [] }
        var examples: [CalibrationEvidence.Example] = []
        let independent = ConfidenceFeatures.independentChecks(of: evidence, in: processed.checks)
        for (name, expected) in label.fields {
            guard let field = FieldName(rawValue: name), let found = evidence.fields[field] else { continue }
            let related = ConfidenceFeatures.checks(for: field, in: independent)
            let input = FeatureInput(
                field: name, evidence: found, checks: related, documentType: evidence.documentType,
                pageQuality: evidence.pageQuality)
            let correct = FieldComparison.matches(
                found.value, expected, alternatives: label.alternatives[name] ?? [], field: name)
            examples.append(CalibrationEvidence.Example(input: input, correct: correct))
        }
        for (index, item) in label.lineItems.enumerated() where index < evidence.lineItems.count {
            for (name, expected) in item {
                guard let column = LineItemFieldName(rawValue: name), let found = evidence.lineItems[index][column]
                else { continue }
                let key = "lineItem." + name
                let input = FeatureInput(
                    field: key, evidence: found,
                    checks: ConfidenceFeatures.lineChecks(for: column, in: processed.checks),
                    documentType: evidence.documentType, pageQuality: evidence.pageQuality)
                examples.append(
                    CalibrationEvidence.Example(
                        input: input, correct: FieldComparison.matches(found.value, expected, field: key)))
            }
        }
        return examples
    }
}
