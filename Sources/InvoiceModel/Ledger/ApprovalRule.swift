public import Foundation

/// How many people must approve a document before it is accepted.
///
/// Every document needs one person's approval once it is in review. A document whose total is above
/// `secondApprovalAbove` needs a second, different person, with the approver or admin role.
public struct ApprovalRule: Sendable, Hashable, Codable {
    /// Totals strictly above this need a second approval; `nil` turns the rule off.
    public var secondApprovalAbove: Decimal?

    /// Creates a rule.
    public init(secondApprovalAbove: Decimal? = nil) {
        self.secondApprovalAbove = secondApprovalAbove
    }

    /// Whether `document` needs the second approval.
    public func needsSecondApproval(_ document: StoredDocument) -> Bool {
        guard let limit = secondApprovalAbove, let total = document.value(.totalAmount).flatMap(Money.parse) else {
            return false
        }
        return abs(total) > limit
    }

    /// Whether the approvals given hold the rule for `document`.
    ///
    /// - Parameters:
    ///   - document: the document.
    ///   - approvals: the people who approved it since its fields last changed, in order.
    public func isSatisfied(by approvals: [Reviewer], for document: StoredDocument) -> Bool {
        guard !approvals.isEmpty else { return false }
        guard needsSecondApproval(document) else { return true }
        let names = Set(approvals.map(\.name))
        return names.count >= 2 && approvals.contains { $0.role >= .approver }
    }

    /// Says what the rule still asks for, in words.
    public func waitingReason(_ document: StoredDocument, approvals: [Reviewer]) -> String {
        let total = document.value(.totalAmount) ?? "?"
        let limit = secondApprovalAbove.map(Money.format) ?? "?"
        let by = approvals.map(\.name).joined(separator: ", ")
        return
            "needs a second approval by another person with the approver role (total \(total) above \(limit); approved by \(by))"
    }
}
