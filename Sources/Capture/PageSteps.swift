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

    static func run(
        pages: [LoadedPage], worker: OCRWorker, extractor: DocumentExtractor, scorer: DocumentScorer, today: String,
        carried: ExtractedDocument? = nil
    ) -> Output {
        var timings = StageTimings()
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
                if index == 0, let second = worker.pageTextRecognizer {
                    stopwatch = Stopwatch()
                    reading = second.read(ready.image, chineseOnly: true)
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
