/// Where a stored document is in its life (DESIGN.md "States of a document").
///
/// Downstream readers (export, reconciliation) see `accepted` documents only.
public enum DocumentState: String, Sendable, CaseIterable, Codable, Hashable {
    /// Some field is flagged, a check failed, it may be a duplicate, or it was sampled for audit.
    case needsReview = "needs_review"
    /// Every field confident and every check passing, or accepted by the people the approval rule asks for.
    case accepted
    /// A person decided the document does not belong in the ledger (with a reason).
    case rejected
}

/// The roles of the people who review documents, from least to most rights.
public enum ReviewRole: String, Sendable, CaseIterable, Codable, Hashable, Comparable {
    /// Corrects fields, accepts and rejects documents that need no second approval.
    case reviewer
    /// Also gives the second approval the approval rule asks for.
    case approver
    /// Also manages people and settings.
    case admin

    /// Roles compare by their rights: reviewer < approver < admin.
    public static func < (lhs: ReviewRole, rhs: ReviewRole) -> Bool {
        let order = Self.allCases
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}

/// A named person who may review documents.
public struct Reviewer: Sendable, Hashable, Codable {
    /// The login or display name, unique in the ledger.
    public var name: String
    /// What the person may do.
    public var role: ReviewRole

    /// Creates a reviewer.
    public init(name: String, role: ReviewRole) {
        self.name = name
        self.role = role
    }
}

extension InvoiceStore {
    /// The known person named `name`, if their role allows `action`.
    ///
    /// - Parameters:
    ///   - name: who is acting.
    ///   - action: what they want to do, for the refusal ("add people").
    ///   - role: the least role it needs.
    ///   - owner: the person the action concerns: acting on oneself needs no role (a password, a token).
    /// - Throws: `LedgerError.unknownReviewer` or `LedgerError.notAllowed`.
    public func authorize(_ name: String, to action: String, needs role: ReviewRole, unlessOwner owner: String? = nil)
        async throws -> Reviewer
    {
        guard let person = try await reviewer(named: name) else { throw LedgerError.unknownReviewer(name) }
        guard person.role >= role || person.name == owner else {
            throw LedgerError.notAllowed(name: name, role: person.role, action: action)
        }
        return person
    }
}
