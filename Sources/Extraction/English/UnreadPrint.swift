import InvoiceModel

/// Print the whole-page read passed over.
///
/// Tesseract's layout analysis now and then takes a block of print for one tall line or a picture (a
/// letterhead under a handwritten note) and returns nothing for it, or stops a line short. Marks of
/// the size of the page's characters that no read word covers, standing in a row, are such print: each
/// row is read again on its own, as one line.
enum UnreadPrint {
    /// Rows of fewer characters are not print (a handwritten figure, the edge of a stamp). A mark
    /// wider than the text is tall counts as the characters that fit in it (faint print runs together).
    static let minimumCharacters = 4
    /// At most this many rows are read again on a page, from the top.
    static let maximumRows = 16
    /// A row's reading is kept when its words' mean confidence is at least this (handwriting and
    /// smudges read as low-confidence noise).
    static let minimumConfidence = 0.5

    /// The rows of unread print on a page whose words are `textHeight` pixels tall: marks 0.4 (a small
    /// letter) to 1.5 times that tall, whose centres lie outside every `read` box (grown by a quarter of
    /// the height), grouped into rows (centres within half a height of each other, gaps under two
    /// heights), with a margin around each row. Top to bottom.
    static func rows(marks: [PixelBox], read: [PixelBox], textHeight: Int) -> [PixelBox] {
        guard textHeight > 0 else { return [] }
        let grow = max(1, textHeight / 4)
        let covered = read.map {
            PixelBox(left: $0.x - grow, top: $0.y - grow, right: $0.maxX + grow, bottom: $0.maxY + grow)
        }
        let candidates = marks.filter { mark in
            5 * mark.height >= 2 * textHeight && 2 * mark.height <= 3 * textHeight
                && !covered.contains { $0.containsCentre(of: mark) }
        }
        func characters(in mark: PixelBox) -> Int { max(1, mark.width / textHeight) }
        var rows: [(box: PixelBox, count: Int)] = []
        for mark in candidates.sorted(by: { $0.x < $1.x }) {
            let centre = mark.y + mark.height / 2
            if let index = rows.firstIndex(where: { row in
                abs(row.box.y + row.box.height / 2 - centre) * 2 <= textHeight
                    && mark.x - row.box.maxX <= 2 * textHeight
            }) {
                rows[index] = (rows[index].box.union(mark), rows[index].count + characters(in: mark))
            } else {
                rows.append((mark, characters(in: mark)))
            }
        }
        let margin = max(2, textHeight / 3)
        return rows.filter { $0.count >= minimumCharacters && $0.box.width >= 2 * textHeight }
            .map(\.box)
            .sorted { $0.y < $1.y }
            .prefix(maximumRows)
            .map {
                PixelBox(left: $0.x - margin, top: $0.y - margin, right: $0.maxX + margin, bottom: $0.maxY + margin)
            }
    }
}

extension EnglishReader {
    /// Words of the print the page read passed over (see `UnreadPrint`), read row by row; none when the
    /// reader has no pixels.
    func unreadPrint(besides words: [RecognizedWord]) -> [RecognizedWord] {
        let heights = words.filter { word in
            word.confidence >= UnreadPrint.minimumConfidence
                && word.text.filter { $0.isLetter || $0.isNumber }.count >= 2
        }.map(\.box.height).sorted()
        guard !heights.isEmpty else { return [] }
        let textHeight = heights[heights.count / 2]
        let marks = reader.marks(in: reader.bounds, minimumHeight: max(2, textHeight * 2 / 5))
        var found: [RecognizedWord] = []
        for row in UnreadPrint.rows(marks: marks, read: words.map(\.box), textHeight: textHeight) {
            let read = ((try? reader.read(row, ReadRequest(.line, .latin))) ?? []).flatMap(\.words).filter { word in
                word.text.contains { $0.isLetter || $0.isNumber }
                    && !words.contains { word.box.overlapShare(with: $0.box) > 0.5 }
            }
            guard let mean = read.meanConfidence, mean >= UnreadPrint.minimumConfidence else { continue }
            found += read
        }
        return found
    }
}

extension PixelBox {
    /// The share of this box's area that `other` covers.
    fileprivate func overlapShare(with other: PixelBox) -> Double {
        guard let common = intersection(other), area > 0 else { return 0 }
        return Double(common.area) / Double(area)
    }
}
