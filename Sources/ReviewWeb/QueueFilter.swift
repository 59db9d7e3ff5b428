import Hummingbird
import InvoiceModel

/// The queue page's filters, from its query string: `state`, `reason`, `seller`, `from`, `to` (issue dates,
/// `YYYY-MM-DD`) and `duplicates=1`. Values that do not fit are ignored, never passed on.
struct QueueFilter {
    var state: DocumentState? = .needsReview
    var reason: String?
    var seller: String?
    var from: String?
    var to: String?
    var duplicates = false

    init(_ parameters: Parameters) {
        if let text = parameters["state"].map(String.init) {
            state = text == "all" ? nil : DocumentState(rawValue: text) ?? .needsReview
        }
        reason = Self.text(parameters["reason"])
        seller = Self.text(parameters["seller"])
        from = Self.day(parameters["from"])
        to = Self.day(parameters["to"])
        duplicates = parameters["duplicates"] == "1"
    }

    /// The store query.
    var query: DocumentQuery {
        DocumentQuery(
            state: state, reason: reason, seller: seller, duplicatesOnly: duplicates, issuedFrom: from, issuedTo: to,
            limit: 500)
    }

    static func text(_ value: Substring?) -> String? {
        guard let value, !value.isEmpty, value.count <= 200 else { return nil }
        return String(value)
    }

    static func day(_ value: Substring?) -> String? {
        guard let value, value.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil else { return nil }
        return String(value)
    }
}
