import Foundation
import Ingest
import Testing

@Suite struct InputFormatTests {
    private func detect(_ bytes: [UInt8]) -> InputFormat { InputFormat.detect(bytes) }
    private func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test(arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], InputFormat.RasterFormat.png),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0, 16], .jpeg),
        ([0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0], .tiff),
        ([0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8], .tiff),
    ])
    func givenMagicNumber_whenDetected_thenRasterFormat(bytes: [UInt8], expected: InputFormat.RasterFormat) {
        #expect(detect(bytes) == .image(expected))
    }

    @Test func givenGIFWebPAndBMPSignatures_whenDetected_thenRasterFormats() {
        #expect(detect(ascii("GIF89a") + [1, 0, 1, 0]) == .image(.gif))
        #expect(detect(ascii("RIFF") + [0, 0, 0, 0] + ascii("WEBPVP8 ")) == .image(.webp))
        #expect(detect(ascii("BM") + [UInt8](repeating: 0, count: 30)) == .image(.bmp))
    }

    @Test func givenPDFAndZipSignatures_whenDetected_thenDocumentFormats() {
        #expect(detect(ascii("%PDF-1.7\n")) == .pdf)
        #expect(detect([0x50, 0x4B, 0x03, 0x04, 20, 0]) == .zip)
    }

    @Test func givenFormatsWeDoNotRead_whenDetected_thenNamedAsUnsupported() {
        #expect(detect([0, 0, 0, 24] + ascii("ftypheic") + [0, 0, 0, 0]) == .unsupported("HEIC"))
        #expect(detect([0, 0, 0, 24] + ascii("ftypavif") + [0, 0, 0, 0]) == .unsupported("AVIF"))
        #expect(detect(ascii("<?xml version=\"1.0\"?>")) == .unsupported("XML"))
        #expect(detect(ascii("Invoice 2024-01-01, total 12.00\n")) == .unsupported("text"))
    }

    @Test func givenBinaryNoise_whenDetected_thenUnknown() {
        #expect(detect([0x00, 0x01, 0x02, 0xFE, 0x80, 0x7F]) == .unknown)
        #expect(detect([]) == .unknown)
    }
}
