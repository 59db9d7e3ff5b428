import Foundation
import GRDB
import InvoiceModel
import Storage
import TestSupport
import Testing

/// The ledger on both engines (a real SQLite file, a real PostgreSQL server): storing, duplicates, versions,
/// the archive, the audit trail, constraints, backup and restore.
struct LedgerStoreTests {
    typealias Engine = LedgerFixtures.Engine

    @Test(arguments: Engine.allCases) func givenCleanDocument_whenStored_thenAcceptedArchivedAndAudited(engine: Engine)
        async throws
    {
        let store = try await LedgerFixtures.ledger(engine)
        let new = try LedgerFixtures.document("fapiao/clean/tc-001.png")
        let stored = try LedgerFixtures.stored(try await store.store(new, actor: "pipeline"))

        #expect(stored.state == .accepted)
        #expect(stored.businessKey == "code:061002104211:00316340")
        #expect(stored.fields[.sellerTaxID]?.value == new.document.fields[.sellerTaxID]?.value)
        #expect(stored.fields[.totalAmount]?.box == new.document.fields[.totalAmount]?.box)
        #expect(try await store.blob(stored.sha256) == new.original)
        let image = try #require(stored.pages.first?.imageSHA256)
        #expect(try await store.blob(image) == new.pageImages[0])
        let trail = try await store.auditTrail(documentID: stored.id)
        #expect(trail.map(\.action) == [.ingested])
        #expect(trail.first?.newValue == "accepted")
    }

    @Test(arguments: Engine.allCases) func givenFlaggedField_whenStored_thenInReviewWithTheReason(engine: Engine)
        async throws
    {
        let store = try await LedgerFixtures.ledger(engine)
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

    @Test(arguments: Engine.allCases) func givenSameFileTwice_whenStored_thenSecondIsReportedAndNothingIsAdded(
        engine: Engine
    ) async throws {
        let store = try await LedgerFixtures.ledger(engine)
        let new = try LedgerFixtures.document("fapiao/clean/tc-001.png")
        let first = try LedgerFixtures.stored(try await store.store(new, actor: "pipeline"))
        let second = try await store.store(new, actor: "pipeline")
        #expect(second == .duplicateFile(id: first.id))
        #expect(try await store.counts() == [.accepted: 1])
        #expect(try await store.documentID(sha256: new.sha256) == first.id)
    }

    @Test(arguments: Engine.allCases) func givenSameInvoiceFromAnotherFile_whenStored_thenDuplicateOfTheFirstInReview(
        engine: Engine
    ) async throws {
        let store = try await LedgerFixtures.ledger(engine)
        let scan = try LedgerFixtures.stored(
            try await store.store(try LedgerFixtures.document("fapiao/clean/tc-001.png"), actor: "pipeline"))
        let copy = try LedgerFixtures.stored(
            try await store.store(try LedgerFixtures.document("fapiao/degraded/tc-001-d.png"), actor: "pipeline"))
        #expect(copy.state == .needsReview)
        #expect(copy.duplicateOf == scan.id)
        #expect(copy.reasons.first == "duplicate of #\(scan.id) (该发票已存在)")
        #expect(try await store.list(DocumentQuery(duplicatesOnly: true)).map(\.id) == [copy.id])
    }

    @Test(arguments: Engine.allCases)
    func givenRedLetterInvoiceNamingAStoredOriginal_whenStored_thenLinkedWithNegativeAmounts(engine: Engine)
        async throws
    {
        let store = try await LedgerFixtures.ledger(engine)
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

    @Test(arguments: Engine.allCases) func givenStaleVersion_whenUpdated_thenRefusedAndNothingChanges(engine: Engine)
        async throws
    {
        let store = try await LedgerFixtures.ledger(engine)
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

    @Test(arguments: Engine.allCases) func givenAuditEvents_whenChangedOrDeletedWithSQL_thenTheDatabaseRefuses(
        engine: Engine
    ) async throws {
        let location = try LedgerFixtures.newLocation(engine)
        let store = try await Ledgers.open(location)
        _ = try await store.store(try LedgerFixtures.document("fapiao/clean/tc-001.png"), actor: "pipeline")
        let sql = RawSQL(engine: engine, location: location)
        #expect(try sql.fails("UPDATE audit_events SET actor = 'mallory'"))
        #expect(try sql.fails("DELETE FROM audit_events"))
        let trail = try await store.auditTrail(documentID: 1)
        #expect(trail.map(\.actor) == ["pipeline"])
    }

    @Test(arguments: Engine.allCases) func givenSchemaConstraints_whenRowBreaksThem_thenRefused(engine: Engine)
        async throws
    {
        let location = try LedgerFixtures.newLocation(engine)
        _ = try await Ledgers.open(location)
        let sql = RawSQL(engine: engine, location: location)
        let now = engine == .sqlite ? "''" : "now()"
        #expect(
            try sql.fails(
                """
                INSERT INTO documents (sha256, file_name, state, created_at, updated_at)
                VALUES ('\(String(repeating: "a", count: 64))', 'x.png', 'maybe', \(now), \(now))
                """))
        #expect(
            try sql.fails(
                "INSERT INTO fields (document_id, name, value, confidence, flagged, source) VALUES (999, 'x', 'y', 0.5, false, 'ocr')"
            ))
        #expect(
            try !sql.fails(
                """
                INSERT INTO documents (sha256, file_name, state, created_at, updated_at)
                VALUES ('\(String(repeating: "a", count: 64))', 'x.png', 'accepted', \(now), \(now))
                """), "a row keeping the rules is taken (the failures above are the constraints')")
    }

    @Test(arguments: Engine.allCases) func givenTwoLedgerConnections_whenBothStoreAtOnce_thenEveryDocumentIsStoredOnce(
        engine: Engine
    ) async throws {
        let location = try LedgerFixtures.newLocation(engine)
        let first = try await Ledgers.open(location)
        let second = try await Ledgers.open(location)
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

    @Test(arguments: Engine.allCases)
    func givenOneInvoiceFromTwoFilesAtOnce_whenStoredByTwoConnections_thenOneIsTheDuplicate(
        engine: Engine
    ) async throws {
        let location = try LedgerFixtures.newLocation(engine)
        let (first, second) = (try await Ledgers.open(location), try await Ledgers.open(location))
        let scan = try LedgerFixtures.document("fapiao/clean/tc-001.png")
        let copy = try LedgerFixtures.document("fapiao/degraded/tc-001-d.png")
        async let a = first.store(scan, actor: "a")
        async let b = second.store(copy, actor: "b")
        let stored = [try LedgerFixtures.stored(try await a), try LedgerFixtures.stored(try await b)]
        #expect(stored.filter { $0.duplicateOf == nil }.count == 1, "exactly one original")
        #expect(stored.filter { $0.duplicateOf != nil }.count == 1, "and one duplicate of it")
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

    @Test(arguments: Engine.allCases) func givenLedger_whenBackedUpAndRestoredElsewhere_thenSameDocumentsAndArchive(
        engine: Engine
    ) async throws {
        let store = try await LedgerFixtures.ledger(engine)
        let stored = try LedgerFixtures.stored(
            try await store.store(try LedgerFixtures.document("fapiao/clean/tc-001.png"), actor: "pipeline"))
        try await store.saveReviewer(Reviewer(name: "alice", role: .admin))
        let backup = try Paths.temporaryDirectory().appendingPathComponent("copy.backup")
        try await store.backup(to: backup.path)
        await #expect(throws: LedgerError.self) { try await store.backup(to: backup.path) }

        let other = try await LedgerFixtures.ledger(engine)
        try await other.restore(from: backup.path)
        let restored = try await other.document(id: stored.id)
        #expect(restored == stored)
        #expect(try await other.blob(stored.sha256) == store.blob(stored.sha256))
        #expect(try await other.reviewers() == [Reviewer(name: "alice", role: .admin)])
        await #expect(throws: LedgerError.self) { try await other.restore(from: "/nonexistent/backup.sqlite") }
    }
}

/// Raw SQL against a ledger's database, past the store, to show what the schema itself refuses.
struct RawSQL {
    let engine: LedgerFixtures.Engine
    let location: String

    /// Whether the database refuses `sql`.
    func fails(_ sql: String) throws -> Bool {
        switch engine {
        case .sqlite:
            let queue = try DatabaseQueue(path: location)
            do {
                try queue.write { db in try db.execute(sql: sql) }
                return false
            } catch {
                return true
            }
        case .postgres:
            return try PostgresTestServer.psql(location, sql).status != 0
        }
    }
}
