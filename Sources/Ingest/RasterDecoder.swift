import CTesseract
import Foundation
import InvoiceModel

/// Decodes raster images through Leptonica into owned pages, after the header checks passed.
enum RasterDecoder {
    /// Silences Leptonica's messages on stderr once per process; its errors are reported as `DocumentError`s.
    static let quietLeptonica: Void = {
        _ = setMsgSeverity(Int32(L_SEVERITY_NONE))
    }()

    /// Decodes page `index` (0-based; only TIFF has more than one) of `data`.
    ///
    /// - Throws: `corrupt-file` when the data is damaged or truncated.
    static func decode(_ data: Data, format: InputFormat.RasterFormat, page index: Int) throws(DocumentError)
        -> PageImage
    {
        _ = quietLeptonica
        let decoded: UnsafeMutablePointer<PIX>? = data.withUnsafeBytes { raw in
            let base = raw.bindMemory(to: UInt8.self).baseAddress
            switch format {
            case .png: return pixReadMemPng(base, raw.count)
            case .jpeg:
                var warnings: Int32 = 0
                // Hint 0: fail instead of returning a grey-filled image when the data is damaged or ends early.
                return pixReadMemJpeg(base, raw.count, 0, 1, &warnings, 0)
            case .tiff: return pixReadMemTiff(base, raw.count, Int32(index))
            case .bmp: return pixReadMemBmp(base, raw.count)
            case .webp: return pixReadMemWebP(base, raw.count)
            case .gif: return pixReadMemGif(base, raw.count)
            }
        }
        guard let decoded else {
            throw DocumentError(
                .corruptFile,
                "the \(format.rawValue) data is damaged or truncated and cannot be decoded"
                    + (format == .tiff ? " (page \(index + 1))" : ""))
        }
        if format == .png, !PNGStructure.hasEnd(data) {
            var owned: UnsafeMutablePointer<PIX>? = decoded
            pixDestroy(&owned)
            throw DocumentError(.corruptFile, "the PNG data is truncated (no IEND chunk); the file was cut short")
        }
        return PageImage(taking: decoded)
    }
}

/// Structural checks libpng does not make on its own.
enum PNGStructure {
    /// Whether the PNG's chunk chain reaches an `IEND` chunk within the data.
    static func hasEnd(_ data: Data) -> Bool {
        let bytes = [UInt8](data)
        var offset = 8
        while offset + 8 <= bytes.count {
            let length =
                Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8
                | Int(bytes[offset + 3])
            let type = bytes[offset + 4..<offset + 8]
            if type.elementsEqual("IEND".utf8) { return true }
            offset += 12 + length
        }
        return false
    }
}
