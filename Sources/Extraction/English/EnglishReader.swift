import Foundation
import InvoiceModel

/// Reads English invoices and receipts from one OCR pass of the whole page with the Latin model.
///
/// OCR's own lines follow its block segmentation, which splits a label from its right-aligned amount;
/// the reader rebuilds visual rows from the words' positions instead. The seller comes from the first
/// rows (left segment), the date and number from their labels, the totals from the words printed before
/// them (TOTAL, AMOUNT DUE … but not CASH or CHANGE).
struct EnglishReader {
    let reader: any PageReader
    /// 1-based page number.
    let page: Int
    /// Visual rows, top to bottom.
    var rows: [EnglishRow] = []
    /// Fields read.
    var fields: [FieldName: FieldEvidence] = [:]
    /// Whether numeric dates are written day first here, when the document says (currency, country).
    var dayFirst: Bool?
    /// Mean word confidence of the page read.
    var pageConfidence = 0.0
    /// The cash rounding the page prints ("ROUNDING -0.02"), when it prints one.
    var rounding: Decimal?

    init(reader: any PageReader, page: Int) {
        self.reader = reader
        self.page = page
    }

    /// `receipt` for narrow till slips, `invoice` otherwise.
    var documentType: String {
        let aspect = Double(reader.width) / Double(max(1, reader.height))
        return aspect < 0.6 && reader.width < 1500 ? "receipt" : "invoice"
    }

    /// Rows holding a word Tesseract read with less confidence than this are read again by the line
    /// recognizer (when installed); what Tesseract reads above it is nearly always right.
    static let doubtfulWord = 0.9

    mutating func readAll() {
        let read = (try? reader.read(nil, ReadRequest(.page, .latin))) ?? []
        var words = read.flatMap(\.words)
        words += unreadPrint(besides: words)
        // The line recognizer reads again the segments of each row holding a word Tesseract doubts, and
        // of every row where the seller is looked for (Tesseract reads faded print confidently wrong:
        // "SANYO" for SANYU at 0.96); the rows are then grouped again (a replaced line of noise no longer
        // reaches into the next row).
        let letterhead = reader.height * Self.sellerArea / 100
        let refined = EnglishRow.rows(from: words).flatMap { row in
            guard row.box.y < letterhead || row.text.glyphs.contains(where: { $0.confidence < Self.doubtfulWord })
            else {
                return row.parts.flatMap { $0 }
            }
            return row.parts.flatMap { part in
                let box = part.dropFirst().reduce(part[0].box) { $0.union($1.box) }
                return reader.refinedLatin(RecognizedLine(words: part, confidence: 1, box: box)).words
            }
        }
        rows = EnglishRow.rows(from: refined)
        pageConfidence = words.meanConfidence ?? 0
        let cues = LocaleCues(rows.map(\.upper))
        dayFirst = cues.dayFirst
        if let currency = cues.currency {
            // The cue is only as good as the reading it comes from: a badly read page weakens it.
            fields[.currency] = FieldEvidence(
                value: currency.code, source: reader.source, page: page, box: nil,
                readConfidence: min(currency.confidence, pageConfidence + 0.25),
                formatValid: true)
        }
        readSeller()
        readDate()
        readInvoiceNumber()
        readAmounts()
        readAccents()
    }

    /// The fields a document like this one always prints: `usual`, and the invoice number on a page
    /// that calls itself an invoice (in any language the reader knows) — missing, it goes to a person.
    func expectedFields(_ usual: [FieldName]) -> [FieldName] {
        let invoice = rows.contains { row in
            row.upper.firstMatch(of: TitleWords.invoice) != nil
        }
        return invoice && !usual.contains(.invoiceNumber) ? usual + [.invoiceNumber] : usual
    }

    /// Fields whose label is printed but whose value was not read: named for review, never silently absent.
    var unreadFields: [FieldName] {
        var result: [FieldName] = []
        let kinds = Set(rows.compactMap { Self.kind(of: Keywords.normalized($0.upper)) })
        if fields[.amountExcludingTax] == nil, kinds.contains(.subtotal) { result.append(.amountExcludingTax) }
        if fields[.taxAmount] == nil, kinds.contains(.tax) { result.append(.taxAmount) }
        if fields[.invoiceNumber] == nil,
            rows.contains(where: { row in Self.numberLabels.contains { row.upper.firstMatch(of: $0) != nil } })
        {
            result.append(.invoiceNumber)
        }
        // A page read this badly may hold any field unseen: every usual one that is missing is named.
        if pageConfidence < 0.5 {
            for name in [FieldName.invoiceNumber, .amountExcludingTax, .taxAmount, .currency]
            where fields[name] == nil && !result.contains(name) {
                result.append(name)
            }
        }
        return result
    }

    /// Evidence for `value` read from `text` (its glyphs give box and confidence).
    func evidence(_ field: FieldName, _ value: String, from text: LineText) -> FieldEvidence {
        FieldEvidence(field, value, source: reader.source, page: page, from: text)
    }
}

/// Words printed on one visual row, left to right, with the row split into segments at wide gaps
/// (columns).
struct EnglishRow {
    var text: LineText
    var upper: String
    /// The row's parts between gaps wider than three text heights.
    var segments: [LineText]
    /// The words of each segment.
    var parts: [[RecognizedWord]]

    var box: PixelBox { text.box }
    var height: Int { max(1, text.box.height) }

    init(words: [RecognizedWord]) {
        let sorted = words.sorted { $0.box.x < $1.box.x }
        let box = sorted.dropFirst().reduce(sorted[0].box) { $0.union($1.box) }
        text = LineText(RecognizedLine(words: sorted, confidence: 1, box: box))
        upper = text.text.uppercased()
        let height = max(1, sorted.map(\.box.height).sorted()[sorted.count / 2])
        var parts: [[RecognizedWord]] = [[sorted[0]]]
        for word in sorted.dropFirst() {
            if let last = parts[parts.count - 1].last, word.box.x - last.box.maxX > 3 * height {
                parts.append([word])
            } else {
                parts[parts.count - 1].append(word)
            }
        }
        self.parts = parts
        segments = parts.map { part in
            LineText(
                RecognizedLine(
                    words: part, confidence: 1, box: part.dropFirst().reduce(part[0].box) { $0.union($1.box) }))
        }
    }

    /// Groups words into rows: a word joins the row whose vertical centre is within half a text height
    /// of its own.
    static func rows(from words: [RecognizedWord]) -> [EnglishRow] {
        var groups: [(centre: Double, height: Double, words: [RecognizedWord])] = []
        for word in words.sorted(by: { $0.box.y + $0.box.height / 2 < $1.box.y + $1.box.height / 2 }) {
            let centre = Double(word.box.y) + Double(word.box.height) / 2
            if let index = groups.indices.last(where: {
                abs(groups[$0].centre - centre) < 0.5 * max(groups[$0].height, Double(word.box.height))
            }) {
                groups[index].words.append(word)
                let count = Double(groups[index].words.count)
                groups[index].centre += (centre - groups[index].centre) / count
                groups[index].height = max(groups[index].height, Double(word.box.height))
            } else {
                groups.append((centre, Double(word.box.height), [word]))
            }
        }
        return groups.map { EnglishRow(words: $0.words) }.filter { !$0.text.isEmpty }
    }
}

/// Patterns tried on every row, built once (see `AmountWords`).
private enum TitleWords {
    nonisolated(unsafe) static let invoice: Regex<Substring> =
        /\bINVOICE\b|RECHNUNG|\bFACTURE\b|\bFACTUUR\b|\bFACTURA\b|\bFATTURA\b/
}
