import Foundation
import InvoiceModel
import Storage
import TestSupport
import Testing

/// Corrections, approvals and rejections on both ledger engines (SQLite, PostgreSQL): checks re-run, approval rules, roles, audit.
struct ReviewDeskTests {
    /// A ledger with alice (reviewer), bob (reviewer), carol (approver), and one document in review whose
    /// seller tax ID was read one character wrong.
    private func setUp(_ engine: LedgerFixtures.Engine) async throws -> (
        ReviewDesk, StoredDocument, correctTaxID: String
    ) {
        let store = try await LedgerFixtures.ledger(engine)
        for (name, role) in [("alice", ReviewRole.reviewer), ("bob", .reviewer), ("carol", .approver)] {
            try await store.saveReviewer(Reviewer(name: name, role: role))
        }
        let label = try LedgerFixtures.document("fapiao/clean/tc-001.png")
        let correct = try #require(label.document.fields[.sellerTaxID]?.value)
        var misread = Array(correct)
        misread[10] = misread[10] == "7" ? "1" : "7"
        let new = try LedgerFixtures.document("fapiao/clean/tc-001.png", flagged: [.sellerTaxID: String(misread)])
        let stored = try LedgerFixtures.stored(try await store.store(new, actor: "pipeline"))
        return (ReviewDesk(store: store, today: { "2026-11-23" }), stored, correct)
    }

    @Test(arguments: LedgerFixtures.Engine.allCases)
    func givenMisreadTaxID_whenCorrectedWrongThenRight_thenChecksSayWhatTheyFindEachTime(engine: LedgerFixtures.Engine)
        async throws
    {
        let (desk, document, correct) = try await setUp(engine)
        #expect(document.checks.contains { $0.rule == "seller-tax-id-checksum" && !$0.passed })

        var typo = Array(correct)
        typo[17] = typo[17] == "0" ? "1" : "0"
        let wrong = try await desk.set(.document(.sellerTaxID), to: String(typo), document: document.id, by: "alice")
        let failing = try #require(wrong.checks.first { $0.rule == "seller-tax-id-checksum" })
        #expect(!failing.passed)
        #expect(failing.message?.contains("check character does not match — expected \(correct.last!)") == true)
        #expect(wrong.document.fields[.sellerTaxID]?.flagged == true)
        #expect(wrong.document.state == .needsReview)

        let right = try await desk.set(
            .document(.sellerTaxID), to: correct.lowercased(), document: document.id, by: "alice")
        #expect(right.checks.allSatisfy { $0.passed })
        #expect(
            right.document.fields[.sellerTaxID]
                == ExtractedField(
                    value: correct, confidence: 1, flagged: false, source: .person, page: 1,
                    box: document.fields[.sellerTaxID]?.box))
        #expect(right.document.reasons.isEmpty, "\(right.document.reasons)")

        let accepted = try await desk.approve(document: document.id, by: "alice")
        #expect(accepted.state == .accepted)
        let trail = try await desk.store.auditTrail(documentID: document.id)
        #expect(trail.map(\.action) == [.ingested, .fieldChanged, .fieldChanged, .approved, .accepted])
        #expect(trail[1].oldValue == document.fields[.sellerTaxID]?.value)
        #expect(trail[2].newValue == correct)
        #expect(trail[2].actor == "alice")
    }

    @Test(arguments: LedgerFixtures.Engine.allCases)
    func givenFailingCheck_whenApproved_thenRefusedUnlessAReasonOverridesIt(engine: LedgerFixtures.Engine) async throws
    {
        let (desk, document, _) = try await setUp(engine)
        await #expect(throws: ReviewRefusal.self) { try await desk.approve(document: document.id, by: "alice") }
        let accepted = try await desk.approve(document: document.id, by: "alice", override: "printed this way")
        #expect(accepted.state == .accepted)
        await #expect(throws: LedgerError.wrongState(id: document.id, state: .accepted, action: "approved")) {
            try await desk.approve(document: document.id, by: "bob")
        }
    }

    @Test(arguments: LedgerFixtures.Engine.allCases)
    func givenSecondApprovalRule_whenApprovedByReviewersThenApprover_thenAcceptedOnlyAfterTheApprover(
        engine: LedgerFixtures.Engine
    )
        async throws
    {
        let (desk, document, correct) = try await setUp(engine)
        try await desk.store.setApprovalRule(ApprovalRule(secondApprovalAbove: 1000))
        _ = try await desk.set(.document(.sellerTaxID), to: correct, document: document.id, by: "alice")

        let first = try await desk.approve(document: document.id, by: "alice")
        #expect(first.state == .needsReview)
        #expect(first.reasons.last?.hasPrefix("needs a second approval") == true)
        await #expect(throws: ReviewRefusal.self) { try await desk.approve(document: document.id, by: "alice") }
        let second = try await desk.approve(document: document.id, by: "bob")
        #expect(second.state == .needsReview, "two reviewers without an approver do not hold the rule")
        let third = try await desk.approve(document: document.id, by: "carol")
        #expect(third.state == .accepted)
        #expect(third.reasons.isEmpty)
    }

    @Test(arguments: LedgerFixtures.Engine.allCases)
    func givenApprovalThenCorrection_whenRuleAsksTwo_thenEarlierApprovalsNoLongerCount(engine: LedgerFixtures.Engine)
        async throws
    {
        let (desk, document, correct) = try await setUp(engine)
        try await desk.store.setApprovalRule(ApprovalRule(secondApprovalAbove: 1000))
        _ = try await desk.set(.document(.sellerTaxID), to: correct, document: document.id, by: "alice")
        _ = try await desk.approve(document: document.id, by: "carol")
        _ = try await desk.set(.document(.drawer), to: "王五", document: document.id, by: "alice")
        let after = try await desk.approve(document: document.id, by: "alice")
        #expect(after.state == .needsReview)
    }

    @Test(arguments: LedgerFixtures.Engine.allCases)
    func givenSmallTotal_whenRuleAsksTwoAboveLimit_thenOneApprovalAccepts(engine: LedgerFixtures.Engine) async throws {
        let (desk, document, correct) = try await setUp(engine)
        try await desk.store.setApprovalRule(ApprovalRule(secondApprovalAbove: 100_000))
        _ = try await desk.set(.document(.sellerTaxID), to: correct, document: document.id, by: "alice")
        #expect(try await desk.approve(document: document.id, by: "alice").state == .accepted)
    }

    @Test(arguments: LedgerFixtures.Engine.allCases) func givenBadInput_whenReviewing_thenClearRefusals(
        engine: LedgerFixtures.Engine
    ) async throws {
        let (desk, document, _) = try await setUp(engine)
        await #expect(throws: LedgerError.unknownReviewer("mallory")) {
            try await desk.set(.document(.drawer), to: "x", document: document.id, by: "mallory")
        }
        await #expect(throws: ValueError.self) {
            try await desk.set(.document(.totalAmount), to: "twelve", document: document.id, by: "alice")
        }
        await #expect(throws: ValueError.self) {
            try await desk.set(.document(.issueDate), to: "2024-02-30", document: document.id, by: "alice")
        }
        await #expect(throws: LedgerError.noSuchDocument(id: 999)) {
            try await desk.approve(document: 999, by: "alice")
        }
        await #expect(throws: ReviewRefusal.self) {
            try await desk.reject(document: document.id, by: "alice", reason: " ")
        }
        #expect(throws: LedgerError.unknownField("sellerTaxId")) { try FieldPath(parsing: "sellerTaxId") }
        #expect(try FieldPath(parsing: "lineItems.2.amount") == .lineItem(index: 1, .amount))
    }

    @Test(arguments: LedgerFixtures.Engine.allCases)
    func givenAmountTypedWithSeparators_whenSet_thenStoredInContractFormatAndSumsRechecked(
        engine: LedgerFixtures.Engine
    ) async throws {
        let (desk, document, _) = try await setUp(engine)
        let total = try #require(document.fields[.totalAmount]?.value)
        let correction = try await desk.set(.document(.taxAmount), to: "¥1,000.5", document: document.id, by: "alice")
        #expect(correction.document.fields[.taxAmount]?.value == "1000.50")
        #expect(correction.checks.contains { $0.rule == "amount-plus-tax-equals-total" && !$0.passed })
        #expect(correction.document.fields[.totalAmount]?.flagged == true, "the sum's other fields are flagged too")
        #expect(correction.document.fields[.totalAmount]?.value == total)
    }

    @Test(arguments: LedgerFixtures.Engine.allCases) func givenDocument_whenRejected_thenStateAndReasonAreAudited(
        engine: LedgerFixtures.Engine
    ) async throws {
        let (desk, document, _) = try await setUp(engine)
        let rejected = try await desk.reject(document: document.id, by: "bob", reason: "not our invoice")
        #expect(rejected.state == .rejected)
        let last = try #require(try await desk.store.auditTrail(documentID: document.id).last)
        #expect(last.action == .rejected && last.actor == "bob" && last.reason == "not our invoice")
    }
}

/// A correction that changes the invoice's business key is checked against the ledger again.
struct ReviewDuplicateTests {
    @Test(arguments: LedgerFixtures.Engine.allCases)
    func givenNumberCorrectedToAnotherStoredInvoice_whenSet_thenDuplicateAndBackWhenUndone(
        engine: LedgerFixtures.Engine
    ) async throws {
        let store = try await LedgerFixtures.ledger(engine)
        try await store.saveReviewer(Reviewer(name: "alice", role: .reviewer))
        let first = try LedgerFixtures.stored(
            try await store.store(try LedgerFixtures.document("fapiao/clean/tc-001.png"), actor: "pipeline"))
        let other = try LedgerFixtures.stored(
            try await store.store(
                try LedgerFixtures.document("fapiao/clean/tc-002.png", flagged: [.drawer: "某"]), actor: "pipeline"))
        #expect(other.duplicateOf == nil)
        let desk = ReviewDesk(store: store, today: { "2026-11-23" })
        let ownNumber = try #require(other.value(.invoiceNumber))
        let ownCode = try #require(other.value(.invoiceCode))

        _ = try await desk.set(
            .document(.invoiceCode), to: try #require(first.value(.invoiceCode)), document: other.id, by: "alice")
        let clash = try await desk.set(
            .document(.invoiceNumber), to: try #require(first.value(.invoiceNumber)), document: other.id, by: "alice")
        #expect(clash.document.duplicateOf == first.id)
        #expect(clash.document.reasons.first == ReviewDesk.duplicateReason(of: first.id))
        #expect(try await store.list(DocumentQuery(duplicatesOnly: true)).map(\.id) == [other.id])

        _ = try await desk.set(.document(.invoiceCode), to: ownCode, document: other.id, by: "alice")
        let undone = try await desk.set(.document(.invoiceNumber), to: ownNumber, document: other.id, by: "alice")
        #expect(undone.document.duplicateOf == nil)
        #expect(!undone.document.reasons.contains { $0.hasPrefix("duplicate of") })
    }
}
