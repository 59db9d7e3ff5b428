import Foundation
import InvoiceModel

/// Combining two independent OCR readings of the same fields (Tesseract and PP-OCR): agreement is
/// evidence that a value is right, disagreement a reason to ask a person.
enum ReaderAgreement {
    /// `lead`'s values, confirmed where `other` read the same and marked as conflicting (with `other`'s
    /// value kept as an alternative) where it read something else; fields only `other` read are taken
    /// from it.
    static func combine(lead: [FieldName: FieldEvidence], other: [FieldName: FieldEvidence])
        -> [FieldName: FieldEvidence]
    {
        var result = other
        for (field, first) in lead {
            var evidence = first
            if let second = other[field] {
                if same(first.value, second.value) {
                    evidence.confirmations += 1
                    evidence.readConfidence = max(first.readConfidence, second.readConfidence)
                } else {
                    evidence.conflicts += 1
                    evidence.alternatives = [second.value] + second.alternatives + evidence.alternatives
                    // Two engines that read the same print differently: a person decides.
                    evidence.disagreement = "the two OCR engines read it differently: \(first.value) / \(second.value)"
                }
                evidence.box = evidence.box ?? second.box
            }
            result[field] = evidence
        }
        return result
    }

    /// Equal as the metrics compare values: compatibility forms folded, whitespace and letter case ignored.
    static func same(_ a: String, _ b: String) -> Bool {
        func folded(_ text: String) -> String {
            text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }.uppercased()
        }
        return folded(a) == folded(b)
    }

    /// Which reading leads for `field` when both read it: `INVCAP_LEAD` (`tesseract` or `detected`) for
    /// experiments; by default the detector's reading (measured: it reads real paper better).
    static var detectedLeads: Bool {
        ProcessInfo.processInfo.environment["INVCAP_LEAD"] != "tesseract"
    }
}
