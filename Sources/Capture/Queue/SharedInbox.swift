public import Foundation
public import Ingest
import InvoiceModel
public import Storage

/// A folder several nodes watch (a network share), with the folder contract of the single-machine watcher:
/// a settled file in `inbox/` is moved to `processing/` by one node (a rename: the others find it gone), put on
/// the PostgreSQL queue with its bytes, and moved on to `done/` once its job is done, or to `failed/` beside
/// `NAME.error.txt` once it has failed.
///
/// Any node moves files out of `processing/` (its jobs are in the shared database), so a node that dies leaves
/// nothing behind: a file it moved but had not queued yet is queued by the next node's pass (the queue holds
/// one job per file content, by SHA-256, so it is never queued twice).
public struct SharedInbox: Sendable {
    /// `inbox/`, `processing/`, `done/`, `failed/` under the shared folder.
    public let folders: InboxFolders
    /// The queue.
    public let store: PostgresStore
    /// Reads files within the size limits.
    public let loader: DocumentLoader
    /// This node's name (recorded as each job's source).
    public let node: String
    /// Where a line about each file goes.
    public let log: @Sendable (String) -> Void

    /// Creates the watcher.
    public init(
        folders: InboxFolders, store: PostgresStore, loader: DocumentLoader, node: String,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.folders = folders
        self.store = store
        self.loader = loader
        self.node = node
        self.log = log
    }

    /// Looks at the folders every `poll` until `stopping()`; an inbox file is taken once unchanged for `settle`.
    public func run(poll: Duration, settle: Duration, stopping: @escaping @Sendable () -> Bool) async {
        var tracker = InboxTracker<ContinuousClock.Instant>(settle: settle)
        var queued: [String: String] = [:]
        while !stopping() && !Task.isCancelled {
            for name in tracker.ready(in: folders.listInbox(), at: .now) where !stopping() {
                // Only the node whose rename succeeds queues the file.
                guard let taken = try? folders.take(name) else { continue }
                if let sha256 = await queue(taken) { queued[taken] = sha256 }
            }
            await settleProcessing(&queued)
            try? await Task.sleep(for: poll)
        }
    }

    /// Queues a file of `processing/`, or fails it when it cannot be read.
    ///
    /// - Returns: its SHA-256 once it is on the queue; `nil` when it failed, vanished, or the database cannot
    ///   be reached (it is tried again on the next pass).
    func queue(_ name: String) async -> String? {
        let read: (bytes: Data, sha256: String)
        do {
            read = try loader.readBytes(path: folders.processingPath(name))
        } catch {
            // Gone: another node has finished it. Otherwise it can never be read: failed/, saying why.
            guard error.code != .fileNotFound else { return nil }
            try? folders.fail(name, code: error.code.rawValue, message: error.message, attempts: 1, at: Date())
            log("\(name): failed: \(error)")
            return nil
        }
        do {
            let fileName = URL(fileURLWithPath: name).lastPathComponent
            switch try await store.enqueue(fileName: fileName, bytes: [UInt8](read.bytes), source: "inbox:\(node)") {
            case .queued(let job): log("\(name): queued as job \(job)")
            case .received: break
            }
            return read.sha256
        } catch {
            log("\(name): cannot queue it yet (\(error)); it stays in processing/")
            return nil
        }
    }

    /// Moves the files of `processing/` whose jobs have ended to `done/` or `failed/`, and queues those no node
    /// has queued (left by a node that died, or unknown to this one).
    func settleProcessing(_ queued: inout [String: String]) async {
        let present = Set(folders.listProcessing())
        queued = queued.filter { present.contains($0.key) }
        for name in present where queued[name] == nil {
            if let sha256 = await queue(name) { queued[name] = sha256 }
        }
        guard let states = try? await store.jobStates(sha256: Array(Set(queued.values))) else { return }
        for (name, sha256) in queued {
            guard let job = states[sha256] else { continue }
            switch job.state {
            case "done":
                try? folders.finish(name)
                queued[name] = nil
            case "failed":
                try? folders.fail(
                    name, code: job.errorCode ?? "failed", message: job.errorMessage ?? "", attempts: job.attempts,
                    at: Date())
                queued[name] = nil
            default:
                continue
            }
        }
    }
}
