public import Foundation
public import InvoiceModel
import Logging
import NIOSSL
import PostgresNIO

/// The ledger on a PostgreSQL server, shared by every node: documents, people, the archive's bytes and the
/// work queue, each method one transaction.
///
/// Concurrency is the server's: a document's storing transaction takes advisory locks on its file's SHA-256
/// and its business key, so two nodes storing the same file or invoice at once cannot both miss each other.
///
/// - Important: `Sendable`; share one instance per process. It owns its connection pool, which runs until
///   `close()` (or the end of the process).
public final class PostgresStore: Sendable {
    /// The server and database, without the password (for messages).
    public let location: String
    /// The URL as given (with the password), for pg_dump and pg_restore.
    let url: String
    let client: PostgresClient
    let logger: Logger
    private let running: Task<Void, Never>

    /// Connects to the database `url` names (`postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…]`) and
    /// brings its schema up to date.
    ///
    /// - Parameter maximumConnections: the size of this process's connection pool.
    /// - Throws: `LedgerError.cannotOpen` with the server's reason.
    public init(url: String, maximumConnections: Int = 8) async throws(LedgerError) {
        let settings = try PostgresURL(url)
        location = settings.redacted
        self.url = url
        var configuration = PostgresClient.Configuration(
            host: settings.host, port: settings.port, username: settings.user, password: settings.password,
            database: settings.database, tls: .disable)
        switch settings.sslMode {
        case .disable: configuration.tls = .disable
        case .prefer: configuration.tls = .prefer(.makeClientConfiguration())
        case .require: configuration.tls = .require(.makeClientConfiguration())
        }
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectionIdleTimeout = .seconds(30)
        var logger = Logger(label: "invcap.postgres")
        logger.logLevel = .error
        self.logger = logger
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        running = Task { await client.run() }
        do {
            try await migrate()
        } catch {
            running.cancel()
            throw .cannotOpen(path: location, reason: Self.reason(error))
        }
    }

    deinit { running.cancel() }

    /// Closes the connection pool.
    public func close() { running.cancel() }

    /// Applies the migrations this database lacks, one node at a time.
    private func migrate() async throws {
        try await client.withConnection { connection in
            try await Self.transaction(connection, logger: logger) { connection in
                try await connection.query(
                    "SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))", logger: logger)
                try await connection.query(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
                    logger: logger)
                var applied: Set<String> = []
                for try await name in try await connection.query("SELECT name FROM schema_migrations", logger: logger)
                    .decode(String.self)
                {
                    applied.insert(name)
                }
                for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
                    for statement in Self.statements(migration.sql) {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query(
                        "INSERT INTO schema_migrations (name) VALUES (\(migration.name))", logger: logger)
                }
            }
        }
    }

    /// The statements of a migration: split where a line ends with `;`.
    static func statements(_ sql: String) -> [String] {
        sql.components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .map { $0.hasSuffix(";") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
    }

    /// Runs `body` in one transaction on a pooled connection, translating database errors.
    func write<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await translatingErrors {
            try await client.withConnection { connection in
                try await Self.transaction(connection, logger: logger, body)
            }
        }
    }

    /// Runs `body` on a pooled connection (each statement sees the committed data of its moment).
    func read<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await translatingErrors { try await client.withConnection { try await body($0) } }
    }

    /// `BEGIN`, `body`, `COMMIT`; `ROLLBACK` and the body's own error when it throws.
    static func transaction<T>(
        _ connection: PostgresConnection, logger: Logger, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await connection.query("BEGIN", logger: logger)
        do {
            let value = try await body(connection)
            try await connection.query("COMMIT", logger: logger)
            return value
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// Runs `access`, passing ledger errors on and turning the server's into `LedgerError.database`.
    private func translatingErrors<T>(_ access: () async throws -> T) async throws -> T {
        do {
            return try await access()
        } catch let error as LedgerError {
            throw error
        } catch let error as QueueError {
            throw error
        } catch {
            throw LedgerError.database(path: location, reason: Self.reason(error))
        }
    }

    /// The server's message and SQLSTATE for a PostgreSQL error (its `description` hides them on purpose).
    static func reason(_ error: any Error) -> String {
        if let error = error as? LedgerError { return error.description }
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return message + state
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }

    /// Whether `error` is the server refusing a row that breaks a unique constraint.
    static func isUniqueViolation(_ error: any Error) -> Bool {
        (error as? PSQLError)?.serverInfo?[.sqlState] == "23505"
    }
}

/// The parts of a `postgres://` URL.
struct PostgresURL: Sendable {
    enum SSLMode: String { case disable, prefer, require }
    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String
    var sslMode: SSLMode

    /// Whether `location` names a PostgreSQL database rather than an SQLite file.
    static func matches(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    init(_ url: String) throws(LedgerError) {
        guard Self.matches(url), let components = URLComponents(string: url), let host = components.host,
            !host.isEmpty
        else {
            throw .cannotOpen(
                path: url, reason: "not a PostgreSQL URL: write postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE")
        }
        self.host = host
        port = components.port ?? 5432
        user = components.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        password = components.password.flatMap { $0.removingPercentEncoding }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : path
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        guard let sslMode = SSLMode(rawValue: mode) else {
            throw .cannotOpen(
                path: url, reason: "sslmode=\(mode) is not supported: use disable, prefer or require")
        }
        self.sslMode = sslMode
    }

    /// The URL without the password.
    var redacted: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// The URL for libpq's programs (pg_dump, pg_restore), without the password (it goes in `PGPASSWORD`, out
    /// of sight of `ps`).
    var forTools: String {
        var components = URLComponents()
        components.scheme = "postgresql"
        components.user = user
        components.host = host
        components.port = port
        components.path = "/" + database
        components.queryItems = [URLQueryItem(name: "sslmode", value: sslMode.rawValue)]
        return components.string ?? redacted
    }
}
