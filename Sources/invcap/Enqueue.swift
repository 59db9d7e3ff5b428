import ArgumentParser
import Capture
import Foundation
import Ingest
import InvoiceModel
import Storage

/// `invcap enqueue FILE|DIR... --database postgres://…`: put files on the shared queue for the workers.
struct EnqueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enqueue",
        abstract: "Put files on the shared PostgreSQL queue for invcap worker to recognise.",
        discussion: """
            Each file's bytes go into the database with its job, so the workers need no access to this machine's \
            files. A file already received (the same bytes) is reported, not queued again. Directories are read \
            recursively (hidden and temporary files are skipped). Exit status 1 when a file cannot be read.

            Example:
              invcap enqueue scans/ --database postgres://invcap@db.internal/invcap
            """)

    @Argument(help: ArgumentHelp("Files or directories of invoices.", valueName: "file-or-dir"))
    var inputs: [String] = []
    @OptionGroup var ledger: LedgerOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give files or directories, e.g. invcap enqueue scans/") }
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            throw ValidationError("\(input) does not exist")
        }
    }

    func run() async throws {
        let files = InputFiles.expand(inputs)
        guard !files.isEmpty else { throw CLIError("no files found in \(inputs.joined(separator: ", "))") }
        guard let queue = try await ledger.open() as? PostgresStore else {
            throw CLIError(
                "the queue lives in a PostgreSQL ledger: give --database postgres://… (or use invcap ingest)")
        }
        let loader = DocumentLoader(limits: .default)
        var (queued, received, failed) = (0, 0, 0)
        for path in files {
            do {
                let bytes = try loader.readBytes(path: path).bytes
                let name = URL(fileURLWithPath: path).lastPathComponent
                switch try await ledgerAction({
                    try await queue.enqueue(fileName: name, bytes: [UInt8](bytes), source: "cli")
                }) {
                case .queued(let job):
                    queued += 1
                    print("\(path): queued as job \(job)")
                case .received(let job, let state):
                    received += 1
                    print("\(path): received before as job \(job) (\(state))")
                }
            } catch let error as DocumentError {
                failed += 1
                print("\(path): failed: \(error)")
            }
        }
        FileHandle.standardError.write(
            Data("\(queued) queued, \(received) received before, \(failed) failed on \(queue.location)\n".utf8))
        if failed > 0 { throw ExitCode(1) }
    }
}
