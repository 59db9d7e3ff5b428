public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real PostgreSQL server for the tests: the one `$INVCAP_TEST_POSTGRES` names (scripts/test starts one),
/// else one this process starts with `scripts/pg-test-server` and stops when it exits.
public enum PostgresTestServer {
    /// The server's URL (its `postgres` database).
    public static func url() throws -> String {
        try started.get()
    }

    /// A new, empty database on the server, by URL.
    public static func newDatabase() throws -> String {
        let server = try url()
        let name = "t_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        let result = try psql(server, "CREATE DATABASE \(name)")
        guard result.status == 0 else { throw FixtureError("cannot create database \(name): \(result.stderr)") }
        return server.replacingOccurrences(of: "/postgres?", with: "/\(name)?")
    }

    /// Runs one SQL command with psql against `url`.
    public static func psql(_ url: String, _ sql: String) throws -> CommandResult {
        try CommandRunner.run("/usr/bin/env", ["psql", "--no-psqlrc", "-v", "ON_ERROR_STOP=1", "-qAt", url, "-c", sql])
    }

    private static let started: Result<String, FixtureError> = {
        if let given = ProcessInfo.processInfo.environment["INVCAP_TEST_POSTGRES"], !given.isEmpty {
            return .success(given)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "invcap-pg-\(getpid())-\(UUID().uuidString.prefix(8))")
        let script = Paths.repository.appendingPathComponent("scripts/pg-test-server").path
        let urlFile = directory.path + ".url"
        // system(3), not Process: the server the script leaves running must not keep this process waiting.
        let status = system("PG_FSYNC=off '\(script)' start '\(directory.path)' > '\(urlFile)'")
        defer { try? FileManager.default.removeItem(atPath: urlFile) }
        guard status == 0, let url = try? String(contentsOfFile: urlFile, encoding: .utf8) else {
            return .failure(
                FixtureError(
                    "scripts/pg-test-server could not start PostgreSQL (exit \(status)): see its message above"))
        }
        ownedServer.set(directory.path)
        atexit { PostgresTestServer.stopOwned() }
        return .success(url.trimmingCharacters(in: .whitespacesAndNewlines))
    }()

    private static let ownedServer = Locked<String?>(nil)

    /// Stops the server this process started, if any.
    static func stopOwned() {
        guard let directory = ownedServer.value else { return }
        let script = Paths.repository.appendingPathComponent("scripts/pg-test-server").path
        _ = system("'\(script)' stop '\(directory)' >/dev/null 2>&1")
    }
}
