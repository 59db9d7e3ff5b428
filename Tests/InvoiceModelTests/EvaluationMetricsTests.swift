import Foundation
import InvoiceModel
import Testing

@Suite struct EvaluationMetricsTests {
    private func report(_ fields: [FieldName: String]) -> DocumentReport {
        let extracted = fields.mapValues { value in
            ExtractedField(value: value, confidence: 0.9, flagged: false, source: .ocr, page: 1, box: nil)
        }
        let document = RecognizedDocument(
            documentType: "receipt", pages: [], fields: extracted, checks: [],
            review: ReviewDecision(required: false, reasons: []))
        return DocumentReport(file: "r.jpg", sha256: "00", outcome: .recognized(document), timings: StageTimings())
    }

    @Test func givenNameInPrintedCase_whenLabelIsUpperCase_thenRightAsContractComparesIt() {
        var metrics = EvaluationMetrics()
        metrics.add(
            report([.sellerName: "Restoran Wan Sheng", .sellerAddress: "No.2, Jalan Temenggung", .totalAmount: "9.50"]),
            label: DocumentLabel(fields: [
                "sellerName": "RESTORAN WAN SHENG", "sellerAddress": "NO. 3, JALAN TEMENGGUNG", "totalAmount": "9.5",
            ]))
        // The address differs in a digit: wrong whatever the case.
        #expect(EvaluationMetrics.accuracy(metrics.outcomes) == 2.0 / 3)
    }

    @Test func givenAnyTextField_whenOnlyCaseDiffers_thenItMatches() {
        #expect(FieldComparison.matches("ab12", "AB12", field: "invoiceNumber"))
        #expect(FieldComparison.matches("Acme Ltd", "ACME LTD", field: "sellerName"))
        #expect(!FieldComparison.matches("Acme Ltd", "ACME PLC", field: "sellerName"))
    }
}
