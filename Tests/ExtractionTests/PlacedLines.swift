import InvoiceModel

/// A text page holding `lines`, each given as (text, x, y): characters 40 px apart and 36 px tall, a
/// space after each line (as a PDF's text layer gives them).
func placedLinesReader(_ lines: [(String, Int, Int)]) -> TextPageReader {
    let characters = lines.flatMap { text, x, y in
        text.enumerated().map { index, character in
            PlacedCharacter(character, PixelBox(x: x + index * 40, y: y, width: 36, height: 36))
        } + [PlacedCharacter(" ", PixelBox(x: 0, y: 0, width: 0, height: 0))]
    }
    return TextPageReader(TextPage(width: 2480, height: 1654, dpi: 300, characters: characters))
}
