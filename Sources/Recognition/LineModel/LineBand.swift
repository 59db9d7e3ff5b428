import Foundation
import InvoiceModel

/// Where a row Tesseract read is cut out for the line recognizer: a band along the row's own slope,
/// fitted through the centres of its words of usual height (a word Tesseract stretched over two lines,
/// or one from the next line, is left out), as high as that print with a quarter of its height of room
/// above and below and a third at the ends, as around a text box the detector finds.
struct LineBand {
    /// The band, turned along the row.
    let box: TextBox
    /// The level rectangle the band spans across the row (for mapping the reading back to the words).
    let level: PixelBox

    /// The steepest slope trusted from a row's words (about 6°): a steeper fit comes from misplaced words.
    static let steepest = 0.1

    /// The band of `line` on a page `pageWidth` pixels wide, or `nil` when the line holds no words.
    init?(_ line: RecognizedLine, pageWidth: Int) {
        guard !line.words.isEmpty else { return nil }
        let heights = line.words.map(\.box.height).sorted()
        let median = heights[heights.count / 2]
        let usual = line.words.filter { $0.box.height * 2 <= median * 3 }
        let centres = usual.map {
            (x: Double($0.box.x) + Double($0.box.width) / 2, y: Double($0.box.y) + Double($0.box.height) / 2)
        }
        let meanX = centres.map(\.x).reduce(0, +) / Double(centres.count)
        let meanY = centres.map(\.y).reduce(0, +) / Double(centres.count)
        let spread = centres.map { ($0.x - meanX) * ($0.x - meanX) }.reduce(0, +)
        let covariance = centres.map { ($0.x - meanX) * ($0.y - meanY) }.reduce(0, +)
        let fitted = spread > 0 ? covariance / spread : 0
        let slope = abs(fitted) <= Self.steepest ? fitted : 0
        let textHeight = Double(usual.map(\.box.height).sorted()[usual.count / 2])
        let room = max(2, textHeight / 3)
        let left = max(0, Double(line.box.x) - room)
        let right = min(Double(pageWidth), Double(line.box.maxX) + room)
        let centreX = (left + right) / 2
        let angle = atan(slope)
        // The row's length along its slope, and its print with a quarter of its height above and below.
        box = TextBox(
            centreX: centreX, centreY: meanY + slope * (centreX - meanX), length: (right - left) / cos(angle),
            thickness: max(4, textHeight * 1.5), angle: angle, score: 1, room: room)
        let half = box.thickness / 2 + abs(slope) * (right - left) / 2
        level = PixelBox(
            left: Int(left), top: max(0, Int((box.centreY - half).rounded(.down))), right: Int(right.rounded(.up)),
            bottom: Int((box.centreY + half).rounded(.up)))
    }
}
