import ArgumentParser
import Capture
import Foundation
import Ingest
import InvoiceModel
import Recognition

/// `invcap recognize FILE...`: OCR each file and print the contract's JSON or a readable summary.
struct Recognize: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recognise invoices (images, PDF, OFD) and print what was read.",
        discussion: """
            Files are read in parallel (one OCR worker per core) and reported in the order given. \
            The format is detected from the bytes, not the name. PDFs are read from their text layer and \
            OFDs from their embedded data, without OCR; scanned PDFs are rendered and read like images. \
            Exit status: 0 when every file was read, 1 when any file failed (its report says why), 2 for a \
            usage error.

            Examples:
              invcap recognize scan.jpg
              invcap recognize e-invoice.pdf invoice.ofd
              invcap recognize --json inbox/*.png > results.jsonl
              invcap recognize --json --words --lang eng receipt.jpg
            """
    )

    @Argument(
        help: ArgumentHelp("Invoice files: PDF, OFD, PNG, JPEG, TIFF (every page), BMP, WebP, GIF.", valueName: "file"))
    var files: [String] = []

    @Flag(help: "Print one JSON object per file (JSON Lines, CONTRACT.md).")
    var json = false

    @Flag(help: "Include every OCR word with its confidence and box.")
    var words = false

    @OptionGroup var ocr: OCROptions
    @OptionGroup var scoring: ScoringOptions

    func validate() throws {
        guard !files.isEmpty else {
            throw ValidationError("give at least one file, e.g. invcap recognize scan.jpg")
        }
    }

    func run() async throws {
        let pipeline = try ocr.pipeline(scorer: try scoring.scorer(), fileCount: files.count)
        let printer = ReportPrinter(json: json, words: words)
        let progress = Progress(total: files.count)

        var failed = 0
        do {
            try await OrderedRunner.run(files, concurrency: pipeline.pool.size + 1) { path in
                let stopwatch = ContinuousClock.now
                let report = try await pipeline.process(path: path)
                return (report, (ContinuousClock.now - stopwatch).milliseconds)
            } onResult: { index, result in
                let (report, milliseconds) = result
                progress.step(index: index, file: report.file)
                if !report.isSuccess { failed += 1 }
                printer.print(report, totalMilliseconds: milliseconds)
            }
        } catch let error as RecognitionError {
            throw CLIError(error.description)
        }
        progress.finish()
        if !json { printer.printTotals(files: files.count, failed: failed) }
        if failed > 0 { throw ExitCode(ExitStatus.someFilesFailed) }
    }
}

extension Duration {
    /// Whole milliseconds.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}

/// An error that ends the command with a message on stderr and exit status 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
