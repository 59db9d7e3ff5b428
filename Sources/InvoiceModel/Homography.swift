import Foundation

/// A point on a page image, in pixels (fractions allowed).
public struct PagePoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// A projective map of the plane (a perspective view of a flat sheet): four points and where they go fix it.
///
/// `x' = (a·x + b·y + c) / (g·x + h·y + 1)`, `y' = (d·x + e·y + f) / (g·x + h·y + 1)`.
public struct Homography: Hashable, Sendable {
    /// a, b, c, d, e, f, g, h.
    public let coefficients: [Double]

    /// The map taking each of `from` (four points, no three in a line) to the point of `to` at the same
    /// index; `nil` when the points do not fix one.
    public init?(from: [PagePoint], to: [PagePoint]) {
        guard from.count == 4, to.count == 4 else { return nil }
        // Two equations per pair, in the eight unknowns.
        var rows: [[Double]] = []
        for (p, q) in zip(from, to) {
            rows.append([p.x, p.y, 1, 0, 0, 0, -q.x * p.x, -q.x * p.y, q.x])
            rows.append([0, 0, 0, p.x, p.y, 1, -q.y * p.x, -q.y * p.y, q.y])
        }
        guard let solution = Self.solve(rows) else { return nil }
        coefficients = solution
    }

    /// Where `point` goes, or `nil` when the map sends it to infinity.
    public func map(_ point: PagePoint) -> PagePoint? {
        let c = coefficients
        let w = c[6] * point.x + c[7] * point.y + 1
        guard abs(w) > 1e-12 else { return nil }
        return PagePoint((c[0] * point.x + c[1] * point.y + c[2]) / w, (c[3] * point.x + c[4] * point.y + c[5]) / w)
    }

    /// The smallest box holding where the corners of `box` go.
    public func map(_ box: PixelBox) -> PixelBox? {
        let corners = [
            PagePoint(Double(box.x), Double(box.y)), PagePoint(Double(box.maxX), Double(box.y)),
            PagePoint(Double(box.maxX), Double(box.maxY)), PagePoint(Double(box.x), Double(box.maxY)),
        ].compactMap(map)
        guard corners.count == 4, let left = corners.map(\.x).min(), let top = corners.map(\.y).min(),
            let right = corners.map(\.x).max(), let bottom = corners.map(\.y).max()
        else { return nil }
        return PixelBox(
            left: Int(left.rounded(.down)), top: Int(top.rounded(.down)), right: Int(right.rounded(.up)),
            bottom: Int(bottom.rounded(.up)))
    }

    /// Gaussian elimination with partial pivoting on an augmented n × (n + 1) system.
    static func solve(_ system: [[Double]]) -> [Double]? {
        var m = system
        let n = m.count
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }),
                abs(m[pivot][column]) > 1e-12
            else { return nil }
            m.swapAt(column, pivot)
            for row in 0..<n where row != column {
                let factor = m[row][column] / m[column][column]
                guard factor != 0 else { continue }
                for k in column...n { m[row][k] -= factor * m[column][k] }
            }
        }
        return (0..<n).map { m[$0][n] / m[$0][$0] }
    }
}
