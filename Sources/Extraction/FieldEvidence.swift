public import Foundation
public import InvoiceModel

/// A value read for one field and what is known about how it was read: the inputs of the confidence model.
public struct FieldEvidence: Sendable, Hashable {
    /// The value in the contract's format.
    public var value: String
    /// Where it came from.
    public var source: FieldSource
    /// 1-based page, or `nil`.
    public var page: Int?
    /// Where it is printed, or `nil`.
    public var box: PixelBox?
    /// The OCR engine's lowest word confidence over the value (1 for QR and embedded data).
    public var readConfidence: Double
    /// Whether the value has the shape its field requires (digits count, date, amount …).
    public var formatValid: Bool
    /// Independent reads (another model, the QR code, a recomputation) that gave the same value.
    public var confirmations: Int
    /// Independent reads that gave a different value.
    public var conflicts: Int
    /// Whether the value was completed or corrected from other fields rather than read as is.
    public var repaired: Bool
    /// Other values a different read produced (kept so that cross-field checks can choose among them).
    public var alternatives: [String] = []
    /// When two sources that should agree exactly (embedded data, the QR code, a text layer) give
    /// different values: what each says. Such a field always goes to a person. (An OCR reading that
    /// differs from the QR code is not a disagreement of this kind: OCR misreads; the QR value is kept
    /// and the confidence model weighs the conflict.)
    public var disagreement: String?
    /// When the value is not what was read but a guess that makes a check hold (a look-alike character
    /// changed so that a tax ID's check characters match): what was read. Such a field always goes to a
    /// person: a guess that passes the check can still be wrong.
    public var correctedFrom: String?
    /// When no line gave the value and it was inferred from another one (a receipt's total from the
    /// amount paid, with no total line read): what it was taken from. Such a field always goes to a
    /// person, with a confidence of at most `DocumentScorer.inferredCeiling`.
    public var inferredFrom: String?
    /// The mean confidence of the glyphs the value was read from, when it came from several (`nil`:
    /// `readConfidence`, their minimum, says it all). One unsure character of a long name drags the
    /// minimum down; the mean tells how the rest read.
    public var meanReadConfidence: Double?
    /// When the value was computed from an equation a check also tests (a tax as total − amount): that
    /// check's rule. Such a check holds by construction, so it is no evidence for any field it names.
    public var derivedBy: String?
    /// When the value was read in a way known to lose part of what is printed (a German or French name
    /// read by the English OCR model, which reads no accents): what. Such a field always goes to a person.
    public var caveat: String?

    /// Creates evidence for a value.
    public init(
        value: String, source: FieldSource, page: Int?, box: PixelBox?, readConfidence: Double,
        formatValid: Bool, confirmations: Int = 0, conflicts: Int = 0, repaired: Bool = false
    ) {
        self.value = value
        self.source = source
        self.page = page
        self.box = box
        self.readConfidence = min(1, max(0, readConfidence))
        self.formatValid = formatValid
        self.confirmations = confirmations
        self.conflicts = conflicts
        self.repaired = repaired
    }
}

/// What extraction found in a document, before validation and confidence scoring.
public struct ExtractedDocument: Sendable {
    /// `fapiao`, `invoice`, `receipt`, or `nil`.
    public var documentType: String?
    /// Finer kind (e.g. `vat-electronic-ordinary`), or `nil`.
    public var invoiceKind: String?
    /// Document-level fields.
    public var fields: [FieldName: FieldEvidence]
    /// Line items in printed order.
    public var lineItems: [[LineItemFieldName: FieldEvidence]]
    /// The fapiao QR payload, when one was decoded.
    public var qr: FapiaoQRPayload?
    /// Fields the layout always prints: any of them missing from `fields` needs a person.
    public var expectedFields: [FieldName]
    /// Fields whose place on the page holds text that could not be read: a person must look.
    public var unreadFields: [FieldName] = []
    /// Fields whose place on the page was not found (the layout was not recognised, or the field's label
    /// was not read), so they may be printed or left empty: a person must look.
    public var unlocatedFields: [FieldName] = []
    /// The cash rounding a receipt prints between its tax and its total ("ROUNDING -0.02"), if any.
    public var rounding: Decimal?
    /// Later pages that carry an invoice of their own (another invoice number): the file holds several.
    public var otherInvoices: [Int] = []
    /// How well the first page read as a whole: the mean confidence of its OCR'd words (1 for text the
    /// file carried). A field read on a poor page is less sure than its own word confidence says.
    public var pageQuality: Double = 1

    /// Creates an extraction result.
    public init(
        documentType: String?, invoiceKind: String?, fields: [FieldName: FieldEvidence],
        lineItems: [[LineItemFieldName: FieldEvidence]], qr: FapiaoQRPayload?, expectedFields: [FieldName] = []
    ) {
        self.documentType = documentType
        self.invoiceKind = invoiceKind
        self.fields = fields
        self.lineItems = lineItems
        self.qr = qr
        self.expectedFields = expectedFields
    }
}
