import Capture
import Foundation
import Ingest
import InvoiceModel
import Recognition
import TestSupport
import Testing

/// PDFs and OFDs through the whole pipeline: exact values from the text the file carries, no OCR unless
/// the text is unusable, and every refusal as a clear error.
@Suite struct BornDigitalTests {
    static var pipeline: RecognitionPipeline { PipelineTests.pipeline }

    static func document(_ report: DocumentReport) -> RecognizedDocument? {
        if case .recognized(let document) = report.outcome { return document }
        return nil
    }

    /// A born-digital testdata file's label and the document recognised from its pages rendered and read
    /// by OCR (the report must say it was rendered).
    static func renderedAndRead(_ file: String) async throws -> (Label, RecognizedDocument) {
        let path = Paths.testdata("born-digital/" + file)
        let label = try Label.of(document: path)
        let report = try await pipeline.process(path: path)
        let recognized = try #require(Self.document(report), "\(report.outcome)")
        #expect(report.timings.stages.contains { $0.0 == "render" })
        return (label, recognized)
    }

    static func failure(_ report: DocumentReport) -> DocumentError? {
        if case .failed(let error, _) = report.outcome { return error }
        return nil
    }

    /// Every labelled field and line-item value that differs from the label.
    static func differences(_ document: RecognizedDocument, _ label: Label) -> [String] {
        var wrong: [String] = []
        for (name, expected) in label.fields.sorted(by: { $0.key < $1.key }) {
            let got = FieldName(rawValue: name).flatMap { document.fields[$0]?.value }
            if got != expected { wrong.append("\(name): expected \(expected), got \(got ?? "nothing")") }
        }
        for (index, item) in (label.lineItems ?? []).enumerated() {
            for (name, expected) in item.sorted(by: { $0.key < $1.key }) {
                let got =
                    index < document.lineItems.count
                    ? LineItemFieldName(rawValue: name).flatMap { document.lineItems[index][$0]?.value } : nil
                if got != expected {
                    wrong.append("line \(index + 1) \(name): expected \(expected), got \(got ?? "nothing")")
                }
            }
        }
        return wrong
    }

    /// The files whose text is complete: scans and the file whose labels are images are excluded.
    static let carriedText: [String] = LabelledDocuments.list(Paths.testdata("born-digital")).filter {
        !$0.contains("/scan-") && !$0.contains("/labels-as-images")
    }

    @Test(arguments: carriedText)
    func givenTextLayerPDFOrOFD_whenProcessed_thenEveryLabelledValueExactWithoutOCR(path: String) async throws {
        let label = try Label.of(document: path)
        let report = try await Self.pipeline.process(path: path)
        let document = try #require(Self.document(report), "\(path): \(report.outcome)")
        #expect(Self.differences(document, label) == [], "\(path)")
        let sources = Set(document.fields.values.map(\.source))
        #expect(!sources.contains(.ocr), "\(path): \(sources)")
        #expect(!report.timings.stages.contains { $0.0 == "ocr" || $0.0 == "preprocess" })
        #expect(document.fields[.invoiceNumber]?.flagged == false)
        // Values have their place on the page, for reviewers.
        #expect(document.fields[.sellerName]?.box != nil)
    }

    /// The generated invoices in German, French, Dutch, Spanish, Italian, Indian English and US English
    /// whose text the PDF carries.
    static let worldInvoices: [String] = LabelledDocuments.list(Paths.testdata("invoices")).filter {
        $0.hasSuffix(".pdf")
    }

    @Test(arguments: worldInvoices)
    func givenInvoicePDFInAnotherLanguage_whenProcessed_thenEveryLabelledValueExactFromItsText(path: String)
        async throws
    {
        let label = try Label.of(document: path)
        let report = try await Self.pipeline.process(path: path)
        let document = try #require(Self.document(report), "\(path): \(report.outcome)")
        #expect(Self.differences(document, label) == [], "\(path)")
        #expect(!report.timings.stages.contains { $0.0 == "render" }, "\(path): OCR'd, as if its text were unusable")
    }

    /// Scans of the German and Spanish invoices: the English model reads "Muller" and "Informatica"; the
    /// name is read again with the invoice language's model and keeps its accents, not flagged for them.
    @Test(arguments: ["de-001-scan.png", "es-002-scan.png"])
    func givenAnAccentedNameOnAScan_whenProcessed_thenReadWithItsAccents(file: String) async throws {
        let path = Paths.testdata("invoices/" + file)
        let label = try Label.of(document: path)
        let document = try #require(Self.document(try await Self.pipeline.process(path: path)))
        let name = try #require(document.fields[.sellerName])
        #expect(name.value == label.fields["sellerName"], "\(file)")
        #expect(name.source == .ocr)
        #expect(!document.review.reasons.contains { $0.contains("accented letters") }, "\(document.review.reasons)")
    }

    @Test func givenPDF_whenProcessed_thenQRCodeConfirmsTheTextLayer() async throws {
        let report = try await Self.pipeline.process(path: Paths.testdata("born-digital/tc-002.pdf"))
        let document = try #require(Self.document(report))
        #expect(document.fields[.invoiceNumber]?.source == .qr)
        #expect(document.checks.contains { $0.rule.contains("qr") && $0.passed })
    }

    @Test func givenQRCodeDrawnAsFineVectors_whenProcessed_thenFoundOnThePageRenderedAt300DPI() async throws {
        // 8 mm wide: too fine for the 150 dpi rendering tried first.
        let report = try await Self.pipeline.process(path: Paths.testdata("born-digital/tc-004-vector-qr.pdf"))
        let document = try #require(Self.document(report))
        #expect(document.fields[.invoiceNumber]?.source == .qr)
        #expect(document.fields[.checkCode]?.source == .qr)
    }

    @Test func givenOFD_whenProcessed_thenEmbeddedDataIsTheSource() async throws {
        let report = try await Self.pipeline.process(path: Paths.testdata("born-digital/tc-005.ofd"))
        let document = try #require(Self.document(report))
        #expect(document.fields[.invoiceNumber]?.source == .embedded)
        #expect(document.fields[.totalAmountInWords]?.source == .textLayer)
        #expect(report.pages.first?.dpi == 300)
    }

    @Test func givenContinuationPage_whenProcessed_thenItsLineItemsAreTheInvoices() async throws {
        let path = Paths.testdata("born-digital/tc-007-list.pdf")
        let label = try Label.of(document: path)
        let document = try #require(Self.document(try await Self.pipeline.process(path: path)))
        #expect(document.lineItems.count == label.lineItems?.count)
        #expect(document.lineItems.allSatisfy { $0[.name]?.page == 2 })
        #expect(Self.differences(document, label) == [])
    }

    @Test func givenTwoInvoicesInOnePDF_whenProcessed_thenRefusedNamingThePage() async throws {
        let report = try await Self.pipeline.process(path: Paths.testdata("born-digital/two-invoices.pdf"))
        let error = try #require(Self.failure(report), "two invoices were reported as one")
        #expect(error.code == .multipleInvoices)
        #expect(error.message.contains("page 2"))
    }

    @Test func givenEmptyOFDTemplate_whenProcessed_thenNoInvoiceData() async throws {
        let report = try await Self.pipeline.process(path: Paths.testdata("born-digital/empty-template.ofd"))
        let error = try #require(Self.failure(report), "an empty template was reported as an invoice")
        #expect(error.code == .noInvoiceData)
    }

    @Test func givenScanSavedAsPDF_whenProcessed_thenPageIsRenderedAndRead() async throws {
        let (label, document) = try await Self.renderedAndRead("scan-only.pdf")
        for name in ["invoiceCode", "invoiceNumber", "issueDate", "totalAmount"] {
            #expect(document.fields[FieldName(rawValue: name)!]?.value == label.fields[name], "\(name)")
        }
        #expect(document.fields[.sellerTaxID]?.source == .ocr)
    }

    @Test func givenScanUnderSomeoneElsesOCRLayer_whenProcessed_thenTheLayerIsNotTakenForExactText() async throws {
        // The layer misreads the number and the total; the scan and its QR code say otherwise.
        let (label, document) = try await Self.renderedAndRead("scan-ocr-layer.pdf")
        #expect(!document.fields.values.contains { $0.source == .textLayer })
        #expect(document.fields[.invoiceNumber]?.value == label.fields["invoiceNumber"])
        #expect(document.fields[.totalAmount]?.value == label.fields["totalAmount"])
    }

    @Test func givenLabelsWithoutText_whenProcessed_thenThePageIsOCRdAndNothingIsSilentlyMissing() async throws {
        let (label, document) = try await Self.renderedAndRead("labels-as-images.pdf")
        // The page was OCR'd for its labels; the values OCR found are printed as text, which is exact and
        // wins over the reading of the same field.
        let read = document.fields.filter { $0.value.source == .ocr }.map(\.key.rawValue)
        #expect(read.isEmpty, "read by OCR though the file prints them as text: \(read)")
        for name in ["invoiceNumber", "issueDate", "totalAmount"] {
            #expect(document.fields[FieldName(rawValue: name)!]?.value == label.fields[name], "\(name)")
        }
        // Whatever could not be read is flagged or named for review, never silently absent or wrong.
        for (name, expected) in label.fields {
            let field = FieldName(rawValue: name).flatMap { document.fields[$0] }
            let named = document.review.reasons.contains { $0.hasPrefix(name) }
            #expect(
                field?.value == expected || field?.flagged == true || named, "\(name): \(String(describing: field))")
        }
    }

    /// The real e-invoices of `../shared/data/fapiao-dev` (when present).
    static let sharedCases: [String] =
        Paths.sharedData.map {
            LabelledDocuments.list($0.appendingPathComponent("fapiao-dev").path)
        } ?? []

    @Test func givenRealEInvoices_whenProcessed_thenEveryLabelledFieldIsRight() async throws {
        guard !Self.sharedCases.isEmpty else {
            print("skipped: \(Paths.sharedDataMissing)")
            return
        }
        for path in Self.sharedCases where !path.hasSuffix(".png") {
            let label = try Label.of(document: path)
            let report = try await Self.pipeline.process(path: path)
            let document = try #require(Self.document(report), "\(path): \(report.outcome)")
            #expect(Self.differences(document, label) == [], "\(path)")
        }
    }
}
