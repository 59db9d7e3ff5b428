import Foundation
import InvoiceModel
import Storage
import TestSupport
import Testing

/// The PostgreSQL work queue on a real server: claims, leases, heartbeats, completion, failures.
struct WorkQueueTests {
    private func queue() async throws -> PostgresStore {
        try await PostgresStore(url: try PostgresTestServer.newDatabase(), maximumConnections: 4)
    }

    private func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: Paths.testdata(relative))))
    }

    @Test func givenSameBytesTwice_whenEnqueued_thenOneJobAndTheSecondIsReportedAsReceived() async throws {
        let store = try await queue()
        let first = try await store.enqueue(fileName: "a.png", bytes: try bytes("fapiao/clean/tc-001.png"), source: "t")
        let again = try await store.enqueue(fileName: "b.png", bytes: try bytes("fapiao/clean/tc-001.png"), source: "t")
        guard case .queued(let job) = first else { Issue.record("first: \(first)"); return }
        #expect(again == .received(job: job, state: "queued"))
        #expect(try await store.queueCounts() == ["queued": 1])
    }

    @Test func givenTwoWorkersAsking_whenClaimingTogether_thenEachGetsADifferentJob() async throws {
        let store = try await queue()
        for index in 1...6 {
            _ = try await store.enqueue(
                fileName: "sd-\(index).png", bytes: try bytes(String(format: "fapiao/clean/sd-%03d.png", index)),
                source: "t")
        }
        let claims = try await withThrowingTaskGroup(of: QueueJob?.self) { group in
            for index in 0..<6 {
                group.addTask {
                    try await store.claim(worker: "w\(index)", lease: .seconds(30), maxAttempts: 3)
                }
            }
            return try await group.reduce(into: [QueueJob]()) { if let job = $1 { $0.append(job) } }
        }
        #expect(Set(claims.map(\.id)).count == 6, "six claims, six different jobs")
        #expect(try await store.claim(worker: "late", lease: .seconds(30), maxAttempts: 3) == nil)
    }

    @Test func givenWorkerThatStopsRenewing_whenItsLeaseRunsOut_thenAnotherTakesTheJobAndTheFirstCannotComplete()
        async throws
    {
        let store = try await queue()
        _ = try await store.enqueue(fileName: "tc-001.png", bytes: try bytes("fapiao/clean/tc-001.png"), source: "t")
        // A lease long enough that a loaded machine still asks again within it.
        let held = try #require(try await store.claim(worker: "dead", lease: .seconds(3), maxAttempts: 3))
        #expect(try await store.claim(worker: "other", lease: .seconds(30), maxAttempts: 3) == nil, "held: not taken")
        try await Task.sleep(for: .milliseconds(3200))
        let taken = try #require(try await store.claim(worker: "other", lease: .seconds(30), maxAttempts: 3))
        #expect(taken.id == held.id && taken.attempts == 2)
        #expect(try await store.renewLease(held, worker: "dead", lease: .seconds(30)) == false)

        let document = try LedgerFixtures.document("fapiao/clean/tc-001.png")
        await #expect(throws: QueueError.leaseLost(job: held.id, worker: "dead")) {
            _ = try await store.complete(held, worker: "dead", storing: document)
        }
        #expect(try await store.counts().isEmpty, "the late result was not stored")
        let stored = try LedgerFixtures.stored(try await store.complete(taken, worker: "other", storing: document))
        #expect(try await store.jobStates(sha256: [taken.sha256])[taken.sha256]?.documentID == stored.id)
        #expect(try await store.queueCounts() == ["done": 1])
    }

    @Test func givenHeartbeat_whenLeaseWouldHaveRunOut_thenTheJobStaysWithItsWorker() async throws {
        let store = try await queue()
        _ = try await store.enqueue(fileName: "tc-002.png", bytes: try bytes("fapiao/clean/tc-002.png"), source: "t")
        let job = try #require(try await store.claim(worker: "alive", lease: .seconds(2), maxAttempts: 3))
        for _ in 0..<5 {
            try await Task.sleep(for: .milliseconds(600))
            #expect(try await store.renewLease(job, worker: "alive", lease: .seconds(2)))
        }
        #expect(try await store.claim(worker: "other", lease: .seconds(30), maxAttempts: 3) == nil)
    }

    @Test func givenFailures_whenRetriedThenOutOfAttempts_thenQueuedAgainThenFailedWithTheReason() async throws {
        let store = try await queue()
        _ = try await store.enqueue(fileName: "x.png", bytes: try bytes("fapiao/clean/tc-003.png"), source: "t")
        let first = try #require(try await store.claim(worker: "w", lease: .seconds(30), maxAttempts: 2))
        try await store.fail(
            first, worker: "w", code: "worker-error", message: "db hiccup", retry: true, maxAttempts: 2)
        let second = try #require(try await store.claim(worker: "w", lease: .seconds(30), maxAttempts: 2))
        #expect(second.attempts == 2)
        try await store.fail(second, worker: "w", code: "worker-error", message: "again", retry: true, maxAttempts: 2)
        let state = try #require(try await store.jobStates(sha256: [second.sha256])[second.sha256])
        #expect(state.state == "failed" && state.errorCode == "worker-error" && state.errorMessage == "again")

        // A worker that dies on the last allowed attempt: the job fails as worker-lost at the next claim.
        _ = try await store.enqueue(fileName: "y.png", bytes: try bytes("fapiao/clean/tc-004.png"), source: "t")
        let last = try #require(try await store.claim(worker: "w", lease: .milliseconds(200), maxAttempts: 1))
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await store.claim(worker: "other", lease: .seconds(30), maxAttempts: 1) == nil)
        #expect(try await store.jobStates(sha256: [last.sha256])[last.sha256]?.errorCode == "worker-lost")
    }

    @Test func givenFileAlreadyStored_whenItsJobCompletes_thenNothingIsStoredTwice() async throws {
        let store = try await queue()
        let document = try LedgerFixtures.document("fapiao/clean/tc-005.png")
        let stored = try LedgerFixtures.stored(try await store.store(document, actor: "ingest"))
        _ = try await store.enqueue(fileName: "tc-005.png", bytes: document.original, source: "t")
        let job = try #require(try await store.claim(worker: "w", lease: .seconds(30), maxAttempts: 3))
        #expect(try await store.complete(job, worker: "w", storing: document) == .duplicateFile(id: stored.id))
        #expect(try await store.counts() == [.accepted: 1])
        #expect(try await store.queueCounts() == ["done": 1])
    }
}
