import Capture
import Extraction
import Foundation
import InvoiceModel
import Storage
import TestSupport
import Testing

/// Recognition into a real SQLite ledger: what is stored, the archive's page images, failures and the audit sample.
@Suite struct LedgerIngestTests {
    private func ingest(random: Double = 0.5, auditSampleRate: Double = 0) throws -> LedgerIngest {
        let store = try SQLiteStore(path: try Paths.temporaryDirectory().appendingPathComponent("ledger.sqlite").path)
        // The shipped confidence model, as invcap ingest uses it.
        let models = Paths.repository.appendingPathComponent("models")
        let base = PipelineTests.pipeline
        let pipeline = RecognitionPipeline(
            loader: base.loader, pool: base.pool, scorer: try ModelDirectory.scorer(from: models))
        return LedgerIngest(pipeline: pipeline, store: store, auditSampleRate: auditSampleRate, random: { random })
    }

    private func stored(_ outcome: IngestOutcome) throws -> StoredDocument {
        guard case .stored(let document) = outcome else { throw LedgerIngestTestError("not stored: \(outcome)") }
        return document
    }

    /// Width and height from a JPEG's start-of-frame marker.
    private func jpegSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        var index = 2
        while index + 9 < bytes.count, bytes[index] == 0xFF {
            let marker = bytes[index + 1]
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            if (0xC0...0xC2).contains(marker) {
                return (
                    Int(bytes[index + 7]) << 8 | Int(bytes[index + 8]),
                    Int(bytes[index + 5]) << 8 | Int(bytes[index + 6])
                )
            }
            index += 2 + length
        }
        return nil
    }

    @Test func givenScan_whenIngested_thenOriginalAndUprightPageImageAreArchived() async throws {
        let ingest = try ingest()
        let path = Paths.testdata("fapiao/degraded/tc-002-d.png")
        let document = try stored(try await ingest.ingest(path: path))
        let store = try #require(ingest.store as? SQLiteStore)
        #expect(try store.archive.get(document.sha256) == [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        let page = try #require(document.pages.first)
        let image = try store.archive.get(try #require(page.imageSHA256))
        let size = try #require(jpegSize(image))
        #expect(size.width == page.width && size.height == page.height, "the image the boxes refer to")
        #expect(document.fields[.invoiceNumber]?.value == (try Label.of(document: path)).fields["invoiceNumber"])
    }

    @Test func givenTextLayerPDF_whenIngested_thenItsPageIsRenderedForReviewers() async throws {
        let ingest = try ingest()
        let document = try stored(try await ingest.ingest(path: Paths.testdata("born-digital/sd-001.pdf")))
        let store = try #require(ingest.store as? SQLiteStore)
        let page = try #require(document.pages.first)
        let name = try #require(page.imageSHA256)
        let size = try #require(jpegSize(try store.archive.get(name)))
        #expect(abs(size.width * 2 - page.width) <= 2, "150 dpi against the 300-dpi page the boxes use")
    }

    @Test func givenBadFileAndSameFileTwice_whenIngested_thenNothingIsStoredForThem() async throws {
        let ingest = try ingest()
        let failed = try await ingest.ingest(path: Paths.testdata("bad/truncated.jpg"))
        guard case .failed(_, let error) = failed else { throw LedgerIngestTestError("\(failed)") }
        #expect(error.code == .corruptFile)
        let path = Paths.testdata("english/clean/inv-001.png")
        let first = try stored(try await ingest.ingest(path: path))
        let again = try await ingest.ingest(path: path)
        guard case .duplicateFile(_, let id) = again else { throw LedgerIngestTestError("\(again)") }
        #expect(id == first.id)
        #expect(try await ingest.store.counts().values.reduce(0, +) == 1)
    }

    @Test func givenAuditSample_whenACleanDocumentIsDrawn_thenItGoesToReviewSayingSo() async throws {
        let path = Paths.testdata("fapiao/clean/tc-001.png")
        let kept = try stored(try await try ingest(random: 0.99, auditSampleRate: 0.1).ingest(path: path))
        #expect(kept.state == .accepted)
        let drawn = try stored(try await try ingest(random: 0.05, auditSampleRate: 0.1).ingest(path: path))
        #expect(drawn.state == .needsReview)
        #expect(drawn.reasons == ["sampled for audit (10 % of clean documents)"])
    }
}

struct LedgerIngestTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
