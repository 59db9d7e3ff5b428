import Extraction
import Foundation
import Ingest
import InvoiceModel
import Recognition

/// Steps 3–7 with one worker, on its thread.
enum PageSteps {
    /// A page whose OCR'd words average below this confidence is read poorly.
    static let poorPage = 0.7

    /// Mean confidence of the words `reader` read (its whole-page and region reads), or `nil` when none.
    static func meanConfidence(_ reader: WorkerPageReader?) -> Double? {
        reader?.recordedLines.flatMap(\.words).meanConfidence
    }

    struct Output: Sendable {
        var result: Result<RecognizedDocument, RecognitionError>
        var evidence: ExtractedDocument?
        var checks: [CheckResult]
        var timings: StageTimings
        /// The upright page images the boxes refer to (empty for born-digital documents).
        var pageImages: [PageImage] = []
    }

    /// Scripts Tesseract's OSD tells on pages in Latin print (receipts measured Latin, Cyrillic, Greek and
    /// Arabic for their print; fapiao Han, Japanese or Katakana, and now and then Latin).
    static let latinLookingScripts: Set<String> = ["Latin", "Cyrillic", "Greek", "Arabic"]

    /// Steps 3–7 of one document.
    ///
    /// The second OCR reads a first page whose print is Chinese (a fapiao's fields are read from it), and
    /// finding out costs a text detection and a sample of lines (1.3 s of a receipt's 6). On a page OSD
    /// says is Latin print and that carries no fapiao code, it is put off: only when Tesseract's reading
    /// of the page is poor, finds a fapiao, or the line recognizer read Chinese in its lines is the page
    /// detected, and when it is a fapiao, the document is read again as before (OSD calls a fapiao
    /// "Latin" now and then).
    static func run(
        pages: [LoadedPage], worker: OCRWorker, extractor: DocumentExtractor, scorer: DocumentScorer, today: String,
        carried: ExtractedDocument? = nil
    ) -> Output {
        var spent = StageTimings()
        var known: DetectedPage?
        if let output = run(
            pages: pages, worker: worker, extractor: extractor, scorer: scorer, today: today, carried: carried,
            deferringDetection: true, spent: &spent, known: &known)
        {
            return output
        }
        // Chinese print on a page OSD took for Latin: read again, the second OCR first.
        var again =
            run(
                pages: pages, worker: worker, extractor: extractor, scorer: scorer, today: today, carried: carried,
                deferringDetection: false, spent: &spent, known: &known)
            ?? Output(
                result: .failure(.recognitionFailed("the page was not read")), evidence: nil, checks: [], timings: spent
            )
        again.timings = spent
        return again
    }

    private static func run(
        pages: [LoadedPage], worker: OCRWorker, extractor: DocumentExtractor, scorer: DocumentScorer, today: String,
        carried: ExtractedDocument?, deferringDetection: Bool, spent: inout StageTimings, known: inout DetectedPage?
    ) -> Output? {
        var timings = StageTimings()
        defer { for (stage, milliseconds) in timings.stages { spent.add(stage, milliseconds: milliseconds) } }
        // The first page, when its second reading was put off.
        var deferred: PreparedPage?
        var prepared: [PreparedPage] = []
        var inputs: [PageInput] = []
        var readers: [WorkerPageReader] = []
        // Per page number, the text the file placed on it, where OCR reads it.
        var exact: [Int: [RecognizedLine]] = [:]
        do {
            for (index, page) in pages.enumerated() {
                // A fapiao QR code, read first, says which way up the page is: no OSD needed then.
                var stopwatch = Stopwatch()
                let found = QRDecoder.decode(page.image)
                let fapiaoCode = found.first { FapiaoQRPayload.parse($0.text) != nil && $0.uprightCorrection != nil }
                timings.add("qr", milliseconds: stopwatch.milliseconds)
                stopwatch = Stopwatch()
                var ready = try worker.prepare(page.image, knownRotation: fapiaoCode?.uprightCorrection)
                timings.add("preprocess", milliseconds: stopwatch.milliseconds)
                var codes: [PageQRCode]
                if fapiaoCode != nil {
                    codes = found.map { PageQRCode(text: $0.text, box: ready.place($0.box)) }
                } else {
                    // Codes that are not a fapiao's: read again on the upright page for their boxes. No code
                    // on the file's page: read again on the prepared one, where a photo's sheet is cut out,
                    // squared and turned upright (one more code of the 29 real paper fapiao).
                    stopwatch = Stopwatch()
                    codes = QRDecoder.decode(ready.image).map { PageQRCode(text: $0.text, box: $0.box) }
                    timings.add("qr", milliseconds: stopwatch.milliseconds)
                }
                // The first page is also read whole by the second OCR (detector + line recognizer), when
                // its print is Chinese (only a fapiao's fields are read from it). A fapiao whose print says
                // it is not at 300 dpi is brought there before Tesseract reads it.
                var reading: DetectedPage?
                var scale = 1.0
                let latinPrint = ready.script.map(Self.latinLookingScripts.contains) ?? false
                let fapiaoOnPage = codes.contains { FapiaoQRPayload.parse($0.text) != nil }
                if index == 0, deferringDetection, worker.pageTextRecognizer != nil, latinPrint, !fapiaoOnPage {
                    deferred = ready
                    if WorkerPageReader.tracing {
                        FileHandle.standardError.write(
                            Data("second OCR put off: OSD reads the page's script as \(ready.script ?? "")\n".utf8))
                    }
                } else if index == 0, let second = worker.pageTextRecognizer {
                    stopwatch = Stopwatch()
                    reading = known ?? second.read(ready.image, chineseOnly: true)
                    if let found = reading, DocumentExtractor.looksLikeFapiao(found.text),
                        let factor = ContentScale.factor(for: found),
                        let scaled = ready.image.scaled(by: factor)?.withResolution(300)
                    {
                        ready.image = scaled
                        scale = factor
                        reading = found.scaled(by: factor)
                        codes = codes.map { PageQRCode(text: $0.text, box: $0.box.scaled(x: factor, y: factor)) }
                    }
                    timings.add("detect", milliseconds: stopwatch.milliseconds)
                }
                // A fapiao whose code neither decoder read in grey: try harder where the form prints it.
                if codes.isEmpty, let found = reading, DocumentExtractor.looksLikeFapiao(found.text) {
                    stopwatch = Stopwatch()
                    codes = QRDecoder.decodeHarder(ready.image).map { PageQRCode(text: $0.text, box: $0.box) }
                    timings.add("qr", milliseconds: stopwatch.milliseconds)
                }
                let reader = WorkerPageReader(worker: worker, image: ready.image)
                let detected = reading.map { DetectedPageReader($0, base: reader) }
                if WorkerPageReader.tracing, let detected {
                    let lines = detected.page.lines.map { "  \($0.box) \($0.text)" }.joined(separator: "\n")
                    FileHandle.standardError.write(
                        Data(
                            "detected \(detected.page.boxCount) boxes, upside down \(detected.page.upsideDownShare):\n\(lines)\n"
                                .utf8))
                }
                if let text = page.text,
                    let placed = Self.placedText(text, rendered: page.image, prepared: ready, scale: scale)
                {
                    exact[index + 1] = placed
                }
                prepared.append(ready)
                readers.append(reader)
                inputs.append(PageInput(number: index + 1, reader: reader, qrCodes: codes, detected: detected))
            }
        } catch {
            return Output(result: .failure(error), evidence: nil, checks: [], timings: timings)
        }

        var stopwatch = Stopwatch()
        var extracted = extractor.extract(inputs)
        if let page = deferred, let second = worker.pageTextRecognizer,
            extracted.documentType == "fapiao" || (Self.meanConfidence(readers[0]) ?? 0) < Self.poorPage
                || PageTextRecognizer.holdsChinese(ideographs: readers[0].ideographsInLatinLines)
        {
            timings.add("extract", milliseconds: stopwatch.milliseconds)
            stopwatch = Stopwatch()
            known = second.read(page.image, chineseOnly: true)
            timings.add("detect", milliseconds: stopwatch.milliseconds)
            // Chinese print that is no fapiao (a receipt with a line in Chinese) is not read by the second
            // OCR: the reading stands.
            if let found = known, extracted.documentType == "fapiao" || DocumentExtractor.looksLikeFapiao(found.text) {
                if WorkerPageReader.tracing {
                    FileHandle.standardError.write(Data("Chinese print found: the page is read again\n".utf8))
                }
                return nil
            }
            stopwatch = Stopwatch()
        }
        // A text layer that missed key fields still read others exactly: they outrank OCR.
        if let carried { extracted.overlay(carried) }
        extracted.pageQuality = Self.meanConfidence(readers.first) ?? extracted.pageQuality
        // A receipt or invoice that reads this badly is usually speckled: read it again through a median
        // filter (fine specks) and with its isolated specks removed (coarse toner spray), and keep the
        // reading the engine is surest of.
        if carried == nil, extracted.documentType != "fapiao", extracted.pageQuality < Self.poorPage,
            let first = inputs.first, let page = prepared.first?.image
        {
            var readings = [(document: extracted, reader: readers[0])]
            for clean in [page.despeckled(), page.withoutIsolatedSpecks()].compactMap({ $0 }) {
                let reader = WorkerPageReader(worker: worker, image: clean)
                var retry = extractor.extract(
                    [PageInput(number: 1, reader: reader, qrCodes: first.qrCodes, detected: first.detected)]
                        + inputs.dropFirst())
                retry.pageQuality = Self.meanConfidence(reader) ?? 0
                readings.append((retry, reader))
            }
            // A cleaned reading must be clearly surer than the first to replace it.
            let best =
                readings.indices.max { a, b in
                    let margin = { (index: Int) in index == 0 ? 0.05 : 0 }
                    return readings[a].document.pageQuality + margin(a) < readings[b].document.pageQuality + margin(b)
                } ?? 0
            extracted = readings[best].document
            readers[0] = readings[best].reader
            for (index, reading) in readings.enumerated() where index != best {
                extracted.fill(from: reading.document)
            }
        }
        // Where OCR read a field on a page that carries its own text, that text is exact.
        extracted.takeExactText(exact)
        // Pages the extractor did not need (a second invoice, an attachment) are still read in full,
        // so their text is reported and nothing on them is lost.
        for reader in readers.dropFirst() where reader.recordedLines.isEmpty {
            _ = try? reader.read(nil, ReadRequest(.page, .mixed))
        }
        timings.add("extract", milliseconds: stopwatch.milliseconds)
        stopwatch = Stopwatch()
        let checks = ValidationRules.run(
            ValidationInput(
                fields: extracted.fields.mapValues(\.value),
                lineItems: extracted.lineItems.map { $0.mapValues(\.value) },
                qr: extracted.qr, today: today, rounding: extracted.rounding))
        let scored = scorer.score(extracted, checks: checks)
        timings.add("score", milliseconds: stopwatch.milliseconds)

        let summaries = zip(pages.indices, zip(prepared, readers)).map { index, pair in
            let (ready, reader) = pair
            return PageSummary(
                number: index + 1, width: ready.image.width, height: ready.image.height, dpi: ready.image.dpi,
                declaredDPI: pages[index].declaredDPI, rotation: ready.rotation,
                orientationConfidence: ready.orientationConfidence, skewDegrees: ready.skewDegrees,
                lines: reader.recordedLines)
        }
        let document = RecognizedDocument(
            documentType: extracted.documentType, invoiceKind: extracted.invoiceKind, pages: summaries,
            fields: scored.fields, lineItems: scored.lineItems, checks: checks, review: scored.review)
        return Output(
            result: .success(document), evidence: extracted, checks: checks, timings: timings,
            pageImages: prepared.map(\.image))
    }
}
