import Foundation
import Ingest
import InvoiceModel
import TestSupport
import Testing

/// PDFs through poppler: the text layer with positions, rendering, and every bad PDF as a clear error.
@Suite struct PDFFileTests {
    let loader = DocumentLoader()

    private func open(_ relative: String) throws -> PDFFile {
        let document = try loader.load(path: Paths.testdata(relative))
        guard case .pdf(let file) = document.content else {
            Issue.record("\(relative) was not read as a PDF")
            throw DocumentError(.unsupportedFormat, relative)
        }
        return file
    }

    @Test func givenTextLayerFapiao_whenRead_thenEveryValueIsTextWithItsPlaceAt300DPI() throws {
        let label = try Label.of(document: Paths.testdata("born-digital/tc-001.pdf"))
        let file = try open("born-digital/tc-001.pdf")
        let page = file.textPage(0)
        // 210 × 140 mm at 300 dpi.
        #expect(abs(page.width - 2480) <= 1 && abs(page.height - 1654) <= 1)
        let number = try #require(label.fields["invoiceNumber"])
        let word = try #require(page.lines.flatMap(\.words).first { $0.text.contains(number) }, "\(page.text)")
        #expect(word.confidence == 1)
        // Printed in the header block at the top right.
        #expect(word.box.x > page.width / 2 && word.box.y < page.height / 4, "\(word.box)")
        let seller = try #require(label.fields["sellerName"])
        #expect(page.text.contains(seller))
    }

    @Test func givenTextLayerFapiao_whenRendered_thenGreyPageAt300DPIWithItsQRCodePlaced() throws {
        let file = try open("born-digital/tc-001.pdf")
        let image = try file.render(0, maxPixels: 80_000_000)
        #expect(image.dpi == 300 && image.depth == 8)
        #expect(abs(image.width - 2480) <= 1)
        let placed = file.placedImages(0, maxPixels: 4_000_000)
        #expect(placed.count == 1)
        // The QR image sits at the top left, 20 mm square.
        let box = try #require(placed.first?.box)
        #expect(box.x < 200 && box.y < 200 && abs(box.width - 236) <= 2, "\(box)")
    }

    private func error(loading data: Data, named name: String) throws -> DocumentError? {
        try LoadAttempt.error(data, named: name)
    }

    @Test func givenTruncatedPDF_whenLoaded_thenCorruptFileSayingTruncated() throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: Paths.testdata("born-digital/tc-001.pdf")))
        let error = try #require(try self.error(loading: whole.prefix(whole.count / 2), named: "cut.pdf"))
        #expect(error.code == .corruptFile)
        #expect(error.message.contains("truncated"), "\(error)")
    }

    @Test func givenPDFWithoutPages_whenLoaded_thenCorruptFileSayingNoPages() throws {
        let error = try #require(try self.error(loading: SyntheticPDF.blankPages(0), named: "empty.pdf"))
        #expect(error.code == .corruptFile)
        #expect(error.message.contains("no pages"), "\(error)")
    }

    @Test func givenTenThousandPagePDF_whenLoaded_thenTooLargeNamingTheLimit() throws {
        let error = try #require(try self.error(loading: SyntheticPDF.blankPages(10_000), named: "huge.pdf"))
        #expect(error.code == .tooLarge)
        #expect(error.message.contains("10000 pages") && error.message.contains("200"), "\(error)")
    }

    @Test func givenDamagedPDF_whenLoaded_thenCorruptFile() throws {
        let garbage = Data("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n garbage \n%%EOF\n".utf8)
        let error = try #require(try self.error(loading: garbage, named: "damaged.pdf"))
        #expect(error.code == .corruptFile, "\(error)")
    }

    @Test func givenEncryptedPDF_whenLoaded_thenEncryptedFile() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Paths.testdata("born-digital/encrypted.pdf")))
        let error = try #require(try self.error(loading: data, named: "locked.pdf"))
        #expect(error.code == .encryptedFile)
        #expect(error.message.contains("password"))
    }

    @Test func givenPDFWithBlankPages_whenLoaded_thenEveryPageHasNoText() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("blank.pdf")
        try SyntheticPDF.blankPages(3).write(to: url)
        guard case .pdf(let file) = try loader.load(path: url.path).content else {
            Issue.record("not read as a PDF")
            return
        }
        #expect(file.pageCount == 3)
        #expect((0..<3).allSatisfy { file.textPage($0).characterCount == 0 })
    }
}
