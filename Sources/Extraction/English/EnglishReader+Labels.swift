import Foundation
import InvoiceModel

extension EnglishReader {
    /// Date shapes: numeric with / - . separators, ISO, and with month names (English, and the French,
    /// German, Dutch, Spanish and Italian names `DocumentDate` reads: `3 Mars 2014`, `3. März 2014`,
    /// `3 de marzo de 2014`).
    static var datePatterns: [Regex<Substring>] {
        var patterns: [Regex<Substring>] = [
            /\b\d{4}[-\/.]\d{1,2}[-\/.]\d{1,2}\b/,
            /\b\d{1,2}[-\/.]\d{1,2}[-\/.]\d{2,4}\b/,
            /\b\d{1,2}(?:ST|ND|RD|TH)?[ \/-]+(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)[A-Z]*\.?[ ,\/-]+\d{2,4}\b/,
            /\b(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)[A-Z]*\.? +\d{1,2}(?:ST|ND|RD|TH)?,? +\d{4}\b/,
        ]
        let names = DocumentDate.foreignMonths.keys.map { $0.uppercased() }.sorted { $0.count > $1.count }
        let months = names.joined(separator: "|")
        // Built from constant names: it always compiles; were it not to, only foreign month names are lost.
        if let foreign = try? Regex(
            "\\b\\d{1,2}(?:ER|\\.)? *(?:DE +)?(?:\(months))\\.?,? *(?:DE +)?\\d{4}\\b", as: Substring.self)
        {
            patterns.append(foreign)
        }
        return patterns
    }

    /// Words of a row that say its date is the invoice's (in the languages the reader knows).
    static var dateWords: Regex<Substring> { /DATE|DATUM|FECHA|\bDATA\b/ }
    /// Words that say it is the invoice's own date, not another one.
    static var issueDateWords: Regex<Substring> {
        /INVOICE DATE|TAX POINT|RECHNUNGSDATUM|FACTUURDATUM|DATE DE FACTUR|FECHA DE FACTURA|FECHA FACTURA|DATA FATTURA|DATA DOCUMENTO/
    }
    /// Words of a date that is not the issue date: due, expiry, validity.
    static var otherDateWords: Regex<Substring> {
        /DUE|EXPIR|VALID|FÄLLIG|FAELLIG|ÉCHÉANCE|ECHEANCE|VERVAL|VENCIMIENTO|SCADENZA/
    }

    /// The issue date: on a line labelled as the invoice date if there is one (never the due date), else
    /// the first date printed. Ambiguous numeric dates are read by the locale cue; without one the value
    /// is recorded as disputed so that it is flagged.
    mutating func readDate() {
        if let found = bestDate(in: Array(rows.enumerated())) {
            fields[.issueDate] = found
            return
        }
        // No date read: rows that look like they hold one (a DATE label, a time of day) are read again on
        // their own; faint dot-matrix dates are often lost in the page read.
        let likely = rows.enumerated().filter { _, row in
            row.upper.contains(Self.dateWords) || row.upper.firstMatch(of: /\d{1,2} ?[:;] ?\d{2}/) != nil
        }.prefix(4)
        var reread: [(Int, EnglishRow)] = []
        for (index, row) in likely {
            let margin = row.height / 2
            let area = PixelBox(
                left: 0, top: row.box.y - margin, right: reader.width, bottom: row.box.maxY + margin)
            let words = ((try? reader.read(area, ReadRequest(.block, .latin))) ?? []).flatMap(\.words)
            reread += EnglishRow.rows(from: words).map { (index, $0) }
        }
        if let found = bestDate(in: reread) ?? lookAlikeDate(in: Array(rows.enumerated()) + reread) {
            fields[.issueDate] = found
        }
    }

    /// The issue date among `rows` (with their indices on the page).
    private func bestDate(in rows: [(offset: Int, element: EnglishRow)]) -> FieldEvidence? {
        var candidates: [(score: Int, index: Int, range: Range<String.Index>, line: EnglishRow)] = []
        let patterns = Self.datePatterns
        for (index, line) in rows {
            for pattern in patterns {
                for match in line.upper.matches(of: pattern) {
                    var score = 0
                    if line.upper.contains(Self.dateWords) { score += 2 }
                    if line.upper.contains(Self.issueDateWords) { score += 2 }
                    if line.upper.contains(Self.otherDateWords) { score -= 5 }
                    candidates.append((score, index, match.range, line))
                }
            }
        }
        let ordered = candidates.sorted { ($0.score, -$0.index) > ($1.score, -$1.index) }
        for candidate in ordered {
            guard let reading = parsedDate(String(candidate.line.upper[candidate.range])) else { continue }
            var found = dateEvidence(reading, at: candidate.range, in: candidate.line)
            // Receipts often print the date twice: another date one digit away is the same date misread
            // in one of the two places, and the page does not say which.
            for other in ordered where other.score >= 0 {
                guard let otherReading = parsedDate(String(other.line.upper[other.range])),
                    otherReading.value != reading.value,
                    EditDistance.between(Array(reading.value), Array(otherReading.value)) == 1
                else { continue }
                found.conflicts = max(found.conflicts, 1)
                if !found.alternatives.contains(otherReading.value) { found.alternatives.append(otherReading.value) }
            }
            return found
        }
        return nil
    }

    /// A numeric date OCR glued to its label ("Dater11/03/18") or read with letters for digits
    /// ("D2/O2/17"), on a row labelled DATE or holding a time; the first such row wins.
    private func lookAlikeDate(in rows: [(offset: Int, element: EnglishRow)]) -> FieldEvidence? {
        for (_, line) in rows
        where line.upper.contains("DATE") || line.upper.firstMatch(of: /\d{1,2} ?: ?\d{2}/) != nil {
            for match in line.upper.matches(of: /[0-9ODQIL|SBZ]{1,2}[-\/.][0-9ODQIL|SBZ]{1,2}[-\/.][0-9ODQIL|SBZ]{2,4}/)
            {
                let read = String(line.upper[match.range])
                // The row is upper case: an l read for a 1 is an L here.
                let digits = String(
                    read.map {
                        FieldText.digitLookalikes[$0] ?? FieldText.digitLookalikes[Character($0.lowercased())] ?? $0
                    })
                guard read.filter(\.isASCIIDigit).count >= 4,
                    match.range.upperBound == line.upper.endIndex
                        || !line.upper[match.range.upperBound].isASCIIDigit,
                    let reading = parsedDate(digits)
                else { continue }
                var found = dateEvidence(reading, at: match.range, in: line)
                found.repaired = digits != read
                return found
            }
        }
        return nil
    }

    /// `text` as a date; an ambiguous day and month is read by the locale cue (day first without one).
    private func parsedDate(_ text: String) -> DateReading? {
        DocumentDate.parseNumericOrNamed(text, preferDayFirst: dayFirst ?? true)
    }

    /// Evidence for the date `reading` printed at `range` of `line`. An ambiguous day and month keeps the
    /// other reading as an alternative and, without a locale cue, counts as a conflict.
    private func dateEvidence(_ reading: DateReading, at range: Range<String.Index>, in line: EnglishRow)
        -> FieldEvidence
    {
        var found = evidence(.issueDate, reading.value, from: line.text.slice(glyphRange(of: range, in: line)))
        if reading.isAmbiguous {
            found.alternatives = reading.alternatives
            if dayFirst == nil { found.conflicts = 1 }
        }
        return found
    }

    /// Invoice or receipt number labels, most specific first; English, then German, French, Dutch,
    /// Spanish and Italian (Rechnungsnummer, N° de facture, Factuurnummer, Nº factura, Fattura n.).
    static var numberLabels: [Regex<Substring>] {
        [
            /(?:INVOICE|INV)\.?\s*(?:NO|NUMBER|NUM|#)\.?\s*[:#]?\s*/,
            /RECHNUNGS?\s*-?\s*(?:NUMMER|NR|NO)\.?\s*[:#]?\s*/,
            /(?:N[°ºO]|NUM[ÉE]RO)\.?\s*(?:DE\s+)?(?:LA\s+)?(?:FACTURE|FACTURA|FATTURA)\s*[:#]?\s*/,
            /(?:FACTURE|FACTURA|FATTURA)\s*(?:N[°ºO]|NUM[ÉE]RO|NR|N\.)\.?\s*[:#]?\s*/,
            /FACTUUR\s*-?\s*(?:NUMMER|NR|NO)\.?\s*[:#]?\s*/,
            /(?:INVOICE|RECHNUNG|FACTURE|FACTUUR|FACTURA|FATTURA)\s*(?:ID|#)\s*[:#]?\s*/,
            /(?:RECEIPT|RCPT|BILL|CHECK|CHEQUE)\s*(?:NO|NUMBER|#)\.?\s*[:#]?\s*/,
            /(?:DOC(?:UMENT)?|TRANS(?:ACTION)?|REF(?:ERENCE)?|ORDER)\s*(?:NO|NUMBER|#)\.?\s*[:#]?\s*/,
            /INVOICE\s*[:#]\s*/,
        ]
    }

    /// The invoice or receipt number: the token after its label on the same line.
    mutating func readInvoiceNumber() {
        for label in Self.numberLabels {
            for line in rows {
                guard let match = line.upper.firstMatch(of: label) else { continue }
                let rest = line.upper[match.range.upperBound...]
                // "0008 - 392878": OCR spaces out the hyphen of a number.
                guard
                    let token = rest.firstMatch(
                        of: /[A-Z0-9][A-Z0-9\/\-.]*(?: ?- ?[A-Z0-9][A-Z0-9\/.]*)*[A-Z0-9]|[A-Z0-9]/),
                    token.output.contains(where: \.isNumber)
                else { continue }
                let glyphs = glyphRange(of: token.range, in: line)
                let printed = line.text.slice(glyphs)
                fields[.invoiceNumber] = evidence(.invoiceNumber, printed.compactText, from: printed)
                return
            }
        }
    }

    /// The glyphs of `line` that a range of its upper-case text covers (spaces are not glyphs).
    func glyphRange(of range: Range<String.Index>, in line: EnglishRow) -> Range<Int> {
        let start = line.upper[..<range.lowerBound].filter { $0 != " " }.count
        let length = line.upper[range].filter { $0 != " " }.count
        return start..<(start + length)
    }
}
