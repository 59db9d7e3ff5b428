import InvoiceModel

/// The ruled frame of a fapiao and the rows inside it, found from the page's straight lines.
///
/// Both printed layouts (tax-control and 数电) have a frame of four rows: the parties, the item table
/// (the tallest), the 价税合计 row, and the seller (tax-control) or 备注 (数电) row. The header (title,
/// QR code, code/number/date) is above the frame and the footer (收款人, 复核, 开票人) below it.
struct FapiaoGrid: Sendable, Hashable {
    /// The outer frame.
    var frame: PixelBox
    /// The rows between the frame's horizontal rules, top to bottom.
    var rows: [PixelBox]
    /// x positions of vertical rules that cross each row (at least 60 % of its height), left to right,
    /// frame edges excluded.
    var columns: [[Int]]

    /// The row of the buyer (and seller, 数电) blocks.
    var partiesRow: PixelBox { rows[0] }
    /// Index of the item table: the tallest row.
    var itemsIndex: Int { rows.indices.max { rows[$0].height < rows[$1].height } ?? 1 }
    /// The item table row.
    var itemsRow: PixelBox { rows[itemsIndex] }
    /// The 价税合计 row, right under the item table.
    var totalsRow: PixelBox? { itemsIndex + 1 < rows.count ? rows[itemsIndex + 1] : nil }
    /// The last row: seller block (tax-control) or 备注 (数电).
    var lastRow: PixelBox? { itemsIndex + 2 < rows.count ? rows[rows.count - 1] : nil }

    /// Vertical rules crossing row `index`.
    func columns(ofRow index: Int) -> [Int] { index < columns.count ? columns[index] : [] }

    /// Finds the frame: the horizontal rules at least 60 % as long as the longest one, spanning the same
    /// extent, with vertical rules at both ends; at least three rows. `nil` when the page has no such frame.
    static func detect(in rules: RuledLines) -> FapiaoGrid? {
        guard let longest = rules.horizontal.map(\.length).max(), longest >= 600 else { return nil }
        let long = rules.horizontal.filter { $0.length >= longest * 6 / 10 }
        guard let first = long.first else { return nil }
        // Rules of the frame share its left and right ends (within 2 % of its width).
        let tolerance = max(12, longest / 50)
        let framed = long.filter {
            abs($0.start - first.start) <= tolerance * 2 && abs($0.end - first.end) <= tolerance * 2
        }
        var boundaries: [Int] = []
        for rule in framed where boundaries.last.map({ rule.position - $0 > 25 }) ?? true {
            boundaries.append(rule.position)
        }
        guard boundaries.count >= 4, let top = boundaries.first, let bottom = boundaries.last else { return nil }
        let left = framed.map(\.start).min() ?? first.start
        let right = framed.map(\.end).max() ?? first.end
        // The frame's sides must be ruled too (rejects tables of English invoices with open sides).
        let height = bottom - top
        let sides = rules.vertical.filter { $0.length >= height * 8 / 10 }
        guard sides.contains(where: { abs($0.position - left) <= tolerance }),
            sides.contains(where: { abs($0.position - right) <= tolerance })
        else { return nil }

        let frame = PixelBox(left: left, top: top, right: right, bottom: bottom)
        let rows = zip(boundaries, boundaries.dropFirst()).map {
            PixelBox(left: left, top: $0, right: right, bottom: $1)
        }
        let columns = rows.map { row in
            rules.vertical
                .filter { rule in
                    rule.position > left + tolerance && rule.position < right - tolerance
                        && overlap(rule, row) >= row.height * 6 / 10
                }
                .map(\.position)
                .reduce(into: [Int]()) { merged, x in
                    if let last = merged.last, x - last < 12 { return }
                    merged.append(x)
                }
        }
        return FapiaoGrid(frame: frame, rows: rows, columns: columns)
    }

    private static func overlap(_ rule: RuledLines.Segment, _ row: PixelBox) -> Int {
        max(0, min(rule.end, row.maxY) - max(rule.start, row.y))
    }
}
