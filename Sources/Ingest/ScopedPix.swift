package import CTesseract

/// A temporary Leptonica image destroyed when this object goes away.
///
/// For intermediate results inside one function; results that outlive it become `PageImage`s. Shared with
/// `Recognition` (package access), so one type owns every temporary Leptonica image.
package final class ScopedPix {
    package let pix: UnsafeMutablePointer<PIX>

    /// Takes ownership of `pix`; `nil` when Leptonica returned no image.
    package init?(_ pix: UnsafeMutablePointer<PIX>?) {
        guard let pix else { return nil }
        self.pix = pix
    }

    deinit {
        var owned: UnsafeMutablePointer<PIX>? = pix
        pixDestroy(&owned)
    }

    /// Hands the image over to the caller, who must destroy it (or wrap it in a `PageImage`).
    package func release() -> UnsafeMutablePointer<PIX>? {
        pixClone(pix)
    }
}
