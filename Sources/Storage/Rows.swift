import Foundation
import GRDB
import InvoiceModel

/// Writing a document's content rows and reading them back.
enum Rows {
    /// Inserts fields, line items, checks and review reasons of document `id`.
    static func insertContent(
        _ db: Database, id: Int64, fields: [FieldName: ExtractedField],
        lineItems: [[LineItemFieldName: ExtractedField]], checks: [CheckResult], reasons: [String]
    ) throws {
        for (name, field) in fields {
            try db.execute(
                sql: """
                    INSERT INTO fields (document_id, name, value, confidence, flagged, source, page,
                      box_x, box_y, box_width, box_height) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, name.rawValue] + arguments(field))
        }
        for (index, item) in lineItems.enumerated() {
            for (name, field) in item {
                try db.execute(
                    sql: """
                        INSERT INTO line_items (document_id, line, name, value, confidence, flagged, source, page,
                          box_x, box_y, box_width, box_height) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [id, index + 1, name.rawValue] + arguments(field))
            }
        }
        for (position, check) in checks.enumerated() {
            try db.execute(
                sql:
                    "INSERT INTO checks (document_id, position, rule, passed, fields, message) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    id, position, check.rule, check.passed, check.fields.map(\.rawValue).joined(separator: ","),
                    check.message,
                ])
        }
        for (position, reason) in reasons.enumerated() {
            try db.execute(
                sql: "INSERT INTO review_tasks (document_id, position, reason) VALUES (?, ?, ?)",
                arguments: [id, position, reason])
        }
    }

    /// Removes the content rows of document `id` (before they are written again).
    static func deleteContent(_ db: Database, id: Int64) throws {
        for table in ["fields", "line_items", "checks", "review_tasks"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE document_id = ?", arguments: [id])
        }
    }

    /// Appends audit events for document `id`.
    static func insertEvents(_ db: Database, id: Int64, at: Date, _ events: [AuditDraft]) throws {
        for event in events {
            try db.execute(
                sql: """
                    INSERT INTO audit_events (document_id, at, actor, action, field, old_value, new_value, reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, at, event.actor, event.action.rawValue, event.field, event.oldValue, event.newValue,
                    event.reason,
                ])
        }
    }

    static func arguments(_ field: ExtractedField) -> StatementArguments {
        [
            field.value, field.confidence, field.flagged, field.source.rawValue, field.page, field.box?.x,
            field.box?.y, field.box?.width, field.box?.height,
        ]
    }

    /// A field from a `fields` or `line_items` row.
    static func field(_ row: Row) -> ExtractedField {
        let box: PixelBox? =
            if let x: Int = row["box_x"], let y: Int = row["box_y"], let width: Int = row["box_width"],
                let height: Int = row["box_height"]
            {
                PixelBox(x: x, y: y, width: width, height: height)
            } else { nil }
        return ExtractedField(
            value: row["value"], confidence: row["confidence"], flagged: row["flagged"],
            source: FieldSource(rawValue: row["source"]) ?? .ocr, page: row["page"], box: box)
    }

    /// Document `id` with all its rows, or `nil`.
    static func document(_ db: Database, id: Int64) throws -> StoredDocument? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM documents WHERE id = ?", arguments: [id]) else {
            return nil
        }
        var fields: [FieldName: ExtractedField] = [:]
        for fieldRow in try Row.fetchAll(db, sql: "SELECT * FROM fields WHERE document_id = ?", arguments: [id]) {
            if let name = FieldName(rawValue: fieldRow["name"]) { fields[name] = field(fieldRow) }
        }
        var lineItems: [[LineItemFieldName: ExtractedField]] = []
        for itemRow in try Row.fetchAll(
            db, sql: "SELECT * FROM line_items WHERE document_id = ? ORDER BY line", arguments: [id])
        {
            let line: Int = itemRow["line"]
            while lineItems.count < line { lineItems.append([:]) }
            if let name = LineItemFieldName(rawValue: itemRow["name"]) { lineItems[line - 1][name] = field(itemRow) }
        }
        let checks = try Row.fetchAll(
            db, sql: "SELECT * FROM checks WHERE document_id = ? ORDER BY position", arguments: [id]
        ).map { check in
            let names: String = check["fields"]
            return CheckResult(
                rule: check["rule"], passed: check["passed"],
                fields: names.split(separator: ",").compactMap { FieldName(rawValue: String($0)) },
                message: check["message"])
        }
        let reasons = try String.fetchAll(
            db, sql: "SELECT reason FROM review_tasks WHERE document_id = ? ORDER BY position", arguments: [id])
        let pages = try Row.fetchAll(
            db, sql: "SELECT * FROM pages WHERE document_id = ? ORDER BY number", arguments: [id]
        ).map { page in
            StoredPage(
                number: page["number"], width: page["width"], height: page["height"], imageSHA256: page["image_sha256"])
        }
        let rounding: String? = row["rounding"]
        return StoredDocument(
            id: id, sha256: row["sha256"], fileName: row["file_name"],
            state: DocumentState(rawValue: row["state"]) ?? .needsReview, documentType: row["document_type"],
            invoiceKind: row["invoice_kind"], businessKey: row["business_key"], duplicateOf: row["duplicate_of"],
            creditOf: row["credit_of"], fields: fields, lineItems: lineItems, checks: checks, reasons: reasons,
            pages: pages, qrPayload: row["qr_payload"],
            rounding: rounding.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) },
            version: row["version"], createdAt: row["created_at"], updatedAt: row["updated_at"])
    }
}
