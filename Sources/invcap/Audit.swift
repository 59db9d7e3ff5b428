import ArgumentParser
import Foundation
import InvoiceModel
import ReviewWeb
import Storage

/// `invcap audit ID`: a document's append-only trail.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Every change to a document: who, when, field, old → new, why.",
        discussion: """
            Examples:
              invcap audit 12
              invcap audit --json 12
            """)
    @Argument(help: "The document's number.") var id: Int64
    @Flag(help: "One JSON object per event.") var json = false
    @OptionGroup var ledger: LedgerOptions

    func run() async throws {
        let store = try await ledger.open()
        guard try await ledgerAction({ try await store.document(id: id) }) != nil else {
            throw CLIError(LedgerError.noSuchDocument(id: id).description)
        }
        for event in try await ledgerAction({ try await store.auditTrail(documentID: id) }) {
            print(json ? Self.json(event).serialized() : Self.line(event))
        }
    }

    static func line(_ event: AuditEvent) -> String {
        var text = "\(StoredDocument.timestamp(event.at))  \(event.actor)  \(event.action.rawValue)"
        if let field = event.field {
            text += "  \(field): \(event.oldValue ?? "(none)") → \(event.newValue ?? "(removed)")"
        } else if let value = event.newValue {
            text += "  → \(value)"
        }
        if let reason = event.reason { text += "  (\(reason))" }
        return text
    }

    static func json(_ event: AuditEvent) -> JSONValue {
        .object([
            ("id", .int(Int(event.id))), ("document", .int(Int(event.documentID))),
            ("at", .string(StoredDocument.timestamp(event.at))), ("actor", .string(event.actor)),
            ("action", .string(event.action.rawValue)), ("field", event.field.map(JSONValue.string) ?? .null),
            ("old", event.oldValue.map(JSONValue.string) ?? .null),
            ("new", event.newValue.map(JSONValue.string) ?? .null),
            ("reason", event.reason.map(JSONValue.string) ?? .null),
        ])
    }
}

/// `invcap user add|list`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "The people who review documents, and their roles.",
        discussion: """
            Roles: reviewer (correct, accept, reject), approver (also the second approval), admin (also people \
            and rules). The first person added needs no rights; after that only an admin adds people.

            Examples:
              invcap user add alice --role admin
              echo 'horse' | invcap user add bob --role reviewer --password-stdin --as alice
              echo 'battery staple' | invcap user password bob --as bob
              invcap user list
            """,
        subcommands: [UserAdd.self, UserPassword.self, UserToken.self, UserList.self])
}

struct UserAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a person or change their role.")
    @Argument(help: "The person's name.") var name: String
    @Option(help: "reviewer, approver or admin.") var role: String = "reviewer"
    @Flag(help: "Read a password for the review UI from the first line of standard input.") var passwordStdin = false
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var person: ActorOptions

    func validate() throws {
        guard ReviewRole(rawValue: role) != nil else { throw ValidationError("--role is reviewer, approver or admin") }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("give a name") }
    }

    func run() async throws {
        let store = try await ledger.open()
        let hash = passwordStdin ? Credentials.hash(password: try PasswordInput.read()) : nil
        try await ledgerAction {
            if !(try await store.reviewers().isEmpty) {
                _ = try await store.authorize(person.actor, to: "add people", needs: .admin)
            }
            try await store.saveReviewer(Reviewer(name: name, role: ReviewRole(rawValue: role) ?? .reviewer))
        }
        if let hash {
            try await ledgerAction { try await store.setPasswordHash(hash, for: name) }
        }
        print("\(name): \(role)\(passwordStdin ? ", password set" : "")")
    }
}

struct UserPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password",
        abstract: "Set a person's review-UI password from standard input (yourself, or anyone as an admin).")
    @Argument(help: "The person's name.") var name: String
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var person: ActorOptions

    func run() async throws {
        let store = try await ledger.open()
        try await ledgerAction {
            _ = try await store.authorize(
                person.actor, to: "set another person's password", needs: .admin, unlessOwner: name)
        }
        let hash = Credentials.hash(password: try PasswordInput.read())
        try await ledgerAction { try await store.setPasswordHash(hash, for: name) }
        print("\(name): password set")
    }
}

struct UserToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Make an API token for a person (yourself, or anyone as an admin); it is printed once.",
        discussion: """
            Example:
              invcap user token alice --label "nightly export"
              curl -H "Authorization: Bearer TOKEN" http://127.0.0.1:8350/api/v1/documents
            """)
    @Argument(help: "The person's name.") var name: String
    @Option(help: "What the token is for.") var label = "api"
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var person: ActorOptions

    func run() async throws {
        let store = try await ledger.open()
        let token = Credentials.newToken()
        try await ledgerAction {
            _ = try await store.authorize(person.actor, to: "make tokens for others", needs: .admin, unlessOwner: name)
            try await store.createAPIToken(hash: Credentials.digest(token), for: name, label: label)
        }
        print(token)
    }
}

/// A password from the first line of standard input.
enum PasswordInput {
    static let minimumLength = 8

    static func read() throws -> String {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw CLIError(
                "give the password on standard input, e.g. echo 'long passphrase' | invcap user password NAME")
        }
        guard line.count >= minimumLength else {
            throw CLIError("the password is too short: at least \(minimumLength) characters")
        }
        return line
    }
}

struct UserList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Everyone and their role.")
    @OptionGroup var ledger: LedgerOptions

    func run() async throws {
        let store = try await ledger.open()
        let people = try await ledgerAction { try await store.reviewers() }
        if people.isEmpty { print("nobody yet: invcap user add NAME --role admin") }
        for reviewer in people { print("\(reviewer.name)  \(reviewer.role.rawValue)") }
    }
}

/// `invcap backup FILE` and `invcap restore FILE`.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the ledger to FILE (consistent while others use it) and its archive to FILE.archive/.",
        discussion: """
            Uses SQLite's online backup: ingestion and review may go on meanwhile. A PostgreSQL ledger is \
            copied with pg_dump --format=custom (its originals and page images are in the database; needs \
            Debian's postgresql-client), restored with invcap restore or pg_restore.

            Example:
              invcap backup /backups/ledger-2026-11-23.sqlite
            """)
    @Argument(help: "A new file.") var file: String
    @OptionGroup var ledger: LedgerOptions

    func run() async throws {
        let store = try await ledger.open()
        try await ledgerAction { try await store.backup(to: file) }
        let counts = try await ledgerAction { try await store.counts() }
        let archive =
            Ledgers.isPostgres(store.location) ? "originals and page images included" : "archive: \(file).archive/"
        print("backed up \(counts.values.reduce(0, +)) documents to \(file) (\(archive))")
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the ledger's content with a backup made by invcap backup.",
        discussion: """
            Stop ingestion and review first: everything stored after the backup is replaced.

            Example:
              invcap restore /backups/ledger-2026-11-23.sqlite --database /srv/ledger.sqlite
            """)
    @Argument(help: "The backup file.") var file: String
    @OptionGroup var ledger: LedgerOptions

    func run() async throws {
        let store = try await ledger.open()
        try await ledgerAction { try await store.restore(from: file) }
        let counts = try await ledgerAction { try await store.counts() }
        print("restored \(counts.values.reduce(0, +)) documents into \(store.location)")
    }
}
