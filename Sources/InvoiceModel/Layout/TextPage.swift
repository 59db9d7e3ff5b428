/// One character a file placed on a page (PDF text layer, OFD text object), in page pixels.
public struct PlacedCharacter: Sendable, Hashable {
    /// The character; whitespace separates words.
    public var character: Character
    /// Where it is printed.
    public var box: PixelBox

    /// Creates a placed character.
    public init(_ character: Character, _ box: PixelBox) {
        self.character = character
        self.box = box
    }
}

/// A page whose text came with the file: exact characters with their places, grouped into the same
/// lines and words OCR produces, so that every reader works on either.
public struct TextPage: Sendable, Hashable {
    /// Page width in pixels at `dpi`.
    public var width: Int
    /// Page height in pixels at `dpi`.
    public var height: Int
    /// The resolution the boxes are given in (300: the same as a rendered page).
    public var dpi: Int
    /// The lines, top to bottom, words left to right. Every word has confidence 1.
    public var lines: [RecognizedLine]
    /// How many characters the file placed (whitespace excluded).
    public var characterCount: Int
    /// Clockwise turn (0, 90, 180, 270) applied so that the text reads left to right: a page the file
    /// displays sideways (PDF `/Rotate`, content drawn turned) is read upright, like a turned scan.
    public var rotation: Int

    /// Groups `characters` (in the file's order) into words and lines, turning the page first when its
    /// text does not run left to right.
    public init(width: Int, height: Int, dpi: Int, characters: [PlacedCharacter]) {
        let turns = Self.quarterTurnsToUpright(characters)
        let placed =
            turns == 0
            ? characters
            : characters.map {
                PlacedCharacter($0.character, $0.box.rotated(quarterTurns: turns, pageWidth: width, pageHeight: height))
            }
        self.width = turns % 2 == 0 ? width : height
        self.height = turns % 2 == 0 ? height : width
        self.dpi = dpi
        rotation = turns * 90
        let words = Self.words(placed)
        characterCount = words.reduce(0) { $0 + $1.text.count }
        lines = Self.lines(words)
    }

    /// Clockwise quarter turns that make most of the text run left to right, judged from the step
    /// between neighbouring characters in the file's order.
    static func quarterTurnsToUpright(_ characters: [PlacedCharacter]) -> Int {
        var votes = [0, 0, 0, 0]
        var previous: PixelBox?
        for placed in characters {
            guard !placed.character.isWhitespace, !placed.box.isEmpty else {
                previous = nil
                continue
            }
            defer { previous = placed.box }
            guard let last = previous else { continue }
            let size = max(last.width, last.height, placed.box.width, placed.box.height, 1)
            let dx = (placed.box.x + placed.box.width / 2) - (last.x + last.width / 2)
            let dy = (placed.box.y + placed.box.height / 2) - (last.y + last.height / 2)
            guard max(abs(dx), abs(dy)) <= size * 2, max(abs(dx), abs(dy)) > 0 else { continue }
            if abs(dx) >= abs(dy) {
                votes[dx > 0 ? 0 : 2] += 1  // left to right, or upside down
            } else {
                votes[dy > 0 ? 3 : 1] += 1  // running down: turn back counter-clockwise; up: clockwise
            }
        }
        let total = votes.reduce(0, +)
        guard total >= 10, let best = votes.indices.max(by: { votes[$0] < votes[$1] }), best != 0,
            votes[best] * 2 > total
        else { return 0 }
        return best
    }

    /// All the page's text, line by line.
    public var text: String { lines.map(\.text).joined(separator: "\n") }

    /// Runs of characters on one baseline without a wide gap or whitespace between them.
    static func words(_ characters: [PlacedCharacter]) -> [RecognizedWord] {
        var words: [RecognizedWord] = []
        var text = ""
        var box: PixelBox?
        var last: PixelBox?
        func flush() {
            if let box, !text.isEmpty { words.append(RecognizedWord(text: text, confidence: 1, box: box)) }
            text = ""
            box = nil
            last = nil
        }
        for placed in characters {
            if placed.character.isWhitespace || placed.box.isEmpty {
                flush()
                continue
            }
            if let previous = last {
                let size = max(previous.height, placed.box.height, 1)
                let centre = placed.box.y + placed.box.height / 2
                let previousCentre = previous.y + previous.height / 2
                let gap = placed.box.x - previous.maxX
                if abs(centre - previousCentre) > size / 2 || gap > size * 8 / 10 || gap < -size / 2 {
                    flush()
                }
            }
            text.append(placed.character)
            box = box.map { $0.union(placed.box) } ?? placed.box
            last = placed.box
        }
        flush()
        return words
    }

    /// Words whose vertical extents mostly overlap form a line.
    static func lines(_ words: [RecognizedWord]) -> [RecognizedLine] {
        var rows: [(box: PixelBox, words: [RecognizedWord])] = []
        for word in words.sorted(by: {
            ($0.box.y + $0.box.height / 2, $0.box.x) < ($1.box.y + $1.box.height / 2, $1.box.x)
        }) {
            let centre = word.box.y + word.box.height / 2
            let match = rows.indices.last { index in
                let row = rows[index].box
                let overlap = min(row.maxY, word.box.maxY) - max(row.y, word.box.y)
                return centre >= row.y && centre <= row.maxY && overlap * 2 >= min(row.height, word.box.height)
            }
            if let match {
                rows[match].words.append(word)
                rows[match].box = rows[match].box.union(word.box)
            } else {
                rows.append((word.box, [word]))
            }
        }
        return rows.map { row in
            RecognizedLine(words: row.words.sorted { $0.box.x < $1.box.x }, confidence: 1, box: row.box)
        }.sorted { ($0.box.y, $0.box.x) < ($1.box.y, $1.box.x) }
    }
}
