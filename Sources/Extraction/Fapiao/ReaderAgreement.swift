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

    /// A title the two engines read differently, settled by the invoice code: the reading that starts
    /// with the province or city the code was issued in is taken (the code is a third, independent
    /// witness), and confirmed.
    static func settleTitle(_ fields: inout [FieldName: FieldEvidence]) {
        guard var title = fields[.invoiceTitle], title.disagreement != nil,
            let code = fields[.invoiceCode]?.value, let region = FapiaoTitle.region(ofInvoiceCode: code)
        else { return }
        let readings = [title.value] + title.alternatives
        guard let match = readings.first(where: { $0.hasPrefix(region) }),
            readings.filter({ $0.hasPrefix(region) }).allSatisfy({ $0 == match })
        else { return }
        title.alternatives = readings.filter { $0 != match }
        title.value = match
        title.disagreement = nil
        title.confirmations += 1
        fields[.invoiceTitle] = title
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
