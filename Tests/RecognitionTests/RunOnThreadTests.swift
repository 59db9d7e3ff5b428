import Foundation
import Recognition
import Synchronization
import Testing

/// `EnginePool.runOnThread` releases its closure before the caller resumes, so a captured C resource
/// (an open PDF) is freed at a known point, not later on a worker thread — at worst while the process
/// exits and the library's globals are being destroyed (poppler crashed so about once in twenty runs).
@Suite struct RunOnThreadTests {
    final class Released: Sendable {
        let flag = Atomic<Bool>(false)
    }

    final class Resource: Sendable {
        let released: Released
        init(_ released: Released) { self.released = released }
        deinit { released.flag.store(true, ordering: .sequentiallyConsistent) }
    }

    /// A closure that is the only owner of a `Resource`.
    static func body(owning released: Released) -> @Sendable () -> Int {
        let resource = Resource(released)
        return { resource.released.flag.load(ordering: .sequentiallyConsistent) ? 0 : 1 }
    }

    @Test func givenClosureOwningAResource_whenRunOnThreadReturns_thenTheResourceIsAlreadyFreed() async {
        for attempt in 1...50 {
            let released = Released()
            let result = await EnginePool.runOnThread(Self.body(owning: released))
            #expect(result == 1)
            let freed = released.flag.load(ordering: .sequentiallyConsistent)
            #expect(freed, "attempt \(attempt): the closure was still alive after runOnThread returned")
            if !freed { return }
        }
    }
}
