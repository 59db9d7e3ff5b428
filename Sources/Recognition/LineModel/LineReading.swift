/// What the line recognizer read in one line's crop: characters with their probabilities.
public struct LineReading: Sendable, Hashable {
    /// One character and the probability the model gave it, in [0, 1].
    public struct Glyph: Sendable, Hashable {
        public var character: Character
        public var probability: Double
        /// Where the glyph starts, as a share of the read box's width (0 at its left edge).
        public var position: Double
        /// Whether the model read a space between this glyph and the one before.
        public var spaceBefore: Bool

        /// Creates a glyph.
        public init(_ character: Character, _ probability: Double, position: Double = 0, spaceBefore: Bool = false) {
            self.character = character
            self.probability = min(1, max(0, probability))
            self.position = position
            self.spaceBefore = spaceBefore
        }
    }

    /// The characters left to right, spaces excluded.
    public var glyphs: [Glyph]

    /// Creates a reading.
    public init(glyphs: [Glyph]) { self.glyphs = glyphs }

    /// The characters as a string.
    public var text: String { String(glyphs.map(\.character)) }

    /// Greedy CTC decoding of per-step class probabilities (`steps` × `classes`, row-major): the most
    /// likely class per step, repeats merged, blanks dropped. Class 0 is the blank; class `i` is
    /// `characters[i - 1]`; a class past the list is a space (not a glyph: it marks the next glyph's
    /// `spaceBefore`). A character's probability is the highest of the steps it spans; its position is
    /// its first step's share of all steps.
    public static func decoding(
        _ probabilities: UnsafeBufferPointer<Float>, steps: Int, classes: Int, characters: [Character]
    ) -> LineReading {
        guard steps > 0, classes > 0, probabilities.count >= steps * classes else { return LineReading(glyphs: []) }
        var glyphs: [Glyph] = []
        var previous = 0
        var space = false
        for step in 0..<steps {
            let row = step * classes
            var best = 0
            var bestValue = probabilities[row]
            for index in 1..<classes where probabilities[row + index] > bestValue {
                best = index
                bestValue = probabilities[row + index]
            }
            defer { previous = best }
            // The blank, a space or a class the list does not name: no glyph.
            guard best != 0, best - 1 < characters.count, characters[best - 1] != " " else {
                if best != 0, !glyphs.isEmpty { space = true }
                continue
            }
            if best == previous {
                if let last = glyphs.indices.last, Double(bestValue) > glyphs[last].probability {
                    glyphs[last].probability = Double(bestValue)
                }
                continue
            }
            glyphs.append(
                Glyph(
                    characters[best - 1], Double(bestValue), position: Double(step) / Double(steps), spaceBefore: space)
            )
            space = false
        }
        return LineReading(glyphs: glyphs)
    }
}
