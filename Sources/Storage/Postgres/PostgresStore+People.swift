public import Foundation
public import InvoiceModel
import PostgresNIO

extension PostgresStore {
    public func saveReviewer(_ reviewer: Reviewer) async throws {
        try await write { connection in
            try await connection.query(
                """
                INSERT INTO users (name, role, created_at) VALUES (\(reviewer.name), \(reviewer.role.rawValue), \(Date()))
                ON CONFLICT (name) DO UPDATE SET role = excluded.role
                """, logger: logger)
        }
    }

    public func reviewer(named name: String) async throws -> Reviewer? {
        try await reviewers(where: name).first
    }

    public func reviewers() async throws -> [Reviewer] {
        try await reviewers(where: nil)
    }

    private func reviewers(where name: String?) async throws -> [Reviewer] {
        try await read { connection in
            var people: [Reviewer] = []
            for try await (name, role) in try await connection.query(
                "SELECT name, role FROM users WHERE \(name)::text IS NULL OR name = \(name) ORDER BY name",
                logger: logger
            ).decode((String, String).self) {
                if let role = ReviewRole(rawValue: role) { people.append(Reviewer(name: name, role: role)) }
            }
            return people
        }
    }

    public func approvalRule() async throws -> ApprovalRule {
        try await read { connection in
            let limit = try await PostgresRows(connection: connection, logger: logger).one(
                "SELECT value FROM settings WHERE key = 'second_approval_above'", as: String.self)
            return ApprovalRule(secondApprovalAbove: limit.flatMap(Money.parse))
        }
    }

    public func setApprovalRule(_ rule: ApprovalRule) async throws {
        try await write { connection in
            if let limit = rule.secondApprovalAbove {
                try await connection.query(
                    """
                    INSERT INTO settings (key, value) VALUES ('second_approval_above', \(Money.format(limit)))
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """, logger: logger)
            } else {
                try await connection.query("DELETE FROM settings WHERE key = 'second_approval_above'", logger: logger)
            }
        }
    }

    /// The original file or page image stored under `sha256`.
    ///
    /// - Throws: `LedgerError.archive` when there is none.
    public func blob(_ sha256: String) async throws -> [UInt8] {
        let bytes = try await read { connection in
            try await PostgresRows(connection: connection, logger: logger).one(
                "SELECT bytes FROM blobs WHERE sha256 = \(sha256)", as: Data.self)
        }
        guard let bytes else { throw LedgerError.archive(path: "\(location) blobs/\(sha256)", reason: "not stored") }
        return [UInt8](bytes)
    }

    /// Writes a consistent copy of the whole database, blobs included, with `pg_dump --format=custom`
    /// (restore it with `pg_restore`).
    public func backup(to path: String) async throws {
        if FileManager.default.fileExists(atPath: path) {
            throw LedgerError.backup(path: path, reason: "the file exists; choose a new name")
        }
        try PostgresTools.run(
            "pg_dump", ["--format=custom", "--no-owner", "--file", path], url: url,
            failure: { reason in
                try? FileManager.default.removeItem(atPath: path)
                return LedgerError.backup(path: path, reason: reason)
            })
    }

    /// Replaces this database's ledger with a `backup(to:)` file, schema and data, with `pg_restore --clean`
    /// in one transaction (nothing changes if it fails).
    public func restore(from path: String) async throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw LedgerError.backup(path: path, reason: "no such file")
        }
        try PostgresTools.run(
            "pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", path], url: url,
            failure: { LedgerError.backup(path: path, reason: $0) })
    }
}

extension PostgresStore: AccountStore {
    public func setPasswordHash(_ hash: String, for name: String) async throws {
        try await write { connection in
            let changed = try await PostgresRows(connection: connection, logger: logger).one(
                "UPDATE users SET password_hash = \(hash) WHERE name = \(name) RETURNING name", as: String.self)
            guard changed != nil else { throw LedgerError.unknownReviewer(name) }
        }
    }

    public func passwordHash(for name: String) async throws -> String? {
        try await read { connection in
            try await PostgresRows(connection: connection, logger: logger).one(
                "SELECT password_hash FROM users WHERE name = \(name)", as: String?.self) ?? nil
        }
    }

    public func createSession(_ session: WebSession) async throws {
        try await write { connection in
            try await connection.query(
                """
                INSERT INTO sessions (token_hash, user_name, csrf_token, created_at, expires_at)
                VALUES (\(session.tokenHash), \(session.userName), \(session.csrfToken), \(Date()), \(session.expiresAt))
                """, logger: logger)
            try await connection.query("DELETE FROM sessions WHERE expires_at < \(Date())", logger: logger)
        }
    }

    public func session(tokenHash: String, at now: Date) async throws -> WebSession? {
        try await read { connection in
            for try await (hash, user, csrf, expires) in try await connection.query(
                """
                SELECT token_hash, user_name, csrf_token, expires_at FROM sessions
                WHERE token_hash = \(tokenHash) AND expires_at > \(now)
                """, logger: logger
            ).decode((String, String, String, Date).self) {
                return WebSession(tokenHash: hash, userName: user, csrfToken: csrf, expiresAt: expires)
            }
            return nil
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await write { connection in
            try await connection.query("DELETE FROM sessions WHERE token_hash = \(tokenHash)", logger: logger)
        }
    }

    public func createAPIToken(hash: String, for name: String, label: String) async throws {
        try await write { connection in
            let rows = PostgresRows(connection: connection, logger: logger)
            guard try await rows.one("SELECT name FROM users WHERE name = \(name)", as: String.self) != nil else {
                throw LedgerError.unknownReviewer(name)
            }
            try await rows.run(
                "INSERT INTO api_tokens (token_hash, user_name, label, created_at) VALUES (\(hash), \(name), \(label), \(Date()))"
            )
        }
    }

    public func apiTokenOwner(hash: String) async throws -> String? {
        try await read { connection in
            try await PostgresRows(connection: connection, logger: logger).one(
                "SELECT user_name FROM api_tokens WHERE token_hash = \(hash)", as: String.self)
        }
    }
}
