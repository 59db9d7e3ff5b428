public import Foundation

/// One append-only record of a change to a document, by the pipeline or a person.
public struct AuditEvent: Sendable, Hashable {
    /// What happened.
    public enum Action: String, Sendable, CaseIterable, Codable, Hashable {
        /// The pipeline stored the document.
        case ingested
        /// A field's value was corrected.
        case fieldChanged = "field_changed"
        /// A person approved the document (the last approval the rule asks for accepts it).
        case approved
        /// The document reached `accepted`.
        case accepted
        /// A person rejected the document.
        case rejected
    }

    /// Position in the ledger's event sequence.
    public var id: Int64
    /// The document the event is about.
    public var documentID: Int64
    /// When it happened.
    public var at: Date
    /// Who: a reviewer's name, or `pipeline`.
    public var actor: String
    /// What happened.
    public var action: Action
    /// The field, for field changes (`sellerTaxID`, `lineItems.2.amount`).
    public var field: String?
    /// The value before, for field changes.
    public var oldValue: String?
    /// The value after (for field changes), or the new state.
    public var newValue: String?
    /// Why, in words.
    public var reason: String?

    /// Creates an event.
    public init(
        id: Int64, documentID: Int64, at: Date, actor: String, action: Action, field: String? = nil,
        oldValue: String? = nil, newValue: String? = nil, reason: String? = nil
    ) {
        self.id = id
        self.documentID = documentID
        self.at = at
        self.actor = actor
        self.action = action
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.reason = reason
    }
}

/// An event not yet written: the store gives it an id, the document and the time.
public struct AuditDraft: Sendable, Hashable {
    /// Who.
    public var actor: String
    /// What happened.
    public var action: AuditEvent.Action
    /// The field, for field changes.
    public var field: String?
    /// The value before.
    public var oldValue: String?
    /// The value after, or the new state.
    public var newValue: String?
    /// Why.
    public var reason: String?

    /// Creates a draft.
    public init(
        actor: String, action: AuditEvent.Action, field: String? = nil, oldValue: String? = nil,
        newValue: String? = nil, reason: String? = nil
    ) {
        self.actor = actor
        self.action = action
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.reason = reason
    }
}
