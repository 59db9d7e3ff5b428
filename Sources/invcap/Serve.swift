import ArgumentParser
import Capture
import Foundation
import InvoiceModel
import Storage

#if canImport(Glibc)
    import Glibc
#endif

/// `invcap serve`: the unattended folder watcher with supervised worker processes.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Watch a folder and ingest every file dropped into its inbox/, unattended.",
        discussion: """
            FOLDER holds inbox/ (drop files here), processing/, done/ and failed/ (each failed file with
            NAME.error.txt saying why). A file is taken once its size and time have not changed for --settle
            seconds; junk and temporary files (.DS_Store, ._*, Thumbs.db, @eaDir, ~$*, *.part, *.tmp,
            dot-files) are left alone. Recognition runs in --workers child processes: a crash inside a C
            library costs one attempt at that file, never the service; after --max-attempts the file goes to
            failed/. Killed at any moment (even kill -9) and started again, it resumes processing/ and stores
            nothing twice. SIGTERM or Ctrl-C: no new file is started, the ones in flight are finished.

            Examples:
              invcap serve                          # ./inbox, the default ledger
              invcap serve /srv/scans --database /srv/ledger.sqlite --workers 2
              invcap serve /mnt/share --poll 10     # a network share: look every 10 s
            """)

    @Argument(help: ArgumentHelp("The folder holding inbox/, processing/, done/, failed/.", valueName: "folder"))
    var folder = "."
    @Option(help: "Worker processes (default: one per core).") var workers: Int?
    @Option(help: "Seconds between looks at the inbox.") var poll: Double = 1
    @Option(help: "Seconds a file's size and time must stay the same before it is taken.") var settle: Double = 2
    @Option(help: "Attempts per file (a worker crash counts as one) before it goes to failed/.") var maxAttempts = 3
    @Flag(help: "Also take files in folders under inbox/.") var recursive = false
    @Option(help: "Directory with confidence.json and review-policy.json (default: the shipped models/).")
    var models: String?
    @Option(help: "Tesseract languages joined with '+'.") var lang = "chi_sim+eng"
    @OptionGroup var ledger: LedgerOptions

    func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
        guard poll > 0, settle >= 0 else { throw ValidationError("--poll must be positive and --settle not negative") }
        guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1") }
    }

    func run() async throws {
        signal(SIGPIPE, SIG_IGN)
        let store = try ledger.open()
        let folders: InboxFolders
        do {
            folders = try InboxFolders(root: URL(fileURLWithPath: folder), recursive: recursive)
        } catch {
            throw CLIError(error.description)
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var arguments = ["worker", "--database", store.path, "--jobs", "1", "--lang", lang]
        if let models { arguments += ["--models", models] }
        let count = workers ?? ProcessInfo.processInfo.activeProcessorCount
        let pool = (0..<count).map { _ in
            WorkerProcess(executable: executable, arguments: arguments, environment: ["OMP_THREAD_LIMIT": "1"])
        }
        let settings = FolderService.Settings(
            settle: .milliseconds(Int(settle * 1000)), poll: .milliseconds(Int(poll * 1000)), maxAttempts: maxAttempts)
        let service = FolderService(folders: folders, workers: pool, settings: settings, log: ServeLog.write)
        ServeLog.write("watching \(folders.inbox.path) with \(count) workers; ledger \(store.path)")

        let task = Task { await service.run() }
        let stop = SignalStop { task.cancel() }
        await task.value
        stop.cancel()
        for worker in pool { await worker.stop() }
        let counters = await service.counters
        ServeLog.write(
            "stopped: \(counters.stored.values.reduce(0, +)) stored, \(counters.duplicates) already stored, \(counters.failed) failed, \(counters.workerRestarts) worker restarts"
        )
    }
}

/// Cancels the service on SIGTERM or SIGINT.
final class SignalStop: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    init(_ stop: @escaping @Sendable () -> Void) {
        sources = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                ServeLog.write("signal \(number): finishing the files in flight, then stopping")
                stop()
            }
            source.resume()
            return source
        }
    }

    func cancel() { sources.forEach { $0.cancel() } }
}

/// The service's log lines on standard error, with the time.
enum ServeLog {
    @Sendable static func write(_ message: String) {
        FileHandle.standardError.write(Data("\(Date().formatted(.iso8601)) \(message)\n".utf8))
    }
}
