import InvoiceModel

extension LineText {
    /// The non-empty lines `reader` reads in `region` (the whole page when `nil`) with `request`, or none
    /// when the engine fails; a Chinese read without its gap fillers.
    static func read(_ reader: any PageReader, _ region: PixelBox?, _ request: ReadRequest) -> [LineText] {
        ((try? reader.read(region, request)) ?? []).map { line in
            request.script == .chinese ? LineText(line).withoutGapFillers() : LineText(line)
        }.filter { !$0.isEmpty }
    }

    /// The glyph the Chinese model writes into a wide gap after a character or a colon: measured on the
    /// fast chi_sim model, "信" followed by more space than usual reads as the word "信和" and "：" as
    /// ":和", always with a word confidence below 0.85, while a printed 和 reads as a word of its own
    /// with 0.93 or more.
    static let gapFiller: Character = "和"

    /// The line without gap fillers: a 和 inside a word of several glyphs read with confidence below
    /// 0.85. The word keeps its (low) confidence, so a value that loses a printed 和 this way is still
    /// sent to a person.
    func withoutGapFillers() -> LineText {
        let words = Dictionary(grouping: glyphs.indices, by: { glyphs[$0].word })
        let dropped = Set(
            words.values.filter { $0.count > 1 }.flatMap { indices in
                indices.filter { glyphs[$0].character == Self.gapFiller && glyphs[$0].confidence < 0.85 }
            })
        guard !dropped.isEmpty else { return self }
        return LineText(
            glyphs: glyphs.indices.filter { !dropped.contains($0) }.map { glyphs[$0] }, box: box, wordBoxes: wordBoxes)
    }
}
