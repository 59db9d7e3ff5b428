import Foundation

/// What a file's bytes say it is, whatever its name says.
public enum InputFormat: Sendable, Hashable {
    /// A raster image format Leptonica decodes.
    case image(RasterFormat)
    /// A PDF document (text layer and rendering through poppler).
    case pdf
    /// A ZIP archive: an OFD document when it holds `OFD.xml`.
    case zip
    /// A format we recognise but do not read (yet), with its name for the error message.
    case unsupported(String)
    /// Nothing we recognise.
    case unknown

    /// Raster formats read through Leptonica.
    public enum RasterFormat: String, Sendable, CaseIterable {
        case png = "PNG"
        case jpeg = "JPEG"
        case tiff = "TIFF"
        case bmp = "BMP"
        case webp = "WebP"
        case gif = "GIF"
    }

    /// Detects the format from the first bytes of a file (its "magic number").
    ///
    /// - Parameter bytes: the start of the file; 32 bytes are enough.
    public static func detect<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> InputFormat {
        let head = Array(bytes.prefix(32))
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + prefix.count && Array(head[offset..<offset + prefix.count]) == prefix
        }
        func ascii(_ text: String, at offset: Int = 0) -> Bool { starts(Array(text.utf8), at: offset) }

        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .image(.png) }
        if starts([0xFF, 0xD8, 0xFF]) { return .image(.jpeg) }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .image(.tiff) }
        if starts([0x49, 0x49, 0x2B, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2B]) { return .unsupported("BigTIFF") }
        if ascii("GIF87a") || ascii("GIF89a") { return .image(.gif) }
        if ascii("RIFF") && ascii("WEBP", at: 8) { return .image(.webp) }
        if ascii("BM") && head.count >= 18 { return .image(.bmp) }
        if ascii("ftyp", at: 4) { return .unsupported(isoMediaBrand(head)) }
        if ascii("%PDF") { return .pdf }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if starts([0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20]) || starts([0xFF, 0x4F, 0xFF, 0x51]) {
            return .unsupported("JPEG 2000")
        }
        if ascii("<?xml") || starts([0xEF, 0xBB, 0xBF, 0x3C]) { return .unsupported("XML") }
        if head.count >= 2, looksLikeText(head) { return .unsupported("text") }
        return .unknown
    }

    /// Names the ISO base media file (HEIC, HEIF, AVIF, MP4 …) from its `ftyp` brand.
    private static func isoMediaBrand(_ head: [UInt8]) -> String {
        guard head.count >= 12 else { return "ISO media" }
        let brand = String(decoding: head[8..<12], as: UTF8.self)
        switch brand {
        case "heic", "heix", "hevc", "hevx", "heim", "heis": return "HEIC"
        case "mif1", "msf1": return "HEIF"
        case "avif", "avis": return "AVIF"
        default: return "ISO media (\(brand.trimmingCharacters(in: .whitespaces)))"
        }
    }

    /// Whether the bytes look like UTF-8 text (printable characters and whitespace only).
    private static func looksLikeText(_ head: [UInt8]) -> Bool {
        head.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } && !head.contains(0x7F)
    }
}
