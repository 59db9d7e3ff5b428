import Foundation
import InvoiceModel

/// Formats evaluation metrics as a table or JSON.
struct EvalPrinter {
    let dataset: String
    let metrics: EvaluationMetrics
    let seconds: Double

    private typealias M = EvaluationMetrics

    private var documentsPerMinute: Double { seconds > 0 ? Double(metrics.documents) / seconds * 60 : 0 }

    func table() -> String {
        let all = metrics.outcomes
        let confident = M.errorRate(atConfidence: 0.95, all)
        var out = "\(dataset): \(metrics.documents) documents (\(metrics.failedDocuments) unreadable), "
        out += String(format: "%.1f documents/minute\n", documentsPerMinute)
        out += "  field accuracy \(f(M.accuracy(all)))   silent errors \(pct(M.silentErrorRate(all)))   "
        out += "STP \(f(metrics.straightThroughRate))   ECE \(f(M.expectedCalibrationError(all)))   "
        out += "wrong at confidence ≥ 0.95: \(pct(confident.rate)) of \(confident.count)\n"
        out += "  " + "field".padding(toLength: 22, withPad: " ", startingAt: 0) + "     n  accuracy  silent     ECE\n"
        for (field, outcomes) in M.byField(all) + M.byField(metrics.lineItemOutcomes) {
            out += "  " + field.padding(toLength: 22, withPad: " ", startingAt: 0)
            out += String(format: "%6d", outcomes.count) + "  " + f(M.accuracy(outcomes)).leftPad(8) + "  "
            out +=
                pct(M.silentErrorRate(outcomes)).leftPad(6) + "  " + f(M.expectedCalibrationError(outcomes)).leftPad(6)
                + "\n"
        }
        if !metrics.lineItemOutcomes.isEmpty {
            out += "  line items (not in field accuracy): accuracy \(f(M.accuracy(metrics.lineItemOutcomes)))"
            out += ", silent errors \(pct(M.silentErrorRate(metrics.lineItemOutcomes)))\n"
        }
        return out
    }

    func json() -> JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map { JSONValue.rounded($0, places: 4) } ?? .null }
        func summary(_ outcomes: [M.Outcome]) -> JSONValue {
            .object([
                ("n", .int(outcomes.count)), ("accuracy", number(M.accuracy(outcomes))),
                ("silentErrorRate", number(M.silentErrorRate(outcomes))),
                ("ece", number(M.expectedCalibrationError(outcomes))),
            ])
        }
        let confident = M.errorRate(atConfidence: 0.95, metrics.outcomes)
        return .object([
            ("dataset", .string(dataset)),
            ("documents", .int(metrics.documents)),
            ("unreadableDocuments", .int(metrics.failedDocuments)),
            ("documentsPerMinute", number(documentsPerMinute)),
            ("fieldAccuracy", number(M.accuracy(metrics.outcomes))),
            ("silentErrorRate", number(M.silentErrorRate(metrics.outcomes))),
            ("straightThroughRate", number(metrics.straightThroughRate)),
            ("ece", number(M.expectedCalibrationError(metrics.outcomes))),
            ("errorRateAtConfidence095", number(confident.rate)),
            ("fieldsAtConfidence095", .int(confident.count)),
            ("fields", .object(M.byField(metrics.outcomes).map { ($0.field, summary($0.outcomes)) })),
            ("lineItems", summary(metrics.lineItemOutcomes)),
        ])
    }

    /// "file field: expected … got …" for every wrong labelled field of one report.
    static func mistakes(_ report: DocumentReport, label: DocumentLabel) -> [String] {
        guard case .recognized(let document) = report.outcome else {
            return ["\(report.file): not read"]
        }
        return label.fields.sorted { $0.key < $1.key }.compactMap { field, expected in
            let output = FieldName(rawValue: field).flatMap { document.fields[$0] }
            if FieldComparison.matches(
                output?.value, expected, alternatives: label.alternatives[field] ?? [], field: field)
            {
                return nil
            }
            let got =
                output.map { "\($0.value) (\(String(format: "%.2f", $0.confidence))\($0.flagged ? ", flagged" : ""))" }
                ?? "missing"
            let flagged = output?.flagged ?? document.review.reasons.contains { $0.hasPrefix(field + ":") }
            return "\(flagged ? "" : "SILENT ")\(report.file) \(field): expected \(expected), got \(got)"
        }
    }

    private func f(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "–" }
    private func pct(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "–" }
}

extension String {
    func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
