public import Foundation
import InvoiceModel

/// When a field needs a person: per-field confidence thresholds and the fields each document must have.
///
/// Versioned data in `models/review-policy.json`; the built-in values apply when no file is found.
public struct ReviewPolicy: Sendable, Codable, Hashable {
    /// Format version of the file.
    public var version: Int
    /// Threshold for fields not listed in `thresholds`.
    public var defaultThreshold: Double
    /// Per-field thresholds (contract field names; `lineItem.NAME` for item fields), optionally for one
    /// document type only (`fapiao.sellerName`), which wins over the field's own.
    public var thresholds: [String: Double]
    /// Fields a document of each type must have (`fapiao`, `invoice`, `receipt`).
    public var requiredFields: [String: [String]]

    /// 0.90 for every field; numbers, dates and totals required.
    public static let builtIn = ReviewPolicy(
        version: 1, defaultThreshold: 0.9, thresholds: [:],
        requiredFields: [
            "fapiao": ["invoiceNumber", "issueDate", "totalAmount"],
            "invoice": ["sellerName", "issueDate", "totalAmount"],
            "receipt": ["sellerName", "issueDate", "totalAmount"],
        ])

    /// The threshold for `field` on a document of type `documentType`.
    public func threshold(for field: String, documentType: String? = nil) -> Double {
        documentType.flatMap { thresholds["\($0).\(field)"] } ?? thresholds[field] ?? defaultThreshold
    }

    /// Reads a policy file.
    ///
    /// - Throws: `ModelFileError` when it cannot be read or parsed.
    public static func load(from url: URL) throws(ModelFileError) -> ReviewPolicy {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable(url.path, "\(error.localizedDescription)") }
        do { return try JSONDecoder().decode(ReviewPolicy.self, from: data) } catch {
            throw .malformed(url.path, "\(error)")
        }
    }
}
