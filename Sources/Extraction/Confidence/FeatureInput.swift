public import InvoiceModel

/// What the confidence features of one value are computed from. Kept apart from the vector so that a
/// calibration can store what it read (`invcap calibrate --save-evidence`) and be fitted again when only
/// the features change, without reading the documents again.
public struct FeatureInput: Codable, Sendable, Hashable {
    /// The field's contract name (`lineItem.name` for an item column).
    public var field: String
    /// The value as extracted.
    public var value: String
    public var source: FieldSource
    /// The lowest glyph confidence over the value.
    public var readConfidence: Double
    /// The mean glyph confidence, when the value was read from several glyphs.
    public var meanReadConfidence: Double?
    public var formatValid: Bool
    public var confirmations: Int
    public var conflicts: Int
    public var repaired: Bool
    /// Whether a check that counts as evidence for the value passed, and whether one failed.
    public var checkPassed: Bool
    public var checkFailed: Bool
    /// How many other values a different read or a competing candidate produced.
    public var alternativeCount: Int
    /// Whether the value was derived from an equation, inferred from another line, changed so that a
    /// check holds, or read in a way known to lose part of it; and whether exact sources disagreed.
    public var derived: Bool
    public var inferred: Bool
    public var corrected: Bool
    public var caveat: Bool
    public var disagreement: Bool
    /// `fapiao`, `invoice`, `receipt`, or `nil`.
    public var documentType: String?
    /// How well the page read as a whole (`ExtractedDocument.pageQuality`).
    public var pageQuality: Double

    /// The input for `evidence` of `field`, given the checks that count as evidence for it.
    public init(field: String, evidence: FieldEvidence, checks: [CheckResult], documentType: String?, pageQuality: Double) {
        self.field = field
        value = evidence.value
        source = evidence.source
        readConfidence = evidence.readConfidence
        meanReadConfidence = evidence.meanReadConfidence
        formatValid = evidence.formatValid
        confirmations = evidence.confirmations
        conflicts = evidence.conflicts
        repaired = evidence.repaired
        checkPassed = checks.contains { $0.passed }
        checkFailed = checks.contains { !$0.passed }
        alternativeCount = evidence.alternatives.count
        derived = evidence.derivedBy != nil
        inferred = evidence.inferredFrom != nil
        corrected = evidence.correctedFrom != nil
        caveat = evidence.caveat != nil
        disagreement = evidence.disagreement != nil
        self.documentType = documentType
        self.pageQuality = pageQuality
    }
}
