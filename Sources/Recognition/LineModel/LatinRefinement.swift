public import InvoiceModel

/// Combines a Tesseract line of Latin print with the line recognizer's reading of the same pixels.
///
/// On thermal receipts the fast `eng` model misreads faded and dotted print ("SANYO" for SANYU, "D.T.Y."
/// for D.I.Y.) where the line recognizer reads it right, but the recognizer drops spaces and now and
/// then misreads a letter Tesseract has (m as n). So the two readings are aligned character by
/// character (letter case ignored): Tesseract keeps its words, spacing and the case of the letters both
/// read. Where the two differ, the reading with the higher confidence wins, except between lookalikes
/// (O/0, I/l/1, a full stop and a colon or a comma), which the neighbouring characters settle. A letter,
/// digit or stop only the recognizer saw is added when it is sure of it; a mark only Tesseract saw, in a word
/// it doubts, is dropped as speckle, unless it is a stop or comma ending the word after a letter or digit
/// (the recognizer drops those). A line Tesseract read as noise is replaced by a confident reading.
///
/// Confidence follows the agreement, as for Chinese lines: `1 − (1 − t)(1 − p)` where both read the
/// same character; the winner's confidence × `LineRefinement.disagreement` where they differ.
public enum LatinRefinement {
    /// A character only the recognizer read is added when its probability is at least this.
    static let sureInsertion = 0.9
    /// A mark only Tesseract read is dropped when its word's confidence is below `doubtfulMark` and the
    /// recognizer's mean probability over the line is at least `sureLine`.
    static let doubtfulMark = 0.8
    static let sureLine = 0.8

    /// `line` with `reading` folded in (see the type's description); `line` unchanged when the two read
    /// different things (more than half of the characters differ).
    /// `box` is where `reading` was read (its glyph positions are shares of its width).
    public static func refine(_ line: RecognizedLine, with reading: LineReading, in box: PixelBox) -> RecognizedLine {
        var tesseract: [(character: Character, word: Int, confidence: Double)] = []
        // Words mostly outside the band read (parts of the next line grouped into this one) stay as they
        // are; small marks (commas below the line) are always in it.
        for (index, word) in line.words.enumerated()
        where 2 * word.box.height < box.height
            || 2 * (min(word.box.maxY, box.maxY) - max(word.box.y, box.y)) >= box.height
        {
            for character in word.text where !character.isWhitespace {
                tesseract.append((character, index, word.confidence))
            }
        }
        let model = reading.glyphs
        guard !tesseract.isEmpty, !model.isEmpty else { return line }
        let steps = LineRefinement.align(tesseract.map { key($0.character) }, model.map { key($0.character) })
        let distance = steps.filter { if case .same = $0 { false } else { true } }.count
        guard Double(distance) <= LineRefinement.maximumDistanceShare * Double(max(tesseract.count, model.count))
        else {
            // Tesseract read noise where the recognizer reads print with confidence (faded thermal
            // print read as "suc baad foie"): the recognizer's reading replaces the line.
            let printed = model.filter(\.character.isLetterOrDigit)
            guard LineRefinement.readsNoise(line.words, against: printed), printed.count * 2 >= model.count
            else { return line }
            let aligned = Set(tesseract.map(\.word))
            var replacement = replaced(line, by: reading, in: box)
            replacement.words += line.words.indices.filter { !aligned.contains($0) }.map { line.words[$0] }
            replacement.words.sort { $0.box.x < $1.box.x }
            return replacement
        }

        var characters = Array(repeating: [(Character, Double)](), count: line.words.count)
        var pending: [(Character, Double)] = []
        var lastWord: Int?
        func place(_ glyph: (Character, Double), in word: Int) {
            characters[word] += pending
            pending = []
            characters[word].append(glyph)
            lastWord = word
        }
        let factor = LineRefinement.disagreement
        let meanProbability = model.map(\.probability).reduce(0, +) / Double(model.count)
        // When the first word was left out as outside the band (a skewed line), what the recognizer read
        // before Tesseract's first character is that word, not more of the next one.
        let skippedLeft = tesseract[0].word > 0
        var skip = false
        for (index, step) in steps.enumerated() {
            if skip {
                skip = false
                continue
            }
            // One glyph Tesseract split in two ("rn" for m, "ti" for h), which the recognizer reads whole
            // and surely, is the recognizer's: "Lurnpur" and "Lumpur" make Lumpur, not "Lurmpur".
            if index + 1 < steps.count, let glyph = splitGlyph(steps[index], steps[index + 1], tesseract, model) {
                place((glyph.0, glyph.1), in: glyph.word)
                skip = true
                continue
            }
            switch step {
            case .same(let t, let p):
                let both = 1 - (1 - tesseract[t].confidence) * (1 - model[p].probability)
                place((tesseract[t].character, both), in: tesseract[t].word)
            case .substituted(let t, let p):
                let ours = tesseract[t]
                let theirs = model[p]
                let neighbours = run(around: t, in: tesseract)
                if let third = lookalike(fitting: neighbours, between: ours.character, and: theirs.character) {
                    place((third, max(ours.confidence, theirs.probability) * factor), in: ours.word)
                } else if theirs.probability > ours.confidence, theirs.character.isPrint || !ours.character.isPrint,
                    !readsUnknown(theirs.character),
                    !lookalike(ours.character, theirs.character)
                        || !stands(ours.character, against: theirs.character, among: run(around: t, in: tesseract))
                {
                    place((theirs.character, theirs.probability * factor), in: ours.word)
                } else {
                    place((ours.character, ours.confidence * factor), in: ours.word)
                }
            case .onlyModel(let p):
                // Letters, digits and the stops Tesseract often misses at the end of a line.
                guard model[p].character.isLetterOrDigit || ".,".contains(model[p].character),
                    model[p].probability >= sureInsertion
                else { continue }
                if lastWord == nil, skippedLeft { continue }
                let glyph = (model[p].character, model[p].probability * factor)
                if let lastWord { characters[lastWord].append(glyph) } else { pending.append(glyph) }
            case .onlyTesseract(let t):
                // A mark Tesseract doubts and the recognizer, sure of the line, does not see is speckle;
                // except a stop ending a word after a letter or digit, which the recognizer drops.
                let endsWord = t + 1 == tesseract.count || tesseract[t + 1].word != tesseract[t].word
                let stop =
                    ".,".contains(tesseract[t].character) && endsWord && t > 0
                    && tesseract[t - 1].word == tesseract[t].word && tesseract[t - 1].character.isLetterOrDigit
                if !tesseract[t].character.isPrint, !stop, tesseract[t].confidence < doubtfulMark,
                    meanProbability >= sureLine
                {
                    continue
                }
                if meanProbability >= sureLine, misreadDigit(at: t, in: tesseract) { continue }
                place((tesseract[t].character, tesseract[t].confidence), in: tesseract[t].word)
            }
        }
        if let lastWord, !pending.isEmpty { characters[lastWord] += pending }
        let aligned = Set(tesseract.map(\.word))
        let words = line.words.indices.compactMap { index in
            aligned.contains(index)
                ? LineRefinement.rebuilt(line.words[index], from: characters[index]) : line.words[index]
        }
        guard !words.isEmpty else { return line }
        return RecognizedLine(words: words, confidence: line.confidence, box: line.box, block: line.block)
    }

    /// Whether Tesseract's character `index`, which the recognizer did not read, is a digit in a word it
    /// doubts that is a stray digit or a currency sign (see the two below).
    static func misreadDigit(at index: Int, in characters: [(character: Character, word: Int, confidence: Double)])
        -> Bool
    {
        guard characters[index].character.isNumber, characters[index].confidence < doubtfulMark else { return false }
        return strayDigit(at: index, in: characters) || readsSignAsDigit(at: index, in: characters)
    }

    /// Whether Tesseract's doubted digit `index`, which the recognizer did not read, differs from the
    /// characters on both sides ("20718" for 2018, where the recognizer reads "2018"). The recognizer, sure of the line, does not drop such a digit; it can merge two equal ones
    /// (its decoding collapses repeats), so a digit repeating a neighbour is kept.
    static func strayDigit(at index: Int, in characters: [(character: Character, word: Int, confidence: Double)])
        -> Bool
    {
        let this = characters[index]
        let before = index > 0 && characters[index - 1].word == this.word ? characters[index - 1].character : nil
        let after =
            index + 1 < characters.count && characters[index + 1].word == this.word
            ? characters[index + 1].character : nil
        // Inside a number: digits on both sides.
        guard let before, let after, before.isNumber, after.isNumber else { return false }
        return before != this.character && after != this.character
    }

    /// Whether Tesseract's doubted digit `index`, which the recognizer did not read, is a currency sign it
    /// read as a digit: `eng` has no ₹ and reads "₹22,053.50" as "222,053.50" (doubting the word), where the
    /// recognizer sees a sign it cannot name and reads "22,053.50". So: a digit at the start of a doubted
    /// word that is an amount with decimals (or repeating the digit that starts it, the alignment may
    /// place the extra one anywhere in the run).
    static func readsSignAsDigit(
        at index: Int, in characters: [(character: Character, word: Int, confidence: Double)]
    ) -> Bool {
        let this = characters[index]
        let word = characters.filter { $0.word == this.word }.map(\.character)
        guard let start = characters.firstIndex(where: { $0.word == this.word }),
            characters[start...index].allSatisfy({ $0.character == this.character }),
            word.count >= 5, word.dropFirst().first?.isNumber == true
        else { return false }
        return String(word).wholeMatch(of: /\d{1,3}(,\d{3})*\.\d{2}|\d+\.\d{2}/) != nil
    }

    /// Whether the recognizer's `character` says it saw a sign it has no class for: it reads a question
    /// mark for one (the ° of "Factura n°:"), which is seldom printed on an invoice, so Tesseract's reading
    /// of the sign stands.
    static func readsUnknown(_ character: Character) -> Bool {
        LineRefinement.folded(character) == "?"
    }

    /// Pairs of letters Tesseract reads for one letter ("rn" for m), by the letter.
    static let splitGlyphs: [String: Character] = [
        "rn": "m", "nn": "m", "in": "m", "ri": "n", "li": "h", "ti": "h", "cl": "d", "vv": "w", "VV": "W",
    ]

    /// The recognizer's letter, its confidence and the word of Tesseract's two letters, when two
    /// alignment steps are Tesseract's two letters of one word (one matched to nothing) standing for the one
    /// letter the recognizer read more surely than Tesseract its word (see `splitGlyphs`).
    static func splitGlyph(
        _ first: LineRefinement.Step, _ second: LineRefinement.Step,
        _ tesseract: [(character: Character, word: Int, confidence: Double)], _ model: [LineReading.Glyph]
    ) -> (Character, Double, word: Int)? {
        let pair: (t: Int, p: Int)
        switch (first, second) {
        case (.onlyTesseract(let t), .substituted(let next, let p)) where next == t + 1: pair = (t, p)
        case (.substituted(let t, let p), .onlyTesseract(let next)) where next == t + 1: pair = (t, p)
        default: return nil
        }
        let letters = String([tesseract[pair.t].character, tesseract[pair.t + 1].character])
        let glyph = model[pair.p]
        guard tesseract[pair.t].word == tesseract[pair.t + 1].word,
            let whole = splitGlyphs[letters], glyph.character == whole,
            glyph.probability >= sureInsertion, glyph.probability > tesseract[pair.t].confidence
        else { return nil }
        return (glyph.character, glyph.probability * LineRefinement.disagreement, tesseract[pair.t].word)
    }

    /// `line` read as `reading`: words where the recognizer read a space or left a gap of nearly two
    /// characters, each confidence the probability × `disagreement` (nothing confirms it).
    static func replaced(_ line: RecognizedLine, by reading: LineReading, in box: PixelBox) -> RecognizedLine {
        let glyphs = reading.glyphs
        let pitches = zip(glyphs, glyphs.dropFirst()).map { $1.position - $0.position }.sorted()
        let pitch = pitches.isEmpty ? 1 : pitches[pitches.count / 2]
        var groups: [[LineReading.Glyph]] = []
        for glyph in glyphs {
            if let last = groups.last?.last, !glyph.spaceBefore, glyph.position - last.position <= wordGap * pitch {
                groups[groups.count - 1].append(glyph)
            } else {
                groups.append([glyph])
            }
        }
        let words = groups.enumerated().map { index, group in
            let left = box.x + Int((group[0].position * Double(box.width)).rounded())
            let end = index + 1 < groups.count ? groups[index + 1][0].position : 1
            let right = box.x + Int((end * Double(box.width)).rounded())
            return RecognizedWord(
                text: String(group.map(\.character)),
                confidence: (group.map(\.probability).min() ?? 0) * LineRefinement.disagreement,
                box: PixelBox(left: left, top: box.y, right: max(left + 1, right), bottom: box.maxY))
        }
        return RecognizedLine(words: words, confidence: line.confidence, box: line.box, block: line.block)
    }

    /// Glyph starts further apart than this many of the line's usual character pitches are in different
    /// words.
    static let wordGap = 1.8

    /// Characters the recognizer confuses with another of their group (it reads O as 0 in "SINGAPORE"):
    /// between them, Tesseract's stands when it fits among its neighbours and the recognizer's does not.
    /// Between a comma and a full stop, too: the recognizer, trained mostly on Chinese print, reads the
    /// comma ending a part of an address ("Delima 12,") as a full stop, where Tesseract tells them apart.
    static let lookalikes: [Set<Character>] = [["O", "0", "o"], ["I", "l", "1", "|"], [".", ":"], [".", ","]]

    /// Whether Tesseract's `ours` stands against the recognizer's lookalike `theirs`: a mark always does
    /// (the recognizer reads the decimal point of "10.81" as a colon); a letter or digit does when it
    /// fits among its neighbours and `theirs` does not.
    static func stands(_ ours: Character, against theirs: Character, among neighbours: String) -> Bool {
        guard ours.isPrint else { return true }
        return fits(ours, among: neighbours) && !fits(theirs, among: neighbours)
    }

    static func lookalike(_ a: Character, _ b: Character) -> Bool {
        lookalikes.contains { $0.contains(a) && $0.contains(b) }
    }

    /// A capital I when the two readings are its lookalikes (l, 1, |) and only capitals stand around it:
    /// "Sl" and "S1" read for the "SI" of "SI-493123". (Other groups are left to `stands`: a neighbour
    /// misread itself, "Oe" for "02", would pick a wrong third.)
    static func lookalike(fitting neighbours: String, between ours: Character, and theirs: Character) -> Character? {
        let group: Set<Character> = ["l", "1", "|"]
        guard ours != theirs, group.contains(ours), group.contains(theirs), !neighbours.isEmpty,
            neighbours.allSatisfy({ $0.isLetter && $0.isUppercase })
        else { return nil }
        return "I"
    }

    /// The letters and digits next to character `index` in the same word, up to the first mark on either
    /// side ("S" for the I of "SI-493123").
    static func run(around index: Int, in characters: [(character: Character, word: Int, confidence: Double)])
        -> String
    {
        var result = ""
        var left = index - 1
        while left >= 0, characters[left].word == characters[index].word, characters[left].character.isPrint {
            result.append(characters[left].character)
            left -= 1
        }
        var right = index + 1
        while right < characters.count, characters[right].word == characters[index].word,
            characters[right].character.isPrint
        {
            result.append(characters[right].character)
            right += 1
        }
        return result
    }

    /// Whether `character` is of the kind most of `word`'s letters and digits are (a digit among digits,
    /// a letter among letters, an upper-case letter among upper-case ones).
    static func fits(_ character: Character, among word: String) -> Bool {
        let digits = word.filter(\.isNumber).count
        let letters = word.filter(\.isLetter)
        if character.isNumber { return digits > letters.count }
        guard character.isLetter, letters.count >= digits else { return false }
        let upper = letters.filter(\.isUppercase).count
        return character.isUppercase ? upper * 2 >= letters.count : upper * 2 < letters.count
    }

    /// The alignment key: full-width forms folded, letter case ignored.
    static func key(_ character: Character) -> Character {
        let upper = LineRefinement.folded(character).uppercased()
        return upper.count == 1 ? Character(upper) : character
    }
}
