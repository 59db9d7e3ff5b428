import CTesseract
public import InvoiceModel

extension PageImage {
    /// The page with its isolated specks whitened: dark dots no larger than 1/19 inch with no character
    /// within 1/25 inch and in a cluster of fewer than five dots 1/50 inch apart. Specks in text (a decimal point, the dot of an i, a comma, the dots that
    /// make up dot-matrix print) have neighbours and stay; dust and toner spray between the lines go,
    /// and with them most of what makes Tesseract read a speckled receipt as noise. A median filter
    /// removes only specks smaller than its window, and blurs strokes; this keeps strokes as they are.
    /// `nil` when the page is not 8-bit grey or Leptonica fails.
    public func withoutIsolatedSpecks() -> PageImage? {
        guard depth == 8, let binary = pixConvertTo1(pix, 150) else { return nil }
        var ownedBinary: UnsafeMutablePointer<PIX>? = binary
        defer { pixDestroy(&ownedBinary) }
        guard let components = Self.componentBoxes(binary) else { return nil }

        let resolution = max(dpi, 72)
        let speckSize = max(2, resolution * 16 / 300)
        let reach = max(4, resolution / 25)
        let markHeight = max(6, resolution / 20)
        let specks = components.indices.filter {
            components[$0].width <= speckSize && components[$0].height <= speckSize
        }
        let isolated = Self.isolated(specks, among: components, reach: reach, markHeight: markHeight)
        guard let copy = pixCopy(nil, pix) else { return nil }
        for speck in isolated {
            guard let rectangle = boxCreate(Int32(speck.x), Int32(speck.y), Int32(speck.width), Int32(speck.height))
            else { continue }
            var ownedRectangle: UnsafeMutablePointer<BOX>? = rectangle
            pixSetInRect(copy, rectangle)
            boxDestroy(&ownedRectangle)
        }
        return adopting(copy)
    }

    /// The specks (indices into `components`) to remove: those with no character-sized mark (at least
    /// `markHeight` tall) within `reach` pixels whose cluster — the specks linked to each other by
    /// being within half of `reach` — has fewer than `printedCluster` members, and that do not sit on a
    /// line of print between two printed things (a decimal point). Spray forms small clusters; the
    /// dots of dot-matrix print form one cluster per word, so a receipt printed in dots loses nothing.
    /// Components are bucketed by rows of `reach` pixels so that each speck is compared with the
    /// components of its own band only.
    static func isolated(
        _ specks: [Int], among components: [PixelBox], reach: Int, markHeight: Int, printedCluster: Int = 5
    ) -> [PixelBox] {
        let band = max(1, reach)
        var rows: [Int: [Int]] = [:]
        for (index, box) in components.enumerated() {
            let top = max(0, box.y - reach) / band
            let bottom = (box.maxY + reach) / band
            for row in top...bottom { rows[row, default: []].append(index) }
        }
        /// Components in the bands `box` touches (a superset of those within `reach` above or below it).
        func neighbours(of index: Int) -> Set<Int> {
            let box = components[index]
            return Set((rows[box.y / band] ?? []) + (rows[box.maxY / band] ?? [])).subtracting([index])
        }
        func within(_ distance: Int, _ a: PixelBox, _ b: PixelBox) -> Bool {
            a.maxX + distance >= b.x && a.x - distance <= b.maxX && a.maxY + distance >= b.y && a.y - distance <= b.maxY
        }
        let isSpeck = Set(specks)
        var parent = Dictionary(uniqueKeysWithValues: specks.map { ($0, $0) })
        func root(_ index: Int) -> Int {
            var current = index
            while let up = parent[current], up != current {
                parent[current] = parent[up]
                current = up
            }
            return current
        }
        // Dots of one printed character sit closer together than specks of spray.
        let link = reach / 2
        var nearMark = Set<Int>()
        for index in specks {
            let speck = components[index]
            for other in neighbours(of: index) {
                let box = components[other]
                guard within(reach, speck, box) else { continue }
                if box.height >= markHeight { nearMark.insert(index) }
                if isSpeck.contains(other), within(link, speck, box) { parent[root(other)] = root(index) }
            }
        }
        var clusterSize: [Int: Int] = [:]
        for index in specks { clusterSize[root(index), default: 0] += 1 }
        func isPrint(_ index: Int) -> Bool {
            !isSpeck.contains(index) || nearMark.contains(index)
                || clusterSize[root(index), default: 0] >= printedCluster
        }
        // A dot between two printed things on its line is punctuation (a decimal point between digits).
        func isInLine(_ index: Int) -> Bool {
            let speck = components[index]
            var left = false
            var right = false
            for other in neighbours(of: index) where isPrint(other) {
                let box = components[other]
                guard box.y <= speck.maxY, box.maxY >= speck.y else { continue }
                if box.maxX <= speck.x, speck.x - box.maxX <= 3 * reach { left = true }
                if box.x >= speck.maxX, box.x - speck.maxX <= 3 * reach { right = true }
                if left && right { return true }
            }
            return false
        }
        return specks.filter { !isPrint($0) && !isInLine($0) }.map { components[$0] }
    }
}
