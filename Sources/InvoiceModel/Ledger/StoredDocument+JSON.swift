public import Foundation

extension StoredDocument {
    /// The document as one JSON object: the ledger's own keys (`id`, `state`, `duplicateOf`, …) and
    /// CONTRACT.md §1's `fields`, `lineItems`, `checks` and `review`.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .int(Int(id))),
            ("state", .string(state.rawValue)),
            ("file", .string(fileName)),
            ("sha256", .string(sha256)),
            ("documentType", documentType.map(JSONValue.string) ?? .null),
            ("invoiceKind", invoiceKind.map(JSONValue.string) ?? .null),
            ("businessKey", businessKey.map(JSONValue.string) ?? .null),
            ("duplicateOf", duplicateOf.map { .int(Int($0)) } ?? .null),
            ("creditOf", creditOf.map { .int(Int($0)) } ?? .null),
            ("pages", .int(pages.count)),
            ("fields", DocumentReport.fieldsJSON(fields)),
            ("lineItems", .array(lineItems.map(DocumentReport.lineItemJSON))),
            ("checks", .array(checks.map(DocumentReport.checkJSON))),
            (
                "review",
                .object([
                    ("required", .bool(state == .needsReview)),
                    ("reasons", .array(reasons.map(JSONValue.string))),
                ])
            ),
            ("version", .int(version)),
            ("createdAt", .string(Self.timestamp(createdAt))),
            ("updatedAt", .string(Self.timestamp(updatedAt))),
        ]
        if let qrPayload { members.append(("qrPayload", .string(qrPayload))) }
        return .object(members)
    }

    /// `2026-11-23T06:07:06Z`.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}

extension DocumentSummary {
    /// The queue line as JSON (`invcap review list --json`, `GET /api/v1/documents`).
    public var json: JSONValue {
        .object([
            ("id", .int(Int(id))), ("state", .string(state.rawValue)), ("file", .string(fileName)),
            ("documentType", documentType.map(JSONValue.string) ?? .null),
            ("sellerName", sellerName.map(JSONValue.string) ?? .null),
            ("invoiceNumber", invoiceNumber.map(JSONValue.string) ?? .null),
            ("issueDate", issueDate.map(JSONValue.string) ?? .null),
            ("totalAmount", totalAmount.map(JSONValue.string) ?? .null),
            ("duplicateOf", duplicateOf.map { .int(Int($0)) } ?? .null),
            ("reasons", .array(reasons.map(JSONValue.string))),
            ("createdAt", .string(StoredDocument.timestamp(createdAt))),
        ])
    }
}

extension CheckResult {
    /// The check as CONTRACT.md's `checks` entry.
    public var json: JSONValue { DocumentReport.checkJSON(self) }
}
