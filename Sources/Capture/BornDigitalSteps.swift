import Extraction
import Foundation
import Ingest
import InvoiceModel
import Recognition

/// Steps 3–7 for files that carry their text (PDF text layer, OFD): no OCR, no preprocessing.
enum BornDigitalSteps {
    /// What a PDF needs next.
    enum PDFResult {
        /// Read from its text layer.
        case done(PageSteps.Output)
        /// The text layer is unusable or misses fields the layout prints: OCR the rendered pages; fields
        /// the text layer did read (`carried`) are laid over what OCR finds.
        case needsOCR([LoadedPage], carried: ExtractedDocument?, timings: StageTimings)
        /// The file cannot be read (rendering failed, several invoices).
        case failed(DocumentError, timings: StageTimings)
    }

    /// A page covered this much by one image is a scan.
    static let scannedPageCoverage = 0.8

    static func pdf(
        _ file: PDFFile, limits: IngestLimits, extractor: DocumentExtractor, scorer: DocumentScorer, today: String
    ) -> PDFResult {
        var timings = StageTimings()
        var stopwatch = Stopwatch()
        let texts = (0..<file.pageCount).map { file.textPage($0) }
        // Found once: they tell a scan apart, and one of them is usually the QR code.
        let firstPlacements = file.imagePlacements(0)
        timings.add("text", milliseconds: stopwatch.milliseconds)
        // A scan saved as PDF is read like a scan: a text layer over it is someone else's OCR, with its
        // misreadings, and must not pass for exact text.
        let scanned = file.largestImageCoverage(0, placements: firstPlacements) >= scannedPageCoverage
        guard let first = texts.first, TextLayerQuality.isUsable(first), !scanned else {
            // A layer of the file's own that is unusable as a whole may still hold exact values where OCR
            // finds a field; a scan's is someone's OCR.
            return renderAll(file, limits: limits, carried: nil, texts: scanned ? nil : texts, timings: timings)
        }
        stopwatch = Stopwatch()
        var inputs: [PageInput] = []
        for (index, text) in texts.enumerated() {
            inputs.append(
                PageInput(
                    number: index + 1, reader: TextPageReader(text),
                    qrCodes: qrCodes(
                        file, page: index, placements: index == 0 ? firstPlacements : nil, text: text, limits: limits)))
        }
        timings.add("qr", milliseconds: stopwatch.milliseconds)
        stopwatch = Stopwatch()
        let extracted = extractor.extractCarriedText(inputs)
        timings.add("extract", milliseconds: stopwatch.milliseconds)
        if !extracted.otherInvoices.isEmpty {
            return .failed(multiple(extracted.otherInvoices), timings: timings)
        }
        // Labels the text layer garbles (fonts without a Unicode map) leave printed fields unread: OCR the
        // page, keeping what the text layer and QR code did give.
        if extracted.documentType == "fapiao", extracted.expectedFields.contains(where: { extracted.fields[$0] == nil })
        {
            return renderAll(file, limits: limits, carried: extracted, texts: texts, timings: timings)
        }
        let summaries = texts.enumerated().map { index, text in summary(text, number: index + 1) }
        return .done(finish(extracted, pages: summaries, scorer: scorer, today: today, timings: timings))
    }

    static func ofd(
        _ content: OFDContent, path: String, extractor: DocumentExtractor, scorer: DocumentScorer, today: String
    ) -> Result<PageSteps.Output, DocumentError> {
        guard content.hasInvoiceData else {
            return .failure(
                DocumentError(
                    .noInvoiceData,
                    "\(path) is an OFD without invoice data (no custom data, tags, attached invoice or values on "
                        + "its pages): an empty template?"))
        }
        var timings = StageTimings()
        let stopwatch = Stopwatch()
        func values(_ list: [OFDContent.Value]) -> [EmbeddedValue] {
            list.map { EmbeddedValue(name: $0.name, value: $0.value, page: $0.page, box: $0.box) }
        }
        let embedded = EmbeddedData(
            groups: [values(content.customData), values(content.attachment), values(content.tagged)],
            qrPayload: content.attachment.first { $0.name == "GraphCode" }?.value, items: content.attachmentItems)
        let inputs = content.pages.enumerated().map { index, page in
            PageInput(number: index + 1, reader: TextPageReader(page), qrCodes: [])
        }
        let extracted = extractor.extractCarriedText(inputs, embedded: embedded)
        timings.add("extract", milliseconds: stopwatch.milliseconds)
        if !extracted.otherInvoices.isEmpty { return .failure(multiple(extracted.otherInvoices)) }
        let summaries = content.pages.enumerated().map { index, page in summary(page, number: index + 1) }
        var output = finish(extracted, pages: summaries, scorer: scorer, today: today, timings: timings)
        // An OFD without its invoice metadata is unusual (a template someone filled in, a stripped
        // file): what it shows is reported, but a person confirms it.
        if content.customData.isEmpty, content.tagged.isEmpty, case .success(var document) = output.result {
            document.review.required = true
            document.review.reasons.append(
                "the OFD carries no invoice metadata (OFD.xml custom data or tags): values were read from "
                    + (content.attachment.isEmpty ? "its pages" : "its attached e-invoice and its pages"))
            output.result = .success(document)
        }
        return .success(output)
    }

    /// Resolution a page is rendered at to find a QR code drawn as vector paths: a fapiao's code has
    /// modules of about 0.5 mm, three pixels at 150 dpi, which zbar reads.
    static let qrDPI = 150

    /// QR codes among the page's placed images; when none decodes on the first page of a fapiao,
    /// the page is rendered at `qrDPI`, then at 300 dpi, and searched (QR codes drawn as vector paths).
    static func qrCodes(
        _ file: PDFFile, page: Int, placements: [ImagePlacement]?, text: TextPage, limits: IngestLimits
    ) -> [PageQRCode] {
        var codes: [PageQRCode] = []
        // A QR code is placed as a square image: others (seals, logos, backgrounds) are not searched.
        let squares = file.placedImages(page, placements: placements, maxPixels: 4_000_000) { width, height in
            min(width, height) >= 21 && Double(max(width, height)) <= Double(min(width, height)) * 1.25
        }
        for thorough in [false, true] where codes.isEmpty {
            codes = squares.flatMap { placed in decodePlaced(placed, thorough: thorough) }
        }
        guard codes.isEmpty, page == 0, text.text.contains("发票") || text.text.contains("客票") else { return codes }
        // 150 dpi first (fast); a small or finely drawn code may need the full 300 dpi.
        for dpi in [qrDPI, 300] {
            guard let rendered = try? file.render(page, dpi: dpi, maxPixels: limits.maxPixelsPerPage) else { continue }
            let factor = 300.0 / Double(dpi)
            let found = QRDecoder.decode(rendered).map { code in
                PageQRCode(text: code.text, box: code.box.scaled(x: factor, y: factor))
            }
            if !found.isEmpty { return found }
        }
        return []
    }

    /// The codes of one placed image (padded: a code cut tight to its edges needs a quiet zone), with
    /// their boxes mapped from image pixels to page pixels.
    static func decodePlaced(_ placed: (image: PageImage, box: PixelBox), thorough: Bool) -> [PageQRCode] {
        let scaleX = Double(placed.box.width) / Double(max(1, placed.image.width))
        let scaleY = Double(placed.box.height) / Double(max(1, placed.image.height))
        let margin = 8
        let padded = placed.image.padded(by: margin)
        return QRDecoder.decodeImage(padded ?? placed.image, thorough: thorough).map { code in
            let inner = padded == nil ? code.box : code.box.offsetBy(dx: -margin, dy: -margin)
            return PageQRCode(
                text: code.text,
                box: inner.scaled(x: scaleX, y: scaleY).offsetBy(dx: placed.box.x, dy: placed.box.y))
        }
    }

    /// Every page rendered for OCR, with the file's own text (`texts`, when it is not a scan's) beside it.
    static func renderAll(
        _ file: PDFFile, limits: IngestLimits, carried: ExtractedDocument?, texts: [TextPage]?, timings: StageTimings
    ) -> PDFResult {
        var timings = timings
        let stopwatch = Stopwatch()
        var pages: [LoadedPage] = []
        for index in 0..<file.pageCount {
            do throws(DocumentError) {
                pages.append(
                    LoadedPage(
                        image: try file.render(index, maxPixels: limits.maxPixelsPerPage), declaredDPI: 300,
                        text: texts.flatMap { index < $0.count ? $0[index] : nil }))
            } catch {
                return .failed(error, timings: timings)
            }
        }
        timings.add("render", milliseconds: stopwatch.milliseconds)
        return .needsOCR(pages, carried: carried, timings: timings)
    }

    static func multiple(_ pages: [Int]) -> DocumentError {
        let list = pages.map(String.init).joined(separator: ", ")
        return DocumentError(
            .multipleInvoices,
            "the file holds more than one invoice (page \(list) carries another invoice number); "
                + "split it into one file per invoice so that none is lost")
    }

    static func summary(_ page: TextPage, number: Int) -> PageSummary {
        PageSummary(
            number: number, width: page.width, height: page.height, dpi: page.dpi, declaredDPI: nil,
            rotation: page.rotation,
            orientationConfidence: nil, skewDegrees: 0, lines: page.lines)
    }

    /// Validation and scoring, as for OCR'd documents.
    static func finish(
        _ extracted: ExtractedDocument, pages: [PageSummary], scorer: DocumentScorer, today: String,
        timings: StageTimings
    ) -> PageSteps.Output {
        var timings = timings
        let stopwatch = Stopwatch()
        let checks = ValidationRules.run(
            ValidationInput(
                fields: extracted.fields.mapValues(\.value),
                lineItems: extracted.lineItems.map { $0.mapValues(\.value) }, qr: extracted.qr, today: today))
        let scored = scorer.score(extracted, checks: checks)
        timings.add("score", milliseconds: stopwatch.milliseconds)
        let document = RecognizedDocument(
            documentType: extracted.documentType, invoiceKind: extracted.invoiceKind, pages: pages,
            fields: scored.fields, lineItems: scored.lineItems, checks: checks, review: scored.review)
        return PageSteps.Output(result: .success(document), evidence: extracted, checks: checks, timings: timings)
    }
}
