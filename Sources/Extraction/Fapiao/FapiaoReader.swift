import InvoiceModel

/// Reads the fields of one fapiao page region by region: the grid says where each block is, the printed
/// labels inside a block say which line is which field, and values that must be digits or IDs are read a
/// second time with the Latin model and a character whitelist.
struct FapiaoReader {
    let reader: any PageReader
    /// 1-based page number.
    let page: Int
    let grid: FapiaoGrid
    let layout: FapiaoLayout
    /// Where the QR code is, when one was found.
    let qrBox: PixelBox?
    /// The title the QR code implies (`FapiaoTitle.expected(for:)`), when it does: one reading of the
    /// printed title is then enough to place it.
    var expectedTitle: String?

    /// Fields read so far.
    var fields: [FieldName: FieldEvidence] = [:]
    /// Line items read.
    var lineItems: [[LineItemFieldName: FieldEvidence]] = []
    /// Fields whose place on the page holds text that could not be read into a value.
    var unread: Set<FieldName> = []
    /// Fields that may be left empty whose place (their label) was not found, so whether they are printed
    /// is unknown.
    var unlocated: Set<FieldName> = []

    init(reader: any PageReader, page: Int, grid: FapiaoGrid, layout: FapiaoLayout, qrBox: PixelBox?) {
        self.reader = reader
        self.page = page
        self.grid = grid
        self.layout = layout
        self.qrBox = qrBox
    }

    /// Reads every block of the page.
    mutating func readAll() {
        readHeader()
        readParties()
        readItems()
        readTotals()
        readLastRow()
        readFooter()
    }

    // MARK: - Reading helpers

    /// The lines of `region` read with `request`, clipped to the page; empty when the engine fails.
    func lines(_ region: PixelBox, _ request: ReadRequest) -> [LineText] {
        guard let clipped = region.intersection(reader.bounds), clipped.width > 8, clipped.height > 8 else { return [] }
        return LineText.read(reader, clipped, request)
    }

    /// Evidence for a value read as `text`.
    func evidence(_ field: FieldName, _ value: String, from text: LineText) -> FieldEvidence {
        FieldEvidence(field, value, source: .ocr, page: page, from: text)
    }

    /// Stores `candidate` unless a better-formed value is already stored for `field`.
    mutating func store(_ field: FieldName, _ candidate: FieldEvidence?) {
        guard let candidate, !candidate.value.isEmpty else { return }
        if let existing = fields[field], existing.formatValid, !candidate.formatValid { return }
        fields[field] = candidate
    }

    /// Reads `region` (default: `evidence`'s box with a margin) again with the Latin model and
    /// `whitelist`, cleans the result with `clean`, and returns the evidence updated by that second
    /// opinion: confirmed when both reads agree; otherwise the read `rank` scores higher (a checksum
    /// that holds, the expected length), and on a tie the Latin read (more reliable on digits and
    /// letters) with the conflict recorded.
    func secondOpinion(
        _ field: FieldName, _ evidence: FieldEvidence?, region: PixelBox? = nil, whitelist: String,
        clean: (String) -> String?, rank: (String) -> Int, combine: ((String, String) -> String?)? = nil
    ) -> FieldEvidence? {
        guard var evidence, let box = region ?? evidence.box else { return evidence }
        // Tesseract's word boxes can miss the edge of the first glyph: a margin of about one text height.
        let margin = max(10, box.height * 3 / 4)
        let area = PixelBox(
            left: box.x - margin, top: box.y - margin / 3, right: box.maxX + margin, bottom: box.maxY + margin / 3)
        let reread = lines(area, ReadRequest(.line, .latin, whitelist: whitelist))
        let joined = LineText(glyphs: reread.flatMap(\.glyphs), box: reread.first?.box ?? box)
        guard !joined.isEmpty, let value = clean(joined.compactText), !value.isEmpty else { return evidence }
        if value == evidence.value {
            evidence.confirmations += 1
            evidence.readConfidence = max(evidence.readConfidence, joined.minimumConfidence)
            return evidence
        }
        if let combine, let merged = combine(evidence.value, value), merged != evidence.value {
            // Neither read alone, but a character-by-character mix of both, satisfies the field's check.
            var repaired = FieldEvidence(
                value: merged, source: .ocr, page: page, box: evidence.box,
                readConfidence: min(evidence.readConfidence, joined.minimumConfidence), formatValid: true,
                repaired: true)
            repaired.alternatives = [evidence.value, value]
            return repaired
        }
        let first = rank(evidence.value)
        let second = rank(value)
        if first > second {
            evidence.conflicts += 1
            evidence.alternatives.append(value)
            return evidence
        }
        var replaced = FieldEvidence(
            value: value, source: .ocr, page: page, box: evidence.box,
            readConfidence: first == second
                ? min(evidence.readConfidence, joined.minimumConfidence) : joined.minimumConfidence,
            formatValid: FieldText.isWellFormed(value, for: field), conflicts: first == second ? 1 : 0)
        replaced.alternatives = [evidence.value] + evidence.alternatives
        return replaced
    }
}
