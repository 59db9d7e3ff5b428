import Synchronization

/// A flag raised once (on SIGTERM) and read by loops that should stop at their next turn.
public final class StopFlag: Sendable {
    private let raised = Mutex(false)

    /// Creates a lowered flag.
    public init() {}

    /// Raises the flag.
    public func raise() { raised.withLock { $0 = true } }

    /// Whether the flag is raised.
    public var isRaised: Bool { raised.withLock { $0 } }
}
