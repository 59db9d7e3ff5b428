public import Foundation
public import InvoiceModel

/// What a worker process says about one file: one JSON object per line on its standard output.
public struct WorkerReply: Codable, Sendable, Hashable {
    /// The outcome.
    public enum Status: String, Codable, Sendable {
        /// Stored as document `id` in `state`.
        case stored
        /// The same file is already document `id`.
        case duplicateFile = "duplicate-file"
        /// The file cannot be read: a permanent failure with `code` and `message`.
        case failed
        /// Something outside the file failed (the ledger is locked, the disk is full): try again later.
        case retry
    }

    /// The outcome.
    public var status: Status
    /// The document's number, when stored or already there.
    public var id: Int64?
    /// `accepted` or `needs_review`, when stored.
    public var state: String?
    /// The error code, when failed.
    public var code: String?
    /// What went wrong, when failed or to retry.
    public var message: String?
    /// Milliseconds per stage (`read`, `decode`, `qr`, `preprocess`, `extract`, `score`, `store`).
    public var timingsMs: [String: Int]?

    /// Creates a reply.
    public init(status: Status, id: Int64? = nil, state: String? = nil, code: String? = nil, message: String? = nil) {
        self.status = status
        self.id = id
        self.state = state
        self.code = code
        self.message = message
    }

    /// The reply for an ingest outcome.
    public init(_ outcome: IngestOutcome, timings: StageTimings = StageTimings()) {
        switch outcome {
        case .stored(let document): self.init(status: .stored, id: document.id, state: document.state.rawValue)
        case .duplicateFile(_, let id): self.init(status: .duplicateFile, id: id)
        case .failed(_, let error): self.init(status: .failed, code: error.code.rawValue, message: error.message)
        }
        if !timings.stages.isEmpty {
            timingsMs = Dictionary(timings.stages, uniquingKeysWith: +)
        }
    }

    /// The reply as one line of JSON (no newline).
    public var line: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? #"{"status":"retry"}"#
    }

    /// Reads a reply line, or `nil` when it is not one.
    public static func parse(_ line: String) -> WorkerReply? {
        try? JSONDecoder().decode(WorkerReply.self, from: Data(line.utf8))
    }
}
