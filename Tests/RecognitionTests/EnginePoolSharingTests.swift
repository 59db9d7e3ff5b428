import Foundation
import Recognition
import Synchronization
import Testing

/// The workers of one pool share its orientation detector (one copy of OSD's legacy model, 31 MB) and
/// each still has its own recognition engine.
@Suite struct EnginePoolSharingTests {
    final class Held: Sendable {
        let workers = Mutex<[ObjectIdentifier: OCRWorker]>([:])
        let arrived = Atomic<Int>(0)
    }

    @Test func givenTwoBusyWorkers_whenCompared_thenTheyShareOneOrientationDetectorAndNotTheirEngines()
        async throws
    {
        let pool = EnginePool(size: 2, languages: "chi_sim+eng", tessdata: EngineFixtures.tessdata)
        let held = Held()
        // Two jobs at once: each waits until the other holds a worker too, so the pool must make two.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    try await pool.withWorker { worker in
                        held.workers.withLock { $0[ObjectIdentifier(worker)] = worker }
                        held.arrived.add(1, ordering: .sequentiallyConsistent)
                        let deadline = Date().addingTimeInterval(30)
                        while held.arrived.load(ordering: .sequentiallyConsistent) < 2, Date() < deadline {
                            usleep(1000)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let workers = held.workers.withLock { Array($0.values) }
        try #require(workers.count == 2)
        #expect(workers[0].orientation === workers[1].orientation)
        #expect(workers[0].engine !== workers[1].engine)
    }
}
