public import Foundation

/// What the pipeline hands the ledger for one file: the recognised document and its archive files.
public struct NewDocument: Sendable {
    /// SHA-256 of the original file.
    public var sha256: String
    /// The file's name (no directories).
    public var fileName: String
    /// The original file's bytes, archived under `sha256`.
    public var original: [UInt8]
    /// What recognition read.
    public var document: RecognizedDocument
    /// Page images to archive (PNG or JPEG bytes), one per page, or empty.
    public var pageImages: [[UInt8]]
    /// The fapiao QR code's text, if one was decoded.
    public var qrPayload: String?
    /// The cash rounding printed on a receipt.
    public var rounding: Decimal?
    /// Extra reasons for review decided before storage (e.g. "sampled for audit").
    public var extraReasons: [String]

    /// Creates a new document.
    public init(
        sha256: String, fileName: String, original: [UInt8], document: RecognizedDocument, pageImages: [[UInt8]] = [],
        qrPayload: String? = nil, rounding: Decimal? = nil, extraReasons: [String] = []
    ) {
        self.sha256 = sha256
        self.fileName = fileName
        self.original = original
        self.document = document
        self.pageImages = pageImages
        self.qrPayload = qrPayload
        self.rounding = rounding
        self.extraReasons = extraReasons
    }

    /// The business key its fields give, if any.
    public var businessKey: String? {
        BusinessKey.of(document.fields.mapValues(\.value))
    }

    /// Whether nothing asks for a person: no flagged field, no failed check, no review reason.
    public var isClean: Bool {
        !document.review.required && extraReasons.isEmpty && document.checks.allSatisfy(\.passed)
            && document.fields.values.allSatisfy { !$0.flagged }
            && document.lineItems.allSatisfy { $0.values.allSatisfy { !$0.flagged } }
    }
}
