import ArgumentParser
import Foundation

/// The root command.
struct Invcap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invcap",
        abstract: "InvoiceCapture: read invoices and receipts into verified records.",
        discussion: """
            Examples:
              invcap recognize scan.jpg
              invcap recognize --json scans/*.png > results.jsonl
              invcap ingest scans/           # store; flagged documents wait for review
              invcap review list
              invcap doctor
            """,
        version: "0.1.0",
        subcommands: [
            Recognize.self, IngestCommand.self, ServeCommand.self, WorkerCommand.self, EnqueueCommand.self, ReviewCommand.self,
            AuditCommand.self, UserCommand.self,
            ExportCommand.self, ReconcileCommand.self, BackupCommand.self, RestoreCommand.self, Eval.self,
            Calibrate.self, Inspect.self, Doctor.self,
        ]
    )

    /// Parses the command line, runs the command and exits with CONTRACT.md's statuses:
    /// 0 success, 1 when any file failed, 2 for a usage error.
    static func runMain() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}

/// The process exit statuses of CONTRACT.md.
enum ExitStatus {
    static let success: Int32 = 0
    static let someFilesFailed: Int32 = 1
    static let usage: Int32 = 2
}
