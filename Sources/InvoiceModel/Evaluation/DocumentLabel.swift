public import Foundation

/// The expected values of a document (CONTRACT.md §2), read from `NAME.json` beside it.
public struct DocumentLabel: Sendable, Hashable, Decodable {
    /// Expected field values by contract name.
    public var fields: [String: String]
    /// Expected line items.
    public var lineItems: [[String: String]]
    /// Other acceptable values per field (e.g. both readings of an ambiguous date).
    public var alternatives: [String: [String]]

    /// Creates a label.
    public init(fields: [String: String], lineItems: [[String: String]] = [], alternatives: [String: [String]] = [:]) {
        self.fields = fields
        self.lineItems = lineItems
        self.alternatives = alternatives
    }

    private enum CodingKeys: String, CodingKey { case fields, lineItems, alternatives }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fields = try container.decodeIfPresent([String: String].self, forKey: .fields) ?? [:]
        lineItems = try container.decodeIfPresent([[String: String]].self, forKey: .lineItems) ?? []
        alternatives = try container.decodeIfPresent([String: [String]].self, forKey: .alternatives) ?? [:]
    }

    /// The label beside `document` (same name, `.json`), or `nil` when there is none.
    ///
    /// - Throws: when the label exists but is not valid JSON in the label format.
    public static func beside(_ document: URL) throws -> DocumentLabel? {
        let url = document.deletingPathExtension().appendingPathExtension("json")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try JSONDecoder().decode(DocumentLabel.self, from: Data(contentsOf: url))
    }
}
