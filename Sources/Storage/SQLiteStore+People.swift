public import Foundation
import GRDB
public import InvoiceModel

extension SQLiteStore {
    public func saveReviewer(_ reviewer: Reviewer) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO users (name, role, created_at) VALUES (?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET role = excluded.role
                    """, arguments: [reviewer.name, reviewer.role.rawValue, Date()])
        }
    }

    public func reviewer(named name: String) async throws -> Reviewer? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT name, role FROM users WHERE name = ?", arguments: [name]).flatMap { row in
                ReviewRole(rawValue: row["role"]).map { Reviewer(name: row["name"], role: $0) }
            }
        }
    }

    public func reviewers() async throws -> [Reviewer] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT name, role FROM users ORDER BY name").compactMap { row in
                ReviewRole(rawValue: row["role"]).map { Reviewer(name: row["name"], role: $0) }
            }
        }
    }

    public func approvalRule() async throws -> ApprovalRule {
        try await read { db in
            let limit = try String.fetchOne(
                db, sql: "SELECT value FROM settings WHERE key = 'second_approval_above'")
            return ApprovalRule(secondApprovalAbove: limit.flatMap(Money.parse))
        }
    }

    public func setApprovalRule(_ rule: ApprovalRule) async throws {
        try await write { db in
            if let limit = rule.secondApprovalAbove {
                try db.execute(
                    sql: """
                        INSERT INTO settings (key, value) VALUES ('second_approval_above', ?)
                        ON CONFLICT(key) DO UPDATE SET value = excluded.value
                        """, arguments: [Money.format(limit)])
            } else {
                try db.execute(sql: "DELETE FROM settings WHERE key = 'second_approval_above'")
            }
        }
    }

    /// Copies the database (SQLite online backup: consistent while others write) and the archive files the
    /// copy lacks into `ARCHIVE-DIR/archive` beside `path`.
    public func backup(to path: String) async throws {
        let target = URL(fileURLWithPath: path)
        if FileManager.default.fileExists(atPath: target.path) {
            throw LedgerError.backup(path: target.path, reason: "the file exists; choose a new name")
        }
        do {
            let copy = try DatabaseQueue(path: target.path)
            try pool.backup(to: copy)
            try copy.close()
        } catch {
            try? FileManager.default.removeItem(at: target)
            throw LedgerError.backup(path: target.path, reason: "\(error)")
        }
        _ = try archive.copyMissing(to: Archive(root: Self.archiveRoot(forBackup: target)))
    }

    /// Replaces this ledger's content with the backup at `path` (and copies back archive files it lacks).
    public func restore(from path: String) async throws {
        let source = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: source.path) else {
            throw LedgerError.backup(path: source.path, reason: "no such file")
        }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let backup = try DatabaseQueue(path: source.path, configuration: configuration)
            _ = try await backup.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") }
            try backup.backup(to: pool)
            try backup.close()
        } catch {
            throw LedgerError.backup(path: source.path, reason: "not a ledger backup (\(error))")
        }
        _ = try Archive(root: Self.archiveRoot(forBackup: source)).copyMissing(to: archive)
    }

    /// Where a backup at `file` keeps its archive: `FILE.archive/` beside it.
    public static func archiveRoot(forBackup file: URL) -> URL {
        file.deletingLastPathComponent().appendingPathComponent(file.lastPathComponent + ".archive")
    }
}
