/// An axis-aligned rectangle in pixels of a page image, encoded as `[x, y, width, height]`.
///
/// The origin is the page's top-left corner; `y` grows downwards, as in the images themselves.
public struct PixelBox: Hashable, Sendable, Codable {
    /// Left edge.
    public var x: Int
    /// Top edge.
    public var y: Int
    /// Width in pixels (non-negative).
    public var width: Int
    /// Height in pixels (non-negative).
    public var height: Int

    /// Creates a box from its top-left corner and size.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// Creates a box from its edges (right and bottom exclusive), as Tesseract and Leptonica report them.
    public init(left: Int, top: Int, right: Int, bottom: Int) {
        self.init(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Right edge (exclusive).
    public var maxX: Int { x + width }
    /// Bottom edge (exclusive).
    public var maxY: Int { y + height }
    /// Area in pixels.
    public var area: Int { width * height }
    /// Whether the box covers no pixel.
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The smallest box containing both boxes.
    public func union(_ other: PixelBox) -> PixelBox {
        PixelBox(
            left: min(x, other.x), top: min(y, other.y),
            right: max(maxX, other.maxX), bottom: max(maxY, other.maxY))
    }

    /// Whether the centre of `other` lies inside this box (which box a word or glyph falls in).
    public func containsCentre(of other: PixelBox) -> Bool {
        let centreX = other.x + other.width / 2
        let centreY = other.y + other.height / 2
        return centreX >= x && centreX < maxX && centreY >= y && centreY < maxY
    }

    /// The overlap of two boxes, or `nil` when they do not overlap.
    public func intersection(_ other: PixelBox) -> PixelBox? {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return nil }
        return PixelBox(left: left, top: top, right: right, bottom: bottom)
    }

    /// This box with every coordinate multiplied by `x` horizontally and `y` vertically (a box found on
    /// an image of another resolution, mapped to the page).
    public func scaled(x sx: Double, y sy: Double) -> PixelBox {
        PixelBox(
            x: Int(Double(x) * sx), y: Int(Double(y) * sy), width: Int(Double(width) * sx),
            height: Int(Double(height) * sy))
    }

    /// This box moved by `(dx, dy)`.
    public func offsetBy(dx: Int, dy: Int) -> PixelBox {
        PixelBox(x: x + dx, y: y + dy, width: width, height: height)
    }

    /// This box grown by `margin` on every side and clipped to a `width`×`height` page.
    public func expanded(by margin: Int, clippedTo width: Int, _ height: Int) -> PixelBox {
        PixelBox(
            left: max(0, x - margin), top: max(0, y - margin),
            right: min(width, maxX + margin), bottom: min(height, maxY + margin))
    }

    /// Where this box lands when its `width`×`height` page is turned clockwise by `quarterTurns` × 90°.
    public func rotated(quarterTurns: Int, pageWidth width: Int, pageHeight height: Int) -> PixelBox {
        switch ((quarterTurns % 4) + 4) % 4 {
        case 1: return PixelBox(x: height - y - self.height, y: x, width: self.height, height: self.width)
        case 2:
            return PixelBox(
                x: width - x - self.width, y: height - y - self.height, width: self.width, height: self.height)
        case 3: return PixelBox(x: y, y: width - x - self.width, width: self.height, height: self.width)
        default: return self
        }
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let values = try (0..<4).map { _ in try container.decode(Int.self) }
        self.init(x: values[0], y: values[1], width: values[2], height: values[3])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(contentsOf: [x, y, width, height])
    }
}
