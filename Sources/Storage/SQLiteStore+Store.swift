import Foundation
import GRDB
public import InvoiceModel

/// What a storing transaction did (either engine's).
enum Written: Sendable {
    /// A new document row.
    case inserted(Int64)
    /// The same file was already document N.
    case existing(Int64)
}

extension InvoiceStore {
    /// What `store` reports for `written`: the stored document read back, or the document the file already was.
    func outcome(_ written: Written) async throws -> StoreOutcome {
        switch written {
        case .existing(let id):
            return .duplicateFile(id: id)
        case .inserted(let id):
            guard let stored = try await document(id: id) else { throw LedgerError.noSuchDocument(id: id) }
            return .stored(stored)
        }
    }
}

extension SQLiteStore {
    /// Stores a new document (see `InvoiceStore.store`): archive first, then one transaction.
    public func store(_ new: NewDocument, actor: String) async throws -> StoreOutcome {
        try archive.put(new.original, named: new.sha256)
        var pageImages: [String?] = []
        for image in new.pageImages { pageImages.append(image.isEmpty ? nil : try archive.put(image)) }
        let key = new.businessKey
        let credited = new.document.fields[.remarks].flatMap { BusinessKey.creditedKey(remarks: $0.value) }
        let clean = new.isClean
        let images = pageImages
        let written: Written = try await write { db in
            if let existing = try Int64.fetchOne(
                db, sql: "SELECT id FROM documents WHERE sha256 = ?", arguments: [new.sha256])
            {
                return .existing(existing)
            }
            let duplicateOf = try key.flatMap {
                try Int64.fetchOne(
                    db,
                    sql: "SELECT id FROM documents WHERE business_key = ? AND state != 'rejected' ORDER BY id LIMIT 1",
                    arguments: [$0])
            }
            let creditOf = try credited.flatMap {
                try Int64.fetchOne(
                    db,
                    sql: "SELECT id FROM documents WHERE business_key = ? AND state != 'rejected' ORDER BY id LIMIT 1",
                    arguments: [$0])
            }
            var reasons = new.document.review.reasons + new.extraReasons
            if let duplicateOf { reasons.insert(ReviewDesk.duplicateReason(of: duplicateOf), at: 0) }
            if credited != nil, creditOf == nil, let key = credited {
                reasons.append("red-letter invoice: the original it names (\(key)) is not in the ledger")
            }
            let state: DocumentState = clean && duplicateOf == nil && reasons.isEmpty ? .accepted : .needsReview
            let now = Date()
            try db.execute(
                sql: """
                    INSERT INTO documents (sha256, file_name, state, document_type, invoice_kind, business_key,
                      duplicate_of, credit_of, qr_payload, rounding, version, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                    """,
                arguments: [
                    new.sha256, new.fileName, state.rawValue, new.document.documentType, new.document.invoiceKind, key,
                    duplicateOf, creditOf, new.qrPayload, new.rounding.map { "\($0)" }, now, now,
                ])
            let id = db.lastInsertedRowID
            for (index, page) in new.document.pages.enumerated() {
                try db.execute(
                    sql: "INSERT INTO pages (document_id, number, width, height, image_sha256) VALUES (?, ?, ?, ?, ?)",
                    arguments: [
                        id, page.number, page.width, page.height, images.indices.contains(index) ? images[index] : nil,
                    ])
            }
            try Rows.insertContent(
                db, id: id, fields: new.document.fields, lineItems: new.document.lineItems,
                checks: new.document.checks, reasons: reasons)
            let flagged = new.document.fields.values.filter(\.flagged).count
            try Rows.insertEvents(
                db, id: id, at: now,
                [
                    AuditDraft(
                        actor: actor, action: .ingested, newValue: state.rawValue,
                        reason: "\(new.document.fields.count) fields read, \(flagged) flagged, \(reasons.count) reasons"
                    )
                ])
            return .inserted(id)
        }
        return try await outcome(written)
    }
}
