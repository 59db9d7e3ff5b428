public import Foundation

/// A document as the ledger holds it: what recognition read, as corrected by people, and where it stands.
public struct StoredDocument: Sendable, Hashable {
    /// The ledger's number for the document (`#12`).
    public var id: Int64
    /// SHA-256 of the original file: its name in the archive, and the duplicate-file key.
    public var sha256: String
    /// The file's name when it was ingested (no directories).
    public var fileName: String
    /// Where the document stands.
    public var state: DocumentState
    /// `fapiao`, `invoice`, `receipt`, or `nil`.
    public var documentType: String?
    /// Finer kind, e.g. `vat-electronic-ordinary`.
    public var invoiceKind: String?
    /// The business key (`BusinessKey`), when the fields give one.
    public var businessKey: String?
    /// The document this one repeats (same business key, different file).
    public var duplicateOf: Int64?
    /// For a red-letter (负数) invoice, the original invoice its remarks name, when it is in the ledger.
    public var creditOf: Int64?
    /// Document-level fields.
    public var fields: [FieldName: ExtractedField]
    /// Line items in printed order.
    public var lineItems: [[LineItemFieldName: ExtractedField]]
    /// The latest validation outcomes.
    public var checks: [CheckResult]
    /// Why a person must look at the document; empty once nothing is left to look at.
    public var reasons: [String]
    /// The pages, with the archive names of their images.
    public var pages: [StoredPage]
    /// The fapiao QR code's text, kept so corrections can be checked against it.
    public var qrPayload: String?
    /// The cash rounding printed on a receipt, kept for the totals check.
    public var rounding: Decimal?
    /// Bumped by every change; a change made against an older version is refused.
    public var version: Int
    /// When the pipeline stored the document.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a stored document.
    public init(
        id: Int64, sha256: String, fileName: String, state: DocumentState, documentType: String?,
        invoiceKind: String?, businessKey: String?, duplicateOf: Int64?, creditOf: Int64?,
        fields: [FieldName: ExtractedField], lineItems: [[LineItemFieldName: ExtractedField]], checks: [CheckResult],
        reasons: [String], pages: [StoredPage], qrPayload: String?, rounding: Decimal?, version: Int,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.sha256 = sha256
        self.fileName = fileName
        self.state = state
        self.documentType = documentType
        self.invoiceKind = invoiceKind
        self.businessKey = businessKey
        self.duplicateOf = duplicateOf
        self.creditOf = creditOf
        self.fields = fields
        self.lineItems = lineItems
        self.checks = checks
        self.reasons = reasons
        self.pages = pages
        self.qrPayload = qrPayload
        self.rounding = rounding
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The field's value, or `nil`.
    public func value(_ name: FieldName) -> String? { fields[name]?.value }

    /// The inputs of the validation rules, as the document stands now.
    ///
    /// - Parameter today: today's date `YYYY-MM-DD`.
    public func validationInput(today: String) -> ValidationInput {
        ValidationInput(
            fields: fields.mapValues(\.value), lineItems: lineItems.map { $0.mapValues(\.value) },
            qr: qrPayload.flatMap(FapiaoQRPayload.parse), today: today, rounding: rounding)
    }
}

/// One page of a stored document.
public struct StoredPage: Sendable, Hashable {
    /// 1-based page number.
    public var number: Int
    /// Width of the page image (boxes refer to it), in pixels.
    public var width: Int
    /// Height of the page image, in pixels.
    public var height: Int
    /// The archive name (SHA-256) of the page image, or `nil` when none was kept.
    public var imageSHA256: String?

    /// Creates a page.
    public init(number: Int, width: Int, height: Int, imageSHA256: String?) {
        self.number = number
        self.width = width
        self.height = height
        self.imageSHA256 = imageSHA256
    }
}

/// A line of the review queue: enough to choose a document.
public struct DocumentSummary: Sendable, Hashable {
    /// The ledger's number.
    public var id: Int64
    /// Where it stands.
    public var state: DocumentState
    /// The file's name.
    public var fileName: String
    /// `fapiao`, `invoice`, `receipt`, or `nil`.
    public var documentType: String?
    /// The seller's name, if read.
    public var sellerName: String?
    /// The invoice number, if read.
    public var invoiceNumber: String?
    /// The issue date, if read.
    public var issueDate: String?
    /// The total, if read.
    public var totalAmount: String?
    /// The first reason it needs review, and how many there are.
    public var reasons: [String]
    /// The document it repeats, if any.
    public var duplicateOf: Int64?
    /// When it was stored.
    public var createdAt: Date

    /// Creates a summary.
    public init(
        id: Int64, state: DocumentState, fileName: String, documentType: String?, sellerName: String?,
        invoiceNumber: String?, issueDate: String?, totalAmount: String?, reasons: [String], duplicateOf: Int64?,
        createdAt: Date
    ) {
        self.id = id
        self.state = state
        self.fileName = fileName
        self.documentType = documentType
        self.sellerName = sellerName
        self.invoiceNumber = invoiceNumber
        self.issueDate = issueDate
        self.totalAmount = totalAmount
        self.reasons = reasons
        self.duplicateOf = duplicateOf
        self.createdAt = createdAt
    }
}
