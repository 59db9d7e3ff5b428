import Extraction
import InvoiceModel
import Testing

/// Readings of one page prepared differently complete each other, and their disagreements show.
@Suite struct ReadingFillTests {
    private func evidence(_ value: String) -> FieldEvidence {
        FieldEvidence(value: value, source: .ocr, page: 1, box: nil, readConfidence: 0.9, formatValid: true)
    }

    private func reading(_ fields: [FieldName: String], unread: [FieldName] = []) -> ExtractedDocument {
        var document = ExtractedDocument(
            documentType: "receipt", invoiceKind: nil, fields: fields.mapValues(evidence), lineItems: [], qr: nil)
        document.unreadFields = unread
        return document
    }

    @Test func givenTwoReadings_whenFilled_thenMissingFieldsTakenAndDisagreementsCountAsConflicts() {
        var best = reading([.totalAmount: "11.57", .issueDate: "2015-01-09"], unread: [.invoiceNumber])
        let other = reading(
            [.totalAmount: "11.57", .issueDate: "2019-01-09", .sellerName: "GOLDEN 24 CAFE"],
            unread: [.currency, .invoiceNumber])
        best.fill(from: other)
        #expect(best.fields[.sellerName]?.value == "GOLDEN 24 CAFE")
        #expect(best.fields[.totalAmount]?.conflicts == 0)
        #expect(best.fields[.issueDate]?.value == "2015-01-09")
        #expect(best.fields[.issueDate]?.conflicts == 1)
        #expect(best.fields[.issueDate]?.alternatives == ["2019-01-09"])
        #expect(Set(best.unreadFields) == [.currency, .invoiceNumber])
        // A field one reading names as unread and the other read is no longer unread.
        var sparse = reading([:], unread: [.sellerName])
        sparse.fill(from: other)
        #expect(!sparse.unreadFields.contains(.sellerName))
    }
}
