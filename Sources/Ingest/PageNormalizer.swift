import CTesseract
import InvoiceModel

/// Turns a decoded page into what recognition expects: 8-bit grey on white at a known resolution.
enum PageNormalizer {
    /// The resolution every page is brought to.
    static let targetDPI = 300

    /// Resolutions outside this range are treated as missing (72 dpi screenshots and phone photos say
    /// nothing about the paper).
    static let plausibleDPI = 100...1200

    /// Grey conversion (transparent pixels become white, red seals light; see `ColorToGrey`) and resolution
    /// normalisation.
    ///
    /// A declared resolution in `plausibleDPI` is scaled to 300 dpi unless already within 10 % of it or
    /// the result would exceed `maxPixels`; a missing or implausible one is taken as 300 dpi unchanged.
    /// - Returns: the normalised page and the resolution the file declared (`nil` when none).
    static func normalize(_ page: PageImage, maxPixels: Int) throws(DocumentError) -> (PageImage, Int?) {
        let declared = Int(pixGetXRes(page.pix))
        var current = page

        if pixGetSpp(current.pix) == 4,
            let flattened = current.adopting(pixAlphaBlendUniform(current.pix, 0xFFFF_FF00))
        {
            current = flattened
        }
        if pixGetColormap(current.pix) != nil,
            let expanded = current.adopting(pixRemoveColormap(current.pix, Int32(REMOVE_CMAP_BASED_ON_SRC)))
        {
            current = expanded
        }
        if current.depth == 32 {
            guard let grey = current.adopting(ColorToGrey.convert(current.pix)) else {
                throw DocumentError(.corruptFile, "the colour image could not be converted to grey (out of memory?)")
            }
            current = grey
        } else if current.depth != 8 {
            guard let grey = current.adopting(pixConvertTo8(current.pix, 0)) else {
                throw DocumentError(
                    .corruptFile, "the image's pixel format (\(current.depth) bits) cannot be converted to grey")
            }
            current = grey
        }

        let declaredDPI = plausibleDPI.contains(declared) ? declared : nil
        let source = declaredDPI ?? targetDPI
        let factor = Double(targetDPI) / Double(source)
        let scaledPixels = Double(current.width * current.height) * factor * factor
        var effectiveDPI = source
        if abs(factor - 1) > 0.1, scaledPixels <= Double(maxPixels), let scaled = current.scaled(by: factor) {
            current = scaled
            effectiveDPI = targetDPI
        }
        if Int(pixGetXRes(current.pix)) != effectiveDPI, let tagged = current.withResolution(effectiveDPI) {
            current = tagged
        }
        return (current, declaredDPI)
    }
}
