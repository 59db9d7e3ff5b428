import Foundation
import InvoiceModel
import Logging
import PostgresNIO

/// Writing a document's content rows to PostgreSQL and reading them back (the SQLite `Rows`' counterpart).
struct PostgresRows {
    let connection: PostgresConnection
    let logger: Logger

    @discardableResult
    func run(_ query: PostgresQuery) async throws -> PostgresRowSequence {
        try await connection.query(query, logger: logger)
    }

    /// Inserts fields, line items, checks and review reasons of document `id`.
    func insertContent(
        id: Int64, fields: [FieldName: ExtractedField], lineItems: [[LineItemFieldName: ExtractedField]],
        checks: [CheckResult], reasons: [String]
    ) async throws {
        for (name, field) in fields {
            let box = field.box
            try await run(
                """
                INSERT INTO fields (document_id, name, value, confidence, flagged, source, page,
                  box_x, box_y, box_width, box_height)
                VALUES (\(id), \(name.rawValue), \(field.value), \(field.confidence), \(field.flagged),
                  \(field.source.rawValue), \(field.page), \(box?.x), \(box?.y), \(box?.width), \(box?.height))
                """)
        }
        for (index, item) in lineItems.enumerated() {
            for (name, field) in item {
                let box = field.box
                try await run(
                    """
                    INSERT INTO line_items (document_id, line, name, value, confidence, flagged, source, page,
                      box_x, box_y, box_width, box_height)
                    VALUES (\(id), \(index + 1), \(name.rawValue), \(field.value), \(field.confidence),
                      \(field.flagged), \(field.source.rawValue), \(field.page), \(box?.x), \(box?.y),
                      \(box?.width), \(box?.height))
                    """)
            }
        }
        for (position, check) in checks.enumerated() {
            try await run(
                """
                INSERT INTO checks (document_id, position, rule, passed, fields, message)
                VALUES (\(id), \(position), \(check.rule), \(check.passed),
                  \(check.fields.map(\.rawValue).joined(separator: ",")), \(check.message))
                """)
        }
        for (position, reason) in reasons.enumerated() {
            try await run(
                "INSERT INTO review_tasks (document_id, position, reason) VALUES (\(id), \(position), \(reason))")
        }
    }

    /// Removes the content rows of document `id` (before they are written again).
    func deleteContent(id: Int64) async throws {
        try await run("DELETE FROM fields WHERE document_id = \(id)")
        try await run("DELETE FROM line_items WHERE document_id = \(id)")
        try await run("DELETE FROM checks WHERE document_id = \(id)")
        try await run("DELETE FROM review_tasks WHERE document_id = \(id)")
    }

    /// Appends audit events for document `id`.
    func insertEvents(id: Int64, at: Date, _ events: [AuditDraft]) async throws {
        for event in events {
            try await run(
                """
                INSERT INTO audit_events (document_id, at, actor, action, field, old_value, new_value, reason)
                VALUES (\(id), \(at), \(event.actor), \(event.action.rawValue), \(event.field), \(event.oldValue),
                  \(event.newValue), \(event.reason))
                """)
        }
    }

    /// The first column of the first row as `T`, or `nil` when there is no row.
    func one<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type) async throws -> T? {
        for try await value in try await run(query).decode(T.self) { return value }
        return nil
    }

    /// Document `id` with all its rows, or `nil`.
    func document(id: Int64) async throws -> StoredDocument? {
        typealias Head = (
            String, String, String, String?, String?, String?, Int64?, Int64?, String?, String?, Int, Date, Date
        )
        var head: Head?
        for try await row in try await run(
            """
            SELECT sha256, file_name, state, document_type, invoice_kind, business_key, duplicate_of, credit_of,
              qr_payload, rounding, version, created_at, updated_at FROM documents WHERE id = \(id)
            """
        ).decode(Head.self) {
            head = row
        }
        guard let head else { return nil }
        var fields: [FieldName: ExtractedField] = [:]
        for try await row in try await run(
            """
            SELECT name, value, confidence, flagged, source, page, box_x, box_y, box_width, box_height
            FROM fields WHERE document_id = \(id)
            """
        ).decode((String, String, Double, Bool, String, Int?, Int?, Int?, Int?, Int?).self) {
            if let name = FieldName(rawValue: row.0) {
                fields[name] = Self.field(row.1, row.2, row.3, row.4, row.5, (row.6, row.7, row.8, row.9))
            }
        }
        var lineItems: [[LineItemFieldName: ExtractedField]] = []
        for try await row in try await run(
            """
            SELECT line, name, value, confidence, flagged, source, page, box_x, box_y, box_width, box_height
            FROM line_items WHERE document_id = \(id) ORDER BY line
            """
        ).decode((Int, String, String, Double, Bool, String, Int?, Int?, Int?, Int?, Int?).self) {
            while lineItems.count < row.0 { lineItems.append([:]) }
            if let name = LineItemFieldName(rawValue: row.1) {
                lineItems[row.0 - 1][name] = Self.field(
                    row.2, row.3, row.4, row.5, row.6, (row.7, row.8, row.9, row.10))
            }
        }
        var checks: [CheckResult] = []
        for try await (rule, passed, names, message) in try await run(
            "SELECT rule, passed, fields, message FROM checks WHERE document_id = \(id) ORDER BY position"
        ).decode((String, Bool, String, String?).self) {
            checks.append(
                CheckResult(
                    rule: rule, passed: passed,
                    fields: names.split(separator: ",").compactMap { FieldName(rawValue: String($0)) },
                    message: message))
        }
        var reasons: [String] = []
        for try await reason in try await run(
            "SELECT reason FROM review_tasks WHERE document_id = \(id) ORDER BY position"
        ).decode(String.self) {
            reasons.append(reason)
        }
        var pages: [StoredPage] = []
        for try await (number, width, height, image) in try await run(
            "SELECT number, width, height, image_sha256 FROM pages WHERE document_id = \(id) ORDER BY number"
        ).decode((Int, Int, Int, String?).self) {
            pages.append(StoredPage(number: number, width: width, height: height, imageSHA256: image))
        }
        return StoredDocument(
            id: id, sha256: head.0, fileName: head.1, state: DocumentState(rawValue: head.2) ?? .needsReview,
            documentType: head.3, invoiceKind: head.4, businessKey: head.5, duplicateOf: head.6, creditOf: head.7,
            fields: fields, lineItems: lineItems, checks: checks, reasons: reasons, pages: pages, qrPayload: head.8,
            rounding: head.9.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) },
            version: head.10, createdAt: head.11, updatedAt: head.12)
    }

    static func field(
        _ value: String, _ confidence: Double, _ flagged: Bool, _ source: String, _ page: Int?,
        _ box: (Int?, Int?, Int?, Int?)
    ) -> ExtractedField {
        let pixels: PixelBox? =
            if let x = box.0, let y = box.1, let width = box.2, let height = box.3 {
                PixelBox(x: x, y: y, width: width, height: height)
            } else { nil }
        return ExtractedField(
            value: value, confidence: confidence, flagged: flagged, source: FieldSource(rawValue: source) ?? .ocr,
            page: page, box: pixels)
    }
}
