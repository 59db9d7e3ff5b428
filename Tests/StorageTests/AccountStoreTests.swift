import Foundation
import InvoiceModel
import Storage
import TestSupport
import Testing

/// Passwords, sessions and API tokens on both ledger engines.
struct AccountStoreTests {
    @Test(arguments: LedgerFixtures.Engine.allCases)
    func givenPerson_whenPasswordSessionAndTokenAreSet_thenFoundByTheirHashes(
        engine: LedgerFixtures.Engine
    ) async throws {
        let store = try await LedgerFixtures.ledger(engine)
        try await store.saveReviewer(Reviewer(name: "alice", role: .reviewer))
        try await store.saveReviewer(Reviewer(name: "alice", role: .approver))
        #expect(
            try await store.reviewers() == [Reviewer(name: "alice", role: .approver)], "saving again changes the role")
        #expect(try await store.passwordHash(for: "alice") == nil)
        try await store.setPasswordHash("$2b$12$hash", for: "alice")
        #expect(try await store.passwordHash(for: "alice") == "$2b$12$hash")
        await #expect(throws: LedgerError.unknownReviewer("mallory")) {
            try await store.setPasswordHash("x", for: "mallory")
        }

        let now = Date()
        let session = WebSession(
            tokenHash: String(repeating: "a", count: 64), userName: "alice",
            csrfToken: String(repeating: "c", count: 32), expiresAt: now.addingTimeInterval(3600))
        try await store.createSession(session)
        let found = try #require(try await store.session(tokenHash: session.tokenHash, at: now))
        #expect(found.userName == "alice" && found.csrfToken == session.csrfToken)
        #expect(abs(found.expiresAt.timeIntervalSince(session.expiresAt)) < 0.001)
        #expect(try await store.session(tokenHash: session.tokenHash, at: now.addingTimeInterval(7200)) == nil)
        try await store.deleteSession(tokenHash: session.tokenHash)
        #expect(try await store.session(tokenHash: session.tokenHash, at: now) == nil)

        let token = String(repeating: "b", count: 64)
        try await store.createAPIToken(hash: token, for: "alice", label: "export")
        #expect(try await store.apiTokenOwner(hash: token) == "alice")
        #expect(try await store.apiTokenOwner(hash: String(repeating: "d", count: 64)) == nil)
        await #expect(throws: LedgerError.unknownReviewer("mallory")) {
            try await store.createAPIToken(hash: String(repeating: "e", count: 64), for: "mallory", label: "x")
        }
        try await store.setApprovalRule(ApprovalRule(secondApprovalAbove: Decimal(10000)))
        #expect(try await store.approvalRule() == ApprovalRule(secondApprovalAbove: Decimal(10000)))
        try await store.setApprovalRule(ApprovalRule(secondApprovalAbove: nil))
        #expect(try await store.approvalRule() == ApprovalRule(secondApprovalAbove: nil))
    }
}
