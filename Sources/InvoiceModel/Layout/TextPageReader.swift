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
        page.lines.reading(region, whitelist: request.whitelist)
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
