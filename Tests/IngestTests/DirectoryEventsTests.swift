import Foundation
import Ingest
import TestSupport
import Testing

/// inotify wake-ups on a real folder.
struct DirectoryEventsTests {
    @Test func givenWatchedFolder_whenAFileArrives_thenWaitReturnsAtOnceAndOtherwiseTimesOut() throws {
        let folder = try Paths.temporaryDirectory()
        let events = try DirectoryEvents(folder: folder.path)
        #expect(!events.wait(timeout: .milliseconds(50)), "nothing happened yet")
        FileManager.default.createFile(atPath: folder.appendingPathComponent("scan.png").path, contents: Data([1, 2]))
        let started = ContinuousClock.now
        #expect(events.wait(timeout: .seconds(5)))
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(!events.wait(timeout: .milliseconds(50)), "the events were consumed")
    }

    @Test func givenMissingFolder_whenWatched_thenErrorSaysToPoll() {
        do {
            _ = try DirectoryEvents(folder: "/nonexistent/inbox")
            Issue.record("a missing folder cannot be watched")
        } catch {
            #expect(error.description.contains("/nonexistent/inbox") && error.description.contains("--poll"))
        }
    }
}
