public import Foundation
import Ingest
public import InvoiceModel
public import Storage

/// A node working the PostgreSQL queue: `concurrency` loops, each claiming a job, recognising its file and
/// storing the document in the transaction that completes the job, while a heartbeat renews the lease.
///
/// A worker that dies (kill -9, a crash in a C library, a lost machine) stops renewing its leases; each of its
/// jobs is taken by another worker once the lease runs out, and after `maxAttempts` such losses it is failed.
public struct QueueWorker: Sendable {
    /// How a worker behaves.
    public struct Settings: Sendable {
        /// This worker's name in the queue (host and process by default).
        public var name: String
        /// How long a claim lasts without a heartbeat.
        public var lease: Duration
        /// Attempts per job before it fails for good.
        public var maxAttempts: Int
        /// How long to wait before asking again when the queue is empty.
        public var idlePoll: Duration

        /// Creates settings.
        public init(
            name: String, lease: Duration = .seconds(30), maxAttempts: Int = 3, idlePoll: Duration = .milliseconds(500)
        ) {
            self.name = name
            self.lease = lease
            self.maxAttempts = maxAttempts
            self.idlePoll = idlePoll
        }
    }

    /// Recognition (its store is not used: documents are stored through the queue).
    public let ingest: LedgerIngest
    /// The shared ledger and queue.
    public let store: PostgresStore
    public let settings: Settings
    /// Where a line about each job goes.
    public let log: @Sendable (String) -> Void

    /// Creates a worker.
    public init(
        ingest: LedgerIngest, store: PostgresStore, settings: Settings, log: @escaping @Sendable (String) -> Void
    ) {
        self.ingest = ingest
        self.store = store
        self.settings = settings
        self.log = log
    }

    /// Runs `concurrency` loops until `stopping()` says so; each finishes the job it holds first.
    public func run(concurrency: Int, stopping: @escaping @Sendable () -> Bool) async {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<max(1, concurrency) {
                group.addTask { await loop(stopping: stopping) }
            }
        }
    }

    private func loop(stopping: @Sendable () -> Bool) async {
        while !stopping() && !Task.isCancelled {
            do {
                let claiming = Stopwatch()
                guard
                    let job = try await store.claim(
                        worker: settings.name, lease: settings.lease, maxAttempts: settings.maxAttempts)
                else {
                    try? await Task.sleep(for: settings.idlePoll)
                    continue
                }
                await work(job, claimed: claiming.exactMilliseconds)
            } catch {
                log("queue: \(error); asking again in \(settings.idlePoll)")
                try? await Task.sleep(for: max(settings.idlePoll, .seconds(1)))
            }
        }
    }

    /// Processes one claimed job (claimed in `claimed` milliseconds) with a heartbeat beside it.
    func work(_ job: QueueJob, claimed: Double) async {
        let heartbeat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: settings.lease / 3)
                if Task.isCancelled { return }
                let held = try? await store.renewLease(job, worker: settings.name, lease: settings.lease)
                if held == false { return }
            }
        }
        defer { heartbeat.cancel() }
        do {
            var spent = JobTimes(claim: claimed)
            let line = try await process(job, &spent)
            log("job \(job.id) \(job.fileName): \(line) (\(spent))")
        } catch let error as QueueError {
            log(error.description)
        } catch {
            // The ledger or recognition failed (not the file): give the job back for another attempt.
            log("job \(job.id) \(job.fileName): \(error); back on the queue")
            try? await store.fail(
                job, worker: settings.name, code: "worker-error", message: "\(error)", retry: true,
                maxAttempts: settings.maxAttempts)
        }
    }

    private func process(_ job: QueueJob, _ spent: inout JobTimes) async throws -> String {
        let fetching = Stopwatch()
        if let existing = try await store.documentID(sha256: job.sha256) {
            try await store.complete(job, worker: settings.name, alreadyStoredAs: existing)
            return "already stored as #\(existing)"
        }
        let bytes = try await store.blob(job.sha256)
        spent.fetch = fetching.exactMilliseconds
        let read = FileRead((Data(bytes), job.sha256), milliseconds: 0)
        var timings = StageTimings()
        let recognising = Stopwatch()
        let made = try await ingest.newDocument(path: job.fileName, read: read, timings: &timings)
        spent.recognition = recognising.exactMilliseconds
        let completing = Stopwatch()
        defer { spent.complete = completing.exactMilliseconds }
        switch made {
        case .failure(let error):
            try await store.fail(
                job, worker: settings.name, code: error.code.rawValue, message: error.message, retry: false,
                maxAttempts: settings.maxAttempts)
            return "failed: \(error.code.rawValue): \(error.message)"
        case .success(let new):
            switch try await store.complete(job, worker: settings.name, storing: new) {
            case .stored(let document): return "#\(document.id) \(document.state.rawValue)"
            case .duplicateFile(let id): return "already stored as #\(id)"
            }
        }
    }
}

/// Where one job's time went, in milliseconds: the queue's part (claim, fetching the file, completing the job
/// with its document) and recognition's.
struct JobTimes: CustomStringConvertible {
    var claim: Double
    var fetch = 0.0
    var recognition = 0.0
    var complete = 0.0

    var description: String {
        let queue = claim + fetch + complete
        func ms(_ value: Double) -> String { String(format: "%.1f", value) }
        return
            "queue \(ms(queue)) ms: claim \(ms(claim)), fetch \(ms(fetch)), store+complete \(ms(complete)); recognition \(ms(recognition)) ms"
    }
}
