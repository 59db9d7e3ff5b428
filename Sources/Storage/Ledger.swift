import Foundation
public import InvoiceModel

/// A ledger the commands and the service can use, whichever database holds it: the store, the accounts, and
/// the bytes of originals and page images.
public protocol Ledger: InvoiceStore, AccountStore {
    /// The SQLite file or the PostgreSQL server and database (never with a password), for messages.
    var location: String { get }

    /// The original file or page image stored under `sha256`.
    ///
    /// - Throws: `LedgerError.archive` when there is none.
    func blob(_ sha256: String) async throws -> [UInt8]

    /// Where the bytes under `sha256` are kept, for people.
    func blobLocation(_ sha256: String) -> String

    /// Copies a backup made by `backup(to:)` into this ledger.
    func restore(from path: String) async throws
}

/// Opening a ledger by where it is.
public enum Ledgers {
    /// Opens the ledger at `location`: a `postgres://` URL, else an SQLite file path.
    ///
    /// - Throws: `LedgerError.cannotOpen` with the database's reason.
    public static func open(_ location: String) async throws(LedgerError) -> any Ledger {
        if isPostgres(location) { return try await PostgresStore(url: location) }
        return try SQLiteStore(path: location)
    }

    /// Whether `location` names a PostgreSQL database.
    public static func isPostgres(_ location: String) -> Bool { PostgresURL.matches(location) }
}

extension SQLiteStore: Ledger {
    public var location: String { path }

    public func blob(_ sha256: String) async throws -> [UInt8] { try archive.get(sha256) }

    public func blobLocation(_ sha256: String) -> String { archive.url(for: sha256).path }
}

extension PostgresStore: Ledger {
    public func blobLocation(_ sha256: String) -> String { "\(location) (table blobs, sha256 \(sha256))" }
}
