/// Everything recognition produced for one input file: the object CONTRACT.md §1 prints per file.
public struct DocumentReport: Sendable {
    /// The path as the user gave it.
    public var file: String
    /// Lower-case hex SHA-256 of the file's bytes, or `nil` when the file could not be read.
    public var sha256: String?
    /// What came out: a recognised document or the reason there is none.
    public var outcome: Outcome
    /// Milliseconds spent per stage, in pipeline order; `total` is added when printing.
    public var timings: StageTimings

    /// The result of processing one file.
    public enum Outcome: Sendable {
        case recognized(RecognizedDocument)
        case failed(DocumentError, pages: [PageSummary])
    }

    /// Creates a report.
    public init(file: String, sha256: String?, outcome: Outcome, timings: StageTimings) {
        self.file = file
        self.sha256 = sha256
        self.outcome = outcome
        self.timings = timings
    }

    /// Whether the file was read successfully.
    public var isSuccess: Bool {
        if case .recognized = outcome { return true }
        return false
    }

    /// The pages read, whether or not the document as a whole succeeded.
    public var pages: [PageSummary] {
        switch outcome {
        case .recognized(let document): return document.pages
        case .failed(_, let pages): return pages
        }
    }
}

/// A document that was read: its pages and whatever fields could be extracted from them.
public struct RecognizedDocument: Sendable {
    /// `fapiao`, `invoice`, `receipt`, or `nil` while unknown.
    public var documentType: String?
    /// Finer kind, e.g. `vat-electronic-ordinary`, or `nil`.
    public var invoiceKind: String?
    /// The pages in order.
    public var pages: [PageSummary]
    /// Extracted document-level fields.
    public var fields: [FieldName: ExtractedField]
    /// Extracted line items, in printed order.
    public var lineItems: [[LineItemFieldName: ExtractedField]]
    /// Validation outcomes.
    public var checks: [CheckResult]
    /// Whether a person must look at the document.
    public var review: ReviewDecision

    /// Creates a recognised document.
    public init(
        documentType: String? = nil, invoiceKind: String? = nil, pages: [PageSummary],
        fields: [FieldName: ExtractedField] = [:], lineItems: [[LineItemFieldName: ExtractedField]] = [],
        checks: [CheckResult] = [], review: ReviewDecision
    ) {
        self.documentType = documentType
        self.invoiceKind = invoiceKind
        self.pages = pages
        self.fields = fields
        self.lineItems = lineItems
        self.checks = checks
        self.review = review
    }
}

/// Elapsed time per pipeline stage, in the order the stages ran.
public struct StageTimings: Sendable, Hashable {
    /// `(stage, milliseconds)` pairs; a stage that runs several times accumulates.
    public private(set) var stages: [(String, Int)] = []

    /// Creates an empty record.
    public init() {}

    /// Adds `milliseconds` to `stage`, appending the stage if it is new.
    public mutating func add(_ stage: String, milliseconds: Int) {
        if let index = stages.firstIndex(where: { $0.0 == stage }) {
            stages[index].1 += milliseconds
        } else {
            stages.append((stage, milliseconds))
        }
    }

    /// Milliseconds recorded for `stage`, or 0.
    public subscript(stage: String) -> Int {
        stages.first(where: { $0.0 == stage })?.1 ?? 0
    }

    public static func == (lhs: StageTimings, rhs: StageTimings) -> Bool {
        lhs.stages.elementsEqual(rhs.stages) { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    public func hash(into hasher: inout Hasher) {
        for (stage, ms) in stages {
            hasher.combine(stage)
            hasher.combine(ms)
        }
    }
}
