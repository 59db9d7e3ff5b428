import Foundation
import TestSupport
import Testing

/// The review UI end to end in a real headless Chromium (Debian's chromium and chromedriver, driven by Selenium
/// from PyPI): sign in, open a flagged fapiao, correct its flagged fields with the keyboard only, accept, see it
/// leave the queue, and find every change in the audit trail. The document page's screenshot is kept in
/// test-artifacts/review-document.png.
@Suite(.serialized) struct ReviewBrowserTests {
    @Test func givenFlaggedFapiao_whenCorrectedWithTheKeyboardAndAccepted_thenItLeavesTheQueueAndTheTrailShowsIt()
        throws
    {
        let python = Paths.repository.appendingPathComponent(".venv/bin/python").path
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromedriver"]
        guard FileManager.default.isExecutableFile(atPath: python),
            chromium.allSatisfy(FileManager.default.isExecutableFile(atPath:))
        else {
            Issue.record("chromium, chromedriver or the test venv is missing: run scripts/setup --test")
            return
        }
        let service = try ServeCommandTests.Service()
        let add = try CommandRunner.run(
            "/bin/sh",
            [
                "-c", "echo 'correct horse' | \"$0\" user add alice --role reviewer --password-stdin --database \"$1\"",
                Paths.invcap, service.database,
            ])
        try #require(add.status == 0, "\(add.stderr)")
        let scan = "fapiao/degraded/sd-004-d.jpg"
        try service.drop(scan)
        #expect(service.waitForDrain(1), "\(service.logText)")
        let port = try #require(service.port(), "\(service.logText)")
        let listed = try CommandRunner.invcap(["review", "list", "--json", "--database", service.database])
        let id = try #require(
            (try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])?["id"] as? Int,
            "sd-004-d is in review: \(listed.stdout)")

        let artifacts = Paths.repository.appendingPathComponent("test-artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let screenshot = artifacts.appendingPathComponent("review-document.png")
        try? FileManager.default.removeItem(at: screenshot)
        let label = URL(fileURLWithPath: Paths.testdata(scan)).deletingPathExtension().appendingPathExtension("json")
        let browser = try CommandRunner.run(
            python,
            [
                Paths.repository.appendingPathComponent("Tests/e2e/review_ui.py").path, "http://127.0.0.1:\(port)",
                "alice", "correct horse", String(id), label.path, screenshot.path,
            ])
        #expect(service.stop() == 0)
        try #require(browser.status == 0, "\(browser.stderr)")
        let done = try #require(try JSONSerialization.jsonObject(with: Data(browser.stdout.utf8)) as? [String: Any])
        let corrected = done["corrected"] as? [String] ?? []
        let confirmed = done["confirmed"] as? [String] ?? []
        #expect((done["flaggedAtStart"] as? Int ?? 0) > 0)
        #expect(corrected.count + confirmed.count >= (done["flaggedAtStart"] as? Int ?? 0))
        #expect((done["boxHighlighted"] as? [Bool])?.contains(true) == true, "focusing a field outlines its box")
        #expect(done["stillQueued"] as? Bool == false, "accepted, out of the queue: \(done)")
        #expect(FileManager.default.fileExists(atPath: screenshot.path))

        let trail = try CommandRunner.invcap(["audit", "--json", String(id), "--database", service.database])
        let events = trail.lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let changed = events.filter { $0["action"] as? String == "field_changed" && $0["actor"] as? String == "alice" }
        #expect(Set(changed.compactMap { $0["field"] as? String }) == Set(corrected + confirmed))
        #expect(events.last?["action"] as? String == "accepted" && events.last?["actor"] as? String == "alice")
    }
}
