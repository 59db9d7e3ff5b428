public import Foundation
import GRDB
public import InvoiceModel

extension SQLiteStore {
    public func documentID(sha256: String) async throws -> Int64? {
        try await read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM documents WHERE sha256 = ?", arguments: [sha256])
        }
    }

    public func documentID(businessKey: String, excluding id: Int64) async throws -> Int64? {
        try await read { db in
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT id FROM documents WHERE business_key = ? AND id != ? AND state != 'rejected'
                    ORDER BY id LIMIT 1
                    """, arguments: [businessKey, id])
        }
    }

    public func document(id: Int64) async throws -> StoredDocument? {
        try await read { db in try Rows.document(db, id: id) }
    }

    public func list(_ query: DocumentQuery) async throws -> [DocumentSummary] {
        try await read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let state = query.state {
                conditions.append("d.state = ?")
                arguments += [state.rawValue]
            }
            if let reason = query.reason {
                conditions.append(
                    "EXISTS (SELECT 1 FROM review_tasks r WHERE r.document_id = d.id AND instr(r.reason, ?) > 0)")
                arguments += [reason]
            }
            if let seller = query.seller {
                conditions.append(
                    "EXISTS (SELECT 1 FROM fields f WHERE f.document_id = d.id AND f.name IN ('sellerName', 'sellerTaxID') AND instr(f.value, ?) > 0)"
                )
                arguments += [seller]
            }
            if query.duplicatesOnly { conditions.append("d.duplicate_of IS NOT NULL") }
            for (bound, comparison) in [(query.issuedFrom, ">="), (query.issuedTo, "<=")] {
                guard let bound else { continue }
                conditions.append(
                    "EXISTS (SELECT 1 FROM fields f WHERE f.document_id = d.id AND f.name = 'issueDate' AND f.value \(comparison) ?)"
                )
                arguments += [bound]
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments += [query.limit, query.offset]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.state, d.file_name, d.document_type, d.duplicate_of, d.created_at,
                      (SELECT value FROM fields WHERE document_id = d.id AND name = 'sellerName') AS seller_name,
                      (SELECT value FROM fields WHERE document_id = d.id AND name = 'invoiceNumber') AS invoice_number,
                      (SELECT value FROM fields WHERE document_id = d.id AND name = 'issueDate') AS issue_date,
                      (SELECT value FROM fields WHERE document_id = d.id AND name = 'totalAmount') AS total_amount
                    FROM documents d \(filter) ORDER BY d.id LIMIT ? OFFSET ?
                    """, arguments: arguments)
            // The reasons of the whole page in one query.
            var reasonsByID: [Int64: [String]] = [:]
            // Columns by position (the order of the SELECT above): a page is read on every queue view.
            let ids: [Int64] = rows.map { $0[0] }
            if !ids.isEmpty {
                let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
                for reason in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT document_id, reason FROM review_tasks WHERE document_id IN (\(marks))
                        ORDER BY document_id, position
                        """, arguments: StatementArguments(ids))
                {
                    reasonsByID[reason[0], default: []].append(reason[1])
                }
            }
            return rows.map { row in
                let id: Int64 = row[0]
                return DocumentSummary(
                    id: id, state: DocumentState(rawValue: row[1]) ?? .needsReview, fileName: row[2],
                    documentType: row[3], sellerName: row[6], invoiceNumber: row[7], issueDate: row[8],
                    totalAmount: row[9], reasons: reasonsByID[id] ?? [], duplicateOf: row[4], createdAt: row[5])
            }
        }
    }

    public func documents(in state: DocumentState, since: Date?) async throws -> [StoredDocument] {
        try await read { db in
            let ids = try Int64.fetchAll(
                db, sql: "SELECT id FROM documents WHERE state = ? AND created_at >= ? ORDER BY id",
                arguments: [state.rawValue, since ?? Date(timeIntervalSince1970: 0)])
            return try ids.compactMap { try Rows.document(db, id: $0) }
        }
    }

    public func update(_ document: StoredDocument, events: [AuditDraft]) async throws -> StoredDocument {
        let key = BusinessKey.of(document.fields.mapValues(\.value))
        return try await write { db in
            guard
                let version = try Int.fetchOne(
                    db, sql: "SELECT version FROM documents WHERE id = ?", arguments: [document.id])
            else { throw LedgerError.noSuchDocument(id: document.id) }
            guard version == document.version else {
                throw LedgerError.versionConflict(id: document.id, expected: document.version, found: version)
            }
            let now = Date()
            try db.execute(
                sql: """
                    UPDATE documents SET state = ?, business_key = ?, duplicate_of = ?, version = version + 1,
                      updated_at = ?
                    WHERE id = ?
                    """, arguments: [document.state.rawValue, key, document.duplicateOf, now, document.id])
            try Rows.deleteContent(db, id: document.id)
            try Rows.insertContent(
                db, id: document.id, fields: document.fields, lineItems: document.lineItems, checks: document.checks,
                reasons: document.reasons)
            try Rows.insertEvents(db, id: document.id, at: now, events)
            guard let stored = try Rows.document(db, id: document.id) else {
                throw LedgerError.noSuchDocument(id: document.id)
            }
            return stored
        }
    }

    public func auditTrail(documentID: Int64) async throws -> [AuditEvent] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM audit_events WHERE document_id = ? ORDER BY id", arguments: [documentID]
            ).map { row in
                AuditEvent(
                    id: row["id"], documentID: row["document_id"], at: row["at"], actor: row["actor"],
                    action: AuditEvent.Action(rawValue: row["action"]) ?? .ingested, field: row["field"],
                    oldValue: row["old_value"], newValue: row["new_value"], reason: row["reason"])
            }
        }
    }

    public func counts() async throws -> [DocumentState: Int] {
        try await read { db in
            var counts: [DocumentState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM documents GROUP BY state") {
                if let state = DocumentState(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            return counts
        }
    }
}
