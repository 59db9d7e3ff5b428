import Foundation
public import InvoiceModel

/// Finds the sheet of paper in a photo of it lying on a darker surface: the four corners of a
/// quadrilateral, which perspective makes of the rectangle of the sheet.
///
/// The image is split into light and dark at Otsu's threshold. The surface is the dark region reached
/// from the image's border (print on the sheet is dark too, but enclosed by paper); the sheet is the
/// largest region left. Its corners are its extreme points along the two diagonals. It is taken for a
/// sheet only when the surface shows along most of the border, the region fills the quadrilateral of its
/// corners, and every corner's angle is within 35° of a right angle.
public enum PaperOutline {
    /// Least share of the image border that must be surface: a sheet lying inside the photo, not a scan
    /// filling it.
    static let surfaceBorderShare = 0.5
    /// Least difference of mean grey between paper and surface.
    static let contrast = 40.0
    /// Least share of the image the sheet covers.
    static let sheetShare = 0.2
    /// How closely the region must fill its quadrilateral (a torn or folded sheet, a hand over it, fails).
    static let fill = 0.9...1.08
    /// Largest departure of a corner's angle from 90°, in degrees.
    static let cornerSkew = 35.0

    /// The corners (top-left, top-right, bottom-right, bottom-left) of the sheet in a grey image (`width`
    /// × `height` bytes, row after row), in its pixels; `nil` when no sheet stands out from a surface.
    public static func corners(in pixels: [UInt8], width: Int, height: Int) -> [PagePoint]? {
        guard width >= 16, height >= 16, pixels.count >= width * height else { return nil }
        var histogram = [Int](repeating: 0, count: 256)
        for value in pixels[..<(width * height)] { histogram[Int(value)] += 1 }
        let threshold = otsuThreshold(histogram)
        let darkCount = histogram[..<threshold].reduce(0, +)
        let lightCount = histogram[threshold...].reduce(0, +)
        guard darkCount > 0, lightCount > 0 else { return nil }
        let darkMean = Double((0..<threshold).reduce(0) { $0 + $1 * histogram[$1] }) / Double(darkCount)
        let lightMean = Double((threshold..<256).reduce(0) { $0 + $1 * histogram[$1] }) / Double(lightCount)
        guard lightMean - darkMean >= contrast else { return nil }

        // The surface: dark pixels connected to the border.
        var surface = [Bool](repeating: false, count: width * height)
        var stack: [Int] = []
        var border: [Int] = []
        for x in 0..<width { border += [x, (height - 1) * width + x] }
        for y in 1..<(height - 1) { border += [y * width, y * width + width - 1] }
        for index in border where Int(pixels[index]) < threshold && !surface[index] {
            surface[index] = true
            stack.append(index)
        }
        let borderSurface = Double(border.filter { surface[$0] }.count) / Double(border.count)
        guard borderSurface >= surfaceBorderShare else { return nil }
        flood(&stack, &surface, width: width, height: height) { Int(pixels[$0]) < threshold }

        // The sheet: the largest region of what is not surface.
        var region = [Int32](repeating: 0, count: width * height)
        var best: (label: Int32, count: Int) = (0, 0)
        var label: Int32 = 0
        for start in 0..<(width * height) where !surface[start] && region[start] == 0 {
            label += 1
            region[start] = label
            var queue = [start]
            var count = 0
            while let index = queue.popLast() {
                count += 1
                forEachNeighbour(of: index, width: width, height: height) { next in
                    guard !surface[next], region[next] == 0 else { return }
                    region[next] = label
                    queue.append(next)
                }
            }
            if count > best.count { best = (label, count) }
        }
        guard Double(best.count) >= sheetShare * Double(width * height) else { return nil }

        var extremes = (
            topLeft: (score: Int.max, index: 0), bottomRight: (score: Int.min, index: 0),
            topRight: (score: Int.min, index: 0), bottomLeft: (score: Int.max, index: 0)
        )
        for index in 0..<(width * height) where region[index] == best.label {
            let x = index % width
            let y = index / width
            if x + y < extremes.topLeft.score { extremes.topLeft = (x + y, index) }
            if x + y > extremes.bottomRight.score { extremes.bottomRight = (x + y, index) }
            if x - y > extremes.topRight.score { extremes.topRight = (x - y, index) }
            if x - y < extremes.bottomLeft.score { extremes.bottomLeft = (x - y, index) }
        }
        let corners = [
            extremes.topLeft.index, extremes.topRight.index, extremes.bottomRight.index,
            extremes.bottomLeft.index,
        ].map { PagePoint(Double($0 % width), Double($0 / width)) }
        let area = quadrilateralArea(corners)
        guard area > 0, fill.contains(Double(best.count) / area) else { return nil }
        guard corners.indices.allSatisfy({ abs(angle(at: $0, of: corners) - 90) <= cornerSkew }) else { return nil }
        return corners
    }

    /// Whether the paper of a grey image is equally bright all over: the brightest tenth of each cell of a
    /// 4 × 4 grid (the paper between the print) within 10 % of the brightest cell's.
    public static func isEvenlyLit(_ pixels: [UInt8], width: Int, height: Int) -> Bool {
        guard width >= 4, height >= 4, pixels.count >= width * height else { return true }
        var levels: [Int] = []
        for row in 0..<4 {
            for column in 0..<4 {
                var cell: [UInt8] = []
                let left = column * width / 4
                let right = (column + 1) * width / 4
                for y in (row * height / 4)..<((row + 1) * height / 4) {
                    let start = y * width + left
                    cell += pixels[start..<(start + right - left)]
                }
                cell.sort()
                levels.append(Int(cell[cell.count * 9 / 10]))
            }
        }
        return Double(levels.min() ?? 0) >= 0.9 * Double(levels.max() ?? 0)
    }

    /// Otsu's threshold of a grey image's 256-level histogram: the level that best splits it in two (pixels
    /// below it are dark).
    package static func otsuThreshold(_ histogram: [Int]) -> Int {
        let total = Double(histogram.reduce(0, +))
        let sum = (0..<256).reduce(0.0) { $0 + Double($1 * histogram[$1]) }
        var below = 0.0
        var belowSum = 0.0
        var best = (threshold: 128, variance: -1.0)
        for level in 0..<256 {
            below += Double(histogram[level])
            belowSum += Double(level * histogram[level])
            let above = total - below
            guard below > 0, above > 0 else { continue }
            let difference = belowSum / below - (sum - belowSum) / above
            let variance = below * above * difference * difference
            if variance > best.variance { best = (level + 1, variance) }
        }
        return best.threshold
    }

    private static func flood(
        _ stack: inout [Int], _ reached: inout [Bool], width: Int, height: Int, _ belongs: (Int) -> Bool
    ) {
        while let index = stack.popLast() {
            forEachNeighbour(of: index, width: width, height: height) { next in
                guard !reached[next], belongs(next) else { return }
                reached[next] = true
                stack.append(next)
            }
        }
    }

    /// Calls `body` with each 4-connected neighbour of pixel `index` (no array built per pixel: this runs
    /// for every pixel of the sheet).
    private static func forEachNeighbour(of index: Int, width: Int, height: Int, _ body: (Int) -> Void) {
        let x = index % width
        let y = index / width
        if x > 0 { body(index - 1) }
        if x + 1 < width { body(index + 1) }
        if y > 0 { body(index - width) }
        if y + 1 < height { body(index + width) }
    }

    /// Shoelace area of a quadrilateral given in order around it.
    static func quadrilateralArea(_ corners: [PagePoint]) -> Double {
        var twice = 0.0
        for index in corners.indices {
            let a = corners[index]
            let b = corners[(index + 1) % corners.count]
            twice += a.x * b.y - b.x * a.y
        }
        return abs(twice) / 2
    }

    /// The angle at corner `index` of a polygon, in degrees.
    static func angle(at index: Int, of corners: [PagePoint]) -> Double {
        let corner = corners[index]
        let before = corners[(index + corners.count - 1) % corners.count]
        let after = corners[(index + 1) % corners.count]
        let u = (before.x - corner.x, before.y - corner.y)
        let v = (after.x - corner.x, after.y - corner.y)
        let lengths = (u.0 * u.0 + u.1 * u.1).squareRoot() * (v.0 * v.0 + v.1 * v.1).squareRoot()
        guard lengths > 0 else { return 0 }
        return acos(max(-1, min(1, (u.0 * v.0 + u.1 * v.1) / lengths))) * 180 / .pi
    }
}
