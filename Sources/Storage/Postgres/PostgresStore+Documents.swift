public import Foundation
public import InvoiceModel
import PostgresNIO

extension PostgresStore {
    public func documentID(sha256: String) async throws -> Int64? {
        try await read { connection in
            try await PostgresRows(connection: connection, logger: logger).one(
                "SELECT id FROM documents WHERE sha256 = \(sha256)", as: Int64.self)
        }
    }

    public func documentID(businessKey: String, excluding id: Int64) async throws -> Int64? {
        try await read { connection in
            try await PostgresRows(connection: connection, logger: logger).one(
                """
                SELECT id FROM documents WHERE business_key = \(businessKey) AND id <> \(id) AND state <> 'rejected'
                ORDER BY id LIMIT 1
                """, as: Int64.self)
        }
    }

    public func document(id: Int64) async throws -> StoredDocument? {
        try await read { connection in
            try await PostgresRows(connection: connection, logger: logger).document(id: id)
        }
    }

    public func list(_ query: DocumentQuery) async throws -> [DocumentSummary] {
        var conditions: [String] = []
        var binds = PostgresBindings()
        func bind(_ value: String) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        if let state = query.state { conditions.append("d.state = \(bind(state.rawValue))") }
        if let reason = query.reason {
            conditions.append(
                "EXISTS (SELECT 1 FROM review_tasks r WHERE r.document_id = d.id AND strpos(r.reason, \(bind(reason))) > 0)"
            )
        }
        if let seller = query.seller {
            conditions.append(
                "EXISTS (SELECT 1 FROM fields f WHERE f.document_id = d.id AND f.name IN ('sellerName', 'sellerTaxID') AND strpos(f.value, \(bind(seller))) > 0)"
            )
        }
        if query.duplicatesOnly { conditions.append("d.duplicate_of IS NOT NULL") }
        for (bound, comparison) in [(query.issuedFrom, ">="), (query.issuedTo, "<=")] {
            guard let bound else { continue }
            conditions.append(
                "EXISTS (SELECT 1 FROM fields f WHERE f.document_id = d.id AND f.name = 'issueDate' AND f.value \(comparison) \(bind(bound)))"
            )
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        binds.append(query.limit)
        binds.append(query.offset)
        let sql = """
            SELECT d.id, d.state, d.file_name, d.document_type, d.duplicate_of, d.created_at,
              (SELECT value FROM fields WHERE document_id = d.id AND name = 'sellerName'),
              (SELECT value FROM fields WHERE document_id = d.id AND name = 'invoiceNumber'),
              (SELECT value FROM fields WHERE document_id = d.id AND name = 'issueDate'),
              (SELECT value FROM fields WHERE document_id = d.id AND name = 'totalAmount'),
              ARRAY(SELECT reason FROM review_tasks WHERE document_id = d.id ORDER BY position)
            FROM documents d \(filter) ORDER BY d.id LIMIT $\(binds.count - 1) OFFSET $\(binds.count)
            """
        let statement = PostgresQuery(unsafeSQL: sql, binds: binds)
        return try await read { connection in
            var summaries: [DocumentSummary] = []
            for try await row in try await connection.query(statement, logger: logger).decode(
                (Int64, String, String, String?, Int64?, Date, String?, String?, String?, String?, [String]).self)
            {
                summaries.append(
                    DocumentSummary(
                        id: row.0, state: DocumentState(rawValue: row.1) ?? .needsReview, fileName: row.2,
                        documentType: row.3, sellerName: row.6, invoiceNumber: row.7, issueDate: row.8,
                        totalAmount: row.9, reasons: row.10, duplicateOf: row.4, createdAt: row.5))
            }
            return summaries
        }
    }

    public func documents(in state: DocumentState, since: Date?) async throws -> [StoredDocument] {
        try await read { connection in
            let rows = PostgresRows(connection: connection, logger: logger)
            var ids: [Int64] = []
            for try await id in try await rows.run(
                """
                SELECT id FROM documents WHERE state = \(state.rawValue)
                  AND created_at >= \(since ?? Date(timeIntervalSince1970: 0)) ORDER BY id
                """
            ).decode(Int64.self) {
                ids.append(id)
            }
            var documents: [StoredDocument] = []
            for id in ids { if let document = try await rows.document(id: id) { documents.append(document) } }
            return documents
        }
    }

    public func update(_ document: StoredDocument, events: [AuditDraft]) async throws -> StoredDocument {
        let key = BusinessKey.of(document.fields.mapValues(\.value))
        return try await write { connection in
            let rows = PostgresRows(connection: connection, logger: logger)
            guard
                let version = try await rows.one(
                    "SELECT version FROM documents WHERE id = \(document.id) FOR UPDATE", as: Int.self)
            else { throw LedgerError.noSuchDocument(id: document.id) }
            guard version == document.version else {
                throw LedgerError.versionConflict(id: document.id, expected: document.version, found: version)
            }
            let now = Date()
            try await rows.run(
                """
                UPDATE documents SET state = \(document.state.rawValue), business_key = \(key),
                  duplicate_of = \(document.duplicateOf), version = version + 1, updated_at = \(now)
                WHERE id = \(document.id)
                """)
            try await rows.deleteContent(id: document.id)
            try await rows.insertContent(
                id: document.id, fields: document.fields, lineItems: document.lineItems, checks: document.checks,
                reasons: document.reasons)
            try await rows.insertEvents(id: document.id, at: now, events)
            guard let stored = try await rows.document(id: document.id) else {
                throw LedgerError.noSuchDocument(id: document.id)
            }
            return stored
        }
    }

    public func auditTrail(documentID: Int64) async throws -> [AuditEvent] {
        try await read { connection in
            var events: [AuditEvent] = []
            for try await row in try await connection.query(
                """
                SELECT id, document_id, at, actor, action, field, old_value, new_value, reason
                FROM audit_events WHERE document_id = \(documentID) ORDER BY id
                """, logger: logger
            ).decode((Int64, Int64, Date, String, String, String?, String?, String?, String?).self) {
                events.append(
                    AuditEvent(
                        id: row.0, documentID: row.1, at: row.2, actor: row.3,
                        action: AuditEvent.Action(rawValue: row.4) ?? .ingested, field: row.5, oldValue: row.6,
                        newValue: row.7, reason: row.8))
            }
            return events
        }
    }

    public func counts() async throws -> [DocumentState: Int] {
        var counts: [DocumentState: Int] = [:]
        for (state, count) in try await stateCounts("documents") {
            if let state = DocumentState(rawValue: state) { counts[state] = count }
        }
        return counts
    }

    /// How many rows of `table` (documents or jobs) are in each state.
    func stateCounts(_ table: String) async throws -> [String: Int] {
        try await read { connection in
            var counts: [String: Int] = [:]
            for try await (state, count) in try await connection.query(
                PostgresQuery(unsafeSQL: "SELECT state, count(*) FROM \(table) GROUP BY state"), logger: logger
            ).decode((String, Int).self) {
                counts[state] = count
            }
            return counts
        }
    }
}
