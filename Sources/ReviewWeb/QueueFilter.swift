import Foundation
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
    /// 1-based page of `pageSize` rows.
    var page = 1
    static let pageSize = 50

    init(_ parameters: Parameters) {
        if let text = parameters["state"].map(String.init) {
            state = text == "all" ? nil : DocumentState(rawValue: text) ?? .needsReview
        }
        reason = Self.text(parameters["reason"])
        seller = Self.text(parameters["seller"])
        from = Self.day(parameters["from"])
        to = Self.day(parameters["to"])
        duplicates = parameters["duplicates"] == "1"
        page = parameters["page"].flatMap { Int($0) }.map { min(max(1, $0), 100_000) } ?? 1
    }

    /// The queue's URL with these filters on page `page`.
    func url(page: Int) -> String {
        var items: [(String, String)] = [("state", state?.rawValue ?? "all")]
        if let reason { items.append(("reason", reason)) }
        if let seller { items.append(("seller", seller)) }
        if let from { items.append(("from", from)) }
        if let to { items.append(("to", to)) }
        if duplicates { items.append(("duplicates", "1")) }
        items.append(("page", String(page)))
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return "/queue?"
            + items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
    }

    /// The store query.
    var query: DocumentQuery {
        DocumentQuery(
            state: state, reason: reason, seller: seller, duplicatesOnly: duplicates, issuedFrom: from, issuedTo: to,
            limit: Self.pageSize, offset: (page - 1) * Self.pageSize)
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
