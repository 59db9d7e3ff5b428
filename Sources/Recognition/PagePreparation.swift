public import Ingest
import InvoiceModel

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
}

extension OCRWorker {
    /// Orientation confidence below which a detected rotation is not applied (OSD margins of upright
    /// fapiao and receipts measured 4–14; wrong guesses stay well below 2).
    public static let minimumOrientationConfidence = 2.0

    /// Turns `page` upright (Tesseract OSD, 0/90/180/270) and then corrects small skew (Leptonica).
    ///
    /// - Throws: `RecognitionError.imageUnavailable` when Leptonica cannot allocate the rotated image.
    public func prepare(_ page: PageImage) throws(RecognitionError) -> PreparedPage {
        var image = page
        var rotation = 0
        let estimate = orientation.detect(page)
        if let estimate, estimate.correction != 0, estimate.confidence >= Self.minimumOrientationConfidence {
            guard let turned = page.rotated(quarterTurns: estimate.correction / 90) else {
                throw .imageUnavailable("rotating the page by \(estimate.correction)° failed")
            }
            image = turned
            rotation = estimate.correction
        }
        var skew = 0.0
        if let (straight, degrees) = image.deskewed() {
            image = straight
            skew = degrees
        }
        return PreparedPage(
            image: image, rotation: rotation, orientationConfidence: estimate?.confidence, skewDegrees: skew)
    }
}
