public import Foundation

/// What people do to documents in review: correct fields, approve, reject. Every action re-runs the checks,
/// is stored in one transaction with its audit events, and is refused if someone changed the document first.
public struct ReviewDesk: Sendable {
    /// The ledger.
    public let store: any InvoiceStore
    /// Today's date `YYYY-MM-DD`, for the date checks.
    public let today: @Sendable () -> String

    /// Creates a desk over `store`.
    public init(store: any InvoiceStore, today: @escaping @Sendable () -> String) {
        self.store = store
        self.today = today
    }

    /// Sets a field to the value a person typed, re-runs the checks and returns what they now find.
    ///
    /// The field becomes `person`-sourced with confidence 1 and is no longer flagged, unless a check that
    /// involves it fails. An empty value removes the field.
    ///
    /// - Parameters:
    ///   - path: the field.
    ///   - value: the value typed (normalised to the contract format: `1,234.5` → `1234.50`).
    ///   - id: the document.
    ///   - actor: who.
    /// - Returns: the document as stored and the checks that involve the field.
    /// - Throws: `LedgerError` or `ValueError`.
    public func set(_ path: FieldPath, to value: String, document id: Int64, by actor: String) async throws
        -> Correction
    {
        let person = try await store.authorize(actor, to: "correct fields", needs: .reviewer)
        var document = try await open(id, action: "corrected")
        let normalized =
            value.trimmingCharacters(in: .whitespaces).isEmpty ? "" : try FieldValueFormat.normalize(value, for: path)
        let old = try current(path, in: document)
        guard old?.value != normalized || old?.flagged == true, old != nil || !normalized.isEmpty else {
            return Correction(document: document, checks: relatedChecks(path, document.checks), changed: false)
        }
        let corrected =
            normalized.isEmpty
            ? nil
            : ExtractedField(
                value: normalized, confidence: 1, flagged: false, source: .person, page: old?.page, box: old?.box)
        try assign(corrected, to: path, in: &document)
        let oldChecks = document.checks
        document.checks = ValidationRules.run(document.validationInput(today: today()))
        document.reasons = Self.reasons(
            document.reasons, corrected: path, oldChecks: oldChecks, newChecks: document.checks)
        Self.flagFailedChecks(in: &document)
        try await recheckDuplicate(&document)
        let event = AuditDraft(
            actor: person.name, action: .fieldChanged, field: path.description, oldValue: old?.value,
            newValue: corrected?.value, reason: old?.value == normalized ? "confirmed" : nil)
        let stored = try await store.update(document, events: [event])
        return Correction(document: stored, checks: relatedChecks(path, stored.checks), changed: true)
    }

    /// Approves the document. The last approval the rule asks for accepts it.
    ///
    /// - Parameters:
    ///   - id: the document.
    ///   - actor: who approves.
    ///   - override: why a failing check is accepted anyway; without it a failing check refuses the approval.
    /// - Returns: the document as stored (accepted, or still in review waiting for a second approval).
    public func approve(document id: Int64, by actor: String, override: String? = nil) async throws -> StoredDocument {
        let person = try await store.authorize(actor, to: "approve documents", needs: .reviewer)
        var document = try await open(id, action: "approved")
        document.checks = ValidationRules.run(document.validationInput(today: today()))
        let failing = document.checks.filter { !$0.passed }
        if !failing.isEmpty, override == nil {
            let list = failing.map { "\($0.rule) (\($0.message ?? ""))" }.joined(separator: "; ")
            throw ReviewRefusal("checks fail: \(list). Correct the fields, or approve with a reason to override them")
        }
        let approvals = try await approvalsSinceLastChange(document.id) + [person]
        let rule = try await store.approvalRule()
        var events = [AuditDraft(actor: person.name, action: .approved, reason: override)]
        if approvals.dropLast().contains(where: { $0.name == person.name }), rule.needsSecondApproval(document) {
            throw ReviewRefusal(
                "\(person.name) has already approved #\(id): the rule asks for a second, different person")
        }
        if rule.isSatisfied(by: approvals, for: document) {
            document.state = .accepted
            document.reasons = []
            for key in document.fields.keys { document.fields[key]?.flagged = false }
            for index in document.lineItems.indices {
                for key in document.lineItems[index].keys { document.lineItems[index][key]?.flagged = false }
            }
            events.append(AuditDraft(actor: person.name, action: .accepted, newValue: DocumentState.accepted.rawValue))
        } else {
            document.reasons =
                document.reasons.filter { !$0.hasPrefix("needs a second approval") }
                + [rule.waitingReason(document, approvals: approvals)]
        }
        return try await store.update(document, events: events)
    }

    /// Rejects the document with a reason.
    public func reject(document id: Int64, by actor: String, reason: String) async throws -> StoredDocument {
        let person = try await store.authorize(actor, to: "reject documents", needs: .reviewer)
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ReviewRefusal("say why the document is rejected (--reason)")
        }
        var document = try await open(id, action: "rejected")
        document.state = .rejected
        return try await store.update(
            document, events: [AuditDraft(actor: person.name, action: .rejected, newValue: "rejected", reason: reason)])
    }

    // MARK: - Steps

    /// The document, if it is still in review.
    func open(_ id: Int64, action: String) async throws -> StoredDocument {
        guard let document = try await store.document(id: id) else { throw LedgerError.noSuchDocument(id: id) }
        guard document.state == .needsReview else {
            throw LedgerError.wrongState(id: id, state: document.state, action: action)
        }
        return document
    }

    /// After a correction changed the business key: the document repeats another (or no longer does).
    func recheckDuplicate(_ document: inout StoredDocument) async throws {
        let key = BusinessKey.of(document.fields.mapValues(\.value))
        guard key != document.businessKey else { return }
        document.reasons.removeAll { $0.hasPrefix("duplicate of #") }
        if let key {
            document.duplicateOf = try await store.documentID(businessKey: key, excluding: document.id)
        } else {
            document.duplicateOf = nil
        }
        if let original = document.duplicateOf {
            document.reasons.insert(Self.duplicateReason(of: original), at: 0)
        }
        document.businessKey = key
    }

    /// The review reason of a document that repeats document `original`.
    public static func duplicateReason(of original: Int64) -> String {
        "duplicate of #\(original) (该发票已存在)"
    }

    /// The people who approved the document after its last field change.
    func approvalsSinceLastChange(_ id: Int64) async throws -> [Reviewer] {
        let trail = try await store.auditTrail(documentID: id)
        let lastChange = trail.lastIndex { $0.action == .fieldChanged } ?? -1
        var people: [Reviewer] = []
        for event in trail[(lastChange + 1)...] where event.action == .approved {
            if let person = try await store.reviewer(named: event.actor) { people.append(person) }
        }
        return people
    }

    func current(_ path: FieldPath, in document: StoredDocument) throws -> ExtractedField? {
        switch path {
        case .document(let name): return document.fields[name]
        case .lineItem(let index, let name):
            guard document.lineItems.indices.contains(index) else {
                throw ReviewRefusal(
                    "document #\(document.id) has \(document.lineItems.count) line items, not \(index + 1)")
            }
            return document.lineItems[index][name]
        }
    }

    func assign(_ field: ExtractedField?, to path: FieldPath, in document: inout StoredDocument) throws {
        switch path {
        case .document(let name): document.fields[name] = field
        case .lineItem(let index, let name): document.lineItems[index][name] = field
        }
    }

    func relatedChecks(_ path: FieldPath, _ checks: [CheckResult]) -> [CheckResult] {
        switch path {
        case .document(let name): return checks.filter { $0.fields.contains(name) }
        case .lineItem: return checks.filter { $0.rule.hasPrefix("line-") }
        }
    }

    /// The review reasons after a correction: the corrected field's own reasons and every reason written
    /// for a check are dropped, then each failing check is named again.
    static func reasons(_ old: [String], corrected: FieldPath, oldChecks: [CheckResult], newChecks: [CheckResult])
        -> [String]
    {
        let checkTexts = Set(
            oldChecks.flatMap { check -> [String] in
                let message = check.message ?? check.rule
                return [message] + check.fields.map { "\($0.rawValue): \(message)" }
            })
        var kept = old.filter { !$0.hasPrefix(corrected.reasonPrefix + " ") && !checkTexts.contains($0) }
        for check in newChecks where !check.passed {
            let message = check.message ?? check.rule
            kept += check.fields.isEmpty ? [message] : check.fields.map { "\($0.rawValue): \(message)" }
        }
        var seen = Set<String>()
        return kept.filter { seen.insert($0).inserted }
    }

    /// Flags every field a failing check names.
    static func flagFailedChecks(in document: inout StoredDocument) {
        for check in document.checks where !check.passed {
            for name in check.fields { document.fields[name]?.flagged = true }
        }
    }
}

/// The outcome of a correction.
public struct Correction: Sendable {
    /// The document as stored.
    public var document: StoredDocument
    /// The checks that involve the corrected field, as they now stand.
    public var checks: [CheckResult]
    /// Whether anything changed.
    public var changed: Bool
}

/// An action a reviewer asked for that the ledger refuses, with what to do instead.
public struct ReviewRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is refused and why.
    public var description: String
    /// Creates a refusal.
    public init(_ description: String) { self.description = description }
}
