import ArgumentParser
import Capture
import Extraction
import Foundation
import Ingest
import Recognition

/// Options shared by every command that runs OCR.
struct OCROptions: ParsableArguments {
    @Option(name: .long, help: "Tesseract languages joined with '+'.")
    var lang = "chi_sim+eng"

    @Option(
        help: ArgumentHelp(
            "Directory of .traineddata models (default: $TESSDATA_PREFIX, then the system's).",
            valueName: "dir"))
    var tessdata: String?

    @Option(help: "OCR workers running in parallel (default: one per core).")
    var jobs: Int?

    @Option(help: "Refuse pages larger than this many megapixels (decompression-bomb guard).")
    var maxMegapixels: Double = 80

    func validate() throws {
        let pattern = /^[A-Za-z_]+(\+[A-Za-z_]+)*$/
        guard lang.wholeMatch(of: pattern) != nil else {
            throw ValidationError("--lang '\(lang)' is not a language list; write it like chi_sim+eng")
        }
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs must be at least 1 (it is \(jobs))")
        }
        guard maxMegapixels > 0 else {
            throw ValidationError("--max-megapixels must be positive, e.g. --max-megapixels 80")
        }
        if let tessdata, !FileManager.default.fileExists(atPath: tessdata) {
            throw ValidationError("--tessdata \(tessdata) does not exist")
        }
        // A language that is not installed is a usage error when the models can be found at all.
        if let located = try? Tessdata.locate(explicitPath: tessdata), located.hasModels {
            do {
                try located.validate(languages: lang)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    /// Workers to use.
    var workerCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    /// Ingest limits from these options.
    var limits: IngestLimits {
        var limits = IngestLimits.default
        limits.maxPixelsPerPage = Int(maxMegapixels * 1_000_000)
        return limits
    }

    /// A pipeline with these options: models located, one worker per core (at most one per file).
    ///
    /// - Throws: `CLIError` when the Tesseract models cannot be found.
    func pipeline(scorer: DocumentScorer, fileCount: Int) throws -> RecognitionPipeline {
        let tessdata: Tessdata
        do {
            tessdata = try Tessdata.locate(explicitPath: self.tessdata)
        } catch {
            throw CLIError(error.description)
        }
        let pool = EnginePool(size: max(1, min(workerCount, fileCount)), languages: lang, tessdata: tessdata)
        return RecognitionPipeline(loader: DocumentLoader(limits: limits), pool: pool, scorer: scorer)
    }
}
