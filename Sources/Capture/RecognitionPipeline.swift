public import Ingest
public import InvoiceModel
public import Recognition

/// File → pages → upright pages → OCR text: the recognition steps, declared in one place.
///
/// Steps (each one line of contract):
/// 1. `read`: the file's bytes and SHA-256, refusing missing, unreadable, empty or oversized files.
/// 2. `decode`: the format from the bytes, header checks, pixels as normalised grey pages.
/// 3. `preprocess`: orientation (0/90/180/270) and deskew, per page.
/// 4. `ocr`: words and lines with confidences and boxes, per page.
public struct RecognitionPipeline: Sendable {
    /// Reads and decodes files.
    public let loader: DocumentLoader
    /// Provides OCR workers.
    public let pool: EnginePool

    /// Creates a pipeline.
    public init(loader: DocumentLoader, pool: EnginePool) {
        self.loader = loader
        self.pool = pool
    }

    /// Runs every step on the file at `path` and reports the outcome; a bad file is a report, not an error.
    ///
    /// - Throws: only `RecognitionError` when no OCR worker can be created (missing or damaged models):
    ///   a problem of the installation, not of the file.
    public func process(path: String) async throws(RecognitionError) -> DocumentReport {
        let loaded = await EnginePool.runOnThread { [loader] in Self.load(path: path, loader: loader) }
        var timings = loaded.timings
        let pages: [LoadedPage]
        switch loaded.result {
        case .failure(let error):
            return DocumentReport(
                file: path, sha256: loaded.sha256, outcome: .failed(error, pages: []), timings: timings)
        case .success(let decoded):
            pages = decoded
        }

        let read = try await pool.withWorker { worker in Self.recognize(pages: pages, worker: worker) }
        for (stage, ms) in read.timings.stages { timings.add(stage, milliseconds: ms) }
        let outcome: DocumentReport.Outcome
        switch read.result {
        case .failure(let error):
            outcome = .failed(DocumentError(.recognitionFailed, error.description), pages: [])
        case .success(let summaries) where !summaries.contains(where: { !$0.words.isEmpty }):
            let scope = summaries.count == 1 ? "the page" : "any of the \(summaries.count) pages"
            outcome = .failed(
                DocumentError(.noTextFound, "no text was found on \(scope); is it blank or not a document?"),
                pages: summaries)
        case .success(let summaries):
            outcome = .recognized(
                RecognizedDocument(
                    pages: summaries, review: ReviewDecision(required: true, reasons: ["no fields were extracted"])))
        }
        return DocumentReport(file: path, sha256: loaded.sha256, outcome: outcome, timings: timings)
    }

    /// Steps 1–2. Runs on an ordinary thread: decoding is CPU work.
    static func load(path: String, loader: DocumentLoader)
        -> (sha256: String?, result: Result<[LoadedPage], DocumentError>, timings: StageTimings)
    {
        var timings = StageTimings()
        var stopwatch = Stopwatch()
        var sha256: String?
        do {
            let read = try loader.readBytes(path: path)
            sha256 = read.sha256
            timings.add("read", milliseconds: stopwatch.milliseconds)
            stopwatch = Stopwatch()
            let decoded = try loader.decode(read.bytes, path: path)
            timings.add("decode", milliseconds: stopwatch.milliseconds)
            return (sha256, .success(decoded.pages), timings)
        } catch {
            timings.add(sha256 == nil ? "read" : "decode", milliseconds: stopwatch.milliseconds)
            return (sha256, .failure(error), timings)
        }
    }

    /// Steps 3–4 for every page, with one worker.
    static func recognize(pages: [LoadedPage], worker: OCRWorker)
        -> (result: Result<[PageSummary], RecognitionError>, timings: StageTimings)
    {
        var timings = StageTimings()
        var summaries: [PageSummary] = []
        do {
            for (index, page) in pages.enumerated() {
                var stopwatch = Stopwatch()
                let prepared = try worker.prepare(page.image)
                timings.add("preprocess", milliseconds: stopwatch.milliseconds)
                stopwatch = Stopwatch()
                let lines = try worker.engine.recognize(prepared.image)
                timings.add("ocr", milliseconds: stopwatch.milliseconds)
                summaries.append(
                    PageSummary(
                        number: index + 1, width: prepared.image.width, height: prepared.image.height,
                        dpi: prepared.image.dpi, declaredDPI: page.declaredDPI, rotation: prepared.rotation,
                        orientationConfidence: prepared.orientationConfidence, skewDegrees: prepared.skewDegrees,
                        lines: lines))
            }
            return (.success(summaries), timings)
        } catch {
            return (.failure(error), timings)
        }
    }
}
