import Foundation
import GRDB
import InvoiceModel
import Storage
import TestSupport
import Testing

/// The SQLite ledger on real database files: storing, duplicates, versions, the archive, the audit trail.
struct SQLiteStoreTests {
    @Test func givenCleanDocument_whenStored_thenAcceptedArchivedAndAudited() async throws {
        let store = try LedgerFixtures.ledger()
        let new = try LedgerFixtures.document("fapiao/clean/tc-001.png")
        let stored = try LedgerFixtures.stored(try await store.store(new, actor: "pipeline"))

        #expect(stored.state == .accepted)
        #expect(stored.businessKey == "code:061002104211:00316340")
        #expect(stored.fields[.sellerTaxID]?.value == new.document.fields[.sellerTaxID]?.value)
        #expect(stored.fields[.totalAmount]?.box == new.document.fields[.totalAmount]?.box)
        #expect(try store.archive.get(stored.sha256) == new.original)
        let image = try #require(stored.pages.first?.imageSHA256)
        #expect(try store.archive.get(image) == new.pageImages[0])
        let trail = try await store.auditTrail(documentID: stored.id)
        #expect(trail.map(\.action) == [.ingested])
        #expect(trail.first?.newValue == "accepted")
    }

    @Test func givenFlaggedField_whenStored_thenInReviewWithTheReason() async throws {
        let store = try LedgerFixtures.ledger()
        let new = try LedgerFixtures.document("fapiao/clean/tc-002.png", flagged: [.sellerName: "某某公司"])
        let stored = try LedgerFixtures.stored(try await store.store(new, actor: "pipeline"))
        #expect(stored.state == .needsReview)
        #expect(stored.reasons == ["sellerName: confidence 0.60 below 0.90"])
        #expect(stored.fields[.sellerName]?.flagged == true)
        let queue = try await store.list(DocumentQuery(state: .needsReview))
        #expect(queue.map(\.id) == [stored.id])
        #expect(try await store.list(DocumentQuery(state: .needsReview, reason: "sellerName")).count == 1)
        #expect(try await store.list(DocumentQuery(state: .needsReview, reason: "buyerTaxID")).isEmpty)
    }

    @Test func givenSameFileTwice_whenStored_thenSecondIsReportedAndNothingIsAdded() async throws {
        let store = try LedgerFixtures.ledger()
        let new = try LedgerFixtures.document("fapiao/clean/tc-001.png")
        let first = try LedgerFixtures.stored(try await store.store(new, actor: "pipeline"))
        let second = try await store.store(new, actor: "pipeline")
        #expect(second == .duplicateFile(id: first.id))
        #expect(try await store.counts() == [.accepted: 1])
        #expect(try await store.documentID(sha256: new.sha256) == first.id)
    }

    @Test func givenSameInvoiceFromAnotherFile_whenStored_thenDuplicateOfTheFirstInReview() async throws {
        let store = try LedgerFixtures.ledger()
        let scan = try LedgerFixtures.stored(
            try await store.store(try LedgerFixtures.document("fapiao/clean/tc-001.png"), actor: "pipeline"))
        let copy = try LedgerFixtures.stored(
            try await store.store(try LedgerFixtures.document("fapiao/degraded/tc-001-d.png"), actor: "pipeline"))
        #expect(copy.state == .needsReview)
        #expect(copy.duplicateOf == scan.id)
        #expect(copy.reasons.first == "duplicate of #\(scan.id) (该发票已存在)")
        #expect(try await store.list(DocumentQuery(duplicatesOnly: true)).map(\.id) == [copy.id])
    }

    @Test func givenRedLetterInvoiceNamingAStoredOriginal_whenStored_thenLinkedWithNegativeAmounts() async throws {
        let store = try LedgerFixtures.ledger()
        let original = try LedgerFixtures.stored(
            try await store.store(try LedgerFixtures.document("fapiao/clean/tc-001.png"), actor: "pipeline"))
        var red = try LedgerFixtures.document(
            "fapiao/clean/tc-002.png",
            overrides: [
                .remarks: "对应正数发票代码:061002104211 号码:00316340", .amountExcludingTax: "-3379.65",
                .taxAmount: "-439.35", .totalAmount: "-3819.00",
            ])
        red.document.review = ReviewDecision(required: true, reasons: ["red-letter invoice"])
        let stored = try LedgerFixtures.stored(try await store.store(red, actor: "pipeline"))
        #expect(stored.creditOf == original.id)
        #expect(stored.duplicateOf == nil)
        #expect(stored.fields[.totalAmount]?.value == "-3819.00")
    }

    @Test func givenStaleVersion_whenUpdated_thenRefusedAndNothingChanges() async throws {
        let store = try LedgerFixtures.ledger()
        let stored = try LedgerFixtures.stored(
            try await store.store(
                try LedgerFixtures.document("fapiao/clean/tc-002.png", flagged: [.drawer: "某"]), actor: "pipeline"))
        var first = stored
        first.fields[.drawer]?.value = "张三"
        let saved = try await store.update(
            first, events: [AuditDraft(actor: "a", action: .fieldChanged, field: "drawer")])
        #expect(saved.version == stored.version + 1)

        var second = stored
        second.fields[.drawer]?.value = "李四"
        await #expect(
            throws: LedgerError.versionConflict(id: stored.id, expected: stored.version, found: saved.version)
        ) {
            _ = try await store.update(second, events: [])
        }
        #expect(try await store.document(id: stored.id)?.fields[.drawer]?.value == "张三")
    }

    @Test func givenAuditEvents_whenChangedOrDeletedWithSQL_thenTheDatabaseRefuses() async throws {
        let store = try LedgerFixtures.ledger()
        _ = try await store.store(try LedgerFixtures.document("fapiao/clean/tc-001.png"), actor: "pipeline")
        let queue = try DatabaseQueue(path: store.path)
        #expect(throws: (any Error).self) {
            try queue.write { db in try db.execute(sql: "UPDATE audit_events SET actor = 'mallory'") }
        }
        #expect(throws: (any Error).self) {
            try queue.write { db in try db.execute(sql: "DELETE FROM audit_events") }
        }
        let actors = try await queue.read { db in try String.fetchAll(db, sql: "SELECT actor FROM audit_events") }
        #expect(actors == ["pipeline"])
    }

    @Test func givenSchemaConstraints_whenRowBreaksThem_thenRefused() async throws {
        let store = try LedgerFixtures.ledger()
        let queue = try DatabaseQueue(path: store.path)
        #expect(throws: (any Error).self) {
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO documents (sha256, file_name, state, created_at, updated_at)
                        VALUES ('\(String(repeating: "a", count: 64))', 'x.png', 'maybe', '', '')
                        """)
            }
        }
        #expect(throws: (any Error).self) {
            try queue.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO fields (document_id, name, value, confidence, flagged, source) VALUES (999, 'x', 'y', 0.5, 0, 'ocr')"
                )
            }
        }
    }

    @Test func givenTwoLedgerConnections_whenBothStoreAtOnce_thenEveryDocumentIsStoredOnce() async throws {
        let first = try LedgerFixtures.ledger()
        let second = try SQLiteStore(path: first.path)
        let files = (1...12).map { String(format: "fapiao/clean/sd-%03d.png", $0) }
        let documents = try files.map { try LedgerFixtures.document($0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, document) in documents.enumerated() {
                group.addTask { _ = try await first.store(document, actor: "a\(index)") }
                group.addTask { _ = try await second.store(document, actor: "b\(index)") }
            }
            try await group.waitForAll()
        }
        let all = try await first.list(DocumentQuery())
        #expect(all.count == files.count)
        #expect(Set(all.map(\.fileName)) == Set(files.map { URL(fileURLWithPath: $0).lastPathComponent }))
    }

    @Test func givenWritesGoingOn_whenBackedUp_thenTheCopyIsAWholeLedgerAtOneMoment() async throws {
        let store = try LedgerFixtures.ledger()
        let documents = try (1...12).map { try LedgerFixtures.document(String(format: "fapiao/clean/sd-%03d.png", $0)) }
        let folder = URL(fileURLWithPath: store.path).deletingLastPathComponent()
        let backup = folder.appendingPathComponent("during.sqlite")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for document in documents { _ = try await store.store(document, actor: "pipeline") }
            }
            group.addTask {
                try await Task.sleep(for: .milliseconds(20))
                try await store.backup(to: backup.path)
            }
            try await group.waitForAll()
        }
        let copy = try DatabaseQueue(path: backup.path)
        let (check, documentCount, eventCount, orphans) = try await copy.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA integrity_check"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? -1,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_events") ?? -1,
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM fields f WHERE f.document_id = d.id)"
                )
                    ?? -1
            )
        }
        #expect(check == "ok")
        #expect((0...documents.count).contains(documentCount))
        #expect(eventCount == documentCount, "one ingest event per document: no document without its event")
        #expect(orphans == 0, "no document without its fields")
        #expect(try await store.counts()[.accepted] == documents.count)
    }

    @Test func givenLedger_whenBackedUpAndRestoredElsewhere_thenSameDocumentsAndArchive() async throws {
        let store = try LedgerFixtures.ledger()
        let stored = try LedgerFixtures.stored(
            try await store.store(try LedgerFixtures.document("fapiao/clean/tc-001.png"), actor: "pipeline"))
        let backup = URL(fileURLWithPath: store.path).deletingLastPathComponent().appendingPathComponent("copy.sqlite")
        try await store.backup(to: backup.path)
        await #expect(throws: LedgerError.self) { try await store.backup(to: backup.path) }

        let other = try LedgerFixtures.ledger()
        try await other.restore(from: backup.path)
        let restored = try await other.document(id: stored.id)
        #expect(restored == stored)
        #expect(try other.archive.get(stored.sha256) == store.archive.get(stored.sha256))
        await #expect(throws: LedgerError.self) { try await other.restore(from: "/nonexistent/backup.sqlite") }
    }
}
