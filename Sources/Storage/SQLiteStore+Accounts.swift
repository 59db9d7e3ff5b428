public import Foundation
import GRDB
public import InvoiceModel

extension SQLiteStore: AccountStore {
    public func setPasswordHash(_ hash: String, for name: String) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE name = ?", arguments: [hash, name])
            guard db.changesCount == 1 else { throw LedgerError.unknownReviewer(name) }
        }
    }

    public func passwordHash(for name: String) async throws -> String? {
        try await read { db in
            try String.fetchOne(db, sql: "SELECT password_hash FROM users WHERE name = ?", arguments: [name])
        }
    }

    public func createSession(_ session: WebSession) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO sessions (token_hash, user_name, csrf_token, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [session.tokenHash, session.userName, session.csrfToken, Date(), session.expiresAt])
            try db.execute(sql: "DELETE FROM sessions WHERE expires_at < ?", arguments: [Date()])
        }
    }

    public func session(tokenHash: String, at now: Date) async throws -> WebSession? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM sessions WHERE token_hash = ? AND expires_at > ?", arguments: [tokenHash, now]
            ).map { row in
                WebSession(
                    tokenHash: row["token_hash"], userName: row["user_name"], csrfToken: row["csrf_token"],
                    expiresAt: row["expires_at"])
            }
        }
    }

    public func createAPIToken(hash: String, for name: String, label: String) async throws {
        try await write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM users WHERE name = ?", arguments: [name]) == 1 else {
                throw LedgerError.unknownReviewer(name)
            }
            try db.execute(
                sql: "INSERT INTO api_tokens (token_hash, user_name, label, created_at) VALUES (?, ?, ?, ?)",
                arguments: [hash, name, label, Date()])
        }
    }

    public func apiTokenOwner(hash: String) async throws -> String? {
        try await read { db in
            try String.fetchOne(db, sql: "SELECT user_name FROM api_tokens WHERE token_hash = ?", arguments: [hash])
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [tokenHash])
        }
    }
}
