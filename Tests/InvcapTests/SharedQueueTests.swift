import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Several `invcap worker` processes on one PostgreSQL queue, fed through a shared inbox, one of them killed
/// mid-way, and the review UI in another process: every file is stored once and the UI shows the documents.
@Suite(.serialized) struct SharedQueueTests {
    /// A running `invcap` process with its log.
    final class Node {
        let process = Process()
        let log: URL

        init(_ arguments: [String], log: URL) throws {
            self.log = log
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.executableURL = URL(fileURLWithPath: Paths.invcap)
            process.arguments = arguments
            // The queue is under test, not recognition: Tesseract alone reads the 300 header crops (the
            // whole-page second reader would triple the time of this debug-build test).
            process.environment = ProcessInfo.processInfo.environment.merging([
                "OMP_THREAD_LIMIT": "1", "INVCAP_PAGE_DETECTOR": "off",
            ]) { $1 }
            process.standardError = try FileHandle(forWritingTo: log)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
        }

        var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

        func stop() {
            if process.isRunning { kill(process.processIdentifier, SIGTERM) }
            process.waitUntilExit()
        }
    }

    /// One row of numbers from the queue's database.
    static func numbers(_ url: String, _ sql: String) throws -> [Int] {
        let result = try PostgresTestServer.psql(url, sql)
        guard result.status == 0 else { throw FixtureError("psql: \(result.stderr)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").compactMap {
            Int($0)
        }
    }

    /// Waits until `condition` holds, at most `timeout` seconds.
    static func wait(_ timeout: TimeInterval, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.3)
        }
        return try condition()
    }

    @Test func givenThreeWorkersOnOneQueue_whenOneIsKilledMidway_thenEachFileIsStoredOnceAndTheUIShowsThem() throws {
        let url = try PostgresTestServer.newDatabase()
        let folder = try Paths.temporaryDirectory()
        let share = folder.appendingPathComponent("share")
        let staging = folder.appendingPathComponent("staging")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        // 300 distinct files: the header crop (fast to read) with a different trailing byte string each (the
        // hash changes, the picture does not), and ten whole invoices.
        let header = try Data(contentsOf: URL(fileURLWithPath: Paths.testdata("formats/header.png")))
        for index in 0..<290 {
            try (header + Data("\n\(index)\n".utf8)).write(to: staging.appendingPathComponent("h-\(index).png"))
        }
        for index in 1...10 {
            let name = String(format: "tc-%03d.png", index)
            try FileManager.default.copyItem(
                at: URL(fileURLWithPath: Paths.testdata("fapiao/clean/" + name)),
                to: staging.appendingPathComponent(name))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: staging.path)
        #expect(names.count == 300)

        let workers = try (1...3).map { index in
            try Node(
                [
                    "worker", "--database", url, "--inbox", share.path, "--jobs", "1", "--lease", "3", "--poll",
                    "0.3", "--settle", "0.3", "--name", "w\(index)",
                ], log: folder.appendingPathComponent("w\(index).log"))
        }
        defer { for worker in workers { worker.stop() } }
        let ui = try Node(
            ["serve", "--database", url, "--port", "0"], log: folder.appendingPathComponent("serve.log"))
        defer { ui.stop() }
        #expect(Self.wait(30) { FileManager.default.fileExists(atPath: share.appendingPathComponent("inbox").path) })
        for name in names {
            try FileManager.default.moveItem(
                at: staging.appendingPathComponent(name), to: share.appendingPathComponent("inbox/" + name))
        }

        // Kill w1 while it holds a job, once the queue is well under way.
        let busy = try Self.wait(300) {
            let row = try Self.numbers(
                url,
                "SELECT count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state = 'running' AND lease_owner = 'w1') FROM jobs"
            )
            return row.count == 2 && row[0] >= 60 && row[1] == 1
        }
        try #require(busy, "w1 never held a job after 60 were done: \(workers[0].logText)")
        kill(workers[0].process.processIdentifier, SIGKILL)
        workers[0].process.waitUntilExit()
        let held = try PostgresTestServer.psql(
            url, "SELECT id FROM jobs WHERE state = 'running' AND lease_owner = 'w1'"
        )
        .stdout.split(separator: "\n").compactMap { Int($0) }
        #expect(held.count == 1, "w1 held one job when it was killed")

        let drained = try Self.wait(600) {
            try Self.numbers(url, "SELECT count(*) FROM jobs WHERE state IN ('done', 'failed')").first == 300
        }
        try #require(drained, "not drained: \(workers[1].logText.suffix(2000))")

        // Each file processed exactly once: 300 jobs done, 300 documents, one ingest event each.
        #expect(try Self.numbers(url, "SELECT count(*) FROM jobs WHERE state = 'done'") == [300])
        #expect(try Self.numbers(url, "SELECT count(*), count(DISTINCT sha256) FROM documents") == [300, 300])
        #expect(try Self.numbers(url, "SELECT count(*) FROM audit_events WHERE action = 'ingested'") == [300])
        #expect(try Self.numbers(url, "SELECT count(*) FROM jobs WHERE document_id IS NULL") == [0])
        // The killed worker's job was finished by another, after its lease ran out.
        for job in held {
            let row = try PostgresTestServer.psql(url, "SELECT finished_by, attempts FROM jobs WHERE id = \(job)")
                .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(row == "w2|2" || row == "w3|2", "job \(job): \(row)")
        }
        // Every worker did part of the work; the folders are settled.
        let byWorker = try Self.numbers(
            url,
            "SELECT count(*) FILTER (WHERE finished_by = 'w1'), count(*) FILTER (WHERE finished_by = 'w2'), count(*) FILTER (WHERE finished_by = 'w3') FROM jobs"
        )
        #expect(byWorker.count == 3 && byWorker.allSatisfy { $0 > 0 }, "\(byWorker)")
        let settled = Self.wait(30) {
            (try? FileManager.default.contentsOfDirectory(atPath: share.appendingPathComponent("done").path))?.count
                == 300
        }
        #expect(settled)
        #expect(try FileManager.default.contentsOfDirectory(atPath: share.appendingPathComponent("inbox").path).isEmpty)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: share.appendingPathComponent("processing").path)
                .isEmpty)

        // The review UI, in its own process, shows them: the queue, a document the survivors stored after the
        // kill, and its page image from the database.
        let add = try CommandRunner.run(
            "/bin/sh",
            [
                "-c",
                "echo 'correct horse battery' | \"$0\" user add rita --role reviewer --password-stdin --database \"$1\"",
                Paths.invcap, url,
            ])
        try #require(add.status == 0, "\(add.stderr)")
        let port = try #require(ui.logText.firstMatch(of: /listening on 127\.0\.0\.1:(\d+)/).map { String($0.1) })
        let late = try Self.numbers(url, "SELECT document_id FROM jobs WHERE id = \(held.first ?? 0)")
        let ids = try Self.numbers(url, "SELECT min(id), max(id) FROM documents") + late
        let check = try CommandRunner.run(
            Paths.repository.appendingPathComponent(".venv/bin/python").path,
            [
                Paths.repository.appendingPathComponent("Tests/e2e/ui_sees.py").path, "http://127.0.0.1:\(port)",
                "rita",
                "correct horse battery",
            ] + ids.map(String.init))
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any], "\(check.stderr)")
        #expect(report["queue"] as? Int == 200)
        #expect((report["queueRows"] as? Int ?? 0) >= 1)
        let documents = try #require(report["documents"] as? [String: [String: Any]])
        for id in ids {
            let seen = try #require(documents[String(id)], "\(report)")
            #expect(seen["status"] as? Int == 200 && seen["namesItself"] as? Bool == true, "#\(id): \(seen)")
            #expect(
                seen["imageStatus"] as? Int == 200 && seen["imageType"] as? String == "image/jpeg", "#\(id): \(seen)")
        }
    }
}
