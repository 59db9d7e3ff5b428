public import Foundation
import Ingest
import Recognition

/// The unattended ingestion loop: watches `inbox/`, takes each file once it is stable, has a supervised worker
/// process ingest it, and files it under `done/` or `failed/`. Files found in `processing/` at the start (left by
/// a crash) are resumed first; the ledger's content hash makes a second ingestion of the same file a no-op.
///
/// - Important: an actor; `run()` returns when its task is cancelled, after the files in flight are finished.
public actor FolderService {
    /// The folders.
    public let folders: InboxFolders
    /// The workers, one file each at a time.
    public let workers: [WorkerProcess]
    /// How the service behaves.
    public let settings: Settings
    /// What happened so far.
    public private(set) var counters = Counters()
    private var tracker: InboxTracker<ContinuousClock.Instant>
    private var retries: RetrySchedule<ContinuousClock.Instant>
    private var queue: [String] = []
    private var busy: Set<String> = []
    private let log: @Sendable (String) -> Void

    /// How the service behaves.
    public struct Settings: Sendable {
        /// How long a file's size and time must stay the same before it is taken.
        public var settle: Duration
        /// How often the inbox is listed when polling (network shares), or `nil` to be woken by inotify.
        public var poll: Duration?
        /// With inotify: how often the inbox is listed anyway (events can be lost, e.g. on overflow).
        public var rescan: Duration
        /// Attempts per file before it goes to `failed/` (a worker crash counts as one).
        public var maxAttempts: Int
        /// Backoff after the first transient failure (doubling, at most a minute).
        public var firstRetryDelay: Duration

        /// Creates settings.
        public init(
            settle: Duration = .seconds(2), poll: Duration? = nil, rescan: Duration = .seconds(60),
            maxAttempts: Int = 3,
            firstRetryDelay: Duration = .seconds(2)
        ) {
            self.settle = settle
            self.poll = poll
            self.rescan = rescan
            self.maxAttempts = maxAttempts
            self.firstRetryDelay = firstRetryDelay
        }
    }

    /// Counts for the logs and `/metrics`.
    public struct Counters: Sendable, Hashable {
        /// Files moved to `done/` as newly stored documents, by state (`accepted`, `needs_review`).
        public var stored: [String: Int] = [:]
        /// Files moved to `done/` because the same file was already stored.
        public var duplicates = 0
        /// Files moved to `failed/`.
        public var failed = 0
        /// Attempts that will be retried.
        public var retries = 0
        /// Worker processes that died and were replaced.
        public var workerRestarts = 0
    }

    /// Creates the service.
    public init(
        folders: InboxFolders, workers: [WorkerProcess], settings: Settings = Settings(),
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.folders = folders
        self.workers = workers
        self.settings = settings
        self.log = log
        tracker = InboxTracker(settle: settings.settle)
        retries = RetrySchedule(
            maxAttempts: settings.maxAttempts, firstDelay: settings.firstRetryDelay, maxDelay: .seconds(60))
    }

    /// Files waiting: taken but not finished, plus those in the inbox not yet stable.
    public var queueDepth: Int { queue.count + busy.count + tracker.waiting }

    /// Runs until cancelled: one loop lists the inbox, one loop per worker takes the next due file. On
    /// cancellation no new file is started and the files in flight are finished.
    public func run() async {
        queue = folders.listProcessing()
        if !queue.isEmpty { log("resuming \(queue.count) files left in processing/") }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.scanLoop() }
            for worker in workers {
                group.addTask { await self.workLoop(worker) }
            }
            await group.waitForAll()
        }
    }

    /// Lists the inbox when inotify says something changed, when a waiting file may have settled, and every
    /// `rescan`; or, when polling, every `poll`. Queues the files that became stable.
    private func scanLoop() async {
        var events: DirectoryEvents?
        if settings.poll == nil {
            do {
                events = try DirectoryEvents(folder: folders.inbox.path)
            } catch {
                log("\(error); polling every second instead")
            }
        }
        while !Task.isCancelled {
            scanInbox()
            guard let events else {
                try? await Task.sleep(for: settings.poll ?? .seconds(1))
                continue
            }
            if folders.recursive {
                for folder in folders.inboxSubfolders() { try? events.watch(folder) }
            }
            var wait = settings.rescan
            if let deadline = tracker.nextDeadline {
                wait = min(wait, max(.milliseconds(10), ContinuousClock.now.duration(to: deadline)))
            }
            await Self.waitForEvents(events, upTo: wait)
        }
    }

    /// Waits for an inotify event or `limit`, in short slices so a shutdown is noticed quickly.
    private static func waitForEvents(_ events: DirectoryEvents, upTo limit: Duration) async {
        var remaining = limit
        while remaining > .zero, !Task.isCancelled {
            let slice = min(remaining, .milliseconds(250))
            if await EnginePool.runOnThread({ events.wait(timeout: slice) }) { return }
            remaining -= slice
        }
    }

    /// The error code of a file that could not be read (busy, permissions): retried, not failed at once.
    static let busyFileCode = "unreadable-file"

    /// Takes the inbox files that have stayed the same for the settle time.
    public func scanInbox() {
        defer { ServiceMetrics.queueDepth(queueDepth) }
        for name in tracker.ready(in: folders.listInbox(), at: ContinuousClock.now) {
            do {
                queue.append(try folders.take(name))
            } catch {
                log("cannot take \(name): \(error)")
            }
        }
    }

    /// Has `worker` ingest one due file after another until cancelled.
    private func workLoop(_ worker: WorkerProcess) async {
        while !Task.isCancelled {
            guard let name = nextDue(at: ContinuousClock.now) else {
                try? await Task.sleep(for: Self.idleTick)
                continue
            }
            await process(name, with: worker)
        }
    }

    /// How often an idle worker looks for work.
    static let idleTick = Duration.milliseconds(100)

    private func nextDue(at now: ContinuousClock.Instant) -> String? {
        guard let index = queue.firstIndex(where: { retries.isDue($0, at: now) }) else { return nil }
        let name = queue.remove(at: index)
        busy.insert(name)
        return name
    }

    private func process(_ name: String, with worker: WorkerProcess) async {
        let started = Stopwatch()
        let outcome: Result<WorkerReply, WorkerProcess.Failure>
        do {
            outcome = .success(try await worker.ingest(folders.processingPath(name)))
        } catch {
            outcome = .failure(error)
        }
        finish(name, outcome, milliseconds: started.milliseconds)
    }

    private func finish(_ name: String, _ outcome: Result<WorkerReply, WorkerProcess.Failure>, milliseconds: Int) {
        busy.remove(name)
        ServiceMetrics.stage("total", milliseconds: milliseconds)
        if case .success(let reply) = outcome {
            for (stage, milliseconds) in reply.timingsMs ?? [:] {
                ServiceMetrics.stage(stage, milliseconds: milliseconds)
            }
        }
        defer { ServiceMetrics.queueDepth(queueDepth) }
        do {
            switch outcome {
            case .success(let reply) where reply.status == .stored:
                try folders.finish(name)
                retries.succeeded(name)
                counters.stored[reply.state ?? "stored", default: 0] += 1
                ServiceMetrics.document(reply.state ?? "stored")
                log("\(name): stored as #\(reply.id ?? 0) (\(reply.state ?? ""))")
            case .success(let reply) where reply.status == .duplicateFile:
                try folders.finish(name)
                retries.succeeded(name)
                counters.duplicates += 1
                ServiceMetrics.document("duplicate")
                log("\(name): already stored as #\(reply.id ?? 0)")
            case .success(let reply) where reply.status == .failed && reply.code == Self.busyFileCode:
                // Busy or not yet readable (a share still holding it, permissions being set): try again.
                try retry(name, code: Self.busyFileCode, message: reply.message ?? "the file cannot be read yet")
            case .success(let reply) where reply.status == .failed:
                try folders.fail(
                    name, code: reply.code ?? "failed", message: reply.message ?? "",
                    attempts: retries.attempts(name) + 1,
                    at: Date())
                retries.succeeded(name)
                counters.failed += 1
                ServiceMetrics.document("failed")
                log("\(name): failed: \(reply.code ?? "") \(reply.message ?? "")")
            case .success(let reply):
                try retry(name, code: "transient-failure", message: reply.message ?? "the worker asked to retry")
            case .failure(let failure):
                counters.workerRestarts += 1
                ServiceMetrics.workerRestart()
                try retry(name, code: "worker-crashed", message: failure.description)
            }
        } catch {
            log("\(name): \(error); it stays in processing/ and is resumed at the next start")
        }
    }

    private func retry(_ name: String, code: String, message: String) throws {
        switch retries.failed(name, at: ContinuousClock.now) {
        case .retry(let delay, let attempt):
            counters.retries += 1
            ServiceMetrics.document("retried")
            queue.append(name)
            log("\(name): attempt \(attempt) failed (\(message)); retrying in \(delay)")
        case .giveUp(let attempts):
            try folders.fail(name, code: code, message: message, attempts: attempts, at: Date())
            counters.failed += 1
            ServiceMetrics.document("failed")
            log("\(name): failed after \(attempts) attempts: \(message)")
        }
    }
}
