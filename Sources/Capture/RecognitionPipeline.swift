public import Foundation
public import Extraction
public import Ingest
public import InvoiceModel
public import Recognition

/// File → pages → upright pages → fields → checks → confidence: the steps, declared in one place.
///
/// Steps (each one line of contract):
/// 1. `read`: the file's bytes and SHA-256, refusing missing, unreadable, empty or oversized files.
/// 2. `decode`: the format from the bytes, header checks, pixels as normalised grey pages.
/// 3. `preprocess`: orientation (0/90/180/270) and deskew, per page.
/// 4. `qr`: QR codes, per page.
/// 5. `extract`: layout profile → field values with evidence, reading regions with OCR.
/// 6. `validate`: checksums, sums, 大写 vs 小写, QR vs printed → checks.
/// 7. `score`: confidence per field, flags, review decision.
public struct RecognitionPipeline: Sendable {
    /// Reads and decodes files.
    public let loader: DocumentLoader
    /// Provides OCR workers.
    public let pool: EnginePool
    /// Reads fields.
    public let extractor: DocumentExtractor
    /// Scores fields.
    public let scorer: DocumentScorer
    /// Today's date as `YYYY-MM-DD`, for the "not in the future" check (injected for tests).
    public let today: @Sendable () -> String

    /// Creates a pipeline.
    public init(
        loader: DocumentLoader, pool: EnginePool, extractor: DocumentExtractor = DocumentExtractor(),
        scorer: DocumentScorer = DocumentScorer(),
        today: @escaping @Sendable () -> String = CalendarToday.latestTimeZone
    ) {
        self.loader = loader
        self.pool = pool
        self.extractor = extractor
        self.scorer = scorer
        self.today = today
    }

    /// Runs every step on the file at `path`; a bad file is a report, not an error.
    ///
    /// - Throws: only `RecognitionError` when no OCR worker can be created (missing or damaged models):
    ///   a problem of the installation, not of the file.
    public func process(path: String) async throws(RecognitionError) -> DocumentReport {
        try await processDetailed(path: path).report
    }

    /// As `process(path:)`, also returning the extraction evidence (for `invcap calibrate`, `eval` and ingest).
    ///
    /// - Parameter read: the file's bytes when the caller has already read them (`DocumentLoader.readBytes`), so
    ///   the file is read and hashed once.
    public func processDetailed(path: String, read: FileRead? = nil) async throws(RecognitionError)
        -> ProcessedDocument
    {
        let loaded = await EnginePool.runOnThread { [loader] in Self.load(path: path, loader: loader, read: read) }
        var timings = loaded.timings
        func failed(_ error: DocumentError) -> ProcessedDocument {
            ProcessedDocument(
                report: DocumentReport(
                    file: path, sha256: loaded.sha256, outcome: .failed(error, pages: []), timings: timings),
                evidence: nil, checks: [])
        }
        let (extractor, scorer, today, limits) = (self.extractor, self.scorer, self.today(), loader.limits)
        var pages: [LoadedPage]
        var carried: ExtractedDocument?
        let read: PageSteps.Output
        switch loaded.result {
        case .failure(let error):
            return failed(error)
        case .success(.raster(let decoded)):
            pages = decoded
        case .success(.ofd(let content)):
            let outcome = await EnginePool.runOnThread {
                BornDigitalSteps.ofd(content, path: path, extractor: extractor, scorer: scorer, today: today)
            }
            switch outcome {
            case .failure(let error): return failed(error)
            case .success(let output): return finish(output, path: path, sha256: loaded.sha256, timings: timings)
            }
        case .success(.pdf(let file)):
            let outcome = await EnginePool.runOnThread {
                BornDigitalSteps.pdf(file, limits: limits, extractor: extractor, scorer: scorer, today: today)
            }
            switch outcome {
            case .done(let output):
                return finish(output, path: path, sha256: loaded.sha256, timings: timings)
            case .failed(let error, let stages):
                for (stage, ms) in stages.stages { timings.add(stage, milliseconds: ms) }
                return failed(error)
            case .needsOCR(let rendered, let fromText, let stages):
                for (stage, ms) in stages.stages { timings.add(stage, milliseconds: ms) }
                pages = rendered
                carried = fromText
            }
        }

        read = try await pool.withWorker { [carried, pages] worker in
            let output = PageSteps.run(
                pages: pages, worker: worker, extractor: extractor, scorer: scorer, today: today, carried: carried)
            HeapTrim.release()
            return output
        }
        return finish(read, path: path, sha256: loaded.sha256, timings: timings)
    }

    /// The report for what the steps produced.
    private func finish(_ read: PageSteps.Output, path: String, sha256: String?, timings: StageTimings)
        -> ProcessedDocument
    {
        var timings = timings
        for (stage, ms) in read.timings.stages { timings.add(stage, milliseconds: ms) }
        let outcome: DocumentReport.Outcome
        switch read.result {
        case .failure(let error):
            outcome = .failed(DocumentError(.recognitionFailed, error.description), pages: [])
        case .success(let document)
        where !document.pages.contains(where: { !$0.words.isEmpty }) && document.fields.isEmpty:
            let scope = document.pages.count == 1 ? "the page" : "any of the \(document.pages.count) pages"
            outcome = .failed(
                DocumentError(.noTextFound, "no text was found on \(scope); is it blank or not a document?"),
                pages: document.pages)
        case .success(let document):
            outcome = .recognized(document)
        }
        return ProcessedDocument(
            report: DocumentReport(file: path, sha256: sha256, outcome: outcome, timings: timings),
            evidence: read.evidence, checks: read.checks, pageImages: read.pageImages)
    }

    /// Steps 1–2. Runs on an ordinary thread: decoding is CPU work.
    static func load(path: String, loader: DocumentLoader, read given: FileRead? = nil)
        -> (sha256: String?, result: Result<DecodedContent, DocumentError>, timings: StageTimings)
    {
        var timings = StageTimings()
        var stopwatch = Stopwatch()
        var sha256: String?
        do {
            var read: FileRead
            if let given {
                read = given
            } else {
                read = FileRead(try loader.readBytes(path: path), milliseconds: 0)
                read.milliseconds = stopwatch.milliseconds
            }
            sha256 = read.sha256
            timings.add("read", milliseconds: read.milliseconds)
            stopwatch = Stopwatch()
            let decoded = try loader.decode(read.bytes, path: path)
            timings.add("decode", milliseconds: stopwatch.milliseconds)
            return (sha256, .success(decoded.content), timings)
        } catch {
            timings.add(sha256 == nil ? "read" : "decode", milliseconds: stopwatch.milliseconds)
            return (sha256, .failure(error), timings)
        }
    }
}

/// A file's bytes as read, their SHA-256, and how long reading took.
public struct FileRead: Sendable {
    /// The bytes.
    public var bytes: Data
    /// Lower-case hex SHA-256 of the bytes.
    public var sha256: String
    /// Milliseconds spent reading and hashing.
    public var milliseconds: Int

    /// Wraps what `DocumentLoader.readBytes` returned.
    public init(_ read: (bytes: Data, sha256: String), milliseconds: Int) {
        bytes = read.bytes
        sha256 = read.sha256
        self.milliseconds = milliseconds
    }
}

/// A processed file with what went into its scores.
public struct ProcessedDocument: Sendable {
    /// The contract report.
    public var report: DocumentReport
    /// The extraction evidence, when the document was read.
    public var evidence: ExtractedDocument?
    /// The validation outcomes.
    public var checks: [CheckResult]
    /// The upright page images the boxes refer to; empty for born-digital documents read from their text.
    public var pageImages: [PageImage] = []
}
