import CPoppler
import CTesseract
public import InvoiceModel

extension PDFFile {
    /// Renders page `index` at `dpi` into an 8-bit grey page (white background, red seals light).
    ///
    /// - Throws: `DocumentError` (`too-large` when the raster would exceed `maxPixels`, `corrupt-file`
    ///   when cairo cannot allocate it).
    public func render(_ index: Int, dpi: Int = 300, maxPixels: Int) throws(DocumentError) -> PageImage {
        let size = pageSize(index)
        let scale = Double(dpi) / 72
        let width = Int((size.width * scale).rounded(.up))
        let height = Int((size.height * scale).rounded(.up))
        guard width > 0, height > 0 else { throw DocumentError(.corruptFile, "page \(index + 1) has no size") }
        guard width * height <= maxPixels else {
            throw DocumentError(
                .tooLarge, "page \(index + 1) would be \(width)×\(height) pixels at \(dpi) dpi, over the pixel limit")
        }
        let surface = CairoSurface(width: width, height: height)
        guard let surface else { throw DocumentError(.corruptFile, "page \(index + 1) could not be rendered (memory)") }
        withPage(index) { page in
            surface.draw { context in
                cairo_set_source_rgb(context, 1, 1, 1)
                cairo_paint(context)
                cairo_scale(context, scale, scale)
                poppler_page_render(page, context)
            }
        }
        guard let image = surface.pageImage(dpi: dpi) else {
            throw DocumentError(.corruptFile, "page \(index + 1) could not be converted to grey")
        }
        return image
    }

    /// The share of page `index` covered by its largest placed raster image (0…1): near 1 for a scan
    /// saved as PDF, whose text layer (if any) is someone else's OCR, not text the issuer wrote.
    public func largestImageCoverage(_ index: Int) -> Double {
        let size = pageSize(index)
        let pageArea = size.width * size.height
        guard pageArea > 0 else { return 0 }
        return withPage(index) { page -> Double in
            guard let mappings = poppler_page_get_image_mapping(page) else { return 0 }
            defer { poppler_page_free_image_mapping(mappings) }
            var largest = 0.0
            var node: UnsafeMutablePointer<GList>? = mappings
            while let current = node {
                node = current.pointee.next
                guard let area = current.pointee.data?.assumingMemoryBound(to: PopplerImageMapping.self).pointee.area
                else { continue }
                let width = min(max(area.x1, area.x2), size.width) - max(min(area.x1, area.x2), 0)
                let height = min(max(area.y1, area.y2), size.height) - max(min(area.y1, area.y2), 0)
                largest = max(largest, max(0, width) * max(0, height) / pageArea)
            }
            return largest
        } ?? 0
    }

    /// The raster images placed on page `index` whose pixel size `accepting` accepts, each as a grey page
    /// with where it is placed (pixels at `dpi`): a fapiao's QR code is one of them, decoded without
    /// rendering the page.
    public func placedImages(
        _ index: Int, dpi: Int = 300, maxPixels: Int,
        accepting: (_ width: Int, _ height: Int) -> Bool = { _, _ in true }
    ) -> [(image: PageImage, box: PixelBox)] {
        let scale = Double(dpi) / 72
        return withPage(index) { page -> [(image: PageImage, box: PixelBox)] in
            guard let mappings = poppler_page_get_image_mapping(page) else { return [] }
            defer { poppler_page_free_image_mapping(mappings) }
            var found: [(image: PageImage, box: PixelBox)] = []
            var node: UnsafeMutablePointer<GList>? = mappings
            while let current = node {
                node = current.pointee.next
                guard let mapping = current.pointee.data?.assumingMemoryBound(to: PopplerImageMapping.self).pointee,
                    let raw = poppler_page_get_image(page, mapping.image_id)
                else { continue }
                let surface = CairoSurface(adopting: raw)
                guard surface.width * surface.height <= maxPixels, accepting(surface.width, surface.height),
                    let image = surface.pageImage(dpi: 300)
                else {
                    continue
                }
                let area = mapping.area
                let box = PixelBox(
                    left: Int(min(area.x1, area.x2) * scale), top: Int(min(area.y1, area.y2) * scale),
                    right: Int(max(area.x1, area.x2) * scale), bottom: Int(max(area.y1, area.y2) * scale))
                found.append((image, box))
            }
            return found
        } ?? []
    }
}

/// A cairo image surface, owned: destroyed in `deinit`.
final class CairoSurface {
    private let surface: OpaquePointer

    /// A new white RGB surface, or `nil` when cairo cannot allocate it.
    init?(width: Int, height: Int) {
        guard let created = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)),
            cairo_surface_status(created) == CAIRO_STATUS_SUCCESS
        else { return nil }
        surface = created
    }

    /// Takes ownership of a surface poppler returned.
    init(adopting surface: OpaquePointer) {
        self.surface = surface
    }

    deinit {
        cairo_surface_destroy(surface)
    }

    var width: Int { Int(cairo_image_surface_get_width(surface)) }
    var height: Int { Int(cairo_image_surface_get_height(surface)) }

    /// Draws with a cairo context that lives for the call.
    func draw(_ body: (OpaquePointer) -> Void) {
        guard let context = cairo_create(surface) else { return }
        defer { cairo_destroy(context) }
        body(context)
        cairo_surface_flush(surface)
    }

    /// The surface as a normalised grey page (colour through the seal-aware conversion; transparent
    /// pixels of ARGB images become white).
    func pageImage(dpi: Int) -> PageImage? {
        cairo_surface_flush(surface)
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32,
            let data = cairo_image_surface_get_data(surface), width > 0, height > 0,
            let rgb = ScopedPix(pixCreate(Int32(width), Int32(height), 32))
        else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let hasAlpha = format == CAIRO_FORMAT_ARGB32
        guard let target = pixGetData(rgb.pix) else { return nil }
        let wordsPerLine = Int(pixGetWpl(rgb.pix))
        for row in 0..<height {
            let source = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            let destination = target + row * wordsPerLine
            for column in 0..<width {
                var pixel = source[column]  // 0xAARRGGBB, premultiplied when ARGB
                if hasAlpha {
                    let alpha = pixel >> 24
                    // Composite on white: premultiplied colour + (255 − alpha).
                    let fill = 255 - alpha
                    let red = min(255, ((pixel >> 16) & 0xFF) + fill)
                    let green = min(255, ((pixel >> 8) & 0xFF) + fill)
                    let blue = min(255, (pixel & 0xFF) + fill)
                    pixel = (red << 16) | (green << 8) | blue
                }
                destination[column] = (pixel & 0x00FF_FFFF) << 8  // Leptonica: 0xRRGGBB00
            }
        }
        pixSetResolution(rgb.pix, Int32(dpi), Int32(dpi))
        guard let grey = ColorToGrey.convert(rgb.pix) else { return nil }
        pixSetResolution(grey, Int32(dpi), Int32(dpi))
        return PageImage(taking: grey)
    }
}
