import InvoiceModel

/// A recognised line as a sequence of characters, each with an estimated box and its word's confidence.
///
/// Tesseract gives boxes per word; a character's box is its share of the word's width. That is close
/// enough to cut a label from its value and to know where a value is printed.
struct LineText: Sendable, Hashable {
    struct Glyph: Sendable, Hashable {
        var character: Character
        var box: PixelBox
        var confidence: Double
        /// Index of the word the character came from.
        var word: Int
    }

    /// The characters, without the spaces between words.
    var glyphs: [Glyph]
    /// The line's box.
    var box: PixelBox
    /// The boxes of the words the glyphs came from (by `Glyph.word`).
    var wordBoxes: [PixelBox] = []

    init(_ line: RecognizedLine) {
        wordBoxes = line.words.map(\.box)
        var glyphs: [Glyph] = []
        for (index, word) in line.words.enumerated() {
            let characters = Array(word.text)
            guard !characters.isEmpty else { continue }
            let width = Double(word.box.width) / Double(characters.count)
            let measured = word.characters
            for (offset, character) in characters.enumerated() {
                var left = word.box.x + Int((Double(offset) * width).rounded())
                var right = word.box.x + Int((Double(offset + 1) * width).rounded())
                if let measured {
                    left = max(word.box.x, min(word.box.maxX - 1, measured[offset].x))
                    right = offset + 1 < measured.count ? max(left + 1, measured[offset + 1].x) : word.box.maxX
                }
                glyphs.append(
                    Glyph(
                        character: character,
                        box: PixelBox(left: left, top: word.box.y, right: max(left + 1, right), bottom: word.box.maxY),
                        confidence: measured?[offset].confidence ?? word.confidence, word: index))
            }
        }
        self.glyphs = glyphs
        box = line.box
    }

    init(glyphs: [Glyph], box: PixelBox, wordBoxes: [PixelBox] = []) {
        self.glyphs = glyphs
        self.box = box
        self.wordBoxes = wordBoxes
    }

    var isEmpty: Bool { glyphs.isEmpty }

    /// The characters joined without spaces.
    var compactText: String { String(glyphs.map(\.character)) }

    /// The characters with a space where consecutive glyphs come from different words and are not both CJK.
    var text: String {
        var result = ""
        var previous: Glyph?
        for glyph in glyphs {
            if let previous, previous.word != glyph.word, !(previous.character.isCJK && glyph.character.isCJK) {
                result.append(" ")
            }
            result.append(glyph.character)
            previous = glyph
        }
        return result
    }

    /// The glyphs in `range`.
    func slice(_ range: Range<Int>) -> LineText {
        let clamped = range.clamped(to: 0..<glyphs.count)
        let part = Array(glyphs[clamped])
        let box = part.dropFirst().reduce(part.first?.box ?? self.box) { $0.union($1.box) }
        return LineText(glyphs: part, box: box, wordBoxes: wordBoxes)
    }

    /// Where the glyphs in `range` are printed: whole word boxes for words entirely inside the range (OCR
    /// measured those), the estimated glyph boxes for words only partly inside.
    func region(of range: Range<Int>) -> PixelBox? {
        let clamped = range.clamped(to: 0..<glyphs.count)
        guard !clamped.isEmpty else { return nil }
        var result: PixelBox?
        for word in Set(glyphs[clamped].map(\.word)) {
            let all = glyphs.indices.filter { glyphs[$0].word == word }
            let inside = all.filter { clamped.contains($0) }
            let box: PixelBox
            if inside.count == all.count, word < wordBoxes.count {
                box = wordBoxes[word]
            } else {
                box = inside.dropFirst().reduce(glyphs[inside[0]].box) { $0.union(glyphs[$1].box) }
            }
            result = result.map { $0.union(box) } ?? box
        }
        return result
    }

    /// Where all the glyphs are printed (see `region(of:)`).
    var region: PixelBox? { region(of: 0..<glyphs.count) }

    /// The glyphs from `index` on.
    func suffix(from index: Int) -> LineText { slice(index..<glyphs.count) }

    /// The lowest word confidence among the glyphs, or 0 for an empty text.
    var minimumConfidence: Double { glyphs.map(\.confidence).min() ?? 0 }

    /// Mean glyph confidence, or 0 for an empty text.
    var meanConfidence: Double {
        glyphs.isEmpty ? 0 : glyphs.map(\.confidence).reduce(0, +) / Double(glyphs.count)
    }

    /// The whole words whose centres lie inside `region` (a value under a column heading).
    func wordsWithin(_ region: PixelBox) -> LineText {
        let kept = glyphs.filter { glyph in
            region.containsCentre(of: wordBoxes.indices.contains(glyph.word) ? wordBoxes[glyph.word] : glyph.box)
        }
        let box = kept.dropFirst().reduce(kept.first?.box ?? self.box) { $0.union($1.box) }
        return LineText(glyphs: kept, box: box, wordBoxes: wordBoxes)
    }

    /// The glyphs whose centre lies inside `region`.
    func within(_ region: PixelBox) -> LineText {
        let kept = glyphs.filter { region.containsCentre(of: $0.box) }
        let box = kept.dropFirst().reduce(kept.first?.box ?? self.box) { $0.union($1.box) }
        return LineText(glyphs: kept, box: box, wordBoxes: wordBoxes)
    }

    /// Removes leading and trailing glyphs matching `predicate`.
    func trimmed(_ predicate: (Character) -> Bool) -> LineText {
        guard let first = glyphs.firstIndex(where: { !predicate($0.character) }),
            let last = glyphs.lastIndex(where: { !predicate($0.character) })
        else { return slice(0..<0) }
        return slice(first..<(last + 1))
    }
}

extension Character {
    /// CJK ideographs and CJK/full-width punctuation.
    var isCJK: Bool { unicodeScalars.first?.isCJK ?? false }
}

extension LineText {
    /// Runs of glyphs accepted by `accepts` that are printed close together: a run ends at a glyph it does
    /// not accept or at a horizontal gap wider than `gapRatio` × the glyphs' height (two amounts side by
    /// side are separate even when OCR put no space between them, and one amount OCR split stays whole).
    func runs(gapRatio: Double = 0.7, where accepts: (Character) -> Bool) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for index in glyphs.indices {
            let glyph = glyphs[index]
            guard accepts(glyph.character) else {
                if let begin = start { runs.append(begin..<index) }
                start = nil
                continue
            }
            if let begin = start, index > begin {
                let previous = glyphs[index - 1]
                let gap = glyph.box.x - previous.box.maxX
                if Double(gap) > gapRatio * Double(max(glyph.box.height, previous.box.height)) {
                    runs.append(begin..<index)
                    start = index
                    continue
                }
            }
            if start == nil { start = index }
        }
        if let begin = start { runs.append(begin..<glyphs.count) }
        return runs
    }
}
