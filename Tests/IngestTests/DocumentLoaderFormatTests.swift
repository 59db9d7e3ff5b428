import Foundation
import Ingest
import InvoiceModel
import TestSupport
import Testing

/// Every supported raster format decodes into normalised grey pages of the right size.
@Suite struct DocumentLoaderFormatTests {
    let loader = DocumentLoader()

    @Test(arguments: ["png", "jpg", "tiff", "bmp", "webp", "gif"])
    func givenHeaderCropInFormat_whenLoaded_thenOneGreyPageOfTheOriginalSize(ext: String) throws {
        let reference = try loader.load(path: Paths.testdata("formats/header.png"))
        let document = try loader.load(path: Paths.testdata("formats/header.\(ext)"))
        #expect(document.pages.count == 1)
        let page = try #require(document.pages.first).image
        let expected = try #require(reference.pages.first).image
        #expect(page.depth == 8)
        #expect(page.width == expected.width && page.height == expected.height)
        #expect(page.dpi == 300)
        #expect(document.sha256.count == 64)
    }

    @Test func givenTwoPageTiff_whenLoaded_thenBothPagesInOrder() throws {
        let document = try loader.load(path: Paths.testdata("formats/two-pages.tiff"))
        #expect(document.format == .image(.tiff))
        #expect(document.pages.count == 2)
        let first = try #require(document.pages.first).image
        let second = try #require(document.pages.last).image
        // Page 1 is a landscape fapiao, page 2 a narrow portrait receipt.
        #expect(first.width > first.height)
        #expect(second.height > second.width)
    }

    @Test func givenSameBytes_whenHashed_thenSHA256MatchesTheSystemTool() throws {
        let path = Paths.testdata("formats/header.png")
        let document = try loader.load(path: path)
        let tool = try CommandRunner.run("/usr/bin/sha256sum", [path])
        #expect(tool.stdout.hasPrefix(document.sha256))
    }

    @Test func givenLowResolutionScan_whenLoaded_thenScaledTo300DPIAndDeclaredDPIKept() throws {
        let scans =
            LabelledDocuments.list(Paths.testdata("fapiao/degraded"))
            + LabelledDocuments.list(Paths.testdata("english/degraded"))
        let lowResolution = try scans.filter { try Label.of(document: $0).meta?.dpi == 200 }
        try #require(!lowResolution.isEmpty, "the generator should produce 200 dpi scans")
        for path in lowResolution.prefix(2) {
            let document = try loader.load(path: path)
            let page = try #require(document.pages.first)
            #expect(page.declaredDPI == 200)
            #expect(page.image.dpi == 300)
        }
    }
}
