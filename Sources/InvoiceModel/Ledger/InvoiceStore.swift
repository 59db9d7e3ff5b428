public import Foundation

/// The ledger: documents, their fields and checks, review state, people, and the audit trail.
///
/// Implemented over SQLite (the embedded default) and later PostgreSQL. Every method is one transaction;
/// a document is either stored whole or not at all.
///
/// - Important: implementations are safe to share between tasks and processes: the database serialises writers.
public protocol InvoiceStore: Sendable {
    /// Stores a newly recognised document, unless the same file is already stored.
    ///
    /// The business key is compared with the ledger inside the same transaction: a document repeating an
    /// invoice already stored goes to review with "duplicate of #N (该发票已存在)". A red-letter invoice whose
    /// remarks name an original in the ledger is linked to it. The original file and page images are
    /// archived before the record is committed.
    ///
    /// - Parameters:
    ///   - document: what the pipeline produced.
    ///   - actor: who stores it (`pipeline`).
    /// - Returns: the stored document, or the document the same file was stored as.
    func store(_ document: NewDocument, actor: String) async throws -> StoreOutcome

    /// The number of the document stored from the file with this SHA-256, or `nil`.
    func documentID(sha256: String) async throws -> Int64?

    /// The oldest document, other than `id` and not rejected, with this business key, or `nil`.
    func documentID(businessKey: String, excluding id: Int64) async throws -> Int64?

    /// The document numbered `id`, or `nil`.
    func document(id: Int64) async throws -> StoredDocument?

    /// Documents matching `query`, oldest first.
    func list(_ query: DocumentQuery) async throws -> [DocumentSummary]

    /// Full documents in `state` stored on or after `since`, oldest first (for export and reconciliation).
    func documents(in state: DocumentState, since: Date?) async throws -> [StoredDocument]

    /// Replaces a document's fields, checks, reasons and state, and appends `events`, if its version is still
    /// `document.version`.
    ///
    /// - Returns: the document as stored, with its new version.
    /// - Throws: `LedgerError.versionConflict` when someone changed it since it was read.
    func update(_ document: StoredDocument, events: [AuditDraft]) async throws -> StoredDocument

    /// The document's audit trail, oldest first.
    func auditTrail(documentID: Int64) async throws -> [AuditEvent]

    /// Adds a person, or changes the role of one already known.
    func saveReviewer(_ reviewer: Reviewer) async throws

    /// The person named `name`, or `nil`.
    func reviewer(named name: String) async throws -> Reviewer?

    /// Every person, by name.
    func reviewers() async throws -> [Reviewer]

    /// The approval rule in force.
    func approvalRule() async throws -> ApprovalRule

    /// Replaces the approval rule.
    func setApprovalRule(_ rule: ApprovalRule) async throws

    /// How many documents are in each state.
    func counts() async throws -> [DocumentState: Int]

    /// Writes a consistent copy of the ledger to `path` while others keep using it.
    func backup(to path: String) async throws
}

/// What `InvoiceStore.store` did.
public enum StoreOutcome: Sendable, Hashable {
    /// The document was stored.
    case stored(StoredDocument)
    /// The same file (same SHA-256) is already document `id`; nothing was stored.
    case duplicateFile(id: Int64)
}

/// Which documents `InvoiceStore.list` returns.
public struct DocumentQuery: Sendable, Hashable {
    /// Only documents in this state, or every state.
    public var state: DocumentState?
    /// Only documents whose reasons contain this text.
    public var reason: String?
    /// Only documents whose seller name or tax ID contains this text.
    public var seller: String?
    /// Only duplicates of other documents.
    public var duplicatesOnly: Bool
    /// Only documents issued on or after this day (`YYYY-MM-DD`).
    public var issuedFrom: String?
    /// Only documents issued on or before this day (`YYYY-MM-DD`).
    public var issuedTo: String?
    /// At most this many.
    public var limit: Int
    /// After skipping this many (for pages of results).
    public var offset: Int

    /// Creates a query.
    public init(
        state: DocumentState? = nil, reason: String? = nil, seller: String? = nil, duplicatesOnly: Bool = false,
        issuedFrom: String? = nil, issuedTo: String? = nil, limit: Int = 1000, offset: Int = 0
    ) {
        self.offset = max(0, offset)
        self.state = state
        self.reason = reason
        self.seller = seller
        self.duplicatesOnly = duplicatesOnly
        self.issuedFrom = issuedFrom
        self.issuedTo = issuedTo
        self.limit = limit
    }
}

/// Failures of the ledger, with what to do about them.
public enum LedgerError: Error, Sendable, Hashable {
    /// The database cannot be opened or migrated.
    case cannotOpen(path: String, reason: String)
    /// A read or write failed (disk full, database locked longer than the busy timeout, damaged file).
    case database(path: String, reason: String)
    /// No document has this number.
    case noSuchDocument(id: Int64)
    /// Someone changed the document after it was read.
    case versionConflict(id: Int64, expected: Int, found: Int)
    /// The document is not in a state that allows the action.
    case wrongState(id: Int64, state: DocumentState, action: String)
    /// The field name is not one of CONTRACT.md's.
    case unknownField(String)
    /// The person is not known to the ledger.
    case unknownReviewer(String)
    /// The person's role does not allow the action.
    case notAllowed(name: String, role: ReviewRole, action: String)
    /// A file of the archive cannot be written or read.
    case archive(path: String, reason: String)
    /// Backup or restore failed.
    case backup(path: String, reason: String)
}

extension LedgerError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open the ledger \(path): \(reason)"
        case .database(let path, let reason):
            return "ledger \(path): \(reason)"
        case .noSuchDocument(let id):
            return "no document #\(id) in the ledger (invcap review list shows the numbers)"
        case .versionConflict(let id, let expected, let found):
            return
                "document #\(id) was changed by someone else (version \(found), you read \(expected)): show it again and redo your change"
        case .wrongState(let id, let state, let action):
            return "document #\(id) is \(state.rawValue): it cannot be \(action)"
        case .unknownField(let name):
            let names = FieldName.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown field \(name): use one of \(names), or lineItems.N.NAME (N from 1)"
        case .unknownReviewer(let name):
            return "\(name) is not a reviewer here: an admin adds people with invcap user add \(name) --role reviewer"
        case .notAllowed(let name, let role, let action):
            return "\(name) is a \(role.rawValue) and may not \(action)"
        case .archive(let path, let reason):
            return "archive file \(path): \(reason)"
        case .backup(let path, let reason):
            return "backup \(path): \(reason)"
        }
    }
}
