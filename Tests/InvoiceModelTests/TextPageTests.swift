import InvoiceModel
import Testing

/// Characters a file placed become the same words and lines OCR produces, read upright.
@Suite struct TextPageTests {
    /// `text` placed one character every 40 px from (x, y), running in direction (dx, dy).
    private func run(_ text: String, x: Int, y: Int, dx: Int, dy: Int) -> [PlacedCharacter] {
        text.enumerated().map { index, character in
            PlacedCharacter(character, PixelBox(x: x + index * dx, y: y + index * dy, width: 36, height: 36))
        }
    }

    @Test func givenCharactersLeftToRight_whenGrouped_thenWordsSplitAtWideGapsAndLinesByHeight() {
        let characters =
            run("发票号码", x: 100, y: 100, dx: 40, dy: 0) + run("12345678", x: 400, y: 102, dx: 40, dy: 0)
            + run("名称", x: 100, y: 300, dx: 40, dy: 0)
        let page = TextPage(width: 2480, height: 1654, dpi: 300, characters: characters)
        #expect(page.rotation == 0)
        #expect(page.lines.map(\.text) == ["发票号码 12345678", "名称"])
        #expect(page.lines.first?.words.count == 2)
        #expect(page.characterCount == 14)
    }

    @Test func givenTextRunningDownThePage_whenGrouped_thenThePageIsTurnedAndReadLeftToRight() {
        // A landscape invoice shown sideways on a portrait page: its lines run from top to bottom,
        // and the second line is to the left of the first.
        let characters =
            run("发票号码12345678", x: 1500, y: 100, dx: 0, dy: 40) + run("名称测试公司", x: 1300, y: 100, dx: 0, dy: 40)
        let page = TextPage(width: 1654, height: 2480, dpi: 300, characters: characters)
        #expect(page.rotation == 270)
        #expect(page.width == 2480 && page.height == 1654)
        #expect(page.lines.map(\.text) == ["发票号码12345678", "名称测试公司"])
        #expect(page.lines.allSatisfy { $0.box.maxX <= page.width && $0.box.maxY <= page.height })
    }

    @Test func givenReaderOverTextPage_whenRegionReadWithWhitelist_thenOnlyThoseCharactersInside() throws {
        let characters = run("发票号码", x: 100, y: 100, dx: 40, dy: 0) + run("12345678", x: 400, y: 100, dx: 40, dy: 0)
        let reader = TextPageReader(TextPage(width: 2480, height: 1654, dpi: 300, characters: characters))
        let lines = try reader.read(
            PixelBox(x: 380, y: 80, width: 400, height: 80), ReadRequest(.line, .latin, whitelist: ReadRequest.digits))
        #expect(lines.map(\.text) == ["12345678"])
        #expect(reader.source == .textLayer)
    }
}
