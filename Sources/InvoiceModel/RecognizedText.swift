/// A word as the OCR engine read it.
public struct RecognizedWord: Hashable, Sendable {
    /// The text, UTF-8 as the engine returned it (no surrounding whitespace).
    public var text: String
    /// The engine's confidence in [0, 1] (Tesseract's 0–100 scaled down).
    public var confidence: Double
    /// Where the word is on its page.
    public var box: PixelBox
    /// Each character's own probability and left edge (page x), when the engine gives them (the line
    /// recognizer does; Tesseract gives one confidence a word). `nil` otherwise.
    public var characters: [(confidence: Double, x: Int)]?

    /// Creates a word.
    public init(text: String, confidence: Double, box: PixelBox, characters: [(confidence: Double, x: Int)]? = nil) {
        self.text = text
        self.confidence = min(1, max(0, confidence))
        self.box = box
        self.characters = characters.flatMap { $0.count == text.count ? $0 : nil }
    }

    public static func == (a: RecognizedWord, b: RecognizedWord) -> Bool {
        a.text == b.text && a.confidence == b.confidence && a.box == b.box
            && a.characters?.map(\.confidence) == b.characters?.map(\.confidence)
            && a.characters?.map(\.x) == b.characters?.map(\.x)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(confidence)
        hasher.combine(box)
    }
}

/// A text line as the OCR engine read it, with its words in reading order.
public struct RecognizedLine: Hashable, Sendable {
    /// The line's words, left to right.
    public var words: [RecognizedWord]
    /// The line's confidence in [0, 1].
    public var confidence: Double
    /// Where the line is on its page.
    public var box: PixelBox

    /// Creates a line.
    public init(words: [RecognizedWord], confidence: Double, box: PixelBox, block: Int = 0) {
        self.words = words
        self.confidence = min(1, max(0, confidence))
        self.box = box
        self.block = block
    }

    /// Index of the text block (column, paragraph group) the engine put the line in, in reading order.
    public var block: Int

    /// The words joined with single spaces, except between two CJK characters, which are joined directly.
    public var text: String {
        var result = ""
        for word in words {
            if let last = result.unicodeScalars.last, let first = word.text.unicodeScalars.first,
                !(last.isCJK && first.isCJK)
            {
                result.append(" ")
            }
            result += word.text
        }
        return result
    }
}

extension Collection<RecognizedWord> {
    /// The words' mean confidence, or `nil` when there are none.
    public var meanConfidence: Double? {
        isEmpty ? nil : map(\.confidence).reduce(0, +) / Double(count)
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is a CJK ideograph or CJK punctuation/full-width form, which are written without spaces.
    public var isCJK: Bool {
        switch value {
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }
}

extension [RecognizedLine] {
    /// The lines' words whose centres lie in `region` (all when `nil`), each cut to the characters of
    /// `whitelist` (dropped when none remain), as lines with their boxes and mean confidences — what a
    /// reader over an already-read page answers for a region read.
    public func reading(_ region: PixelBox?, whitelist: String?) -> [RecognizedLine] {
        compactMap { line in
            let words = line.words.compactMap { word -> RecognizedWord? in
                if let region, !region.containsCentre(of: word.box) { return nil }
                guard let whitelist else { return word }
                let kept = word.text.filter { whitelist.contains($0) }
                return kept.isEmpty ? nil : RecognizedWord(text: kept, confidence: word.confidence, box: word.box)
            }
            guard let first = words.first else { return nil }
            let box = words.dropFirst().reduce(first.box) { $0.union($1.box) }
            return RecognizedLine(words: words, confidence: words.meanConfidence ?? 0, box: box)
        }
    }
}
