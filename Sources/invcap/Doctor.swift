import ArgumentParser
import CTesseract
import Extraction
import Foundation
import InvoiceModel
import Recognition

/// `invcap doctor`: what this installation runs with (models, languages, OpenMP), to diagnose set-up problems.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the OCR set-up: library versions, models, languages and the OpenMP thread limit.",
        discussion: """
            The OpenMP line shows the limit the loaded runtime applies (it should be 1: invcap restarts \
            itself with OMP_THREAD_LIMIT=1 unless you set the variable yourself).

            Examples:
              invcap doctor
              invcap doctor --json
            """
    )

    @Flag(help: "Print the report as one JSON object.")
    var json = false

    @Option(help: ArgumentHelp("Directory of .traineddata models to inspect.", valueName: "dir"))
    var tessdata: String?

    func run() throws {
        let located = try? Tessdata.locate(explicitPath: tessdata)
        let models = ModelDirectory.locate()
        let modelStatus: String
        do {
            let scorer = try ModelDirectory.scorer(from: models)
            modelStatus = "\(models?.path ?? "built-in") (\(scorer.model.provenance ?? "no provenance"))"
        } catch {
            modelStatus = "unusable: \(error)"
        }
        let lineProblem = LineRecognizerStatus.problem()
        let lineStatus =
            lineProblem.map { "not used: \($0)" }
            ?? "PP-OCRv4 line model on ONNX Runtime (\(LineRecognizerFiles.locate()?.model.deletingLastPathComponent().path ?? ""))"
        let report: JSONValue = .object([
            ("tesseract", .string(String(cString: TessVersion()))),
            ("leptonica", .string(leptonicaVersion())),
            ("tessdata", located.map { .string($0.path) } ?? .null),
            ("languages", .array((located?.availableLanguages ?? []).map(JSONValue.string))),
            ("cores", .int(ProcessInfo.processInfo.activeProcessorCount)),
            ("models", .string(modelStatus)),
            ("lineRecognizer", .string(lineStatus)),
            (
                "openmp",
                .object([
                    ("environment", OpenMPStatus.environmentValue.map(JSONValue.string) ?? .null),
                    ("threadLimit", OpenMPStatus.runtimeThreadLimit.map(JSONValue.int) ?? .null),
                    ("restartedWithLimit", .bool(OpenMPLaunch.didReexecute)),
                ])
            ),
        ])
        if json {
            Swift.print(report.serialized())
            return
        }
        Swift.print("Tesseract   \(String(cString: TessVersion())) (\(leptonicaVersion()))")
        Swift.print("tessdata    \(located?.path ?? "not found — install tesseract-ocr-chi-sim tesseract-ocr-eng")")
        Swift.print("languages   \((located?.availableLanguages ?? []).joined(separator: ", "))")
        Swift.print("cores       \(ProcessInfo.processInfo.activeProcessorCount)")
        Swift.print("models      \(modelStatus)")
        Swift.print("lines       \(lineStatus)")
        let limit = OpenMPStatus.runtimeThreadLimit.map(String.init) ?? "no OpenMP runtime loaded"
        Swift.print(
            "OpenMP      thread limit \(limit) (OMP_THREAD_LIMIT=\(OpenMPStatus.environmentValue ?? "unset")"
                + (OpenMPLaunch.didReexecute ? ", set by invcap at start-up)" : ")"))
    }

    private func leptonicaVersion() -> String {
        guard let version = getLeptonicaVersion() else { return "leptonica" }
        defer { lept_free(version) }
        return String(cString: version)
    }
}
