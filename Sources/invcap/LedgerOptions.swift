import ArgumentParser
import Foundation
import InvoiceModel
import Storage

/// `--database` and `--as`: which ledger, and who is acting.
struct LedgerOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The ledger: an SQLite file (default: $INVCAP_DATABASE, else $XDG_DATA_HOME/invoicecapture/ledger.sqlite, i.e. ~/.local/share/invoicecapture/ledger.sqlite; originals and page images go to archive/ beside it), or a PostgreSQL database shared by several machines, postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require] (originals and page images are kept in it).",
            valueName: "file|url"))
    var database: String?

    /// The database path in force.
    var databasePath: String {
        if let database { return database }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["INVCAP_DATABASE"], !path.isEmpty { return path }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (dataHome as NSString).appendingPathComponent("invoicecapture/ledger.sqlite")
    }

    /// Opens the ledger, or ends the command with the database's reason.
    func open() async throws -> any Ledger {
        do {
            return try await Ledgers.open(databasePath)
        } catch {
            throw CLIError(error.description)
        }
    }
}

/// `--as NAME`: the person acting (default: the operating-system user).
struct ActorOptions: ParsableArguments {
    @Option(
        name: .customLong("as"),
        help: ArgumentHelp("Who you are in the ledger (default: your login name).", valueName: "name"))
    var name: String?

    /// The acting person's name.
    var actor: String {
        if let name { return name }
        let environment = ProcessInfo.processInfo.environment
        return environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
    }
}

/// Runs `body`, turning ledger and review errors into the command's error message.
func ledgerAction<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as LedgerError {
        throw CLIError(error.description)
    } catch let error as ReviewRefusal {
        throw CLIError(error.description)
    } catch let error as ValueError {
        throw CLIError(error.description)
    }
}
