import Foundation
import InvoiceModel

extension EnglishReader {
    /// Words that say which European language an invoice is printed in, by language. Words several of
    /// them share (IVA, TOTAL) say nothing.
    nonisolated(unsafe) static let languageWords: [(language: EuropeanLanguage, words: Regex<Substring>)] =
        [
            (.german, /RECHNUNG|MWST|\bUST\b|GESAMTBETRAG|\bBETRAG\b|\bDATUM\b/),
            (.french, /FACTURE|\bTVA\b|\bTTC\b|MONTANT|HORS TAXE/),
            (.spanish, /FACTURA|IMPORTE|\bFECHA\b|\bNIF\b|\bCIF\b/),
            (.italian, /FATTURA|IMPONIBILE|IMPORTO|\bP\.?\s?IVA\b/),
            (.dutch, /FACTUUR|\bBTW\b|TOTAAL|BEDRAG|FACTUURDATUM/),
            (.portuguese, /\bFATURA\b|\bNIPC\b|\bCONTRIBUINTE\b/),
        ]

    /// The European language most of the page's language words belong to, or `nil` (English, or none).
    static func europeanLanguage(of rows: [String]) -> EuropeanLanguage? {
        let counts = languageWords.map { entry in
            (entry.language, rows.reduce(0) { $0 + $1.matches(of: entry.words).count })
        }
        // Two words at least: one may be a misread or a foreign word on an English page.
        guard let best = counts.max(by: { $0.1 < $1.1 }), best.1 >= 2 else { return nil }
        return best.0
    }

    /// Whether any word of a language whose names carry accents is printed (IVA included, which several
    /// share): too little to choose a model, enough to doubt a name the English one read.
    static func mentionsAccentedLanguage(_ rows: [String]) -> Bool {
        rows.contains { row in
            row.firstMatch(of: AccentWords.iva) != nil || languageWords.contains { row.firstMatch(of: $0.words) != nil }
        }
    }

    /// Names on a German, French, Spanish, Italian, Dutch or Portuguese invoice, which the English model
    /// reads without accents ("Muller" for Müller): read again with the language's model where it is
    /// installed, and its accents taken when the two readings agree on every letter otherwise. Where that
    /// cannot be done (one word of such a language only, no model, another reading), the name goes to a
    /// person.
    mutating func readAccents() {
        let upper = rows.map(\.upper)
        guard reader.source == .ocr, Self.mentionsAccentedLanguage(upper) else { return }
        let language = Self.europeanLanguage(of: upper)
        for name in [FieldName.sellerName, .sellerAddress] {
            guard let field = fields[name] else { continue }
            if let language, reader.readsAccents(of: language), let box = field.box,
                let accented = accentedReading(of: field.value, in: box, language: language)
            {
                fields[name]?.value = accented
                continue
            }
            fields[name]?.caveat =
                "read by the English OCR model, which does not read accented letters (ä, é, ñ)"
        }
    }

    /// `value` with the accents the `language` model reads in `box`, or `nil` when that reading differs
    /// from `value` in more than accents and letter case.
    private func accentedReading(of value: String, in box: PixelBox, language: EuropeanLanguage) -> String? {
        let margin = max(2, box.height / 8)
        let region = PixelBox(
            left: max(0, box.x - margin), top: max(0, box.y - margin), right: min(reader.width, box.maxX + margin),
            bottom: min(reader.height, box.maxY + margin))
        // An address over several rows is read as a block.
        let heights = rows.map(\.height).sorted()
        let layout: TextLayout = !heights.isEmpty && box.height > 2 * heights[heights.count / 2] ? .block : .line
        guard let lines = try? reader.read(region, ReadRequest(layout, .accented(language), lineModel: false)) else {
            return nil
        }
        return Self.transferAccents(from: lines.map(\.text).joined(separator: " "), to: value)
    }

    /// `value` with each letter replaced by the accented form `reading` has at the same place, when the
    /// two hold the same letters and digits once accents and case are set aside; `nil` otherwise.
    static func transferAccents(from reading: String, to value: String) -> String? {
        func plain(_ character: Character) -> String {
            String(character).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        }
        let read = reading.filter { $0.isLetter || $0.isNumber }
        guard read.count == value.filter({ $0.isLetter || $0.isNumber }).count else { return nil }
        var next = read.startIndex
        var result = ""
        for character in value {
            guard character.isLetter || character.isNumber else {
                result.append(character)
                continue
            }
            let other = read[next]
            next = read.index(after: next)
            // The English model reads ß as a B ("BahnhofstraBe").
            if other == "ß", character == "B" {
                result.append(other)
                continue
            }
            guard plain(other) == plain(character) else { return nil }
            guard other != character, plain(other) != String(other).lowercased() else {
                result.append(character)
                continue
            }
            // The accented letter in the case the value was read in.
            result += character.isUppercase ? other.uppercased() : other.lowercased()
        }
        return result
    }
}

/// Patterns tried on every row, built once (see `AmountWords`).
private enum AccentWords {
    nonisolated(unsafe) static let iva: Regex<Substring> = /\bIVA\b/
}
