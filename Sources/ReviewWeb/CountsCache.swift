import Foundation
import InvoiceModel

/// The queue's counts by state, read from the ledger at most once per `lifetime`: counting scans the state
/// index, and under load every queue page would pay for it.
actor CountsCache {
    let lifetime: TimeInterval
    private var cached: (at: Date, counts: [DocumentState: Int])?

    init(lifetime: TimeInterval = 2) {
        self.lifetime = lifetime
    }

    func counts(from store: any InvoiceStore) async throws -> [DocumentState: Int] {
        if let cached, Date().timeIntervalSince(cached.at) < lifetime { return cached.counts }
        let counts = try await store.counts()
        cached = (Date(), counts)
        return counts
    }
}
