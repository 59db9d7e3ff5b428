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
            Every labelled field (and line-item field) of every document in the directories becomes one
            example: the evidence the extractor had (read confidence, source, agreement, checks, the kind of
            field) and whether the value matched the label. Prints the 5-fold cross-validated calibration
            error per directory (a document's fields stay in one fold), then writes the model fitted on all
            examples.

            Example:
              invcap calibrate .data/calibration ../shared/data/sroie-dev --out models/confidence.json
            """
    )

    @Argument(help: ArgumentHelp("Directories of labelled documents.", valueName: "dir"))
    var directories: [String] = []

    @Option(help: ArgumentHelp("Where to write the model.", valueName: "file"))
    var out: String = "models/confidence.json"

    @Option(help: "L2 penalty on the weights.")
    var penalty: Double = 1.0

    @OptionGroup var ocr: OCROptions

    func validate() throws {
        try LabelledFiles.validate(directories, missing: "give at least one directory of labelled documents")
    }

    func run() async throws {
        let pipeline = try ocr.pipeline(scorer: DocumentScorer(), fileCount: Int.max)
        var all: [LogisticFit.Example] = []
        var documentOfExample: [Int] = []
        var documentsRead = 0
        var sets: [(name: String, examples: [LogisticFit.Example])] = []
        for directory in directories {
            let documents = LabelledFiles.find(in: directory)
            var examples: [LogisticFit.Example] = []
            let progress = Progress(total: documents.count)
            try await OrderedRunner.run(documents, concurrency: pipeline.pool.size + 1) { document in
                (document, try await pipeline.processDetailed(path: document.path.path))
            } onResult: { index, result in
                progress.step(index: index, file: result.0.path.path)
                let found = Self.examples(result.1, label: result.0.label)
                examples += found
                documentOfExample += Array(repeating: documentsRead, count: found.count)
                documentsRead += 1
            }
            progress.finish()
            sets.append((directory, examples))
            all += examples
        }
        guard !all.isEmpty else {
            throw CLIError("no labelled field was read in \(directories.joined(separator: ", "))")
        }

        let validated = LogisticFit.crossValidated(all, groups: documentOfExample, penalty: penalty)
        // Cross-validated predictions, in the order the examples were pooled, split back per directory.
        var offset = 0
        var summary: [String: Double] = [:]
        for set in sets {
            let part = Array(validated[offset..<(offset + set.examples.count)])
            offset += set.examples.count
            let ece = LogisticFit.expectedCalibrationError(part)
            summary["ece:" + set.name] = (ece * 10000).rounded() / 10000
            print(String(format: "%@: %d fields, cross-validated ECE %.3f", set.name, set.examples.count, ece))
        }
        let overall = LogisticFit.expectedCalibrationError(validated)
        print(String(format: "all: %d fields, cross-validated ECE %.3f", all.count, overall))
        summary["ece"] = (overall * 10000).rounded() / 10000
        summary["fields"] = Double(all.count)

        let weights = LogisticFit.fit(all, penalty: penalty)
        for set in sets {
            let fitted = set.examples.map { (LogisticFit.probability(weights, $0.features), $0.correct) }
            print(
                String(
                    format: "%@: fitted model, in-sample ECE %.3f", set.name,
                    LogisticFit.expectedCalibrationError(fitted)))
        }
        let model = ConfidenceModel(
            features: ConfidenceFeatures.names, weights: weights.map { ($0 * 10000).rounded() / 10000 },
            provenance: "invcap calibrate \(directories.joined(separator: " ")) --penalty \(penalty)", fitted: summary)
        let url = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try model.encoded().write(to: url)
        print("wrote \(out)")
    }

    /// One example per labelled field the extractor produced evidence for.
    static func examples(_ processed: ProcessedDocument, label: DocumentLabel) -> [LogisticFit.Example] {
        guard let evidence = processed.evidence else { return [] }
        var examples: [LogisticFit.Example] = []
        for (name, expected) in label.fields {
            guard let field = FieldName(rawValue: name), let found = evidence.fields[field] else { continue }
            let related = ConfidenceFeatures.checks(for: field, of: evidence, in: processed.checks)
            let features = ConfidenceFeatures.vector(
                field: name, evidence: found, checks: related, documentType: evidence.documentType,
                pageQuality: evidence.pageQuality)
            let correct = FieldComparison.matches(
                found.value, expected, alternatives: label.alternatives[name] ?? [], field: name)
            examples.append((features, correct))
        }
        for (index, item) in label.lineItems.enumerated() where index < evidence.lineItems.count {
            for (name, expected) in item {
                guard let column = LineItemFieldName(rawValue: name), let found = evidence.lineItems[index][column]
                else { continue }
                let key = "lineItem." + name
                let features = ConfidenceFeatures.vector(
                    field: key, evidence: found,
                    checks: ConfidenceFeatures.lineChecks(for: column, in: processed.checks),
                    documentType: evidence.documentType,
                    pageQuality: evidence.pageQuality)
                examples.append((features, FieldComparison.matches(found.value, expected, field: key)))
            }
        }
        return examples
    }
}
