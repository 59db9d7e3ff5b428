import Capture
import Foundation
import Ingest
import InvoiceModel
import Recognition
import TestSupport
import Testing

/// The recognition pipeline on the generated documents: pages come out upright and the printed
/// invoice code and number are read.
@Suite struct PipelineTests {
    static let pipeline: RecognitionPipeline = {
        let tessdata = (try? Tessdata.locate()) ?? Tessdata(path: "/usr/share/tesseract-ocr/5/tessdata")
        return RecognitionPipeline(
            loader: DocumentLoader(),
            pool: EnginePool(
                size: ProcessInfo.processInfo.activeProcessorCount, languages: "chi_sim+eng", tessdata: tessdata))
    }()

    /// Generated documents whose pages were turned, plus upright ones of each layout.
    static let orientationCases: [String] = {
        let degraded =
            LabelledDocuments.list(Paths.testdata("fapiao/degraded"))
            + LabelledDocuments.list(Paths.testdata("english/degraded"))
        let turned = degraded.filter { ((try? Label.of(document: $0))?.meta?.rotation ?? 0) != 0 }
        let upright = degraded.filter { ((try? Label.of(document: $0))?.meta?.rotation ?? 0) == 0 }
        return turned + upright.prefix(3)
    }()

    @Test(arguments: orientationCases)
    func givenScan_whenProcessed_thenTheRotationAppliedMakesItUpright(path: String) async throws {
        let label = try Label.of(document: path)
        let report = try await Self.pipeline.process(path: path)
        let page = try #require(report.pages.first, "\(path): \(report.outcome)")
        #expect(page.rotation == label.meta?.rotation ?? 0, "\(path)")
        #expect(page.dpi == 300)
    }

    static let fapiaoCases = cleanFapiao(taxControl: 4, digital: 2)

    /// The first clean fapiao of each layout: `taxControl` tax-control ones, then `digital` 数电 ones.
    static func cleanFapiao(taxControl: Int, digital: Int) -> [String] {
        let clean = LabelledDocuments.list(Paths.testdata("fapiao/clean"))
        return Array(clean.filter { $0.contains("/tc-") }.prefix(taxControl))
            + Array(clean.filter { $0.contains("/sd-") }.prefix(digital))
    }

    @Test(arguments: fapiaoCases)
    func givenCleanFapiao_whenProcessed_thenCodeAndNumberDigitsAreRead(path: String) async throws {
        let label = try Label.of(document: path)
        let report = try await Self.pipeline.process(path: path)
        #expect(report.isSuccess, "\(report.outcome)")
        let words = report.pages.flatMap(\.words).map(\.text)
        let digits = report.pages.flatMap(\.lines).map { $0.text.filter { $0.isNumber } }
        for field in ["invoiceCode", "invoiceNumber"] {
            guard let value = label.fields[field] else { continue }
            #expect(
                words.contains { $0.contains(value) } || digits.contains { $0.contains(value) },
                "\(field) \(value) not read in \(path)")
        }
    }

    /// A page OSD takes for Latin print is read by Tesseract without the second OCR's text detection (1.3 s of
    /// a receipt's time); a fapiao OSD takes for Latin (these two photos) is still found by the Chinese its
    /// lines hold, and read as a fapiao with the detection.
    @Test(arguments: [
        ("english/degraded/inv-002-d.jpg", "invoice"), ("fapiao/paper/paper-001.jpg", "fapiao"),
        ("fapiao/paper/paper-007.jpg", "fapiao"),
    ])
    func givenPageOSDCallsLatin_whenProcessed_thenDetectedOnlyWhenItHoldsChinesePrint(
        path: String, type: String
    ) async throws {
        try #require(
            LineRecognizerFiles.locate() != nil, "the line recognizer is not installed: run scripts/fetch-line-recognizer")
        let report = try await Self.pipeline.process(path: Paths.testdata(path))
        guard case .recognized(let document) = report.outcome else {
            Issue.record("\(path): \(report.outcome)")
            return
        }
        #expect(document.documentType == type)
        let detected = report.timings.stages.contains { $0.0 == "detect" }
        #expect(detected == (type == "fapiao"), "\(path): \(report.timings.stages)")
        if type == "fapiao" {
            let label = try Label.of(document: Paths.testdata(path))
            #expect(document.fields[.invoiceNumber]?.value == label.fields["invoiceNumber"])
        }
    }

    @Test func givenTwoPageTiff_whenProcessed_thenBothPagesReportedWithText() async throws {
        let report = try await Self.pipeline.process(path: Paths.testdata("formats/two-pages.tiff"))
        #expect(report.isSuccess)
        #expect(report.pages.map(\.number) == [1, 2])
        #expect(report.pages.allSatisfy { !$0.words.isEmpty })
    }

    @Test func givenBlankPage_whenProcessed_thenNoTextFound() async throws {
        let report = try await Self.pipeline.process(path: Paths.testdata("bad/blank.png"))
        guard case .failed(let error, let pages) = report.outcome else {
            Issue.record("a blank page was reported as recognised")
            return
        }
        #expect(error.code == .noTextFound)
        #expect(pages.count == 1)
        #expect(report.sha256 != nil)
    }

    @Test func givenCorruptFile_whenProcessed_thenFailureCarriesHashAndDecodeTiming() async throws {
        let report = try await Self.pipeline.process(path: Paths.testdata("bad/truncated.png"))
        guard case .failed(let error, _) = report.outcome else {
            Issue.record("a truncated PNG was accepted")
            return
        }
        #expect(error.code == .corruptFile)
        #expect(report.sha256?.count == 64)
        #expect(report.timings.stages.map(\.0) == ["read", "decode"])
    }
}
