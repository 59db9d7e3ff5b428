import Foundation
import InvoiceModel

extension EnglishReader {
    /// Date shapes: numeric with / - . separators, ISO, and with month names (English, and the French,
    /// German, Dutch, Spanish and Italian names `DocumentDate` reads: `3 Mars 2014`, `3. März 2014`,
    /// `3 de marzo de 2014`).
    nonisolated(unsafe) static let datePatterns: [Regex<Substring>] = {
        var patterns: [Regex<Substring>] = [
            /\b\d{4}[-\/.]\d{1,2}[-\/.]\d{1,2}\b/,
            /\b\d{1,2}[-\/.]\d{1,2}[-\/.]\d{2,4}\b/,
            /\b\d{1,2}(?:ST|ND|RD|TH)?[ \/-]+(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)[A-Z]*\.?[ ,\/-]+\d{2,4}\b/,
            /\b(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)[A-Z]*\.? +\d{1,2}(?:ST|ND|RD|TH)?,? +\d{4}\b/,
        ]
        // English names too: German prints "16. November 2021", "5. August 2023" with the day's dot.
        let english = [
            "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
            "NOVEMBER",
            "DECEMBER",
        ]
        let names = Set(DocumentDate.foreignMonths.keys.map { $0.uppercased() } + english).sorted {
            ($0.count, $0) > ($1.count, $1)
        }
        let months = names.joined(separator: "|")
        // Built from constant names: it always compiles; were it not to, only foreign month names are lost.
        if let foreign = try? Regex(
            "\\b\\d{1,2}(?:ER|\\.)? *(?:DE +)?(?:\(months))\\.?,? *(?:DE +)?\\d{4}\\b", as: Substring.self)
        {
            patterns.append(foreign)
        }
        return patterns
    }()

    /// Words of a row that say its date is the invoice's (in the languages the reader knows).
    nonisolated(unsafe) static let dateWords: Regex<Substring> = /DATE|DATUM|FECHA|\bDATA\b/
    /// Words that say it is the invoice's own date, not another one.
    nonisolated(unsafe) static let issueDateWords: Regex<Substring> =
        /INVOICE DATE|TAX POINT|RECHNUNGSDATUM|FACTUURDATUM|DATE DE FACTUR|FECHA DE FACTURA|FECHA FACTURA|DATA FATTURA|DATA DOCUMENTO/
    /// Words of a date that is not the issue date: due, expiry, validity, delivery, order.
    nonisolated(unsafe) static let otherDateWords: Regex<Substring> =
        /DUE|EXPIR|VALID|FÄLLIG|FAELLIG|ÉCHÉANCE|ECHEANCE|VERVAL|VENCIMIENTO|SCADENZA|DELIVERY|\bSHIP|ORDER DATE|LIEFER|\bLEVER|LIVRAISON|ENTREGA|CONSEGNA|BESTELL|COMMANDE|PEDIDO|ORDINE/

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
            row.upper.contains(Self.dateWords) || row.upper.firstMatch(of: DateShapes.timeOrColon) != nil
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
                    // The words that say which date it is: its row's, and the column heading over it when
                    // its row has no date label of its own.
                    var context = line.upper
                    if !line.upper.contains(Self.dateWords),
                        let heading = headingAbove(line.text.slice(glyphRange(of: match.range, in: line)), row: index)
                    {
                        context += " " + heading
                    }
                    var score = 0
                    if context.contains(Self.dateWords) { score += 2 }
                    if context.contains(Self.issueDateWords) { score += 2 }
                    if context.contains(Self.otherDateWords) { score -= 5 }
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

    /// The column heading over `value` (part of row `index`), upper case, when the row above is a row of
    /// headings (no digits) within two text heights: the words starting over the value.
    private func headingAbove(_ value: LineText, row index: Int) -> String? {
        guard index > 0, index < rows.count else { return nil }
        let above = rows[index - 1]
        let height = rows[index].height
        guard value.box.y > above.box.maxY, value.box.y - above.box.maxY < 2 * height,
            !above.upper.contains(where: \.isNumber)
        else { return nil }
        let area = PixelBox(
            left: value.box.x - height, top: above.box.y, right: value.box.maxX, bottom: above.box.maxY)
        let words = above.text.wordsWithin(area)
        return words.isEmpty ? nil : words.text.uppercased()
    }

    /// A numeric date OCR glued to its label ("Dater11/03/18") or read with letters for digits
    /// ("D2/O2/17"), on a row labelled DATE or holding a time; the first such row wins.
    private func lookAlikeDate(in rows: [(offset: Int, element: EnglishRow)]) -> FieldEvidence? {
        for (_, line) in rows
        where line.upper.contains("DATE") || line.upper.firstMatch(of: DateShapes.time) != nil {
            for match in line.upper.matches(of: DateShapes.misreadDate) {
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
    /// Spanish and Italian (Rechnungsnummer, N° de facture, Factuurnummer, Nº factura, Número de factura,
    /// N. fattura; OCR reads the º of Nº as 2 or 0, or as a raised "oO ." of its own).
    nonisolated(unsafe) static let numberLabels: [Regex<Substring>] =
        [
            /(?:INVOICE|INV)\.?\s*(?:NO|NUMBER|NUM|#)\.?\s*[:#]?\s*/,
            /RECHNUNGS?\s*-?\s*(?:NUMMER|NR|NO)\.?\s*[:#]?\s*/,
            /\b(?:N[°ºO02]?(?:\s*[O0]{1,2}\s*\.?)?|N[UÚ]M[ÉE]RO)\.?\s*(?:DE\s+)?(?:LA\s+)?(?:FACTURE|FACTURA|FATTURA)\s*[:#]?\s*/,
            /(?:FACTURE|FACTURA|FATTURA)\s*(?:N[°ºO]|NUM[ÉE]RO|NR|N\.)\.?\s*[:#]?\s*/,
            /FACTUUR\s*-?\s*(?:NUMMER|NR|NO)\.?\s*[:#]?\s*/,
            /(?:INVOICE|RECHNUNG|FACTURE|FACTUUR|FACTURA|FATTURA)\s*(?:ID|#)\s*[:#]?\s*/,
            /(?:RECEIPT|RCPT|BILL|CHECK|CHEQUE)\s*(?:NO|NUMBER|#)\.?\s*[:#]?\s*/,
            /(?:DOC(?:UMENT)?|TRANS(?:ACTION)?|REF(?:ERENCE)?|ORDER)\s*(?:NO|NUMBER|#)\.?\s*[:#]?\s*/,
            /INVOICE\s*[:#]\s*/,
        ]

    /// The invoice or receipt number: the token after its label on the same line.
    mutating func readInvoiceNumber() {
        for label in Self.numberLabels {
            for line in rows {
                guard let match = line.upper.firstMatch(of: label) else { continue }
                let rest = line.upper[match.range.upperBound...]
                guard let token = rest.firstMatch(of: Self.numberToken), token.output.contains(where: \.isNumber)
                else { continue }
                let glyphs = glyphRange(of: token.range, in: line)
                let printed = line.text.slice(glyphs)
                fields[.invoiceNumber] = evidence(.invoiceNumber, printed.compactText, from: printed)
                return
            }
        }
        // A row of column headings (Rechnungsnummer | Datum | Kundennummer) prints the number under its
        // heading.
        for label in Self.numberLabels {
            for (index, line) in rows.enumerated() {
                guard let match = line.upper.firstMatch(of: label),
                    let below = valueUnder(line.text.slice(glyphRange(of: match.range, in: line)), row: index)
                else { continue }
                let upper = below.text.uppercased()
                guard let token = upper.firstMatch(of: Self.numberToken), token.output.contains(where: \.isNumber)
                else { continue }
                let start = upper[..<token.range.lowerBound].filter { $0 != " " }.count
                let printed = below.slice(start..<(start + token.output.filter { $0 != " " }.count))
                fields[.invoiceNumber] = evidence(.invoiceNumber, printed.compactText, from: printed)
                return
            }
        }
    }

    /// An invoice number's shape: letters, digits and / - . inside ("0008 - 392878": OCR spaces out the
    /// hyphen of a number).
    nonisolated(unsafe) static let numberToken: Regex<Substring> =
        /[A-Z0-9][A-Z0-9\/\-.]*(?: ?- ?[A-Z0-9][A-Z0-9\/.]*)*[A-Z0-9]|[A-Z0-9]/

    /// The words printed under `heading` (part of row `index`) on the next row, within two text heights
    /// of it: those starting between a text height before the heading and the next heading on its row.
    func valueUnder(_ heading: LineText, row index: Int) -> LineText? {
        guard index + 1 < rows.count else { return nil }
        let row = rows[index]
        let next = rows[index + 1]
        let height = row.height
        guard next.box.y > heading.box.maxY, next.box.y - heading.box.maxY < 2 * height else { return nil }
        let following = row.text.wordBoxes.filter { $0.x > heading.box.maxX + height / 2 }.map(\.x).min()
        let right = following ?? heading.box.maxX + 6 * height
        let area = PixelBox(
            left: heading.box.x - height, top: next.box.y, right: right, bottom: next.box.maxY)
        let words = next.text.wordsWithin(area)
        return words.isEmpty ? nil : words
    }

    /// The glyphs of `line` that a range of its upper-case text covers (spaces are not glyphs).
    func glyphRange(of range: Range<String.Index>, in line: EnglishRow) -> Range<Int> {
        let start = line.upper[..<range.lowerBound].filter { $0 != " " }.count
        let length = line.upper[range].filter { $0 != " " }.count
        return start..<(start + length)
    }
}

/// Patterns tried on every row, built once (see `AmountWords`).
private enum DateShapes {
    nonisolated(unsafe) static let timeOrColon: Regex<Substring> = /\d{1,2} ?[:;] ?\d{2}/
    nonisolated(unsafe) static let time: Regex<Substring> = /\d{1,2} ?: ?\d{2}/
    nonisolated(unsafe) static let misreadDate: Regex<Substring> =
        /[0-9ODQIL|SBZ]{1,2}[-\/.][0-9ODQIL|SBZ]{1,2}[-\/.][0-9ODQIL|SBZ]{2,4}/
}
