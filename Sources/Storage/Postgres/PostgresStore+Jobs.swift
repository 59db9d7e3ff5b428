public import Foundation
public import InvoiceModel
import PostgresNIO

/// A file waiting in (or taken from) the work queue.
public struct QueueJob: Sendable, Hashable {
    /// The job's number.
    public var id: Int64
    /// SHA-256 of the file (its bytes are the blob of that name).
    public var sha256: String
    /// The file's name as received.
    public var fileName: String
    /// Attempts so far, this one included.
    public var attempts: Int
}

/// Where a job stands.
public struct JobState: Sendable, Hashable {
    /// queued, running, done or failed.
    public var state: String
    public var attempts: Int
    /// Why it failed (a DocumentError code, or worker-lost / worker-error).
    public var errorCode: String?
    public var errorMessage: String?
    /// The document it stored (or found already stored).
    public var documentID: Int64?
}

/// What `enqueue` did.
public enum Enqueued: Sendable, Hashable {
    /// A new job.
    case queued(job: Int64)
    /// The same file was received before, as this job (its state: queued, running, done or failed).
    case received(job: Int64, state: String)
}

/// Failures of the work queue.
public enum QueueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// This worker's lease on the job ended and another worker holds it now: its result is not stored.
    case leaseLost(job: Int64, worker: String)

    public var description: String {
        switch self {
        case .leaseLost(let job, let worker):
            return "job \(job): \(worker)'s lease ended and another worker took it; this result was dropped"
        }
    }
}

/// The work queue shared by every node: one job per received file, claimed with `SELECT … FOR UPDATE SKIP
/// LOCKED` (a worker never waits for, nor takes, a job another holds), kept by a lease its worker renews; a job
/// whose lease ran out is taken again by whichever worker asks next, until `maxAttempts`. A job is completed in
/// the same transaction that stores its document, and only by the worker holding it.
extension PostgresStore {
    /// Puts a received file on the queue (its bytes into the database), unless the same bytes were received
    /// before.
    public func enqueue(fileName: String, bytes: [UInt8], source: String) async throws -> Enqueued {
        let sha256 = Archive.sha256(of: bytes)
        return try await write { connection in
            let rows = PostgresRows(connection: connection, logger: logger)
            try await putBlob(bytes, sha256: sha256, rows)
            if let id = try await rows.one(
                """
                INSERT INTO jobs (sha256, file_name, source) VALUES (\(sha256), \(fileName), \(source))
                ON CONFLICT (sha256) DO NOTHING RETURNING id
                """, as: Int64.self)
            {
                return .queued(job: id)
            }
            for try await (id, state) in try await rows.run(
                "SELECT id, state FROM jobs WHERE sha256 = \(sha256)"
            ).decode((Int64, String).self) {
                return .received(job: id, state: state)
            }
            throw LedgerError.database(path: location, reason: "job for \(sha256) vanished")
        }
    }

    /// Takes the oldest job nobody holds (queued, or running with an expired lease) for `worker`, for `lease`.
    /// Jobs whose lease expired on their last allowed attempt are marked failed on the way.
    ///
    /// - Returns: the job, or `nil` when there is none to take.
    public func claim(worker: String, lease: Duration, maxAttempts: Int) async throws -> QueueJob? {
        let seconds = Self.seconds(lease)
        return try await write { connection in
            let rows = PostgresRows(connection: connection, logger: logger)
            try await rows.run(
                """
                UPDATE jobs SET state = 'failed', error_code = 'worker-lost', finished_at = now(),
                  error_message = 'the worker holding it stopped answering on each of ' || attempts || ' attempts',
                  lease_owner = NULL, lease_until = NULL
                WHERE id IN (SELECT id FROM jobs WHERE state = 'running' AND lease_until < now()
                  AND attempts >= \(maxAttempts) FOR UPDATE SKIP LOCKED)
                """)
            for try await (id, sha256, fileName, attempts) in try await rows.run(
                """
                UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = \(worker),
                  lease_until = now() + make_interval(secs => \(seconds)), started_at = now()
                WHERE id = (SELECT id FROM jobs
                  WHERE (state = 'queued' OR (state = 'running' AND lease_until < now())) AND attempts < \(maxAttempts)
                  ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
                RETURNING id, sha256, file_name, attempts
                """
            ).decode((Int64, String, String, Int).self) {
                return QueueJob(id: id, sha256: sha256, fileName: fileName, attempts: attempts)
            }
            return nil
        }
    }

    /// Extends `worker`'s lease on `job` (the heartbeat).
    ///
    /// - Returns: `false` when the job is no longer this worker's.
    public func renewLease(_ job: QueueJob, worker: String, lease: Duration) async throws -> Bool {
        try await write { connection in
            try await PostgresRows(connection: connection, logger: logger).one(
                """
                UPDATE jobs SET lease_until = now() + make_interval(secs => \(Self.seconds(lease)))
                WHERE id = \(job.id) AND state = 'running' AND lease_owner = \(worker) RETURNING id
                """, as: Int64.self) != nil
        }
    }

    /// Stores the job's document and marks the job done, in one transaction, if `worker` still holds it.
    ///
    /// - Throws: `QueueError.leaseLost` (nothing stored) when another worker has taken the job.
    public func complete(_ job: QueueJob, worker: String, storing new: NewDocument) async throws -> StoreOutcome {
        let written = try await write { connection in
            let rows = PostgresRows(connection: connection, logger: logger)
            try await holding(job, worker: worker, rows)
            let written = try await storing(new, actor: "pipeline", on: rows)
            let (id, outcome): (Int64, String) =
                switch written {
                case .inserted(let id): (id, "stored")
                case .existing(let id): (id, "already-stored")
                }
            try await finish(job, by: worker, document: id, outcome: outcome, rows)
            return written
        }
        return try await outcome(written)
    }

    /// Marks the job done without storing anything: its file is already document `id`.
    public func complete(_ job: QueueJob, worker: String, alreadyStoredAs id: Int64) async throws {
        try await write { connection in
            let rows = PostgresRows(connection: connection, logger: logger)
            try await holding(job, worker: worker, rows)
            try await finish(job, by: worker, document: id, outcome: "already-stored", rows)
        }
    }

    /// Ends `worker`'s attempt at `job` with an error: back on the queue when `retry` and attempts remain,
    /// else failed for good.
    public func fail(
        _ job: QueueJob, worker: String, code: String, message: String, retry: Bool, maxAttempts: Int
    ) async throws {
        try await write { connection in
            let rows = PostgresRows(connection: connection, logger: logger)
            try await holding(job, worker: worker, rows)
            if retry && job.attempts < maxAttempts {
                try await rows.run(
                    """
                    UPDATE jobs SET state = 'queued', lease_owner = NULL, lease_until = NULL, error_code = \(code),
                      error_message = \(message) WHERE id = \(job.id)
                    """)
            } else {
                try await rows.run(
                    """
                    UPDATE jobs SET state = 'failed', lease_owner = NULL, lease_until = NULL, error_code = \(code),
                      error_message = \(message), finished_at = now(), finished_by = \(worker) WHERE id = \(job.id)
                    """)
            }
        }
    }

    /// Where the jobs of these files (by SHA-256) stand.
    public func jobStates(sha256: [String]) async throws -> [String: JobState] {
        guard !sha256.isEmpty else { return [:] }
        return try await read { connection in
            var states: [String: JobState] = [:]
            for try await row in try await connection.query(
                """
                SELECT sha256, state, attempts, error_code, error_message, document_id FROM jobs
                WHERE sha256 = ANY(\(sha256))
                """, logger: logger
            ).decode((String, String, Int, String?, String?, Int64?).self) {
                states[row.0] = JobState(
                    state: row.1, attempts: row.2, errorCode: row.3, errorMessage: row.4, documentID: row.5)
            }
            return states
        }
    }

    /// How many jobs are in each state (queued, running, done, failed).
    public func queueCounts() async throws -> [String: Int] {
        try await stateCounts("jobs")
    }

    /// Locks the job's row and checks that `worker` holds it.
    private func holding(_ job: QueueJob, worker: String, _ rows: PostgresRows) async throws {
        let owner = try await rows.one(
            "SELECT lease_owner FROM jobs WHERE id = \(job.id) AND state = 'running' FOR UPDATE", as: String?.self)
        guard owner == worker else { throw QueueError.leaseLost(job: job.id, worker: worker) }
    }

    private func finish(
        _ job: QueueJob, by worker: String, document: Int64, outcome: String, _ rows: PostgresRows
    ) async throws {
        try await rows.run(
            """
            UPDATE jobs SET state = 'done', document_id = \(document), outcome = \(outcome), finished_at = now(),
              finished_by = \(worker), lease_owner = NULL, lease_until = NULL WHERE id = \(job.id)
            """)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
