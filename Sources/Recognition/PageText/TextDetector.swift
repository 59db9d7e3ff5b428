import Foundation
import InvoiceModel

/// PP-OCR's text detector (Differentiable Binarization): a probability map of "text here" over the page,
/// turned into one box per line segment. Pre- and post-processing follow PaddleOCR's published DB
/// settings: the input scaled so its longest side is at most `longestSide` (and its shortest at least
/// 736) and padded to multiples of 32, normalised to [-1, 1]; the map thresholded at 0.3 and dilated
/// 2 × 2; regions scoring below 0.5 dropped; each region's rectangle grown by area × 1.6 / perimeter.
///
/// - Important: Owns its model; thread-safe (the model is, and a call keeps its buffers to itself).
final class TextDetector: @unchecked Sendable {
    private let model: OnnxModel
    /// Longest side of the detector's input.
    let longestSide: Int

    static let pixelThreshold: Float = 0.3
    static let boxThreshold = 0.5
    static let unclipRatio = 1.6
    static let shortestSide = 736
    static let minimumSide = 3.0

    /// Longest side the detector's input may be enlarged to for small print.
    static let enlargedSide = 2560
    /// Print shorter than this in the detector's input (pixels) is detected again, enlarged.
    static let smallestText = 14.0
    /// The height print is enlarged to when it was too small.
    static let enlargedText = 24.0

    init(model: OnnxModel, longestSide: Int = 1600) {
        self.model = model
        self.longestSide = longestSide
    }

    /// The factor a page of `width` × `height` is scaled by for detection.
    func factor(width: Int, height: Int) -> Double {
        let down = Double(longestSide) / Double(max(width, height))
        let up = Double(Self.shortestSide) / Double(max(1, min(width, height)))
        return min(down, max(1, up))
    }

    /// The text boxes on `raster`, in its pixels, or `nil` when the model fails.
    func detect(_ raster: GreyRaster, factor chosen: Double? = nil) -> [TextBox]? {
        let factor = chosen ?? factor(width: raster.width, height: raster.height)
        let scaled = raster.resampled(by: factor)
        let width = (scaled.width + 31) / 32 * 32
        let height = (scaled.height + 31) / 32 * 32
        guard let map = probabilities(scaled, width: width, height: height) else { return nil }
        return Self.boxes(probabilities: map, width: width, height: height).map { box in
            var page = box
            page.centreX /= factor
            page.centreY /= factor
            page.length /= factor
            page.thickness /= factor
            page.room /= factor
            return page
        }
    }

    /// Most input pixels the model is run on at once: its working memory grows with the input (about
    /// 120 bytes a pixel), so a tall page is run in horizontal strips.
    static let pixelsPerRun = 3 << 19
    /// Rows of context a strip is run with above and below the rows it gives (the model's view reaches
    /// this far for a line of print).
    static let stripContext = 96
    /// Input pixels the process's detector runs may hold at once: one full strip and a smaller one, so
    /// that two workers do not both hold a full strip's working memory (about 300 MB each).
    static let memory = MemoryBudget(capacity: pixelsPerRun * 4 / 3)

    /// The model's "text here" map of `scaled`, padded to `width` × `height` (multiples of 32), run in
    /// strips of at most `pixelsPerRun` pixels, each with `stripContext` rows of context on either side
    /// that it does not give.
    func probabilities(_ scaled: (values: [Float], width: Int, height: Int), width: Int, height: Int) -> [Float]? {
        let context = Self.stripContext
        let rowsPerRun = max(4 * context, Self.pixelsPerRun / width / 32 * 32)
        let core = rowsPerRun - 2 * context
        var map = [Float](repeating: 0, count: width * height)
        var top = 0
        while top < height {
            // The rows this strip gives, and the rows it is run on.
            let bottom = height - top <= rowsPerRun - (top == 0 ? 0 : context) ? height : top + core
            let from = max(0, top - context)
            let to = min(height, bottom + context)
            let rows = to - from
            let plane = width * rows
            // Three equal channels; the padding is white, like the paper.
            var input = [Float](repeating: 1, count: 3 * plane)
            for y in from..<min(to, scaled.height) {
                for x in 0..<scaled.width {
                    let value = scaled.values[y * scaled.width + x] / 127.5 - 1
                    let index = (y - from) * width + x
                    input[index] = value
                    input[plane + index] = value
                    input[2 * plane + index] = value
                }
            }
            let ran = Self.memory.withUnits(plane) { model.run(input, shape: [1, 3, rows, width]) }
            guard let output = ran, output.shape.count == 4,
                output.shape[2] == rows, output.shape[3] == width
            else { return nil }
            for y in top..<bottom {
                let source = (y - from) * width
                map.replaceSubrange(y * width..<(y + 1) * width, with: output.values[source..<source + width])
            }
            top = bottom
        }
        return map
    }

    /// The boxes on `raster`, detected a second time with the page enlarged when the print was too
    /// small in the first pass (a whole invoice in a 1000-pixel photo): the scale comes from the content.
    func detectAtContentScale(_ raster: GreyRaster) -> [TextBox]? {
        detect(raster).map { enlarged($0, on: raster) }
    }

    /// `boxes` (found at the usual factor) or, when their print was too small, the boxes found again
    /// on the page enlarged.
    func enlarged(_ boxes: [TextBox], on raster: GreyRaster) -> [TextBox] {
        let used = factor(width: raster.width, height: raster.height)
        let heights = boxes.filter { $0.length >= 3 * $0.thickness }.map { $0.thickness - 2 * $0.room }.sorted()
        guard heights.count >= 5 else { return boxes }
        let height = heights[heights.count / 2] * used
        guard height < Self.smallestText else { return boxes }
        let wanted = min(
            used * Self.enlargedText / max(1, height), Double(Self.enlargedSide) / Double(max(raster.width, raster.height)))
        guard wanted > used * 1.3 else { return boxes }
        // Only where the first pass found text (a photo's desk and margins are not run through the model
        // again), with room for print the first pass missed at its edge.
        let region = Self.textRegion(boxes, width: raster.width, height: raster.height)
        guard Double(region.width * region.height) < Self.croppedArea * Double(raster.width * raster.height) else {
            return detect(raster, factor: wanted) ?? boxes
        }
        let moved = detect(raster.cropped(to: region), factor: wanted)?.map { box in
            var page = box
            page.centreX += Double(region.x)
            page.centreY += Double(region.y)
            return page
        }
        return moved ?? boxes
    }

    /// Shares of the page below which the second pass runs on the text's region only.
    static let croppedArea = 0.85

    /// The upright rectangle around `boxes` on a `width` × `height` page, grown on every side by four
    /// times their median thickness (at least 32 pixels).
    static func textRegion(_ boxes: [TextBox], width: Int, height: Int) -> PixelBox {
        let page = PixelBox(x: 0, y: 0, width: width, height: height)
        guard !boxes.isEmpty else { return page }
        let bounds = boxes.map { $0.bounds(width: width, height: height) }
        let thickness = boxes.map(\.thickness).sorted()[boxes.count / 2]
        let margin = max(32, Int((4 * thickness).rounded()))
        return PixelBox(
            left: max(0, bounds.map(\.x).min()! - margin), top: max(0, bounds.map(\.y).min()! - margin),
            right: min(width, bounds.map(\.maxX).max()! + margin),
            bottom: min(height, bounds.map(\.maxY).max()! + margin))
    }

    /// DB post-processing of a `width` × `height` probability map: the connected regions of the
    /// thresholded, dilated map, each as the rectangle along its principal axis, scored and grown.
    /// A region much thicker than the page's usual line (two lines of print that touch, a value printed
    /// over its label's line) is split by thresholding it again, higher, when that parts it into lines.
    static func boxes(probabilities: [Float], width: Int, height: Int) -> [TextBox] {
        let regions = components(probabilities, width: width, height: height, threshold: pixelThreshold)
        let found = regions.map { (region: $0, box: box($0, probabilities: probabilities, width: width)) }
        let thicknesses = found.compactMap(\.box).filter { $0.length >= 2 * $0.thickness }.map(\.thickness).sorted()
        guard !thicknesses.isEmpty else { return found.compactMap(\.box) }
        let usual = thicknesses[thicknesses.count / 2]
        var result: [TextBox] = []
        for (region, box) in found {
            guard let box else { continue }
            guard box.thickness > 2.2 * usual, box.length > box.thickness else {
                result.append(box)
                continue
            }
            var parts: [TextBox]?
            for threshold: Float in [0.5, 0.65, 0.8] {
                var allowed = [Bool](repeating: false, count: width * height)
                for index in region { allowed[index] = true }
                let split = components(
                    probabilities, width: width, height: height, threshold: threshold, allowed: allowed
                ).compactMap { Self.box($0, probabilities: probabilities, width: width) }
                if split.count >= 2, split.allSatisfy({ $0.thickness <= 1.8 * usual }) {
                    parts = split
                    break
                }
            }
            result += parts ?? [box]
        }
        return result
    }

    /// The 8-connected regions of the map above `threshold` after a 2 × 2 dilation (a pixel is set when
    /// it or its left, upper or upper-left neighbour is text), limited to `allowed` pixels when given.
    static func components(
        _ probabilities: [Float], width: Int, height: Int, threshold: Float, allowed: [Bool]? = nil
    ) -> [[Int]] {
        var mask = [Bool](repeating: false, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let index = y * width + x
                if let allowed, !allowed[index] { continue }
                var on = probabilities[index] > threshold
                if !on, x > 0 { on = probabilities[index - 1] > threshold }
                if !on, y > 0 { on = probabilities[index - width] > threshold }
                if !on, x > 0, y > 0 { on = probabilities[index - width - 1] > threshold }
                mask[index] = on
            }
        }
        var regions: [[Int]] = []
        var stack: [Int] = []
        for start in mask.indices where mask[start] {
            mask[start] = false
            stack.append(start)
            var region: [Int] = []
            while let index = stack.popLast() {
                region.append(index)
                let x = index % width
                let y = index / width
                for dy in -1...1 {
                    let ny = y + dy
                    guard ny >= 0, ny < height else { continue }
                    for dx in -1...1 {
                        let nx = x + dx
                        guard nx >= 0, nx < width else { continue }
                        let neighbour = ny * width + nx
                        if mask[neighbour] {
                            mask[neighbour] = false
                            stack.append(neighbour)
                        }
                    }
                }
            }
            regions.append(region)
        }
        return regions
    }

    /// The rectangle of one region: oriented by its second moments, as long and thick as its pixels
    /// reach along and across that direction; `nil` when too thin or scored below `boxThreshold`.
    static func box(_ region: [Int], probabilities: [Float], width: Int) -> TextBox? {
        guard region.count >= 9 else { return nil }
        var sumX = 0.0
        var sumY = 0.0
        var score = 0.0
        for index in region {
            sumX += Double(index % width)
            sumY += Double(index / width)
            score += Double(probabilities[index])
        }
        let count = Double(region.count)
        score /= count
        guard score >= boxThreshold else { return nil }
        let meanX = sumX / count
        let meanY = sumY / count
        var xx = 0.0
        var yy = 0.0
        var xy = 0.0
        for index in region {
            let dx = Double(index % width) - meanX
            let dy = Double(index / width) - meanY
            xx += dx * dx
            yy += dy * dy
            xy += dx * dy
        }
        // A region hardly longer one way than the other (one character) has no direction of its own:
        // it is taken as level, like the page.
        let spread = sqrt((xx - yy) * (xx - yy) / 4 + xy * xy)
        let major = (xx + yy) / 2 + spread
        let minor = max(1e-9, (xx + yy) / 2 - spread)
        var angle = major / minor >= 2.25 ? 0.5 * atan2(2 * xy, xx - yy) : 0
        var (minA, maxA, minB, maxB) = (Double.infinity, -Double.infinity, Double.infinity, -Double.infinity)
        let (ux, uy) = (cos(angle), sin(angle))
        for index in region {
            let dx = Double(index % width) - meanX
            let dy = Double(index / width) - meanY
            let a = dx * ux + dy * uy
            let b = -dx * uy + dy * ux
            minA = min(minA, a)
            maxA = max(maxA, a)
            minB = min(minB, b)
            maxB = max(maxB, b)
        }
        var length = maxA - minA + 1
        var thickness = maxB - minB + 1
        let centreA = (minA + maxA) / 2
        let centreB = (minB + maxB) / 2
        let centreX = meanX + centreA * ux - centreB * uy + 0.5
        let centreY = meanY + centreA * uy + centreB * ux + 0.5
        guard min(length, thickness) >= minimumSide else { return nil }
        // The text runs along the longer side; keep the angle within ±90° of the x axis.
        if thickness > length {
            swap(&length, &thickness)
            angle += .pi / 2
        }
        if angle > .pi / 2 { angle -= .pi }
        if angle <= -.pi / 2 { angle += .pi }
        let room = length * thickness * unclipRatio / (2 * (length + thickness))
        guard thickness + 2 * room >= minimumSide + 2 else { return nil }
        return TextBox(
            centreX: centreX, centreY: centreY, length: length + 2 * room, thickness: thickness + 2 * room,
            angle: angle, score: score, room: room)
    }
}
