import Foundation
import TestSupport
import Testing

/// The REST API of a running `invcap serve`, called over HTTP by a Python client that checks every response
/// against the OpenAPI document the service publishes (jsonschema, PyYAML from PyPI).
@Suite(.serialized) struct APITests {
    @Test func givenToken_whenTheAPIIsCalled_thenEveryResponseMatchesTheOpenAPIDocument() throws {
        let python = Paths.repository.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record("the test venv is missing: run scripts/setup --test")
            return
        }
        let service = try ServeCommandTests.Service()
        #expect(try CommandRunner.invcap(["user", "add", "alice", "--database", service.database]).status == 0)
        let token = try CommandRunner.invcap([
            "user", "token", "alice", "--as", "alice", "--database", service.database,
        ])
        try #require(token.status == 0, "\(token.stderr)")
        try service.drop("fapiao/degraded/sd-004-d.jpg")
        #expect(service.waitForDrain(1), "\(service.logText)")
        let port = try #require(service.port(), "\(service.logText)")

        let result = try CommandRunner.run(
            python,
            [
                Paths.repository.appendingPathComponent("Tests/e2e/api_check.py").path, "http://127.0.0.1:\(port)",
                token.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "1",
                Paths.testdata("english/clean/inv-004.png"),
            ])
        try #require(result.status == 0, "\(result.stderr)")
        let calls = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        var status: [String: Int] = [:]
        for call in calls {
            let name = call["call"] as? String ?? "?"
            status[name] = call["status"] as? Int
            #expect((call["schemaErrors"] as? [String])?.isEmpty == true, "\(name): \(call["schemaErrors"] ?? "")")
        }
        #expect(
            status == [
                "list": 200, "list-bad-state": 400, "no-token": 401, "get": 200, "get-missing": 404,
                "get-not-a-number": 400, "patch-stale": 409, "patch-unknown-field": 400, "patch-bad-amount": 422,
                "patch": 200, "accept": 200, "accept-again": 409, "upload": 202, "upload-without-file": 400,
                "export": 200, "export-bad-format": 400,
            ])
        let upload = calls.first { $0["call"] as? String == "upload" }?["body"] as? [String: Any]
        #expect(upload?["file"] as? String == "upload.png", "the sent name loses its folders")
        // The uploaded file goes through the watcher like any other.
        #expect(service.waitForDrain(2), "\(service.logText)")
        #expect(service.names("done").contains("upload.png"))
        #expect(service.stop() == 0)
        let trail = try CommandRunner.invcap(["audit", "1", "--database", service.database])
        #expect(trail.stdout.contains("alice  field_changed  drawer"), "\(trail.stdout)")
    }
}
