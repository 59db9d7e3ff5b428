import Foundation
public import Ingest
public import InvoiceModel

/// A page made ready for OCR: upright and straight.
public struct PreparedPage: Sendable {
    /// The upright, deskewed image; boxes of OCR results refer to it.
    public var image: PageImage
    /// Clockwise rotation applied: 0, 90, 180 or 270.
    public var rotation: Int
    /// OSD's confidence, or `nil` when OSD found too little text.
    public var orientationConfidence: Double?
    /// Skew corrected, in degrees.
    public var skewDegrees: Double
    /// The map from the photo's pixels to the sheet's when the page was a photo of a sheet on a surface
    /// (cut out and seen square-on before it was turned), else `nil`.
    public var perspective: Homography?
    /// Width and height of the page before it was turned (the sheet's when it was cut out).
    public var unturnedSize: (width: Int, height: Int)
    /// The script OSD saw (`Latin`, `Han`, …), or `nil` when OSD was not run or found too little text.
    public var script: String? = nil

    /// Where `box`, in the pixels of the page as loaded, lies on the prepared page (small skew ignored).
    public func place(_ box: PixelBox) -> PixelBox {
        let flat = perspective.flatMap { $0.map(box) } ?? box
        return flat.rotated(
            quarterTurns: rotation / 90, pageWidth: unturnedSize.width, pageHeight: unturnedSize.height)
    }
}

extension OCRWorker {
    /// OSD margin from which its answer is taken without a second opinion. Upright fapiao and invoices
    /// measured 6–21; all-caps monospaced receipts 0.5–4, where OSD confuses up and down.
    public static let confidentOrientation = 5.0

    /// Below this margin OSD's axis (horizontal or vertical text) is not trusted either.
    public static let meaningfulOrientation = 1.0

    /// Cuts out and squares a sheet photographed on a surface (`PageImage.flattened`), turns the page
    /// upright (0/90/180/270) and then corrects small skew (Leptonica).
    ///
    /// Tesseract OSD decides when it is confident. Otherwise the engine reads a band of the page in each
    /// candidate orientation (OSD's answer and its half turn, or all four when OSD has no opinion) and
    /// the orientation it reads with the highest confidence wins: text upside down reads as low-confidence
    /// noise.
    /// - Parameter knownRotation: the clockwise correction when something else already established it
    ///   (a fapiao QR code is printed upright with its page); OSD is then skipped.
    /// - Throws: `RecognitionError` when Leptonica cannot rotate the page or the engine fails.
    public func prepare(_ loaded: PageImage, knownRotation: Int? = nil) throws(RecognitionError) -> PreparedPage {
        let flat = loaded.flattened()
        let page = flat?.page ?? loaded
        if WorkerPageReader.tracing, let flat {
            FileHandle.standardError.write(
                Data(
                    "sheet cut out of the photo: \(flat.page.width)x\(flat.page.height) \(flat.map.coefficients)\n".utf8
                ))
        }
        let estimate = knownRotation == nil ? orientation.detect(page) : nil
        var rotation = 0
        if let knownRotation {
            rotation = ((knownRotation % 360) + 360) % 360
        } else if let estimate, estimate.confidence >= Self.confidentOrientation, estimate.correction == 0 {
            rotation = 0
        } else {
            // A turn is only made when reading confirms it: OSD has been seen confidently wrong (margin 5–7)
            // on faded receipts that are upright.
            let candidates: [Int]
            if let estimate, estimate.confidence >= Self.confidentOrientation {
                candidates = [estimate.correction, 0]
            } else if let estimate, estimate.confidence >= Self.meaningfulOrientation {
                candidates = [estimate.correction, (estimate.correction + 180) % 360, 0].uniqued()
            } else {
                candidates = [estimate?.correction ?? 0, 0, 90, 180, 270].uniqued()
            }
            rotation = try bestReadOrientation(page, candidates: candidates)
        }

        var image = page
        if rotation != 0 {
            guard let turned = page.rotated(quarterTurns: rotation / 90) else {
                throw .imageUnavailable("rotating the page by \(rotation)° failed")
            }
            image = turned
        }
        var skew = 0.0
        if let (straight, degrees) = image.deskewed() {
            image = straight
            skew = degrees
        }
        return PreparedPage(
            image: image, rotation: rotation, orientationConfidence: estimate?.confidence, skewDegrees: skew,
            perspective: flat?.map, unturnedSize: (page.width, page.height), script: estimate?.script)
    }

    /// The candidate rotation under which the middle third of the page reads with the highest
    /// length-weighted word confidence; ties go to the earlier candidate. A turn must be confirmed: it
    /// reads at least `confirmingScore` and better than the page as it is, or the page stays as it is
    /// (a faint page that reads as nothing in any orientation is not turned on OSD's word alone).
    func bestReadOrientation(_ page: PageImage, candidates: [Int]) throws(RecognitionError) -> Int {
        var best = (rotation: candidates.first ?? 0, score: -1.0)
        var unturned = -1.0
        for rotation in candidates {
            guard let turned = page.rotated(quarterTurns: rotation / 90) else {
                throw .imageUnavailable("rotating the page by \(rotation)° failed")
            }
            let band = PixelBox(x: 0, y: turned.height / 3, width: turned.width, height: turned.height / 3)
            let words = try engine.recognize(turned, region: band, mode: .automatic).flatMap(\.words)
            let score = Self.readingScore(words)
            if WorkerPageReader.tracing {
                FileHandle.standardError.write(
                    Data("orientation \(rotation)°: reading score \(score) from \(words.count) words\n".utf8))
            }
            if rotation == 0 { unturned = score }
            if score > best.score + 0.02 { best = (rotation, score) }
        }
        guard best.rotation != 0, best.score >= Self.confirmingScore, best.score > unturned + 0.02 else { return 0 }
        return best.rotation
    }

    /// Reading score a turn needs: pages in their right orientation score 0.45–0.96, garbage read from
    /// a turned page 0.05–0.46 (an upside-down page still reads some letters).
    static let confirmingScore = 0.4

    /// Mean word confidence weighted by the number of letters and digits in each word. Words of several
    /// characters in a box taller than wide count as unread: Tesseract also reads vertical lines of
    /// a page on its side, with good confidence, but the page is then not upright.
    static func readingScore(_ words: [RecognizedWord]) -> Double {
        var weighted = 0.0
        var total = 0.0
        for word in words {
            let length = Double(
                word.text.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.count)
            let vertical = length >= 3 && word.box.height > word.box.width
            weighted += vertical ? 0 : word.confidence * length
            total += length
        }
        return total > 0 ? weighted / total : 0
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each kept once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
