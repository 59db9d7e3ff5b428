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

    /// Where the raster images of page `index` are placed. Finding them is a pass over the page's
    /// content: take them once and hand them to `largestImageCoverage` and `placedImages`.
    public func imagePlacements(_ index: Int) -> [ImagePlacement] {
        withPage(index) { page -> [ImagePlacement] in
            guard let mappings = poppler_page_get_image_mapping(page) else { return [] }
            defer { poppler_page_free_image_mapping(mappings) }
            var found: [ImagePlacement] = []
            var node: UnsafeMutablePointer<GList>? = mappings
            while let current = node {
                node = current.pointee.next
                guard let mapping = current.pointee.data?.assumingMemoryBound(to: PopplerImageMapping.self).pointee
                else { continue }
                let area = mapping.area
                found.append(
                    ImagePlacement(
                        imageID: mapping.image_id, left: min(area.x1, area.x2), top: min(area.y1, area.y2),
                        right: max(area.x1, area.x2), bottom: max(area.y1, area.y2)))
            }
            return found
        } ?? []
    }

    /// The share of page `index` covered by the largest of `placements` (0…1): near 1 for a scan saved
    /// as PDF, whose text layer (if any) is someone else's OCR, not text the issuer wrote.
    public func largestImageCoverage(_ index: Int, placements: [ImagePlacement]) -> Double {
        let size = pageSize(index)
        let pageArea = size.width * size.height
        guard pageArea > 0 else { return 0 }
        return placements.map { placed in
            let width = min(placed.right, size.width) - max(placed.left, 0)
            let height = min(placed.bottom, size.height) - max(placed.top, 0)
            return max(0, width) * max(0, height) / pageArea
        }.max() ?? 0
    }

    /// The raster images placed on page `index` (its `placements`, found when not given) whose pixel
    /// size `accepting` accepts, each as a grey page with where it is placed (pixels at `dpi`): a
    /// fapiao's QR code is one of them, decoded without rendering the page.
    public func placedImages(
        _ index: Int, placements: [ImagePlacement]? = nil, dpi: Int = 300, maxPixels: Int,
        accepting: (_ width: Int, _ height: Int) -> Bool = { _, _ in true }
    ) -> [(image: PageImage, box: PixelBox)] {
        let scale = Double(dpi) / 72
        let placements = placements ?? imagePlacements(index)
        guard !placements.isEmpty else { return [] }
        return withPage(index) { page -> [(image: PageImage, box: PixelBox)] in
            placements.compactMap { placed -> (image: PageImage, box: PixelBox)? in
                guard let raw = poppler_page_get_image(page, placed.imageID) else { return nil }
                let surface = CairoSurface(adopting: raw)
                guard surface.width * surface.height <= maxPixels, accepting(surface.width, surface.height),
                    let image = surface.pageImage(dpi: 300)
                else { return nil }
                let box = PixelBox(
                    left: Int(placed.left * scale), top: Int(placed.top * scale), right: Int(placed.right * scale),
                    bottom: Int(placed.bottom * scale))
                return (image, box)
            }
        } ?? []
    }
}

/// Where a raster image is placed on a PDF page, in points from the top left.
public struct ImagePlacement: Sendable, Hashable {
    /// poppler's id of the image on its page.
    let imageID: Int32
    /// Left edge.
    public var left: Double
    /// Top edge.
    public var top: Double
    /// Right edge.
    public var right: Double
    /// Bottom edge.
    public var bottom: Double
}
