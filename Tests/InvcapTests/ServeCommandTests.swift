import Foundation
import TestSupport
import Testing

/// `invcap serve` as a real process on a real folder: files taken once stable, filed under done/ or failed/,
/// a crashing worker, `kill -9` and restart.
@Suite(.serialized) struct ServeCommandTests {
    /// A service folder, its ledger, and the running `invcap serve`.
    final class Service {
        let folder: URL
        let database: String
        var process = Process()
        let log: URL

        init(environment: [String: String] = [:], extra: [String] = []) throws {
            folder = try Paths.temporaryDirectory()
            database = folder.appendingPathComponent("ledger.sqlite").path
            log = folder.appendingPathComponent("serve.log")
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("inbox"), withIntermediateDirectories: true)
            try start(environment: environment, extra: extra)
        }

        func start(environment: [String: String] = [:], extra: [String] = []) throws {
            process = Process()
            process.executableURL = URL(fileURLWithPath: Paths.invcap)
            process.arguments =
                [
                    "serve", folder.path, "--database", database, "--workers", "2", "--settle", "0.5", "--port", "0",
                ]
                + extra
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            if !FileManager.default.fileExists(atPath: log.path) {
                FileManager.default.createFile(atPath: log.path, contents: nil)
            }
            let handle = try FileHandle(forWritingTo: log)
            handle.seekToEndOfFile()
            process.standardError = handle
            process.standardOutput = FileHandle.nullDevice
            try process.run()
        }

        func drop(_ relative: String, as name: String? = nil) throws {
            let source = URL(fileURLWithPath: Paths.testdata(relative))
            try FileManager.default.copyItem(
                at: source, to: folder.appendingPathComponent("inbox/" + (name ?? source.lastPathComponent)))
        }

        func names(_ sub: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(sub).path)) ?? [])
                .filter { !$0.hasPrefix(".") }.sorted()
        }

        /// Waits until `done/` and `failed/` hold `count` documents together and inbox/ (but for junk) and
        /// processing/ are empty.
        func waitForDrain(_ count: Int, timeout: TimeInterval = 180) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                let finished = names("done").count + names("failed").filter { !$0.hasSuffix(".error.txt") }.count
                let waiting = names("inbox").filter { !$0.hasSuffix(".part") }
                if finished >= count, waiting.isEmpty, names("processing").isEmpty { return true }
                Thread.sleep(forTimeInterval: 0.2)
            }
            return false
        }

        func stop() -> Int32 {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            return process.terminationStatus
        }

        var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

        /// The HTTP port the service listens on, from its log.
        func port(timeout: TimeInterval = 30) -> Int? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if let match = logText.firstMatch(of: /listening on 127\.0\.0\.1:(\d+)/) { return Int(match.1) }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return nil
        }

        func ledgerFiles() throws -> [String] {
            let result = try CommandRunner.invcap([
                "review", "list", "--state", "all", "--json", "--database", database,
            ])
            return result.lines.compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["file"] as? String
            }
        }
    }

    @Test func givenGoodBadJunkAndDuplicateFiles_whenDropped_thenEachFiledOnceAndJunkLeftAlone() throws {
        let service = try Service()
        try service.drop("fapiao/clean/tc-001.png")
        try service.drop("fapiao/clean/tc-001.png", as: "same-again.png")
        try service.drop("bad/truncated.jpg")
        FileManager.default.createFile(
            atPath: service.folder.appendingPathComponent("inbox/.DS_Store").path, contents: Data([1]))
        FileManager.default.createFile(
            atPath: service.folder.appendingPathComponent("inbox/scan.part").path, contents: Data([1]))
        // A file written slowly, in chunks: taken only once it stops changing.
        let slow = service.folder.appendingPathComponent("inbox/slow.png")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Paths.testdata("english/clean/inv-001.png")))
        FileManager.default.createFile(atPath: slow.path, contents: nil)
        let writer = try FileHandle(forWritingTo: slow)
        for chunk in stride(from: 0, to: bytes.count, by: bytes.count / 5 + 1) {
            writer.write(bytes[chunk..<min(bytes.count, chunk + bytes.count / 5 + 1)])
            Thread.sleep(forTimeInterval: 0.3)
        }
        try writer.close()

        #expect(service.waitForDrain(4), "\(service.logText)")
        #expect(service.stop() == 0)
        #expect(service.names("done") == ["same-again.png", "slow.png", "tc-001.png"])
        #expect(service.names("failed") == ["truncated.jpg", "truncated.jpg.error.txt"])
        let report = try String(
            contentsOf: service.folder.appendingPathComponent("failed/truncated.jpg.error.txt"), encoding: .utf8)
        #expect(report.contains("code: corrupt-file") && report.contains("attempts: 1"))
        // The two copies of one file: whichever a worker took first is stored, the other is "already stored".
        let stored = try service.ledgerFiles().sorted()
        #expect(stored.count == 2 && stored.contains("slow.png"))
        #expect(stored.contains("tc-001.png") || stored.contains("same-again.png"))
        #expect(FileManager.default.fileExists(atPath: service.folder.appendingPathComponent("inbox/.DS_Store").path))
        #expect(FileManager.default.fileExists(atPath: service.folder.appendingPathComponent("inbox/scan.part").path))
        #expect(service.logText.contains("already stored as #"))
    }

    @Test func givenWorkerThatCrashesOnAFile_whenServing_thenThatFileFailsAfterItsAttemptsAndServiceGoesOn() throws {
        // Polling here (as on a network share), inotify in the other tests.
        let service = try Service(
            environment: ["INVCAP_WORKER_CRASH_ON": "crash-me"], extra: ["--max-attempts", "2", "--poll", "0.2"])
        try service.drop("english/clean/inv-002.png", as: "crash-me.png")
        #expect(service.waitForDrain(1, timeout: 120), "\(service.logText)")
        try service.drop("english/clean/inv-003.png")
        #expect(service.waitForDrain(2, timeout: 120), "\(service.logText)")
        #expect(service.stop() == 0)
        #expect(service.names("failed") == ["crash-me.png", "crash-me.png.error.txt"])
        let report = try String(
            contentsOf: service.folder.appendingPathComponent("failed/crash-me.png.error.txt"), encoding: .utf8)
        #expect(report.contains("code: worker-crashed") && report.contains("attempts: 2") && report.contains("signal"))
        #expect(service.names("done") == ["inv-003.png"])
        #expect(try service.ledgerFiles() == ["inv-003.png"])
    }

    @Test func givenFilesProcessed_whenMetricsScraped_thenAPrometheusParserReadsTheCounts() throws {
        let python = Paths.repository.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record("the test venv is missing: run scripts/setup --test")
            return
        }
        let service = try Service()
        try service.drop("fapiao/clean/tc-002.png")
        try service.drop("bad/truncated.jpg")
        #expect(service.waitForDrain(2), "\(service.logText)")
        let port = try #require(service.port(), "\(service.logText)")
        // prometheus_client's own text-format parser: every sample by metric name and labels.
        let script = """
            import json, sys, urllib.request
            from prometheus_client.parser import text_string_to_metric_families
            base = "http://127.0.0.1:%s" % sys.argv[1]
            text = urllib.request.urlopen(base + "/metrics").read().decode()
            samples = {}
            for family in text_string_to_metric_families(text):
                for s in family.samples:
                    key = s.name + "".join("|%s=%s" % kv for kv in sorted(s.labels.items()))
                    samples[key] = s.value
            health = urllib.request.urlopen(base + "/healthz")
            print(json.dumps({"samples": samples, "health": json.loads(health.read()), "status": health.status}))
            """
        let result = try CommandRunner.run(python, ["-c", script, String(port)])
        #expect(service.stop() == 0)
        try #require(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let samples = try #require(object["samples"] as? [String: Double])
        #expect(samples["invcap_documents_total|outcome=failed"] == 1)
        #expect(
            samples["invcap_documents_total|outcome=accepted"] ?? samples["invcap_documents_total|outcome=needs_review"]
                == 1)
        #expect(samples["invcap_queue_depth"] == 0)
        #expect(samples["invcap_stage_seconds_count|stage=extract"] == 1)
        #expect((samples["invcap_stage_seconds_count|stage=total"] ?? 0) == 2)
        let health = try #require(object["health"] as? [String: Any])
        #expect(object["status"] as? Int == 200 && health["status"] as? String == "ok" && health["failed"] as? Int == 1)
    }

    @Test func givenFilesInFlight_whenSIGTERM_thenCleanExitNothingLostAndTheRestDoneAfterRestart() throws {
        let service = try Service()
        let files = LabelledDocuments.list(Paths.testdata("english/degraded")).prefix(8).map {
            URL(fileURLWithPath: $0).lastPathComponent
        }
        for file in files { try service.drop("english/degraded/" + file) }
        let deadline = Date().addingTimeInterval(120)
        while service.names("done").isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(service.stop() == 0, "\(service.logText)")
        #expect(service.logText.contains("stopped:"))
        let everywhere = service.names("inbox") + service.names("processing") + service.names("done")
        #expect(everywhere.sorted() == files.sorted(), "every file in exactly one folder")
        #expect(service.names("done").count < files.count, "stopped before the end")
        #expect(try service.ledgerFiles().sorted() == service.names("done"), "done/ holds exactly the stored files")

        try service.start()
        #expect(service.waitForDrain(files.count), "\(service.logText)")
        #expect(service.stop() == 0)
        #expect(try service.ledgerFiles().sorted() == files.sorted())
    }

    @Test func givenServiceKilledMidway_whenStartedAgain_thenEveryFileStoredExactlyOnce() throws {
        let service = try Service()
        let files = LabelledDocuments.list(Paths.testdata("fapiao/degraded")).prefix(8)
        for file in files { try service.drop("fapiao/degraded/" + URL(fileURLWithPath: file).lastPathComponent) }
        let deadline = Date().addingTimeInterval(120)
        while service.names("done").count < 2, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        kill(service.process.processIdentifier, SIGKILL)
        service.process.waitUntilExit()
        #expect(service.names("done").count < files.count, "killed before it finished")

        try service.start()
        #expect(service.waitForDrain(files.count), "\(service.logText)")
        #expect(service.stop() == 0)
        let stored = try service.ledgerFiles()
        #expect(stored.count == files.count)
        #expect(Set(stored).count == files.count)
        #expect(service.names("done").count == files.count)
        #expect(service.names("failed").isEmpty)
    }
}
