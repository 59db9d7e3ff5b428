import CPoppler
import CTesseract

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
