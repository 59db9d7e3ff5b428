public import InvoiceModel

/// Combines a Tesseract line with the line recognizer's reading of the same pixels.
///
/// Tesseract gives the words, their boxes and the spacing the extraction rules rely on; the line
/// recognizer reads Chinese characters far better (the fast chi_sim model misreads rare name
/// characters: 鑫 as 章, 蕾 as 草). The two readings are aligned character by character (edit distance);
/// where they differ inside a word Tesseract doubts (`doubtfulWord`), the recognizer's character wins
/// when it is an ideograph, or when it is a letter or digit and Tesseract read a symbol there. Everything
/// else stays as Tesseract read it.
///
/// Confidence follows the agreement: a character both engines read alike gets
/// `1 − (1 − t)(1 − p)`; a character taken from the recognizer gets `p × disagreement`; a word's
/// confidence is its lowest character's.
public enum LineRefinement {
    /// Factor on the recognizer's probability where the two engines disagree.
    static let disagreement = 0.75
    /// Readings further apart than this share of the longer one are of different things (a crop that
    /// missed the line): the Tesseract line is kept as it is.
    static let maximumDistanceShare = 0.5
    /// A character only Tesseract read is dropped when it is an ideograph and the recognizer's mean
    /// probability over the line is at least this.
    static let confidentReading = 0.8

    /// Words further apart than this many line heights are read as separate pieces (columns of a table,
    /// a label and a distant value).
    static let pieceGap = 1.5

    /// A word is re-read only when Tesseract's confidence in it is below this: what Tesseract reads above
    /// it is nearly always right, and the model's time grows with the width it reads.
    static let doubtfulWord = 0.9

    /// When the windows around doubtful words cover more than this share of their piece, the whole piece
    /// is read at once.
    static let wholePieceShare = 0.6

    /// `line` with its doubtful words re-read by `read` (given a box to read) and folded in.
    ///
    /// The line is cut into pieces at wide gaps; in each piece holding an ideograph, every doubtful word
    /// is read together with its neighbours on both sides (one window per run), or the whole piece when
    /// the windows would cover most of it. Windows `read` returns `nil` for stay as they are.
    public static func refine(_ line: RecognizedLine, reading read: (PixelBox) -> LineReading?) -> RecognizedLine {
        guard line.words.contains(where: { $0.text.contains(where: \.isIdeograph) }) else { return line }
        var words: [RecognizedWord] = []
        for piece in pieces(of: line) {
            var next = 0
            for window in windows(in: piece) {
                words += piece[next..<window.lowerBound]
                next = window.upperBound
                let part = Array(piece[window])
                let box = part.dropFirst().reduce(part[0].box) { $0.union($1.box) }
                // Room on both sides, as around a detected text box, but never reaching into a neighbour.
                let room = max(2, box.height / 3)
                let left = window.lowerBound > 0 ? min(room, (box.x - piece[window.lowerBound - 1].box.maxX) / 2) : room
                let right =
                    window.upperBound < piece.count ? min(room, (piece[window.upperBound].box.x - box.maxX) / 2) : room
                let readBox = PixelBox(
                    left: box.x - max(0, left), top: box.y, right: box.maxX + max(0, right), bottom: box.maxY)
                guard part.contains(where: { $0.text.contains(where: \.isIdeograph) }), let reading = read(readBox)
                else {
                    words += part
                    continue
                }
                let partLine = RecognizedLine(words: part, confidence: line.confidence, box: box, block: line.block)
                words +=
                    refine(
                        partLine, with: reading, keepingLeading: window.lowerBound == 0,
                        keepingTrailing: window.upperBound == piece.count
                    ).words
            }
            words += piece[next...]
        }
        return RecognizedLine(words: words, confidence: line.confidence, box: line.box, block: line.block)
    }

    /// The line's words cut at gaps wider than `pieceGap` line heights.
    static func pieces(of line: RecognizedLine) -> [[RecognizedWord]] {
        let gap = Int(Double(line.box.height) * pieceGap)
        var pieces: [[RecognizedWord]] = []
        for word in line.words {
            if let last = pieces.last?.last, word.box.x - last.box.maxX <= gap {
                pieces[pieces.count - 1].append(word)
            } else {
                pieces.append([word])
            }
        }
        return pieces
    }

    /// The ranges of `piece` to re-read: each run of doubtful words with one neighbour on each side,
    /// overlapping runs merged; the whole piece when they cover more than `wholePieceShare` of its width.
    static func windows(in piece: [RecognizedWord]) -> [Range<Int>] {
        var windows: [Range<Int>] = []
        for index in piece.indices where piece[index].isDoubtfulChinese {
            let window = max(0, index - 1)..<min(piece.count, index + 2)
            if let last = windows.last, last.upperBound >= window.lowerBound {
                windows[windows.count - 1] = last.lowerBound..<window.upperBound
            } else {
                windows.append(window)
            }
        }
        guard let first = piece.first, let last = piece.last, !windows.isEmpty else { return windows }
        let covered = windows.map { piece[$0.upperBound - 1].box.maxX - piece[$0.lowerBound].box.x }.reduce(0, +)
        let width = max(1, last.box.maxX - first.box.x)
        return Double(covered) > wholePieceShare * Double(width) ? [0..<piece.count] : windows
    }

    /// `line` with `reading` folded in (see the type's description). Characters only the model read
    /// before the first (after the last) Tesseract character are kept only when `keepingLeading`
    /// (`keepingTrailing`): inside a line they belong to the neighbouring words the crop's margin caught.
    public static func refine(
        _ line: RecognizedLine, with reading: LineReading, keepingLeading: Bool = true, keepingTrailing: Bool = true
    ) -> RecognizedLine {
        var tesseract: [(character: Character, word: Int, confidence: Double)] = []
        for (index, word) in line.words.enumerated() {
            for character in word.text { tesseract.append((character, index, word.confidence)) }
        }
        let model = reading.glyphs
        guard !tesseract.isEmpty, !model.isEmpty else { return line }
        let steps = align(tesseract.map { folded($0.character) }, model.map { folded($0.character) })
        // Marks on one side only (quotes and colons read in speckle or gaps) do not count against the
        // two readings being of the same print.
        let distance = steps.filter { step in
            switch step {
            case .same: false
            case .onlyTesseract(let t): tesseract[t].character.isPrint
            case .onlyModel(let p): model[p].character.isPrint
            case .substituted: true
            }
        }.count
        let meanProbability = model.map(\.probability).reduce(0, +) / Double(model.count)
        guard Double(distance) <= maximumDistanceShare * Double(max(tesseract.count, model.count)) else {
            // Tesseract read noise where the model reads print with confidence (a speckled footer read
            // as "YA 人条"): the model's reading, when it covers the whole piece.
            // Dots and other small marks the model reads in speckle are left out.
            let printed = model.filter {
                $0.character.isLetterOrDigit || ($0.character.unicodeScalars.first?.isCJK ?? false)
            }
            guard keepingLeading, keepingTrailing, readsNoise(line.words, against: printed),
                printed.contains(where: { $0.character.isIdeograph })
            else { return line }
            return replaced(line, by: printed)
        }

        var characters = Array(repeating: [(Character, Double)](), count: line.words.count)
        var lastWord: Int?
        var pendingInsertions: [(Character, Double)] = []
        func place(_ glyph: (Character, Double), in word: Int) {
            characters[word] += pendingInsertions
            pendingInsertions = []
            characters[word].append(glyph)
            lastWord = word
        }
        let tesseractSteps = steps.indices.filter { if case .onlyModel = steps[$0] { false } else { true } }
        let firstTesseract = tesseractSteps.first ?? 0
        let lastTesseract = tesseractSteps.last ?? steps.count
        for (position, step) in steps.enumerated() {
            switch step {
            case .same(let t, let p):
                let both = 1 - (1 - tesseract[t].confidence) * (1 - model[p].probability)
                place((tesseract[t].character, both), in: tesseract[t].word)
            case .substituted(let t, let p):
                let theirs = model[p].character
                let ours = tesseract[t].character
                if tesseract[t].confidence < doubtfulWord,
                    theirs.isIdeograph || (theirs.isLetterOrDigit && !ours.isLetterOrDigit && !ours.isIdeograph)
                {
                    place((theirs, model[p].probability * disagreement), in: tesseract[t].word)
                } else {
                    place((ours, tesseract[t].confidence), in: tesseract[t].word)
                }
            case .onlyModel(let p):
                // Beside a doubtful word (the one before, or the one after at the start).
                let neighbour =
                    lastWord
                    ?? tesseractSteps.first.flatMap { steps[$0].tesseractIndex }.map {
                        tesseract[$0].word
                    }
                guard model[p].character.isIdeograph, keepingLeading || position > firstTesseract,
                    keepingTrailing || position < lastTesseract,
                    let neighbour, line.words[neighbour].confidence < doubtfulWord
                else { continue }
                let glyph = (model[p].character, model[p].probability * disagreement)
                if let lastWord { characters[lastWord].append(glyph) } else { pendingInsertions.append(glyph) }
            case .onlyTesseract(let t):
                if tesseract[t].character.isIdeograph, tesseract[t].confidence < doubtfulWord,
                    meanProbability >= confidentReading
                {
                    continue
                }
                place((tesseract[t].character, tesseract[t].confidence), in: tesseract[t].word)
            }
        }
        let words = line.words.indices.compactMap { rebuilt(line.words[$0], from: characters[$0]) }
        guard !words.isEmpty else { return line }
        return RecognizedLine(words: words, confidence: line.confidence, box: line.box, block: line.block)
    }

    /// A piece whose words Tesseract read with a mean confidence below this is noise, and the model's
    /// reading replaces it when the model's mean probability is at least `confidentReplacement`.
    static let noise = 0.6
    static let confidentReplacement = 0.85

    /// Whether Tesseract read `words` as noise where the recognizer read `printed` (its letters, digits
    /// or ideographs) with confidence.
    static func readsNoise(_ words: [RecognizedWord], against printed: [LineReading.Glyph]) -> Bool {
        guard let tesseractMean = words.meanConfidence, !printed.isEmpty else { return false }
        let printedMean = printed.map(\.probability).reduce(0, +) / Double(printed.count)
        return tesseractMean < noise && printedMean >= confidentReplacement
    }

    /// `word` spelled by `glyphs` (characters with their confidences), its confidence the lowest
    /// glyph's; `nil` when no glyph is left of it.
    static func rebuilt(_ word: RecognizedWord, from glyphs: [(Character, Double)]) -> RecognizedWord? {
        guard let lowest = glyphs.map(\.1).min() else { return nil }
        return RecognizedWord(text: String(glyphs.map(\.0)), confidence: lowest, box: word.box)
    }

    /// `line` read as `glyphs`: one word per glyph, the line's width shared out evenly, each glyph's
    /// confidence its probability × `disagreement` (nothing confirms it).
    static func replaced(_ line: RecognizedLine, by glyphs: [LineReading.Glyph]) -> RecognizedLine {
        let width = Double(line.box.width) / Double(glyphs.count)
        let words = glyphs.enumerated().map { index, glyph in
            let left = line.box.x + Int((Double(index) * width).rounded())
            let right = line.box.x + Int((Double(index + 1) * width).rounded())
            return RecognizedWord(
                text: String(glyph.character), confidence: glyph.probability * disagreement,
                box: PixelBox(left: left, top: line.box.y, right: max(left + 1, right), bottom: line.box.maxY))
        }
        return RecognizedLine(words: words, confidence: line.confidence, box: line.box, block: line.block)
    }
}
