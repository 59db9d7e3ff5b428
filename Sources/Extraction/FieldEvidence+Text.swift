import InvoiceModel

extension FieldEvidence {
    /// Evidence for `value` of `field` read as `text`: its glyphs give the box and the lowest and mean
    /// confidence.
    init(_ field: FieldName, _ value: String, source: FieldSource, page: Int, from text: LineText) {
        self.init(
            value: value, source: source, page: page, box: text.isEmpty ? nil : (text.region ?? text.box),
            readConfidence: text.minimumConfidence, formatValid: FieldText.isWellFormed(value, for: field))
        meanReadConfidence = text.isEmpty ? nil : text.meanConfidence
    }
}
