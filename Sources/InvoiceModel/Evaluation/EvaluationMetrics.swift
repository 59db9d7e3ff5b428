/// The metrics of CONTRACT.md §3, accumulated over documents.
public struct EvaluationMetrics: Sendable {
    /// One scored field: whether it was right, whether a person was asked, its confidence.
    public struct Outcome: Sendable, Hashable {
        public var field: String
        public var correct: Bool
        public var flagged: Bool
        /// `nil` when the field was missing from the output.
        public var confidence: Double?

        public init(field: String, correct: Bool, flagged: Bool, confidence: Double?) {
            self.field = field
            self.correct = correct
            self.flagged = flagged
            self.confidence = confidence
        }
    }

    /// Every labelled document-level field.
    public private(set) var outcomes: [Outcome] = []
    /// Every labelled line-item field (reported apart from the field accuracy of CONTRACT.md §3).
    public private(set) var lineItemOutcomes: [Outcome] = []
    /// Documents seen.
    public private(set) var documents = 0
    /// Documents with nothing flagged and no review required.
    public private(set) var straightThrough = 0
    /// Documents that failed to be read at all.
    public private(set) var failedDocuments = 0

    /// Creates empty metrics.
    public init() {}

    /// Scores one document's report against its label.
    public mutating func add(_ report: DocumentReport, label: DocumentLabel) {
        documents += 1
        guard case .recognized(let document) = report.outcome else {
            failedDocuments += 1
            for (field, _) in label.fields {
                outcomes.append(Outcome(field: field, correct: false, flagged: true, confidence: nil))
            }
            return
        }
        if !document.review.required && !document.fields.values.contains(where: \.flagged) { straightThrough += 1 }
        for (field, expected) in label.fields {
            let output = FieldName(rawValue: field).flatMap { document.fields[$0] }
            let alternatives = label.alternatives[field] ?? []
            let correct = FieldComparison.matches(output?.value, expected, alternatives: alternatives, field: field)
            // A missing field counts as flagged only if the review reasons name it.
            let flagged = output?.flagged ?? document.review.reasons.contains { $0.hasPrefix(field + ":") }
            outcomes.append(Outcome(field: field, correct: correct, flagged: flagged, confidence: output?.confidence))
        }
        for (index, item) in label.lineItems.enumerated() {
            let produced = index < document.lineItems.count ? document.lineItems[index] : [:]
            for (field, expected) in item {
                let output = LineItemFieldName(rawValue: field).flatMap { produced[$0] }
                let key = "lineItem." + field
                lineItemOutcomes.append(
                    Outcome(
                        field: key, correct: FieldComparison.matches(output?.value, expected, field: key),
                        flagged: output?.flagged ?? true, confidence: output?.confidence))
            }
        }
    }

    /// Fraction right of `outcomes`.
    public static func accuracy(_ outcomes: [Outcome]) -> Double? {
        outcomes.isEmpty ? nil : Double(outcomes.filter(\.correct).count) / Double(outcomes.count)
    }

    /// Fraction wrong (or missing) and not flagged.
    public static func silentErrorRate(_ outcomes: [Outcome]) -> Double? {
        outcomes.isEmpty ? nil : Double(outcomes.filter { !$0.correct && !$0.flagged }.count) / Double(outcomes.count)
    }

    /// Expected calibration error of confidence against correctness, 10 equal-width bins, over the
    /// outcomes that have a confidence.
    public static func expectedCalibrationError(_ outcomes: [Outcome]) -> Double? {
        let scored = outcomes.compactMap { outcome in outcome.confidence.map { ($0, outcome.correct) } }
        guard !scored.isEmpty else { return nil }
        var error = 0.0
        for bin in 0..<10 {
            let low = Double(bin) / 10
            let high = Double(bin + 1) / 10
            let members = scored.filter { $0.0 >= low && ($0.0 < high || (bin == 9 && $0.0 <= 1)) }
            guard !members.isEmpty else { continue }
            let confidence = members.map(\.0).reduce(0, +) / Double(members.count)
            let accuracy = Double(members.filter(\.1).count) / Double(members.count)
            error += Double(members.count) / Double(scored.count) * abs(confidence - accuracy)
        }
        return error
    }

    /// Among outcomes with confidence ≥ `threshold`, the fraction wrong, and how many there were.
    public static func errorRate(atConfidence threshold: Double, _ outcomes: [Outcome]) -> (rate: Double?, count: Int) {
        let confident = outcomes.filter { ($0.confidence ?? 0) >= threshold }
        guard !confident.isEmpty else { return (nil, 0) }
        return (Double(confident.filter { !$0.correct }.count) / Double(confident.count), confident.count)
    }

    /// Outcomes grouped by field name, sorted by name.
    public static func byField(_ outcomes: [Outcome]) -> [(field: String, outcomes: [Outcome])] {
        Dictionary(grouping: outcomes, by: \.field).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Straight-through rate.
    public var straightThroughRate: Double? {
        documents == 0 ? nil : Double(straightThrough) / Double(documents)
    }
}
