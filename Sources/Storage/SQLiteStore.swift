public import Foundation
import GRDB
public import InvoiceModel

/// The ledger in one SQLite file (WAL, through GRDB), with its archive folder beside it.
///
/// Several processes may open the same file: SQLite serialises their writes, and a writer that finds the
/// database busy waits up to `busyTimeout` instead of failing. Each method is one transaction.
///
/// - Important: `Sendable`; share one instance per process.
public struct SQLiteStore: InvoiceStore {
    /// The database file.
    public let path: String
    /// Originals and page images, in `archive/` beside the database file.
    public let archive: Archive
    /// The connection pool (one writer, concurrent readers).
    let pool: DatabasePool

    /// How long a writer waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 30

    /// Opens (creating it if needed) the ledger at `path` and brings its schema up to date.
    ///
    /// - Throws: `LedgerError.cannotOpen` with SQLite's reason.
    public init(path: String) throws(LedgerError) {
        let url = URL(fileURLWithPath: path)
        self.path = url.path
        self.archive = Archive(root: url.deletingLastPathComponent().appendingPathComponent("archive"))
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "ledger"
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Processes opening a new or older ledger at the same moment (the service and its workers, a CLI
            // command) take turns: one switches it to WAL and migrates, the others then find it ready.
            pool = try MigrationLock.holding(besides: url.path) {
                let pool = try DatabasePool(path: url.path, configuration: configuration)
                try LedgerSchema.migrator.migrate(pool)
                return pool
            }
        } catch {
            throw .cannotOpen(path: url.path, reason: "\(error)")
        }
    }

    /// Runs `body` in one write transaction, translating database errors.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await translatingErrors { try await pool.write(body) }
    }

    /// Runs `body` on a consistent snapshot.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await translatingErrors { try await pool.read(body) }
    }

    /// Runs `access`, passing ledger errors on and turning SQLite's into `LedgerError.database`.
    private func translatingErrors<T>(_ access: () async throws -> T) async throws -> T {
        do {
            return try await access()
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError.database(path: path, reason: "\(error)")
        }
    }
}
