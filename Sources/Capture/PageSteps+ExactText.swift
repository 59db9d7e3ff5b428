import Extraction
import Ingest
import InvoiceModel
import Recognition

extension PageSteps {
    /// Skew beyond which a prepared page no longer lines up with the text the file placed on it.
    static let exactTextSkew = 0.5

    /// The lines of `text` (the file's own, for the page rendered as `rendered`) in the pixels of the
    /// prepared page, when preparing it only straightened it slightly and scaled it by `scale`; `nil` when
    /// the page was turned or cut out and the two no longer line up.
    static func placedText(_ text: TextPage, rendered: PageImage, prepared: PreparedPage, scale: Double)
        -> [RecognizedLine]?
    {
        guard text.rotation == 0, prepared.rotation == 0, prepared.perspective == nil,
            abs(prepared.skewDegrees) < exactTextSkew, text.width > 0, text.height > 0
        else { return nil }
        let x = Double(rendered.width) / Double(text.width) * scale
        let y = Double(rendered.height) / Double(text.height) * scale
        return text.lines.map { line in
            RecognizedLine(
                words: line.words.map { RecognizedWord(text: $0.text, confidence: 1, box: $0.box.scaled(x: x, y: y)) },
                confidence: 1, box: line.box.scaled(x: x, y: y))
        }
    }
}
