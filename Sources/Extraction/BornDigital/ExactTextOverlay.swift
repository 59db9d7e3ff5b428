public import InvoiceModel

extension ExtractedDocument {
    /// Fields OCR read on pages whose file also placed its own text there (a PDF whose text layer lost
    /// some labels, so the page was OCR'd): the file's characters at the field's place are exact and
    /// replace the reading.
    /// - agreement makes the value the text layer's, confirmed;
    /// - a small difference (an OCR misreading: 郸 for 郫) takes the text layer's value and records the
    ///   disagreement, which sends the field to a person;
    /// - text there that resembles the reading too little (another field, glyph codes without a Unicode
    ///   map) leaves the reading as it is.
    ///
    /// - Parameter pages: per 1-based page number, the lines of text the file placed on it, in the pixels
    ///   of the page image OCR read.
    public mutating func takeExactText(_ pages: [Int: [RecognizedLine]]) {
        guard !pages.isEmpty else { return }
        for (name, evidence) in fields where evidence.source == .ocr {
            guard let box = evidence.box, let lines = pages[evidence.page ?? 1],
                let kind = ExactText.Kind(name, reading: evidence.value)
            else { continue }
            let text = ExactText.text(of: lines, in: ExactText.region(around: box))
            guard let exact = ExactText.closest(to: evidence.value, in: text, kind: kind) else { continue }
            var updated = evidence
            updated.source = .textLayer
            updated.readConfidence = 1
            updated.meanReadConfidence = nil
            updated.caveat = nil
            if exact == evidence.value {
                updated.confirmations += 1
                updated.conflicts = 0
            } else {
                updated.value = exact
                updated.conflicts += 1
                updated.alternatives = [evidence.value] + evidence.alternatives.filter { $0 != exact }
                updated.disagreement = Disagreement.describe(updated, evidence)
            }
            fields[name] = updated
        }
    }
}

/// Finding a field's exact value in the text a file placed where OCR read the field.
enum ExactText {
    /// How a field's value is written, which says which parts of the text can be it.
    enum Kind {
        case digits, amount, date, taxID, capitals, text

        init?(_ field: FieldName, reading: String) {
            switch field {
            case .invoiceCode, .checkCode, .machineNumber: self = .digits
            case .invoiceNumber: self = reading.allSatisfy(\.isASCIIDigit) ? .digits : .text
            case .issueDate: self = .date
            case .amountExcludingTax, .taxAmount, .totalAmount: self = .amount
            case .buyerTaxID, .sellerTaxID: self = .taxID
            case .totalAmountInWords: self = .capitals
            case .currency: return nil
            default: self = .text
            }
        }
    }

    /// The box OCR gave a value, widened by its height sideways and half its height up and down: OCR's
    /// box of a value can be a character short at either end, and the next row is further away.
    static func region(around box: PixelBox) -> PixelBox {
        let height = max(box.height, 1)
        return PixelBox(
            x: box.x - height, y: box.y - height / 2, width: box.width + 2 * height, height: box.height + height)
    }

    /// The characters whose centres lie in `region` as text, lines top to bottom joined by a space; the
    /// file's words keep their spaces.
    static func text(of lines: [RecognizedLine], in region: PixelBox) -> String {
        lines.compactMap { line in
            let inside = LineText(line).within(region)
            return inside.isEmpty ? nil : inside.text
        }.joined(separator: " ")
    }

    /// The value in `text` that is `reading` or differs from it by at most a quarter of its characters
    /// (at least one), in the contract's format; the nearest when several are; `nil` when none is.
    static func closest(to reading: String, in text: String, kind: Kind) -> String? {
        let candidates: [String]
        switch kind {
        case .digits:
            candidates = runs(of: text) { $0.isASCIIDigit }
        case .taxID:
            candidates = runs(of: text) { $0.isASCII && ($0.isLetter || $0.isNumber) }.map { $0.uppercased() }
                .filter { $0.count >= 15 }
        case .amount:
            candidates = runs(of: text) { $0.isASCIIDigit || ".,-".contains($0) }.compactMap { token in
                token.wholeMatch(of: /-?[\d,]*\d\.\d{2}/) == nil ? nil : FieldText.amount(token)
            }
        case .date:
            let compact = text.filter { !$0.isWhitespace }
            candidates = [DocumentDate.parseChinese(compact)].compactMap { $0 }
        case .capitals:
            let capitals = text.filter { ValueKind.capitalNumerals.contains($0) }
            candidates = capitals.count >= 2 ? [capitals] : []
        case .text:
            return aligned(reading, in: text)
        }
        let allowed = max(1, reading.count / 4)
        let scored = candidates.map { (value: $0, distance: EditDistance.between(Array(reading), Array($0))) }
        return scored.filter { $0.distance <= allowed }.min { $0.distance < $1.distance }?.value
    }

    /// Maximal runs of characters `keep` accepts (full-width forms read as ASCII).
    static func runs(of text: String, _ keep: (Character) -> Bool) -> [String] {
        let characters: [Character] = text.map(FieldText.halfWidth)
        return characters.split(whereSeparator: { !keep($0) }).map { String($0) }
    }

    /// The part of `text` most like `reading` (spaces ignored), widened to the whole word it lies in when it
    /// covers most of it (OCR missed the word's last character), as printed text; `nil` when it differs by
    /// more than a quarter of the reading's characters.
    static func aligned(_ reading: String, in text: String) -> String? {
        let target = Array(reading.filter { !$0.isWhitespace })
        let characters = Array(text)
        let letters = characters.indices.filter { !characters[$0].isWhitespace }
        guard !target.isEmpty, !letters.isEmpty else { return nil }
        let source = letters.map { characters[$0] }
        guard let match = bestSubstring(target, in: source), match.distance <= max(1, target.count / 4) else {
            return nil
        }
        // Back to positions in `text`, then out to the ends of the word (never past a label's colon).
        var start = letters[match.range.lowerBound]
        var end = letters[match.range.upperBound - 1] + 1
        var wordStart = start
        var wordEnd = end
        func boundary(_ character: Character) -> Bool { character.isWhitespace || ":：".contains(character) }
        while wordStart > 0, !boundary(characters[wordStart - 1]) { wordStart -= 1 }
        while wordEnd < characters.count, !boundary(characters[wordEnd]) { wordEnd += 1 }
        if (end - start) * 4 >= (wordEnd - wordStart) * 3 {
            start = wordStart
            end = wordEnd
        }
        let value = FieldText.printed(String(characters[start..<end]))
        return value.isEmpty ? nil : value
    }

    /// The substring of `source` with the fewest edits to `target` (semi-global alignment: free start and
    /// end in `source`); among equals, the one whose length is nearest the target's (a misread character
    /// rather than a dropped one), then the longer.
    static func bestSubstring(_ target: [Character], in source: [Character]) -> (range: Range<Int>, distance: Int)? {
        guard !target.isEmpty, !source.isEmpty else { return nil }
        // cost[j]: edits aligning target[..<i] to a substring of source ending at j; start[j]: where it began.
        var cost = [Int](repeating: 0, count: source.count + 1)
        var start = Array(0...source.count)
        for i in 1...target.count {
            var next = [Int](repeating: i, count: source.count + 1)
            var nextStart = [Int](repeating: 0, count: source.count + 1)
            for j in 1...source.count {
                let substitute = cost[j - 1] + (target[i - 1] == source[j - 1] ? 0 : 1)
                let skipTarget = cost[j] + 1
                let skipSource = next[j - 1] + 1
                if substitute <= skipTarget, substitute <= skipSource {
                    next[j] = substitute
                    nextStart[j] = start[j - 1]
                } else if skipTarget <= skipSource {
                    next[j] = skipTarget
                    nextStart[j] = start[j]
                } else {
                    next[j] = skipSource
                    nextStart[j] = nextStart[j - 1]
                }
            }
            nextStart[0] = 0
            cost = next
            start = nextStart
        }
        var best: (range: Range<Int>, distance: Int)?
        for j in 1...source.count where start[j] < j {
            let candidate = (range: start[j]..<j, distance: cost[j])
            func rank(_ match: (range: Range<Int>, distance: Int)) -> (Int, Int, Int) {
                (match.distance, abs(match.range.count - target.count), -match.range.count)
            }
            if let current = best, rank(current) <= rank(candidate) { continue }
            best = candidate
        }
        return best
    }
}
