import ArgumentParser
import Capture
import Foundation
import InvoiceModel
import Recognition

/// `invcap worker`: the child process `invcap serve` supervises. It reads file paths on standard input, one
/// per line, ingests each into the ledger and answers with one JSON line per file (`WorkerReply`).
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Ingest the files named on standard input, one JSON reply per line (run by invcap serve).",
        shouldDisplay: false)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var ocr: OCROptions
    @OptionGroup var scoring: ScoringOptions

    func run() async throws {
        let store = try ledger.open()
        let pipeline = try ocr.pipeline(scorer: try scoring.scorer(), fileCount: 1)
        let ingest = LedgerIngest(pipeline: pipeline, store: store)
        // For the supervision tests only: crash (as a C library might) on a file whose path contains this text.
        let crashOn = ProcessInfo.processInfo.environment["INVCAP_WORKER_CRASH_ON"].flatMap { $0.isEmpty ? nil : $0 }
        while let path = readLine(strippingNewline: true) {
            if let crashOn, path.contains(crashOn) { abort() }
            let reply: WorkerReply
            do {
                let (outcome, timings) = try await ingest.ingestTimed(path: path)
                reply = WorkerReply(outcome, timings: timings)
            } catch let error as RecognitionError {
                print(WorkerReply(status: .retry, message: error.description).line)
                fflush(nil)
                throw ExitCode(3)
            } catch {
                reply = WorkerReply(status: .retry, message: "\(error)")
            }
            print(reply.line)
            fflush(nil)
        }
    }
}
