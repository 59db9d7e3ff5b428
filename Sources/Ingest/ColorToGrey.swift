import CTesseract

/// Colour → grey for documents: luminance, except that bright red seal ink becomes light.
///
/// Fapiao carry red seals (发票监制章, 发票专用章) printed over the title and the header values. Plain
/// luminance turns them dark grey and OCR reads them as noise on top of the text. Seal red is bright and
/// saturated (measured on real e-fapiao: (255,0,0), (255,20,24), (226,52,48)), unlike the brown labels of
/// tax-control invoices (156,82,35) and the maroon labels of 数电 invoices (128,0,0), which must stay dark.
/// Pixels with R ≥ `minimumRed` and R − (G+B)/2 ≥ `minimumRedness` take their red channel (light) instead
/// of their luminance; black text printed over a seal has a low red channel and stays dark.
enum ColorToGrey {
    static let minimumRed: Int32 = 190
    static let minimumRedness: Int32 = 120

    /// Converts a 32-bit RGB image to 8-bit grey with seals lightened.
    ///
    /// - Returns: a new image the caller owns, or `nil` when Leptonica fails (out of memory).
    static func convert(_ rgb: UnsafeMutablePointer<PIX>) -> UnsafeMutablePointer<PIX>? {
        guard let grey = ScopedPix(pixConvertRGBToLuminance(rgb)),
            let red = ScopedPix(pixGetRGBComponent(rgb, Int32(COLOR_RED))),
            let redness = ScopedPix(pixConvertRGBToGrayArb(rgb, 1, -0.5, -0.5)),
            // pixThresholdToBinary marks pixels *below* the threshold; invert to mark those at or above it.
            let reddish = ScopedPix(pixThresholdToBinary(redness.pix, minimumRedness)),
            let bright = ScopedPix(pixThresholdToBinary(red.pix, minimumRed))
        else { return nil }
        pixInvert(reddish.pix, reddish.pix)
        pixInvert(bright.pix, bright.pix)
        guard let seal = ScopedPix(pixAnd(nil, reddish.pix, bright.pix)) else { return nil }
        guard pixCombineMasked(grey.pix, red.pix, seal.pix) == 0 else { return nil }
        return grey.release()
    }
}
