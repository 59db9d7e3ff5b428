/// `PageReader` over a `TextPage`: reading a region returns the file's own words in it (no OCR).
///
/// A whitelist keeps only its characters, as an OCR engine restricted to them would. There are no
/// ruled lines: layouts found by their grid do not apply, and label-driven readers do.
public struct TextPageReader: PageReader {
    /// The page.
    public let page: TextPage

    /// Creates a reader over `page`.
    public init(_ page: TextPage) {
        self.page = page
    }

    public var width: Int { page.width }
    public var height: Int { page.height }
    public var dpi: Int { page.dpi }
    public var rules: RuledLines { RuledLines(horizontal: [], vertical: []) }
    public var source: FieldSource { .textLayer }

    public func read(_ region: PixelBox?, _ request: ReadRequest) throws -> [RecognizedLine] {
        page.lines.compactMap { line in
            let words = line.words.compactMap { word -> RecognizedWord? in
                if let region, !region.containsCentre(of: word.box) { return nil }
                guard let whitelist = request.whitelist else { return word }
                let kept = word.text.filter { whitelist.contains($0) }
                return kept.isEmpty ? nil : RecognizedWord(text: kept, confidence: 1, box: word.box)
            }
            guard let first = words.first else { return nil }
            let box = words.dropFirst().reduce(first.box) { $0.union($1.box) }
            return RecognizedLine(words: words, confidence: 1, box: box)
        }
    }

    public func markCount(in region: PixelBox, minimumHeight: Int) -> Int {
        page.lines.reduce(0) { count, line in
            count
                + line.words.filter { word in
                    word.box.height >= minimumHeight && word.box.intersection(region) != nil
                }.reduce(0) { $0 + $1.text.count }
        }
    }
}
