import Crypto
public import Foundation
public import InvoiceModel

/// A file read into pages, ready for recognition.
public struct LoadedDocument: Sendable {
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    /// The format detected from the bytes.
    public var format: InputFormat
    /// What the file holds.
    public var content: DecodedContent

    /// The raster pages of an image file (empty for PDF and OFD, whose pages are rendered on demand).
    public var pages: [LoadedPage] {
        if case .raster(let pages) = content { return pages }
        return []
    }
}

/// What a decoded file holds.
public enum DecodedContent: Sendable {
    /// Raster pages, normalised to 8-bit grey at a known resolution.
    case raster([LoadedPage])
    /// An open PDF: text layers read and pages rendered on demand.
    case pdf(PDFFile)
    /// An OFD document's data and text, read without rendering.
    case ofd(OFDContent)
}

/// One normalised page and what the file said about it.
public struct LoadedPage: Sendable {
    /// The normalised page image.
    public var image: PageImage
    /// The resolution the file declared, or `nil` when it declared none (or an implausible one).
    public var declaredDPI: Int?
    /// The text the file itself placed on the page (a PDF's text layer, when it is the document's own and
    /// not someone's OCR over a scan), in the page's pixels: exact where OCR reads a field from it.
    public var text: TextPage?

    /// Creates a page.
    public init(image: PageImage, declaredDPI: Int?, text: TextPage? = nil) {
        self.image = image
        self.declaredDPI = declaredDPI
        self.text = text
    }
}

/// Reads supported files into pages, refusing anything unsafe or unreadable with a clear error.
///
/// Order of checks: the file itself (exists, regular, readable, non-empty, size limit), the format from
/// the bytes, every page's header against the pixel limit, and only then decoding.
public struct DocumentLoader: Sendable {
    /// The limits applied to every file.
    public var limits: IngestLimits

    /// Creates a loader with `limits`.
    public init(limits: IngestLimits = .default) {
        self.limits = limits
    }

    /// Reads the file at `path` and returns its SHA-256 and raw bytes without decoding anything.
    ///
    /// - Throws: `DocumentError` (`file-not-found`, `is-directory`, `unreadable-file`, `empty-file`, `too-large`).
    public func readBytes(path: String) throws(DocumentError) -> (bytes: Data, sha256: String) {
        let bytes = try FileBytes.read(path: path, maxBytes: limits.maxFileBytes)
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        return (bytes, digest)
    }

    /// Decodes `bytes` (the content of the file at `path`, named in messages) into normalised pages.
    ///
    /// - Throws: `DocumentError` (`unsupported-format`, `corrupt-file`, `too-large`).
    public func decode(_ bytes: Data, path: String) throws(DocumentError) -> (
        format: InputFormat, content: DecodedContent
    ) {
        let format = InputFormat.detect(bytes.prefix(32))
        let raster: InputFormat.RasterFormat
        switch format {
        case .image(let detected):
            raster = detected
        case .pdf:
            return (format, .pdf(try PDFFile(bytes: bytes, path: path, maxPages: limits.maxPages)))
        case .zip:
            return (
                format, .ofd(try OFDReader.read(bytes, path: path, limits: limits.archive, maxPages: limits.maxPages))
            )
        case .unsupported(let name):
            throw DocumentError(
                .unsupportedFormat,
                "\(path) is a \(name) file, which this version cannot read; "
                    + Self.supportedList)
        case .unknown:
            throw DocumentError(.unsupportedFormat, "\(path) is not in a recognised format; " + Self.supportedList)
        }

        let headers = try RasterHeader.read(bytes, format: raster)
        if headers.count > limits.maxPages {
            throw DocumentError(.tooLarge, "\(path) has \(headers.count) pages, over the limit of \(limits.maxPages)")
        }
        for (index, header) in headers.enumerated() where header.pixels > limits.maxPixelsPerPage {
            let page = headers.count > 1 ? " page \(index + 1)" : ""
            throw DocumentError(
                .tooLarge,
                "\(path)\(page) is \(header.width)×\(header.height) pixels (\(Self.megapixels(header.pixels)) MP), "
                    + "over the \(Self.megapixels(limits.maxPixelsPerPage)) MP limit; "
                    + "scan at 300 dpi or raise the limit with --max-megapixels")
        }

        var pages: [LoadedPage] = []
        for index in headers.indices {
            let decoded = try RasterDecoder.decode(bytes, format: raster, page: index)
            guard decoded.width == headers[index].width, decoded.height == headers[index].height else {
                throw DocumentError(.corruptFile, "\(path): decoded size differs from the header; the file is damaged")
            }
            let (image, declared) = try PageNormalizer.normalize(decoded, maxPixels: limits.maxPixelsPerPage)
            pages.append(LoadedPage(image: image, declaredDPI: declared))
        }
        return (format, .raster(pages))
    }

    /// Reads and decodes the file at `path`.
    ///
    /// - Throws: `DocumentError` for every way the file can be unusable.
    public func load(path: String) throws(DocumentError) -> LoadedDocument {
        let (bytes, sha256) = try readBytes(path: path)
        let (format, content) = try decode(bytes, path: path)
        return LoadedDocument(sha256: sha256, format: format, content: content)
    }

    private static let supportedList = "supported: PDF, OFD, PNG, JPEG, TIFF (all pages), BMP, WebP, GIF"

    private static func megapixels(_ pixels: Int) -> String {
        String(format: "%.1f", Double(pixels) / 1_000_000)
    }
}
