import Extraction
public import Foundation
import Ingest
public import InvoiceModel
public import Recognition

/// Recognises a file and stores the result in the ledger: `accepted` when nothing asks for a person,
/// otherwise `needs_review`. The same file is recognised once: a file already stored is reported, not read.
public struct LedgerIngest: Sendable {
    /// Reads files.
    public let pipeline: RecognitionPipeline
    /// Where documents go.
    public let store: any InvoiceStore
    /// The share of otherwise clean documents sent to review anyway (0 … 1), to audit the pipeline.
    public let auditSampleRate: Double
    /// A random number in [0, 1) per document (injected so tests can decide the sample).
    public let random: @Sendable () -> Double
    /// Quality of the archived page images (JPEG).
    public static let pageImageQuality = 80

    /// Creates the step.
    public init(
        pipeline: RecognitionPipeline, store: any InvoiceStore, auditSampleRate: Double = 0,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.pipeline = pipeline
        self.store = store
        self.auditSampleRate = auditSampleRate
        self.random = random
    }

    /// Ingests the file at `path`.
    ///
    /// - Returns: what happened; a bad file is an outcome, not an error.
    /// - Throws: `RecognitionError` when no OCR worker can be created, or a ledger error when the database
    ///   cannot be written (the file is then not stored and can be ingested again).
    public func ingest(path: String) async throws -> IngestOutcome {
        try await ingestTimed(path: path).outcome
    }

    /// As `ingest(path:)`, also returning the milliseconds spent per pipeline stage and on storing (`store`).
    public func ingestTimed(path: String) async throws -> (outcome: IngestOutcome, timings: StageTimings) {
        var timings = StageTimings()
        let outcome = try await ingest(path: path, timings: &timings)
        return (outcome, timings)
    }

    private func ingest(path: String, timings: inout StageTimings) async throws -> IngestOutcome {
        let raw: (bytes: Data, sha256: String)
        let reading = Stopwatch()
        do {
            raw = try pipeline.loader.readBytes(path: path)
        } catch {
            return .failed(path: path, error: error)
        }
        let read = FileRead(raw, milliseconds: reading.milliseconds)
        if let existing = try await store.documentID(sha256: read.sha256) {
            return .duplicateFile(path: path, of: existing)
        }
        // Recognition uses the bytes read here: the file is read and hashed once.
        let new: NewDocument
        switch try await newDocument(path: path, read: read, timings: &timings) {
        case .success(let document): new = document
        case .failure(let error): return .failed(path: path, error: error)
        }
        let storing = Stopwatch()
        defer { timings.add("store", milliseconds: storing.milliseconds) }
        switch try await store.store(new, actor: "pipeline") {
        case .stored(let stored): return .stored(stored)
        case .duplicateFile(let id): return .duplicateFile(path: path, of: id)
        }
    }

    /// Recognises a file's bytes and makes the document to store: its page images encoded (or a PDF's pages
    /// rendered) and, for the audit sample, its extra reason. `path` names the file in messages.
    ///
    /// - Returns: the document, or why the file cannot be read (an outcome, not an error).
    /// - Throws: `RecognitionError` when no OCR worker can be created.
    public func newDocument(
        path: String, read: FileRead, timings: inout StageTimings
    ) async throws -> Result<NewDocument, DocumentError> {
        let (bytes, sha256) = (read.bytes, read.sha256)
        let processed = try await pipeline.processDetailed(path: path, read: read)
        timings = processed.report.timings
        guard case .recognized(let document) = processed.report.outcome else {
            if case .failed(let error, _) = processed.report.outcome { return .failure(error) }
            return .failure(DocumentError(.recognitionFailed, "no document was read"))
        }
        let encoding = Stopwatch()
        defer { timings.add("images", milliseconds: encoding.milliseconds) }
        let limits = pipeline.loader.limits
        let images = await EnginePool.runOnThread {
            processed.pageImages.isEmpty
                ? Self.renderedPages(bytes, path: path, limits: limits)
                : processed.pageImages.map { $0.jpegData(quality: Self.pageImageQuality) ?? [] }
        }
        var new = NewDocument(
            sha256: sha256, fileName: URL(fileURLWithPath: path).lastPathComponent, original: [UInt8](bytes),
            document: document, pageImages: images, qrPayload: processed.evidence?.qr?.raw,
            rounding: processed.evidence?.rounding)
        if new.isClean, auditSampleRate > 0, random() < auditSampleRate {
            new.extraReasons.append(
                "sampled for audit (\(Int((auditSampleRate * 100).rounded())) % of clean documents)")
        }
        return .success(new)
    }
}

extension LedgerIngest {
    /// Resolution of the page images kept for a PDF read from its text layer: enough to read on a screen;
    /// boxes (at 300 dpi) scale by the image's width over the page's.
    static let renderedPageDPI = 150

    /// A born-digital PDF's pages rendered for reviewers (JPEG), or none when the file is not a PDF (an OFD
    /// has no renderer here; its original is archived) or a page cannot be rendered.
    static func renderedPages(_ bytes: Data, path: String, limits: IngestLimits) -> [[UInt8]] {
        guard InputFormat.detect(bytes) == .pdf,
            let file = try? PDFFile(bytes: bytes, path: path, maxPages: limits.maxPages)
        else { return [] }
        return (0..<file.pageCount).map { index in
            (try? file.render(index, dpi: renderedPageDPI, maxPixels: limits.maxPixelsPerPage))?
                .jpegData(quality: pageImageQuality) ?? []
        }
    }
}

/// What ingesting one file did.
public enum IngestOutcome: Sendable {
    /// Stored as a new document (accepted or in review).
    case stored(StoredDocument)
    /// The same file is already document `of`; nothing was stored.
    case duplicateFile(path: String, of: Int64)
    /// The file could not be read; nothing was stored.
    case failed(path: String, error: DocumentError)
}
