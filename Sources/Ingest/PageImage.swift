package import CTesseract

/// One page as an 8-bit grey raster, owned by this object.
///
/// - Important: The Leptonica image is created once and never modified; every transformation returns a
///   new `PageImage` with its own pixels (never a Leptonica clone sharing a reference count), so a page
///   may be read from several threads at once and freed from any thread.
public final class PageImage: @unchecked Sendable {
    /// The Leptonica image. Owned: destroyed in `deinit`. Read-only for everyone else.
    package let pix: UnsafeMutablePointer<PIX>

    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Bits per pixel (8 after normalisation).
    public let depth: Int
    /// Resolution in dots per inch.
    public let dpi: Int

    /// Takes ownership of `pix`.
    ///
    /// - Important: `pix` must not be referenced anywhere else (not a clone), and must not be freed by the caller.
    package init(taking pix: UnsafeMutablePointer<PIX>) {
        self.pix = pix
        width = Int(pixGetWidth(pix))
        height = Int(pixGetHeight(pix))
        depth = Int(pixGetDepth(pix))
        let resolution = Int(pixGetXRes(pix))
        dpi = resolution > 0 ? resolution : 300
    }

    deinit {
        var owned: UnsafeMutablePointer<PIX>? = pix
        pixDestroy(&owned)
    }

    /// Wraps the result of a Leptonica transformation of this image as a new, independently owned page.
    ///
    /// Leptonica returns a clone (the same object with a higher reference count) when a transformation
    /// has nothing to do; that clone is replaced by a real copy so that no two `PageImage`s share pixels.
    package func adopting(_ result: UnsafeMutablePointer<PIX>?) -> PageImage? {
        guard var result else { return nil }
        if result == pix {
            var clone: UnsafeMutablePointer<PIX>? = result
            pixDestroy(&clone)
            guard let copy = pixCopy(nil, pix) else { return nil }
            result = copy
        }
        return PageImage(taking: result)
    }

    /// A private copy of the pixels for a C API that keeps or modifies what it is given.
    ///
    /// - Returns: a new Leptonica image the caller owns and must destroy, or `nil` when out of memory.
    package func copyPix() -> UnsafeMutablePointer<PIX>? {
        pixCopy(nil, pix)
    }
}

extension PageImage {
    /// Calls `body` with the page's pixels as contiguous 8-bit grey rows (`stride` = width), for C
    /// libraries that take plain buffers (zbar, zxing).
    ///
    /// - Returns: `body`'s result, or `nil` when the page is not 8-bit or memory runs out.
    package func withGreyBytes<Result>(
        _ body: (_ pixels: UnsafePointer<UInt8>, _ width: Int, _ height: Int, _ stride: Int) -> Result
    ) -> Result? {
        guard depth == 8 else { return nil }
        var data: UnsafeMutablePointer<UInt8>?
        var count = 0
        guard pixGetRasterData(pix, &data, &count) == 0, let data, count >= width * height else { return nil }
        defer { lept_free(data) }
        return body(data, width, height, width)
    }
}
