import CZBar
import CZXingShim
public import Ingest
public import InvoiceModel

/// A QR code found on a page.
public struct DecodedQRCode: Sendable, Hashable {
    /// The payload as text.
    public var text: String
    /// Where the symbol is, in page pixels.
    public var box: PixelBox
    /// Clockwise rotation (0, 90, 180, 270) that would make the symbol — and so a fapiao — upright,
    /// or `nil` when the decoder could not tell.
    public var uprightCorrection: Int?
    /// Which decoder read it: `zbar` or `zxing`.
    public var decoder: String
}

/// Reads QR codes with zxing-cpp and zbar: the two fail on different images.
public enum QRDecoder {
    /// The QR codes of a small image that may be one (an image placed in a PDF): zbar on the whole
    /// image, then zxing-cpp when `thorough` and zbar found none.
    public static func decodeImage(_ image: PageImage, thorough: Bool) -> [DecodedQRCode] {
        let found = image.withGreyBytes(zbar) ?? []
        if !found.isEmpty || !thorough { return found }
        return image.withGreyBytes(zxing) ?? []
    }

    /// Every QR code on `page` (usually one on a fapiao). Never throws: no code is an empty list.
    public static func decode(_ page: PageImage) -> [DecodedQRCode] {
        let longest = Double(max(page.width, page.height))
        // Which scale a real photo's code decodes at is close to chance (its modules' blur against each
        // decoder's sampling grid): each decoder tries several, cheapest first, and the first code wins.
        // zxing is ~10× faster than zbar on the same pixels and goes first; zbar reads some it does not.
        // zbar at full size costs four times its half-size scan and read nothing more on real photos.
        let usable = { (scale: Double) in scale == 1 || longest * scale >= smallestScan }
        let zbarScales = longest >= largePage ? [0.5, 0.7] : [1]
        // A small photo's code is also tried enlarged: its modules are then a few pixels wide.
        let zxingScales = [1, 0.5, 0.35] + (longest < smallPage ? [2] : [])
        // Each scaled copy is made once (zxing and zbar both try half size on a large page).
        var copies: [Double: PageImage] = [1: page]
        let attempts = zxingScales.map { (zxing as Decoder, $0) } + zbarScales.map { (zbar as Decoder, $0) }
        for (decoder, scale) in attempts where usable(scale) {
            if copies[scale] == nil { copies[scale] = page.scaled(by: scale) }
            guard let image = copies[scale] else { continue }
            let found = codes(on: image, scaledBy: scale, with: decoder)
            if !found.isEmpty { return found }
        }
        return []
    }

    /// The fapiao QR code of an upright page on which `decode(_:)` found none: the top-left part of the
    /// page, where fapiao forms print it, is scaled so that its modules come out a few pixels wide and
    /// tried in black and white at several thresholds, each with zxing and then zbar.
    ///
    /// Real paper fapiao photos and scans often hold a code that blur, uneven light or dot-matrix gaps keep
    /// both decoders from reading in grey; a fixed threshold on a crop brings many back. A fapiao's code
    /// is about 20 mm across (29–33 modules) on a form about 240 mm wide, so a scale of
    /// `moduleScale / longest side` puts 4–6 pixels in a module; the scales around it cover the page being
    /// more or less than the form.
    public static func decodeHarder(_ page: PageImage) -> [DecodedQRCode] {
        let longest = Double(max(page.width, page.height))
        let region = PixelBox(x: 0, y: 0, width: page.width * 35 / 100, height: page.height * 45 / 100)
        guard longest > 0, region.width > 20, region.height > 20, let crop = page.cropped(to: region) else {
            return []
        }
        for factor in harderScales {
            let scale = moduleScale / longest * factor
            let size = Double(max(crop.width, crop.height)) * scale
            guard size >= 200, size <= 4000, let scaled = crop.scaled(by: scale) else { continue }
            var thresholds = fixedThresholds
            if let otsu = scaled.otsuThreshold(), !thresholds.contains(otsu) { thresholds.append(otsu) }
            for threshold in thresholds {
                guard let binary = scaled.binarized(below: threshold) else { continue }
                for decoder in [zxing as Decoder, zbar as Decoder] {
                    let found = codes(on: binary, scaledBy: scale, with: decoder)
                    if !found.isEmpty { return found }
                }
            }
        }
        return []
    }

    /// `decodeHarder`'s scale constant: a page's longest side in pixels times the scale.
    static let moduleScale = 2600.0
    /// `decodeHarder`'s scales around `moduleScale`, in the order tried (measured on real paper fapiao and
    /// paper renders: 1.4 and 1 read the most).
    static let harderScales = [1.4, 1, 0.7, 1.9, 0.5]
    /// `decodeHarder`'s fixed thresholds; Otsu's level of each scaled crop is tried after them.
    static let fixedThresholds = [130, 170]

    /// A decoder over a grey buffer (pixels, width, height, stride).
    typealias Decoder = (UnsafePointer<UInt8>, Int, Int, Int) -> [DecodedQRCode]

    /// Pages whose longer side is shorter than this are also scanned enlarged.
    static let smallPage = 2000.0
    /// Pages whose longer side reaches this many pixels are scanned by zbar at reduced sizes only.
    static let largePage = 3000.0
    /// A page is not scanned smaller than this many pixels on its longer side.
    static let smallestScan = 1000.0

    /// The codes `decoder` finds on `page` scaled by `scale`, in page pixels.
    static func decode(_ page: PageImage, at scale: Double, with decoder: Decoder) -> [DecodedQRCode] {
        guard let image = scale == 1 ? page : page.scaled(by: scale) else { return [] }
        return codes(on: image, scaledBy: scale, with: decoder)
    }

    /// The codes `decoder` finds on `image`, a copy of a page scaled by `scale`, in the page's pixels.
    static func codes(on image: PageImage, scaledBy scale: Double, with decoder: Decoder) -> [DecodedQRCode] {
        let found = image.withGreyBytes(decoder) ?? []
        guard scale != 1 else { return found }
        return found.map { code in
            var moved = code
            moved.box = code.box.scaled(x: 1 / scale, y: 1 / scale)
            return moved
        }
    }

    /// zbar over a grey buffer. Owns the scanner and image for the duration of the call.
    static func zbar(_ pixels: UnsafePointer<UInt8>, _ width: Int, _ height: Int, _ stride: Int) -> [DecodedQRCode] {
        guard let scanner = zbar_image_scanner_create() else { return [] }
        defer { zbar_image_scanner_destroy(scanner) }
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0)
        zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1)
        guard let image = zbar_image_create() else { return [] }
        defer { zbar_image_destroy(image) }
        zbar_image_set_format(image, 0x3030_3859)  // fourcc "Y800" (8-bit grey), little-endian
        zbar_image_set_size(image, UInt32(width), UInt32(height))
        // zbar reads the buffer during zbar_scan_image only; no cleanup handler, we keep ownership.
        zbar_image_set_data(image, pixels, UInt(width * height), nil)
        guard zbar_scan_image(scanner, image) > 0 else { return [] }

        var results: [DecodedQRCode] = []
        var symbol = zbar_image_first_symbol(image)
        while let current = symbol {
            defer { symbol = zbar_symbol_next(current) }
            guard zbar_symbol_get_type(current) == ZBAR_QRCODE, let data = zbar_symbol_get_data(current) else {
                continue
            }
            let length = Int(zbar_symbol_get_data_length(current))
            let bytes = UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self)
            let text = String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
            var xs: [Int] = []
            var ys: [Int] = []
            for index in 0..<zbar_symbol_get_loc_size(current) {
                xs.append(Int(zbar_symbol_get_loc_x(current, index)))
                ys.append(Int(zbar_symbol_get_loc_y(current, index)))
            }
            let box = PixelBox(
                left: xs.min() ?? 0, top: ys.min() ?? 0, right: (xs.max() ?? 0) + 1, bottom: (ys.max() ?? 0) + 1)
            let correction: Int? =
                switch zbar_symbol_get_orientation(current) {
                case ZBAR_ORIENT_UP: 0
                case ZBAR_ORIENT_RIGHT: 270
                case ZBAR_ORIENT_DOWN: 180
                case ZBAR_ORIENT_LEFT: 90
                default: nil
                }
            results.append(DecodedQRCode(text: text, box: box, uprightCorrection: correction, decoder: "zbar"))
        }
        return results
    }

    /// zxing-cpp (through the C shim) over a grey buffer.
    static func zxing(_ pixels: UnsafePointer<UInt8>, _ width: Int, _ height: Int, _ stride: Int) -> [DecodedQRCode] {
        var raw = [ics_qr_result](repeating: ics_qr_result(), count: 8)
        let count = Int(ics_qr_decode(pixels, Int32(width), Int32(height), Int32(stride), &raw, Int32(raw.count)))
        guard count > 0 else { return [] }
        defer { ics_qr_free(&raw, Int32(count)) }
        return raw.prefix(count).compactMap { result in
            guard let text = result.text else { return nil }
            let turned = Int(result.orientation)
            // zxing reports how far the symbol is turned clockwise; undo it, to the nearest quarter turn.
            let quarter = ((turned + 45) / 90 % 4) * 90
            return DecodedQRCode(
                text: String(cString: text),
                box: PixelBox(
                    left: Int(result.left), top: Int(result.top), right: Int(result.right) + 1,
                    bottom: Int(result.bottom) + 1),
                uprightCorrection: (360 - quarter) % 360, decoder: "zxing")
        }
    }
}
