/// Decides when a file dropped in the inbox may be taken: once its size and modification time have stayed
/// the same for `settle`, and it is not empty. A file still being written (by a scanner, over a network
/// share, in chunks) keeps changing and is left alone; a file that disappears is forgotten.
///
/// A value-type state machine over any clock's instants, so it is tested without sleeping.
public struct InboxTracker<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// How long a file must stay unchanged.
    public let settle: Duration
    /// The stamp each file had when it was last seen to change, and since when it has had it.
    private var seen: [String: (stamp: FileStamp, since: Instant)] = [:]

    /// Creates a tracker.
    public init(settle: Duration) {
        self.settle = settle
    }

    /// Takes a listing of the inbox and returns the names ready to take, sorted; they are forgotten here.
    ///
    /// - Parameters:
    ///   - listing: every candidate file's name and stamp (junk already left out).
    ///   - now: the current instant.
    public mutating func ready(in listing: [String: FileStamp], at now: Instant) -> [String] {
        for name in seen.keys where listing[name] == nil { seen[name] = nil }
        var ready: [String] = []
        for (name, stamp) in listing {
            guard let previous = seen[name], previous.stamp == stamp else {
                seen[name] = (stamp, now)
                continue
            }
            if stamp.size > 0, previous.since.duration(to: now) >= settle {
                ready.append(name)
                seen[name] = nil
            }
        }
        return ready.sorted()
    }

    /// The files seen but not yet ready.
    public var waiting: Int { seen.count }

    /// When the earliest waiting file could become ready, if nothing changes.
    public var nextDeadline: Instant? {
        seen.values.map { $0.since.advanced(by: settle) }.min()
    }
}
