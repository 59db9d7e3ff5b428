import Capture
import Testing

/// An instant on a clock the test moves by hand.
struct ManualInstant: InstantProtocol {
    var offset: Duration
    func advanced(by duration: Duration) -> ManualInstant { ManualInstant(offset: offset + duration) }
    func duration(to other: ManualInstant) -> Duration { other.offset - offset }
    static func < (lhs: ManualInstant, rhs: ManualInstant) -> Bool { lhs.offset < rhs.offset }
    static func seconds(_ value: Double) -> ManualInstant { ManualInstant(offset: .milliseconds(Int(value * 1000))) }
}

/// The inbox's stability rule and the retry backoff, on a hand-moved clock: no sleeping.
struct WatcherStateTests {
    @Test func givenFileStillGrowing_whenListed_thenTakenOnlyAfterItStaysTheSameForTheSettleTime() {
        var tracker = InboxTracker<ManualInstant>(settle: .seconds(2))
        #expect(tracker.ready(in: ["a.pdf": FileStamp(size: 100, modified: 1)], at: .seconds(0)).isEmpty)
        #expect(tracker.ready(in: ["a.pdf": FileStamp(size: 200, modified: 2)], at: .seconds(1.5)).isEmpty)
        #expect(tracker.ready(in: ["a.pdf": FileStamp(size: 200, modified: 2)], at: .seconds(3)).isEmpty)
        #expect(tracker.nextDeadline == .seconds(3.5))
        #expect(tracker.ready(in: ["a.pdf": FileStamp(size: 200, modified: 2)], at: .seconds(3.5)) == ["a.pdf"])
        #expect(tracker.waiting == 0)
    }

    @Test func givenTouchedWithoutGrowing_whenListed_thenTheClockStartsAgain() {
        var tracker = InboxTracker<ManualInstant>(settle: .seconds(2))
        _ = tracker.ready(in: ["a.pdf": FileStamp(size: 100, modified: 1)], at: .seconds(0))
        #expect(tracker.ready(in: ["a.pdf": FileStamp(size: 100, modified: 5)], at: .seconds(1.9)).isEmpty)
        #expect(tracker.ready(in: ["a.pdf": FileStamp(size: 100, modified: 5)], at: .seconds(3)).isEmpty)
        #expect(tracker.ready(in: ["a.pdf": FileStamp(size: 100, modified: 5)], at: .seconds(3.9)) == ["a.pdf"])
    }

    @Test func givenEmptyOrVanishedFiles_whenListed_thenNeverTakenAndForgotten() {
        var tracker = InboxTracker<ManualInstant>(settle: .seconds(1))
        let listing = ["empty.png": FileStamp(size: 0, modified: 1), "gone.png": FileStamp(size: 9, modified: 1)]
        _ = tracker.ready(in: listing, at: .seconds(0))
        #expect(tracker.ready(in: ["empty.png": listing["empty.png"]!], at: .seconds(5)).isEmpty)
        #expect(tracker.waiting == 1)
        #expect(tracker.ready(in: [:], at: .seconds(6)).isEmpty)
        #expect(tracker.waiting == 0)
    }

    @Test func givenSeveralFilesReady_whenListed_thenReturnedInNameOrder() {
        var tracker = InboxTracker<ManualInstant>(settle: .zero)
        let stamp = FileStamp(size: 1, modified: 1)
        _ = tracker.ready(in: ["c": stamp, "a": stamp, "b": stamp], at: .seconds(0))
        #expect(tracker.ready(in: ["c": stamp, "a": stamp, "b": stamp], at: .seconds(0)) == ["a", "b", "c"])
    }

    @Test func givenRepeatedFailures_whenScheduled_thenBackoffDoublesToItsCapThenGivesUp() {
        var schedule = RetrySchedule<ManualInstant>(maxAttempts: 4, firstDelay: .seconds(1), maxDelay: .seconds(3))
        #expect(schedule.isDue("x", at: .seconds(0)))
        #expect(schedule.failed("x", at: .seconds(0)) == .retry(after: .seconds(1), attempt: 1))
        #expect(!schedule.isDue("x", at: .seconds(0.5)))
        #expect(schedule.isDue("x", at: .seconds(1)))
        #expect(schedule.failed("x", at: .seconds(1)) == .retry(after: .seconds(2), attempt: 2))
        #expect(schedule.failed("x", at: .seconds(3)) == .retry(after: .seconds(3), attempt: 3))
        #expect(schedule.attempts("x") == 3)
        #expect(schedule.failed("x", at: .seconds(6)) == .giveUp(attempts: 4))
        #expect(schedule.attempts("x") == 0)
    }

    @Test func givenSuccessAfterAFailure_whenScheduled_thenTheCountStartsOver() {
        var schedule = RetrySchedule<ManualInstant>(maxAttempts: 2, firstDelay: .seconds(1), maxDelay: .seconds(1))
        _ = schedule.failed("x", at: .seconds(0))
        schedule.succeeded("x")
        #expect(schedule.failed("x", at: .seconds(5)) == .retry(after: .seconds(1), attempt: 1))
    }
}
