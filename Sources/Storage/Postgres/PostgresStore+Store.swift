import Foundation
public import InvoiceModel
import PostgresNIO

extension PostgresStore: InvoiceStore {
    /// Stores a new document (see `InvoiceStore.store`): its original, page images and rows in one transaction.
    public func store(_ new: NewDocument, actor: String) async throws -> StoreOutcome {
        let written = try await write { connection in
            try await storing(new, actor: actor, on: PostgresRows(connection: connection, logger: logger))
        }
        return try await outcome(written)
    }

    /// The storing transaction's work: locks the file's and the invoice's keys, then decides and writes.
    func storing(_ new: NewDocument, actor: String, on rows: PostgresRows) async throws -> Written {
        // Advisory locks in a fixed order (file, then invoice): a second node storing the same file or the same
        // invoice waits here and then sees this one's row.
        try await rows.run("SELECT pg_advisory_xact_lock(1, hashtext(\(new.sha256)))")
        if let existing = try await rows.one(
            "SELECT id FROM documents WHERE sha256 = \(new.sha256)", as: Int64.self)
        {
            return .existing(existing)
        }
        let key = new.businessKey
        if let key { try await rows.run("SELECT pg_advisory_xact_lock(2, hashtext(\(key)))") }
        let credited = new.document.fields[.remarks].flatMap { BusinessKey.creditedKey(remarks: $0.value) }
        let duplicateOf = try await firstLive(key, rows)
        let creditOf = try await firstLive(credited, rows)
        var reasons = new.document.review.reasons + new.extraReasons
        if let duplicateOf { reasons.insert(ReviewDesk.duplicateReason(of: duplicateOf), at: 0) }
        if let credited, creditOf == nil {
            reasons.append("red-letter invoice: the original it names (\(credited)) is not in the ledger")
        }
        let state: DocumentState =
            new.isClean && duplicateOf == nil && reasons.isEmpty ? .accepted : .needsReview
        try await putBlob(new.original, sha256: new.sha256, rows)
        var images: [String?] = []
        for image in new.pageImages {
            if image.isEmpty {
                images.append(nil)
            } else {
                let sha = Archive.sha256(of: image)
                try await putBlob(image, sha256: sha, rows)
                images.append(sha)
            }
        }
        let now = Date()
        guard
            let id = try await rows.one(
                """
                INSERT INTO documents (sha256, file_name, state, document_type, invoice_kind, business_key,
                  duplicate_of, credit_of, qr_payload, rounding, version, created_at, updated_at)
                VALUES (\(new.sha256), \(new.fileName), \(state.rawValue), \(new.document.documentType),
                  \(new.document.invoiceKind), \(key), \(duplicateOf), \(creditOf), \(new.qrPayload),
                  \(new.rounding.map { "\($0)" }), 1, \(now), \(now))
                RETURNING id
                """, as: Int64.self)
        else { throw LedgerError.database(path: location, reason: "the new document got no number") }
        for (index, page) in new.document.pages.enumerated() {
            let image = images.indices.contains(index) ? images[index] : nil
            try await rows.run(
                """
                INSERT INTO pages (document_id, number, width, height, image_sha256)
                VALUES (\(id), \(page.number), \(page.width), \(page.height), \(image))
                """)
        }
        try await rows.insertContent(
            id: id, fields: new.document.fields, lineItems: new.document.lineItems, checks: new.document.checks,
            reasons: reasons)
        let flagged = new.document.fields.values.filter(\.flagged).count
        try await rows.insertEvents(
            id: id, at: now,
            [
                AuditDraft(
                    actor: actor, action: .ingested, newValue: state.rawValue,
                    reason: "\(new.document.fields.count) fields read, \(flagged) flagged, \(reasons.count) reasons")
            ])
        return .inserted(id)
    }

    /// The oldest document with business key `key` that is not rejected.
    private func firstLive(_ key: String?, _ rows: PostgresRows) async throws -> Int64? {
        guard let key else { return nil }
        return try await rows.one(
            "SELECT id FROM documents WHERE business_key = \(key) AND state <> 'rejected' ORDER BY id LIMIT 1",
            as: Int64.self)
    }

    /// Stores bytes under their SHA-256 unless they are there already.
    func putBlob(_ bytes: [UInt8], sha256: String, _ rows: PostgresRows) async throws {
        try await rows.run(
            "INSERT INTO blobs (sha256, bytes) VALUES (\(sha256), \(Data(bytes))) ON CONFLICT (sha256) DO NOTHING")
    }
}
