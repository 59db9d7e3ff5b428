public import Foundation
public import InvoiceModel

/// A text region found on a page: a rectangle that may be turned a little, in page pixels.
public struct TextBox: Sendable, Hashable {
    /// Centre of the rectangle.
    public var centreX: Double
    /// Centre of the rectangle.
    public var centreY: Double
    /// Side along the text.
    public var length: Double
    /// Side across the text (the line's height with room above and below).
    public var thickness: Double
    /// Angle of the text's direction in radians, clockwise from the x axis (y grows downwards).
    public var angle: Double
    /// The detector's mean probability over the region.
    public var score: Double
    /// Room added around the detected text on every side (DB's unclip distance).
    public var room: Double

    /// Creates a box.
    public init(centreX: Double, centreY: Double, length: Double, thickness: Double, angle: Double, score: Double,
        room: Double = 0
    ) {
        self.centreX = centreX
        self.centreY = centreY
        self.length = length
        self.thickness = thickness
        self.angle = angle
        self.score = score
        self.room = room
    }

    /// Unit vector along the text.
    var along: (x: Double, y: Double) { (cos(angle), sin(angle)) }
    /// Unit vector across the text, pointing down the page.
    var across: (x: Double, y: Double) { (-sin(angle), cos(angle)) }

    /// The page point at `a` along and `b` across the box, both measured from its centre.
    func point(along a: Double, across b: Double) -> (x: Double, y: Double) {
        (centreX + a * along.x + b * across.x, centreY + a * along.y + b * across.y)
    }

    /// The upright rectangle that holds the box, clipped to a page of `width` × `height`.
    public func bounds(width: Int, height: Int) -> PixelBox {
        let corners = [(-1.0, -1.0), (1, -1), (1, 1), (-1, 1)].map {
            point(along: $0.0 * length / 2, across: $0.1 * thickness / 2)
        }
        let left = max(0, Int(corners.map(\.x).min()!.rounded(.down)))
        let top = max(0, Int(corners.map(\.y).min()!.rounded(.down)))
        let right = min(width, Int(corners.map(\.x).max()!.rounded(.up)))
        let bottom = min(height, Int(corners.map(\.y).max()!.rounded(.up)))
        return PixelBox(left: left, top: top, right: max(left, right), bottom: max(top, bottom))
    }

    /// The upright box of the part of the text between shares `from` and `to` of its length (0 at the
    /// start of the text), without the room above and below that detection adds.
    public func span(from: Double, to: Double, width: Int, height: Int) -> PixelBox {
        var part = self
        let start = (from - 0.5) * length
        let end = (to - 0.5) * length
        let middle = (start + end) / 2
        let centre = point(along: middle, across: 0)
        part.centreX = centre.x
        part.centreY = centre.y
        part.length = max(1, end - start)
        part.thickness = max(1, thickness - 2 * room)
        return part.bounds(width: width, height: height)
    }

    /// Whether `other` is this box found again (by a second detection at another scale): the same line
    /// in the same place, so that its crop, and the recognizer's reading of it, are all but identical.
    /// Centres within a tenth of the line's thickness, length within 2 %, thickness within 10 %,
    /// angle within 0.01 rad.
    func isSameLine(as other: TextBox) -> Bool {
        let thick = max(thickness, other.thickness)
        return abs(centreX - other.centreX) <= 0.1 * thick && abs(centreY - other.centreY) <= 0.1 * thick
            && abs(length - other.length) <= 0.02 * max(length, other.length)
            && abs(thickness - other.thickness) <= 0.1 * thick && abs(angle - other.angle) <= 0.01
    }
}
