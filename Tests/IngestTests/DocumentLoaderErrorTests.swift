import Foundation
import Ingest
import InvoiceModel
import TestSupport
import Testing

/// Every bad input gets its stable error code and a message that names the file and says what is wrong.
@Suite struct DocumentLoaderErrorTests {
    let loader = DocumentLoader()

    private func code(of path: String, loader: DocumentLoader? = nil) -> DocumentError? {
        do {
            _ = try (loader ?? self.loader).load(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("bad/empty.png", DocumentErrorCode.emptyFile, "empty"),
        ("bad/truncated.jpg", .corruptFile, "JPEG"),
        ("bad/truncated.png", .corruptFile, "PNG"),
        ("bad/corrupt.png", .corruptFile, "PNG"),
        ("bad/text-named.jpg", .unsupportedFormat, "text"),
        ("bad/photo.heic", .unsupportedFormat, "HEIC"),
        ("bad/archive.zip", .unsupportedFormat, "not an OFD"),
        ("born-digital/encrypted.pdf", .encryptedFile, "password"),
        ("bad/bomb.png", .tooLarge, "MP limit"),
        ("bad/huge-header.png", .tooLarge, "100000×100000"),
    ])
    func givenBadFile_whenLoaded_thenStableCodeAndExplainingMessage(
        file: String, expected: DocumentErrorCode, mentions: String
    ) throws {
        let path = Paths.testdata(file)
        try #require(FileManager.default.fileExists(atPath: path), "missing test file \(file)")
        let error = try #require(code(of: path), "\(file) was accepted")
        #expect(error.code == expected, "\(file): \(error)")
        #expect(error.message.contains(mentions), "\(file): \(error.message)")
    }

    @Test func givenMissingPath_whenLoaded_thenFileNotFound() {
        #expect(code(of: "/nonexistent/scan.png")?.code == .fileNotFound)
    }

    @Test func givenDirectory_whenLoaded_thenIsDirectory() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(code(of: directory.path)?.code == .isDirectory)
    }

    @Test func givenFifo_whenLoaded_thenUnreadableWithoutBlocking() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("scan.png").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let error = code(of: fifo)
        #expect(error?.code == .unreadableFile)
        #expect(error?.message.contains("not a regular file") == true)
    }

    @Test func givenFileOverSizeLimit_whenLoaded_thenTooLargeBeforeReading() throws {
        var limits = IngestLimits.default
        limits.maxFileBytes = 1000
        let error = code(of: Paths.testdata("formats/header.png"), loader: DocumentLoader(limits: limits))
        #expect(error?.code == .tooLarge)
        #expect(error?.message.contains("limit") == true)
    }

    @Test func givenPixelLimitBelowPage_whenLoaded_thenTooLargeNamesSizeAndOption() throws {
        var limits = IngestLimits.default
        limits.maxPixelsPerPage = 100_000
        let error = code(of: Paths.testdata("formats/header.png"), loader: DocumentLoader(limits: limits))
        #expect(error?.code == .tooLarge)
        #expect(error?.message.contains("--max-megapixels") == true)
    }

    @Test func givenTiffWithMorePagesThanAllowed_whenLoaded_thenTooLarge() throws {
        var limits = IngestLimits.default
        limits.maxPages = 1
        let error = code(of: Paths.testdata("formats/two-pages.tiff"), loader: DocumentLoader(limits: limits))
        #expect(error?.code == .tooLarge)
        #expect(error?.message.contains("2 pages") == true)
    }

    @Test func givenRenamedImage_whenLoaded_thenFormatComesFromBytesNotName() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let renamed = directory.appendingPathComponent("scan.pdf")
        try FileManager.default.copyItem(atPath: Paths.testdata("formats/header.jpg"), toPath: renamed.path)
        let document = try loader.load(path: renamed.path)
        #expect(document.format == .image(.jpeg))
    }
}
