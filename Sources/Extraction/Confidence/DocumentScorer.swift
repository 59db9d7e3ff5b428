public import InvoiceModel

/// Turns extracted evidence and check outcomes into contract fields: confidence from the model, `flagged`
/// from the policy's thresholds and failed checks, and the review decision with its reasons.
public struct DocumentScorer: Sendable {
    /// The confidence model.
    public var model: ConfidenceModel
    /// Thresholds and required fields.
    public var policy: ReviewPolicy

    /// Creates a scorer.
    public init(model: ConfidenceModel = .builtIn, policy: ReviewPolicy = .builtIn) {
        self.model = model
        self.policy = policy
    }

    /// Text and data the file carries (PDF text layer, OFD data) are exact: such a value is wrong only when
    /// it was put in the wrong field, which shows as a conflict with another source or a failed check.
    /// Without either, its confidence is at least 0.99 — the model, fitted on OCR, would otherwise rate
    /// an exact address like an OCR'd one.
    static func carriedFloor(_ evidence: FieldEvidence, failedChecks: Int, _ confidence: Double) -> Double {
        guard evidence.source == .embedded || evidence.source == .textLayer, evidence.conflicts == 0,
            failedChecks == 0, evidence.formatValid
        else { return confidence }
        return max(confidence, 0.99)
    }

    /// Fields holding a name, which a reading cut short or taken from an address is not.
    static let nameFields: Set<FieldName> = [.buyerName, .sellerName, .payee, .reviewer, .drawer]

    /// Highest confidence of a value read with a caveat (`FieldEvidence.caveat`): of the 16 names OCR read on
    /// the generated German, French, Spanish and Italian scans (`testdata/invoices`), 7 were wrong, 6 of them
    /// for a missing accent.
    static let caveatCeiling = 0.7

    /// Highest confidence of an inferred value (`FieldEvidence.inferredFrom`): the model has too few such
    /// values to learn from. Receipt totals taken from the amount paid were right 2 times in 3 on the
    /// SROIE development receipts.
    static let inferredCeiling = 0.6

    /// The scored fields, line items and review decision of `document`.
    public func score(_ document: ExtractedDocument, checks: [CheckResult])
        -> (
            fields: [FieldName: ExtractedField], lineItems: [[LineItemFieldName: ExtractedField]],
            review: ReviewDecision
        )
    {
        var reasons: [String] = []
        var fields: [FieldName: ExtractedField] = [:]
        let independent = ConfidenceFeatures.independentChecks(of: document, in: checks)
        for name in FieldName.allCases {
            guard let evidence = document.fields[name] else { continue }
            let related = ConfidenceFeatures.checks(for: name, in: independent)
            let failed = related.filter { !$0.passed }
            var confidence = Self.carriedFloor(
                evidence, failedChecks: failed.count,
                model.probability(
                    ConfidenceFeatures.vector(
                        field: name.rawValue, evidence: evidence, checks: related, documentType: document.documentType,
                        pageQuality: document.pageQuality))
            )
            if evidence.inferredFrom != nil { confidence = min(confidence, Self.inferredCeiling) }
            if evidence.caveat != nil { confidence = min(confidence, Self.caveatCeiling) }
            let threshold = policy.threshold(for: name.rawValue, documentType: document.documentType)
            // A name cut short (a bracket left open) or an address taken for one is not a name, however
            // sure each character was.
            let malformedName = Self.nameFields.contains(name) && !evidence.formatValid
            let flagged =
                confidence < threshold || !failed.isEmpty || evidence.disagreement != nil
                || evidence.correctedFrom != nil || evidence.inferredFrom != nil || malformedName
                || evidence.caveat != nil
            if confidence < threshold {
                reasons.append(
                    "\(name.rawValue): confidence \(Self.format(confidence, cut: true)) below \(Self.format(threshold))"
                )
            }
            for check in failed {
                reasons.append("\(name.rawValue): \(check.message ?? check.rule)")
            }
            if let disagreement = evidence.disagreement {
                reasons.append("\(name.rawValue): sources disagree — \(disagreement)")
            }
            if let read = evidence.correctedFrom {
                reasons.append(
                    "\(name.rawValue): read as \(read); one look-alike character changed so that the checks hold")
            }
            if malformedName {
                reasons.append(
                    !FieldText.bracketsBalance(evidence.value)
                        ? "\(name.rawValue): not a whole name (a bracket is not closed)"
                        : FieldText.looksLikeAddress(evidence.value)
                            ? "\(name.rawValue): not a name (it reads as an address)"
                            : "\(name.rawValue): not a whole name (one character)")
            }
            if let caveat = evidence.caveat { reasons.append("\(name.rawValue): \(caveat)") }
            if let source = evidence.inferredFrom {
                reasons.append("\(name.rawValue): not printed as such; taken from \(source)")
            }
            fields[name] = ExtractedField(
                value: evidence.value, confidence: confidence, flagged: flagged, source: evidence.source,
                page: evidence.page, box: evidence.box)
        }
        var lineItems: [[LineItemFieldName: ExtractedField]] = []
        for (index, item) in document.lineItems.enumerated() {
            var scored: [LineItemFieldName: ExtractedField] = [:]
            // In the contract's column order: reasons must not depend on dictionary order.
            for name in LineItemFieldName.allCases {
                guard let evidence = item[name] else { continue }
                let key = "lineItem." + name.rawValue
                let confidence = model.probability(
                    ConfidenceFeatures.vector(
                        field: key, evidence: evidence, checks: ConfidenceFeatures.lineChecks(for: name, in: checks),
                        documentType: document.documentType,
                        pageQuality: document.pageQuality))
                let threshold = policy.threshold(for: key, documentType: document.documentType)
                if confidence < threshold {
                    reasons.append(
                        "line \(index + 1) \(name.rawValue): confidence \(Self.format(confidence, cut: true)) below \(Self.format(threshold))"
                    )
                }
                scored[name] = ExtractedField(
                    value: evidence.value, confidence: confidence, flagged: confidence < threshold,
                    source: evidence.source,
                    page: evidence.page, box: evidence.box)
            }
            lineItems.append(scored)
        }
        for check in checks where !check.passed && check.fields.isEmpty {
            reasons.append(check.message ?? check.rule)
        }
        let required = document.documentType.flatMap { policy.requiredFields[$0] } ?? ["totalAmount"]
        for name in required where FieldName(rawValue: name).map({ fields[$0] == nil }) ?? false {
            reasons.append("\(name): not found")
        }
        for name in document.expectedFields + document.unreadFields where fields[name] == nil {
            reasons.append("\(name.rawValue): printed but not read")
        }
        for name in document.unlocatedFields where fields[name] == nil {
            reasons.append("\(name.rawValue): not looked for (its place on the page was not found)")
        }
        if document.documentType == nil {
            reasons.insert("document type not recognised", at: 0)
        }
        return (fields, lineItems, ReviewDecision(required: !reasons.isEmpty, reasons: Self.unique(reasons)))
    }

    /// `value` to two decimals. A confidence is cut, not rounded, where it is compared with a threshold:
    /// 0.968 rounded would read "confidence 0.97 below 0.97".
    static func format(_ value: Double, cut: Bool = false) -> String {
        let hundredths = Int(cut ? (value * 100 + 1e-9).rounded(.down) : (value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    private static func unique(_ reasons: [String]) -> [String] {
        var seen = Set<String>()
        return reasons.filter { seen.insert($0).inserted }
    }
}
