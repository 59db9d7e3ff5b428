import ArgumentParser
import Capture
import Foundation
import Ingest
import InvoiceModel
import Logging
import Recognition
import Storage
import UnixSignals

/// `invcap worker`: a node working the shared PostgreSQL queue (`--database postgres://…`), or, with an SQLite
/// ledger, the child process `invcap serve` supervises (file paths on standard input, one JSON reply per line).
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Work the shared PostgreSQL queue: recognise queued files and store their documents.",
        discussion: """
            Run one on every machine that should recognise invoices, all with the same --database \
            postgres://… URL. Files reach the queue by upload (POST /api/v1/documents on invcap serve) or through a \
            shared folder: with --inbox FOLDER a worker also watches FOLDER/inbox/ (a network share every node \
            mounts), queues each settled file with its bytes and moves it to FOLDER/done/ (unreadable ones to \
            FOLDER/failed/ with NAME.error.txt). Any number of workers may watch the same folder: a file is queued \
            once, by its SHA-256.

            Each of --jobs loops claims the oldest free job (SELECT … FOR UPDATE SKIP LOCKED), holds it with a \
            lease of --lease seconds renewed every third of it, and stores the document in the transaction that \
            completes the job. A worker killed mid-job (even kill -9) stops renewing: once the lease runs out \
            another worker takes the job. After --max-attempts such losses the job fails (worker-lost). \
            SIGTERM or Ctrl-C: no new job is claimed, the ones in hand are finished.

            With an SQLite --database, invcap serve runs this command as its supervised child (paths on standard \
            input, JSON replies); there is nothing to run by hand then.

            Examples:
              invcap worker --database postgres://invcap:secret@db.internal/invcap
              invcap worker --database postgres://db.internal/invcap --inbox /mnt/scans
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var ocr: OCROptions
    @OptionGroup var scoring: ScoringOptions
    @Option(
        help: ArgumentHelp("A shared folder holding inbox/ to watch as well (PostgreSQL only).", valueName: "folder"))
    var inbox: String?
    @Option(help: "Seconds a claim lasts without a heartbeat (default 30).") var lease: Double = 30
    @Option(help: "Attempts per job before it fails for good (default 3).") var maxAttempts: Int = 3
    @Option(help: "This worker's name in the queue (default: HOST:PID).") var name: String?
    @Option(help: "Seconds between looks at the shared inbox (default 2).") var poll: Double = 2
    @Option(help: "Seconds a shared-inbox file must stay unchanged before it is queued (default 2).")
    var settle: Double = 2

    func validate() throws {
        guard lease >= 3 else { throw ValidationError("--lease must be at least 3 seconds") }
        guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1") }
        guard poll > 0, settle >= 0 else { throw ValidationError("--poll must be positive and --settle not negative") }
    }

    func run() async throws {
        let store = try await ledger.open()
        let pipeline = try ocr.pipeline(scorer: try scoring.scorer(), fileCount: Int.max)
        let ingest = LedgerIngest(pipeline: pipeline, store: store)
        guard let queue = store as? PostgresStore else {
            if inbox != nil { throw CLIError("--inbox needs a PostgreSQL --database (postgres://…)") }
            if isatty(STDIN_FILENO) != 0 {
                throw CLIError(
                    "with an SQLite ledger invcap serve runs its workers itself; invcap worker by hand needs --database postgres://…"
                )
            }
            try await StdioWorker(ingest: ingest).run()
            return
        }
        signal(SIGPIPE, SIG_IGN)
        let node = name ?? "\(ProcessInfo.processInfo.hostName):\(getpid())"
        let log: @Sendable (String) -> Void = { line in
            FileHandle.standardError.write(Data("\(node) \(line)\n".utf8))
        }
        let settings = QueueWorker.Settings(
            name: node, lease: .milliseconds(Int(lease * 1000)), maxAttempts: maxAttempts)
        let worker = QueueWorker(ingest: ingest, store: queue, settings: settings, log: log)
        var shared: SharedInbox?
        if let inbox {
            do {
                let folders = try InboxFolders(root: URL(fileURLWithPath: inbox))
                shared = SharedInbox(folders: folders, store: queue, loader: pipeline.loader, node: node, log: log)
            } catch {
                throw CLIError(error.description)
            }
        }
        let jobs = ocr.workerCount
        log("working the queue on \(queue.location) with \(jobs) jobs\(inbox.map { ", watching \($0)/inbox" } ?? "")")
        let stop = StopFlag()
        let (poll, settle) = (Duration.milliseconds(Int(poll * 1000)), Duration.milliseconds(Int(settle * 1000)))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                // SIGTERM/SIGINT: stop claiming, finish what is in hand.
                for await _ in await UnixSignalsSequence(trapping: .sigterm, .sigint) {
                    log("stopping: finishing the jobs in hand")
                    stop.raise()
                    return
                }
            }
            group.addTask { await worker.run(concurrency: jobs, stopping: { stop.isRaised }) }
            if let shared {
                group.addTask { await shared.run(poll: poll, settle: settle, stopping: { stop.isRaised }) }
            }
        }
        queue.close()
        log("stopped")
    }
}

/// The child of `invcap serve` on an SQLite ledger: reads file paths on standard input, one per line, ingests
/// each and answers with one JSON line per file (`WorkerReply`).
struct StdioWorker {
    let ingest: LedgerIngest

    func run() async throws {
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
