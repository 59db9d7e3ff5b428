import Foundation
import InvoiceModel

/// PostgreSQL's own client programs (pg_dump, pg_restore), run with the ledger's URL.
enum PostgresTools {
    /// Runs `program arguments… --dbname URL` (the password in its environment), waiting for it.
    ///
    /// - Throws: what `failure` makes of the program's complaint when it cannot start or exits non-zero.
    static func run(
        _ program: String, _ arguments: [String], url: String, failure: (String) -> LedgerError
    ) throws(LedgerError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let target: PostgresURL
        do {
            target = try PostgresURL(url)
        } catch {
            throw failure(error.description)
        }
        process.arguments = [program] + arguments + ["--dbname", target.forTools]
        if let password = target.password {
            process.environment = ProcessInfo.processInfo.environment.merging(["PGPASSWORD": password]) { $1 }
        }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw failure("cannot run \(program) (install Debian's postgresql-client): \(error)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = message.trimmingCharacters(in: .whitespacesAndNewlines)
            throw failure(
                "\(program) failed (exit \(process.terminationStatus)): \(detail.isEmpty ? "no message" : detail)")
        }
    }
}
