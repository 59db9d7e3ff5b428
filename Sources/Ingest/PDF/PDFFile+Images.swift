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
