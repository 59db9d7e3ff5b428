import Capture
import Foundation
import Ingest
import InvoiceModel
import TestSupport
import Testing

/// Fields end to end: real files from testdata/, the real engines, compared with the generator's labels
/// the way `invcap eval` compares them (CONTRACT.md §3).
@Suite struct FieldExtractionTests {
    private func document(_ path: String) async throws -> RecognizedDocument {
        let report = try await PipelineTests.pipeline.process(path: path)
        guard case .recognized(let document) = report.outcome else {
            throw TestFailure("\(path) was not recognised: \(report.outcome)")
        }
        return document
    }

    static let cleanFapiao = PipelineTests.cleanFapiao(taxControl: 2, digital: 2)

    @Test(arguments: cleanFapiao)
    func givenCleanFapiao_whenExtracted_thenKeyFieldsMatchTheLabelAndChecksPass(path: String) async throws {
        let label = try Label.of(document: path)
        let document = try await document(path)
        #expect(document.documentType == "fapiao")
        for name in ["invoiceCode", "invoiceNumber", "issueDate", "checkCode", "totalAmount", "sellerTaxId"] {
            guard let expected = label.fields[name], let field = FieldName(rawValue: name) else { continue }
            let output = document.fields[field]
            #expect(
                FieldComparison.matches(output?.value, expected, field: name),
                "\(path) \(name): expected \(expected), got \(output?.value ?? "nothing")")
            if let output {
                #expect((0...1).contains(output.confidence))
                #expect(output.page == 1)
            }
        }
        let sums = document.checks.filter { $0.rule == "amount-plus-tax-equals-total" }
        #expect(!sums.isEmpty && sums.allSatisfy(\.passed), "\(path): \(document.checks)")
        #expect(document.fields[.currency]?.value == "CNY")
    }

    /// Phone photos of a sheet lying on a desk, seen at an angle and lit unevenly: the sheet is cut out
    /// and squared before OCR, so the fapiao's grid and the invoice's rows are found and read.
    @Test(arguments: ["fapiao/photo/tc-001-p.jpg", "fapiao/photo/sd-004-p.jpg", "english/photo/inv-001-p.jpg"])
    func givenPhotoOfASheetAtAnAngle_whenExtracted_thenTheSheetIsCutOutAndKeyFieldsRead(file: String) async throws {
        let path = Paths.testdata(file)
        let label = try Label.of(document: path)
        let report = try await PipelineTests.pipeline.process(path: path)
        guard case .recognized(let document) = report.outcome else {
            throw TestFailure("\(path) was not recognised: \(report.outcome)")
        }
        for name in ["invoiceNumber", "issueDate", "totalAmount", "sellerName", "sellerTaxID", "buyerName"] {
            guard let expected = label.fields[name], let field = FieldName(rawValue: name) else { continue }
            #expect(
                FieldComparison.matches(document.fields[field]?.value, expected, field: name),
                "\(file) \(name): expected \(expected), got \(document.fields[field]?.value ?? "nothing")")
        }
        // The page read is the sheet alone: smaller than the photo around it.
        let photo = try #require(try DocumentLoader().load(path: path).pages.first).image
        let page = try #require(report.pages.first)
        #expect(
            page.width < photo.width * 9 / 10 && page.height < photo.height * 9 / 10, "\(page.width)x\(page.height)")
    }

    /// 收款人 and 复核 left blank are empty, not unread: they send nobody to review. A name printed there
    /// that OCR did not attach to its label (the line broke after 复核) is still named for review.
    @Test func givenFooterNamesBlankOrUnattached_whenExtracted_thenOnlyThePrintedOneIsNamedForReview() async throws {
        let blank = try await document(Paths.testdata("fapiao/clean/tc-001.png"))
        let label = try Label.of(document: Paths.testdata("fapiao/clean/tc-001.png"))
        #expect(label.fields["payee"] == nil && label.fields["reviewer"] == nil)
        #expect(
            !blank.review.reasons.contains { $0.hasPrefix("payee:") || $0.hasPrefix("reviewer:") },
            "\(blank.review.reasons)")

        let path = Paths.testdata("born-digital/scan-only.pdf")
        let printed = try await document(path)
        let expected = try #require(try Label.of(document: path).fields["reviewer"])
        #expect(
            printed.fields[.reviewer]?.value == expected
                || printed.review.reasons.contains { $0.hasPrefix("reviewer:") },
            "\(printed.review.reasons)")
    }

    /// Paper renders whose footer line OCR could not read (a continuous form, dot-matrix names off their
    /// labels): with the 收款人 and 复核 labels unread, nothing says those places are blank, so a name
    /// printed there and not read is still named for review — as is every other labelled field not found.
    @Test(arguments: ["fapiao/paper/paper-002.jpg", "fapiao/paper/paper-004.jpg"])
    func givenFooterLabelsNotRead_whenExtracted_thenEveryLabelledFieldNotFoundIsNamedForReview(file: String)
        async throws
    {
        let path = Paths.testdata(file)
        let label = try Label.of(document: path)
        let document = try await document(path)
        #expect(label.fields["reviewer"] != nil)
        for (name, _) in label.fields {
            guard let field = FieldName(rawValue: name), document.fields[field] == nil else { continue }
            #expect(document.review.reasons.contains { $0.hasPrefix(name + ":") }, "\(file) \(name): \(document.review.reasons)")
        }
    }

    /// Item names that run past their column into 规格型号 (停车费), that lose the category's opening
    /// asterisk at the column edge, or that OCR spaces around asterisks and brackets; and tax rates whose
    /// percent sign reads as digits.
    @Test(arguments: ["fapiao/clean/sd-007.png", "fapiao/clean/tc-007.png"])
    func givenFapiaoItems_whenExtracted_thenNamesAndRatesAsPrinted(file: String) async throws {
        let path = Paths.testdata(file)
        let expected = try #require(try Label.of(document: path).lineItems)
        let items = try await document(path).lineItems
        #expect(items.map { $0[.name]?.value } == expected.map { $0["name"] })
        #expect(items.map { $0[.taxRate]?.value } == expected.map { $0["taxRate"] })
        #expect(items.allSatisfy { $0[.specification] == nil } == expected.allSatisfy { $0["specification"] == nil })
    }

    /// A speckled 数电 scan whose buyer tax ID both Tesseract reads get wrong ("I9144199GMA9DKNMHQ5R"):
    /// the line recognizer's reading passes the USCC check and replaces it, with the conflict recorded.
    @Test func givenTaxIDBothTesseractReadsMisread_whenExtracted_thenTheLineModelsValidReading() async throws {
        let path = Paths.testdata("fapiao/degraded/sd-005-d.jpg")
        let expected = try #require(try Label.of(document: path).fields["buyerTaxID"])
        let field = try #require(try await document(path).fields[.buyerTaxID])
        #expect(field.value == expected)
        #expect(TaxID.check(field.value) == .validUSCC)
    }

    @Test func givenFapiaoWithQRCode_whenExtracted_thenQRValuesAreTheSourceOfItsFields() async throws {
        let path = try #require(Self.cleanFapiao.first { (try? Label.of(document: $0))?.meta?.qr != nil })
        let document = try await document(path)
        let number = try #require(document.fields[.invoiceNumber])
        #expect(number.source == .qr)
        #expect(document.checks.contains { $0.rule == "qr-matches-printed" && $0.passed }, "\(document.checks)")
    }

    static let cleanEnglish: [String] = Array(LabelledDocuments.list(Paths.testdata("english/clean")).prefix(3))

    @Test(arguments: cleanEnglish)
    func givenCleanEnglishDocument_whenExtracted_thenTotalDateAndSellerMatchTheLabel(path: String) async throws {
        let label = try Label.of(document: path)
        let document = try await document(path)
        for name in ["totalAmount", "issueDate", "sellerName"] {
            guard let expected = label.fields[name], let field = FieldName(rawValue: name) else { continue }
            let output = document.fields[field]
            #expect(
                FieldComparison.matches(output?.value, expected, field: name),
                "\(path) \(name): expected \(expected), got \(output?.value ?? "nothing")")
        }
    }

    /// Heavy speckle makes the first reading of this invoice poor (mean word confidence under 0.5): the
    /// page is read again through a median filter, which finds its date and total.
    @Test func givenSpeckledInvoice_whenExtracted_thenTheDespeckledReadingFindsDateAndTotal() async throws {
        let path = Paths.testdata("english/degraded/inv-004-d.png")
        let label = try Label.of(document: path)
        let document = try await self.document(path)
        #expect(document.fields[.issueDate]?.value == label.fields["issueDate"])
        #expect(document.fields[.totalAmount]?.value == label.fields["totalAmount"])
    }

    /// Receipts under heavy toner spray: the page read as it is finds no total (or a wrong one); read
    /// again with the isolated specks removed, it does.
    @Test(arguments: ["rcpt-002-d.png", "rcpt-008-d.jpg"])
    func givenHeavilySpeckledReceipt_whenExtracted_thenTheSpecklessReadingFindsTheTotal(file: String) async throws {
        let path = Paths.testdata("english/degraded/" + file)
        let label = try Label.of(document: path)
        let document = try await self.document(path)
        #expect(document.fields[.totalAmount]?.value == label.fields["totalAmount"])
    }

    /// Degraded scans where a rule, not the OCR, makes the field right: the 机器编号 beside the QR code's
    /// lowest modules on a skewed page; a 合计 row with a garbled label that is not an item; the 开票人 of a
    /// 数电 invoice found through a median filter; the title its QR code implies (the OCR reads 山西 for
    /// 陕西); a total whose ¥ was read as a 4, repaired from the QR amount and the item's tax; the 合计
    /// row of a speckled table read through a median filter (unfiltered, the specks garble its amounts).
    @Test(arguments: [
        ("tc-006-d.png", "machineNumber"), ("sd-010-d.png", "amountExcludingTax"), ("sd-007-d.png", "drawer"),
        ("tc-001-d.png", "invoiceTitle"), ("tc-004-d.png", "totalAmount"), ("sd-001-d.jpg", "taxAmount"),
    ])
    func givenDegradedFapiao_whenExtracted_thenTheFieldARuleSettlesMatchesTheLabel(file: String, name: String)
        async throws
    {
        let path = Paths.testdata("fapiao/degraded/" + file)
        let label = try Label.of(document: path)
        let document = try await self.document(path)
        let expected = try #require(label.fields[name])
        let output = document.fields[try #require(FieldName(rawValue: name))]
        #expect(
            FieldComparison.matches(output?.value, expected, field: name),
            "\(file) \(name): expected \(expected), got \(output?.value ?? "nothing")")
        if file == "sd-010-d.png" { #expect(document.lineItems.count == label.lineItems?.count) }
    }

    @Test func givenTheSameScanTwice_whenExtracted_thenIdenticalValuesConfidencesAndReview() async throws {
        let path = try #require(LabelledDocuments.list(Paths.testdata("fapiao/degraded")).first)
        let first = try await document(path)
        let second = try await document(path)
        #expect(first.fields.mapValues(\.value) == second.fields.mapValues(\.value))
        #expect(first.fields.mapValues(\.confidence) == second.fields.mapValues(\.confidence))
        #expect(first.review.reasons == second.review.reasons)
    }

    @Test func givenFlaggedField_whenReviewed_thenReviewRequiredAndTheFieldNamedInAReason() async throws {
        // Degraded documents are where the model is unsure: every flagged field must be explained.
        for path in LabelledDocuments.list(Paths.testdata("english/degraded")).prefix(3) {
            let document = try await document(path)
            for (name, field) in document.fields where field.flagged {
                #expect(document.review.required)
                #expect(document.review.reasons.contains { $0.hasPrefix(name.rawValue) }, "\(path) \(name)")
            }
        }
    }
}

/// A failure with a message, for test helpers that throw.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
