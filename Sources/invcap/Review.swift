import ArgumentParser
import Capture
import Foundation
import InvoiceModel
import Storage

/// `invcap review …`: the review queue from the command line.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List, show, correct, accept and reject documents waiting for review.",
        discussion: """
            Examples:
              invcap review list
              invcap review show 12
              invcap review set 12 sellerTaxID 91320594MA1MFD7F31 --as alice
              invcap review set 12 lineItems.1.amount 15.94 --as alice
              invcap review accept 12 --as alice
              invcap review reject 13 --reason "not our invoice" --as alice
              invcap review rule --second-approval-above 10000 --as admin
            """,
        subcommands: [
            ReviewList.self, ReviewShow.self, ReviewSet.self, ReviewAccept.self, ReviewReject.self, ReviewRule.self,
        ])
}

/// `invcap review list`.
struct ReviewList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Documents waiting for review (or in another state), oldest first.")

    @Option(help: "needs_review (default), accepted, rejected or all.")
    var state = "needs_review"
    @Option(help: "Only documents with a reason containing this text (e.g. duplicate, sellerTaxID).")
    var reason: String?
    @Option(help: "Only documents whose seller name or tax ID contains this text.")
    var seller: String?
    @Flag(help: "Only duplicates of other documents.")
    var duplicates = false
    @Option(help: "At most this many.")
    var limit = 200
    @Flag(help: "One JSON object per document.")
    var json = false
    @OptionGroup var ledger: LedgerOptions

    func validate() throws {
        guard state == "all" || DocumentState(rawValue: state) != nil else {
            throw ValidationError("--state is one of needs_review, accepted, rejected, all")
        }
    }

    func run() async throws {
        let store = try await ledger.open()
        let query = DocumentQuery(
            state: DocumentState(rawValue: state), reason: reason, seller: seller, duplicatesOnly: duplicates,
            limit: limit)
        let rows = try await ledgerAction { try await store.list(query) }
        if json {
            for row in rows { print(row.json.serialized()) }
            return
        }
        if rows.isEmpty {
            print("no documents \(state == "all" ? "" : "in state \(state)")")
            return
        }
        for row in rows { print(ReviewPrinter.line(row)) }
        let counts = try await ledgerAction { try await store.counts() }
        print(
            "\(rows.count) shown; ledger: \(counts[.needsReview] ?? 0) to review, \(counts[.accepted] ?? 0) accepted, \(counts[.rejected] ?? 0) rejected"
        )
    }
}

/// `invcap review show ID`.
struct ReviewShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "A document's fields, confidences, flags, checks and reasons.")
    @Argument(help: "The document's number.") var id: Int64
    @Flag(help: "Print the document as JSON.") var json = false
    @OptionGroup var ledger: LedgerOptions

    func run() async throws {
        let store = try await ledger.open()
        guard let document = try await ledgerAction({ try await store.document(id: id) }) else {
            throw CLIError(LedgerError.noSuchDocument(id: id).description)
        }
        print(json ? document.json.serialized() : ReviewPrinter.document(document, ledger: store))
    }
}

/// `invcap review set ID FIELD VALUE`.
struct ReviewSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Correct (or confirm) a field; the checks run again at once.",
        discussion: """
            FIELD is a CONTRACT.md field name (sellerTaxID, totalAmount, issueDate …) or lineItems.N.NAME \
            (N from 1). Values are brought into the contract's format (1,234.5 → 1234.50); an empty value \
            removes the field. Setting a field to the value it has confirms it.
            """)
    @Argument(help: "The document's number.") var id: Int64
    @Argument(help: "The field.") var field: String
    @Argument(help: "The new value.") var value: String
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var person: ActorOptions

    func run() async throws {
        let path: FieldPath
        do {
            path = try FieldPath(parsing: field)
        } catch {
            throw ValidationError(error.description)
        }
        let store = try await ledger.open()
        let desk = ReviewDesk(store: store, today: CalendarToday.latestTimeZone)
        let correction = try await ledgerAction {
            try await desk.set(path, to: value, document: id, by: person.actor)
        }
        print(ReviewPrinter.correction(correction, path: path))
    }
}

/// `invcap review accept ID`.
struct ReviewAccept: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Approve a document; it is accepted once the approval rule holds.",
        discussion: "A failing check refuses the approval unless --reason says why it is accepted anyway.")
    @Argument(help: "The document's number.") var id: Int64
    @Option(help: "Why a failing check is accepted anyway.") var reason: String?
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var person: ActorOptions

    func run() async throws {
        let store = try await ledger.open()
        let desk = ReviewDesk(store: store, today: CalendarToday.latestTimeZone)
        let document = try await ledgerAction {
            try await desk.approve(document: id, by: person.actor, override: reason)
        }
        if document.state == .accepted {
            print("#\(id) accepted")
        } else {
            print("#\(id) approved by \(person.actor), still in review: \(document.reasons.last ?? "")")
        }
    }
}

/// `invcap review reject ID --reason …`.
struct ReviewReject: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject a document, saying why.")
    @Argument(help: "The document's number.") var id: Int64
    @Option(help: "Why (required).") var reason: String
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var person: ActorOptions

    func run() async throws {
        let store = try await ledger.open()
        let desk = ReviewDesk(store: store, today: CalendarToday.latestTimeZone)
        _ = try await ledgerAction { try await desk.reject(document: id, by: person.actor, reason: reason) }
        print("#\(id) rejected: \(reason)")
    }
}

/// `invcap review rule`.
struct ReviewRule: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rule",
        abstract: "Show or set the approval rule (admins only).",
        discussion: """
            With --second-approval-above AMOUNT, a document whose total is above AMOUNT stays in review until a \
            second, different person with the approver (or admin) role approves it too.
            """)
    @Option(help: "Totals above this need a second approval by an approver.") var secondApprovalAbove: String?
    @Flag(help: "Turn the second approval off.") var off = false
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var person: ActorOptions

    func validate() throws {
        if let secondApprovalAbove, Money.parse(secondApprovalAbove) == nil {
            throw ValidationError("--second-approval-above takes an amount, e.g. 10000")
        }
    }

    func run() async throws {
        let store = try await ledger.open()
        if secondApprovalAbove != nil || off {
            try await ledgerAction {
                _ = try await store.authorize(person.actor, to: "change the approval rule", needs: .admin)
                try await store.setApprovalRule(
                    ApprovalRule(secondApprovalAbove: off ? nil : secondApprovalAbove.flatMap(Money.parse)))
            }
        }
        let rule = try await ledgerAction { try await store.approvalRule() }
        if let limit = rule.secondApprovalAbove {
            print("totals above \(Money.format(limit)) need a second approval by an approver")
        } else {
            print("one approval accepts a document (no second-approval rule)")
        }
    }
}
