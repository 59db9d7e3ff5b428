/// Attempts per file and when the next may start: transient failures (disk full, file busy, a worker that
/// died) are retried with exponential backoff; after `maxAttempts` a file is given up on.
///
/// A value-type state machine over any clock's instants.
public struct RetrySchedule<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// Attempts before giving up (the first included).
    public let maxAttempts: Int
    /// Wait after the first failure; doubled after each further one.
    public let firstDelay: Duration
    /// The longest wait.
    public let maxDelay: Duration
    private var entries: [String: (attempts: Int, notBefore: Instant)] = [:]

    /// What to do after a failed attempt.
    public enum Decision: Sendable, Hashable {
        /// Try again, not before the instant.
        case retry(after: Duration, attempt: Int)
        /// Stop: the file goes to `failed/`.
        case giveUp(attempts: Int)
    }

    /// Creates a schedule.
    public init(maxAttempts: Int, firstDelay: Duration, maxDelay: Duration) {
        self.maxAttempts = max(1, maxAttempts)
        self.firstDelay = firstDelay
        self.maxDelay = maxDelay
    }

    /// Records a failed attempt on `name`.
    public mutating func failed(_ name: String, at now: Instant) -> Decision {
        let attempts = (entries[name]?.attempts ?? 0) + 1
        guard attempts < maxAttempts else {
            entries[name] = nil
            return .giveUp(attempts: attempts)
        }
        var delay = firstDelay
        for _ in 1..<attempts { delay = min(maxDelay, delay * 2) }
        entries[name] = (attempts, now.advanced(by: delay))
        return .retry(after: delay, attempt: attempts)
    }

    /// Forgets `name` (it succeeded, or was given up on elsewhere).
    public mutating func succeeded(_ name: String) {
        entries[name] = nil
    }

    /// Attempts made so far on `name`.
    public func attempts(_ name: String) -> Int { entries[name]?.attempts ?? 0 }

    /// Whether `name` may be attempted now.
    public func isDue(_ name: String, at now: Instant) -> Bool {
        guard let entry = entries[name] else { return true }
        return entry.notBefore <= now
    }
}
