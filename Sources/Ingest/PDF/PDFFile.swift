import CPoppler
import CTesseract
public import Foundation
public import InvoiceModel

/// An open PDF document. Owns the poppler document (which keeps its own reference to the bytes).
///
/// - Important: poppler documents are not thread-safe: use one `PDFFile` from one thread at a time
///   (the pipeline reads each file on one thread). Opening is serialised, because poppler's global
///   state is initialised lazily by the first document.
public final class PDFFile: @unchecked Sendable {
    private let document: OpaquePointer
    /// Number of pages.
    public let pageCount: Int

    private static let openLock = NSLock()

    /// Opens `bytes` (the content of `path`, named in messages), refusing what cannot be read safely.
    ///
    /// - Throws: `DocumentError`: `encrypted-file` (a password is needed), `corrupt-file` (truncated,
    ///   damaged, no pages), `too-large` (more pages than `maxPages`).
    public init(bytes: Data, path: String, maxPages: Int) throws(DocumentError) {
        guard Self.hasEndMarker(bytes) else {
            throw DocumentError(
                .corruptFile, "\(path) is a truncated PDF (no end-of-file marker); the download or copy is incomplete")
        }
        var error: UnsafeMutablePointer<GError>?
        let opened: OpaquePointer? = Self.openLock.withLock {
            let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
            defer { g_bytes_unref(data) }
            return poppler_document_new_from_bytes(data, nil, &error)
        }
        guard let opened else {
            let code = error?.pointee.code ?? -1
            let detail = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
            if let error { g_error_free(error) }
            if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw DocumentError(
                    .encryptedFile, "\(path) is a password-protected PDF; remove the password and try again")
            }
            throw DocumentError(.corruptFile, "\(path) is a damaged PDF (poppler: \(detail))")
        }
        document = opened
        pageCount = Int(poppler_document_get_n_pages(opened))
        guard pageCount > 0 else {
            throw DocumentError(.corruptFile, "\(path) is a PDF with no pages")
        }
        guard pageCount <= maxPages else {
            throw DocumentError(.tooLarge, "\(path) has \(pageCount) pages, over the limit of \(maxPages)")
        }
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(document))
    }

    /// A complete PDF ends with `%%EOF` (possibly followed by a little whitespace or padding).
    static func hasEndMarker(_ bytes: Data) -> Bool {
        let tail = bytes.suffix(2048)
        return tail.range(of: Data("%%EOF".utf8)) != nil
    }

    /// Calls `body` with page `index` (0-based), which is released afterwards.
    func withPage<Result>(_ index: Int, _ body: (OpaquePointer) -> Result) -> Result? {
        guard index >= 0, index < pageCount, let page = poppler_document_get_page(document, Int32(index)) else {
            return nil
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        return body(page)
    }

    /// The size of page `index` in points (1/72 inch).
    public func pageSize(_ index: Int) -> (width: Double, height: Double) {
        withPage(index) { page in
            var width = 0.0
            var height = 0.0
            poppler_page_get_size(page, &width, &height)
            return (width, height)
        } ?? (0, 0)
    }

    /// The text layer of page `index` with every character placed in pixels at `dpi`.
    public func textPage(_ index: Int, dpi: Int = 300) -> TextPage {
        let scale = Double(dpi) / 72
        let size = pageSize(index)
        let characters: [PlacedCharacter] =
            withPage(index) { page in
                guard let raw = poppler_page_get_text(page) else { return [] }
                defer { g_free(raw) }
                var rectangles: UnsafeMutablePointer<PopplerRectangle>?
                var count: guint = 0
                guard poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles else { return [] }
                defer { g_free(rectangles) }
                var placed: [PlacedCharacter] = []
                // poppler gives one rectangle per character of the text (Unicode scalar).
                for (offset, scalar) in String(cString: raw).unicodeScalars.enumerated() where offset < Int(count) {
                    let rectangle = rectangles[offset]
                    let box = PixelBox(
                        left: Int((min(rectangle.x1, rectangle.x2) * scale).rounded()),
                        top: Int((min(rectangle.y1, rectangle.y2) * scale).rounded()),
                        right: Int((max(rectangle.x1, rectangle.x2) * scale).rounded()),
                        bottom: Int((max(rectangle.y1, rectangle.y2) * scale).rounded()))
                    placed.append(PlacedCharacter(Character(scalar), box))
                }
                return placed
            } ?? []
        return TextPage(
            width: Int((size.width * scale).rounded()), height: Int((size.height * scale).rounded()), dpi: dpi,
            characters: characters)
    }
}
