import Foundation

/// A process-wide allowance of working memory, in units the caller chooses (the detector counts input
/// pixels): a call takes its share before it runs and waits while other calls hold too much of it.
///
/// The text detector's working memory grows with its input (about 190 bytes a pixel), so two workers
/// detecting large pages at once would hold two such peaks. With the allowance, a second large run waits
/// for the first; small runs still overlap. A call wanting more than the whole allowance runs alone.
/// Results do not change; only when runs overlap does.
final class MemoryBudget: @unchecked Sendable {
    /// The units the calls may hold together.
    let capacity: Int
    private var held = 0
    private let condition = NSCondition()

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Runs `body` once `units` (at most `capacity`) are free, holding them while it runs.
    func withUnits<T>(_ units: Int, _ body: () -> T) -> T {
        let share = min(max(0, units), capacity)
        condition.lock()
        while held + share > capacity { condition.wait() }
        held += share
        condition.unlock()
        defer {
            condition.lock()
            held -= share
            condition.broadcast()
            condition.unlock()
        }
        return body()
    }
}
