import InvoiceModel

extension FapiaoReader {
    /// Characters of Chinese capital amounts.
    static let capitalCharacters: Set<Character> = Set("零壹贰叁肆伍陆柒捌玖拾佰仟万亿圆元角分整正负")

    /// The 价税合计 row: ⓧ capitals (大写) and ¥ figures (小写).
    mutating func readTotals() {
        guard let row = grid.totalsRow else { return }
        let read = lines(
            PixelBox(left: row.x + 3, top: row.y + 2, right: row.maxX - 3, bottom: row.maxY - 2),
            ReadRequest(.block, .chinese))
        for line in read {
            readCapitals(line)
            readFigures(line)
        }
    }

    /// The capitals between the 大写 label and the 小写 label (kept as read; `FapiaoMerge` checks them
    /// against the figures).
    private mutating func readCapitals(_ line: LineText) {
        let start = LabelMatcher.locate("大写", in: line, minimumScore: 0.5)?.upperBound ?? 0
        let end = LabelMatcher.locate("小写", in: line, from: start, minimumScore: 0.5)?.lowerBound ?? line.glyphs.count
        guard end > start else { return }
        let part = line.slice(start..<end)
        let text = CapitalsMatch.cleaned(part.compactText)
        guard text.count >= 2 else { return }
        store(.totalAmountInWords, evidence(.totalAmountInWords, text, from: part))
    }

    /// The amount after （小写）.
    private mutating func readFigures(_ line: LineText) {
        let start = LabelMatcher.locate("小写", in: line, minimumScore: 0.5)?.upperBound ?? 0
        guard let total = Self.amounts(in: line).last(where: { $0.range.lowerBound >= start }) else { return }
        store(.totalAmount, amountOpinion(.totalAmount, total, in: line))
    }

    /// The last row: seller block and 备注 (tax-control), or 备注 only (数电).
    mutating func readLastRow() {
        guard let row = grid.lastRow else { return }
        let rules = grid.columns(ofRow: grid.rows.count - 1)
        switch layout {
        case .taxControl:
            // | 销售方 | fields | 备注 | remarks |
            let left = rules.first ?? (row.x + row.width / 25)
            let right = rules.dropFirst().first ?? (row.x + row.width * 57 / 100)
            readPartyBlock(.seller, PixelBox(left: left + 4, top: row.y + 3, right: right - 4, bottom: row.maxY - 3))
            if rules.count >= 3 {
                readRemarks(PixelBox(left: rules[2] + 4, top: row.y + 3, right: row.maxX - 4, bottom: row.maxY - 3))
            }
        case .digital:
            let left = rules.first ?? (row.x + row.width * 3 / 100)
            readRemarks(PixelBox(left: left + 4, top: row.y + 3, right: row.maxX - 4, bottom: row.maxY - 3))
        }
    }

    private mutating func readRemarks(_ region: PixelBox) {
        // Seal fragments and specks read as a few low-confidence characters: not remarks. Text of middling
        // confidence is there but unreadable: a person must look.
        // An empty 备注 box with scanner speckle sends Tesseract into seconds of reading noise: look first.
        guard reader.markCount(in: region, minimumHeight: characterMarkHeight) >= 2 else { return }
        let everything = lines(region, ReadRequest(.block, .chinese, timeLimit: 0.6))
        let read = everything.filter {
            $0.meanConfidence >= 0.6 || ($0.meanConfidence >= 0.3 && RemarksText.startsWithKey($0))
        }
        guard let first = read.first else {
            if everything.contains(where: { $0.glyphs.count >= 4 && $0.meanConfidence >= 0.3 }) {
                unread.insert(.remarks)
            }
            return
        }
        let all = LineText(
            glyphs: read.flatMap { RemarksText.withoutSeparatorNoise($0).glyphs },
            box: read.dropFirst().reduce(first.box) { $0.union($1.box) })
        var text = RemarksText.cleaned(read.map { RemarksText.withoutSeparatorNoise($0).text }.joined(separator: " "))
        if let seller = fields[.sellerName]?.value { text = RemarksText.withoutSealText(text, seller: seller) }
        guard !text.isEmpty else { return }
        store(.remarks, evidence(.remarks, text, from: all))
    }

    /// The least height of a mark that is print rather than scanner speckle (1/25 inch, at least 12 px).
    var characterMarkHeight: Int { max(12, reader.dpi / 25) }

    /// Below the frame: 收款人 / 复核 / 开票人 (tax-control) or 开票人 (数电); 销售方（章） is ignored.
    mutating func readFooter() {
        let frame = grid.frame
        // The names end before three quarters of the width; the seller's seal (销售方（章）) sits beyond,
        // and reading its red ink is slow and adds nothing.
        let region = PixelBox(
            left: frame.x - frame.width / 50, top: frame.maxY + 3, right: frame.x + frame.width * 3 / 4,
            bottom: frame.maxY + frame.height * 14 / 100)
        let labels: [(FieldName?, String)] = [(.payee, "收款人"), (.reviewer, "复核"), (.drawer, "开票人"), (nil, "销售方")]
        // Names on a line of their own: a noisy band must not cost seconds.
        let located = readFooterNames(
            lines(region, ReadRequest(.block, .chinese, timeLimit: 0.6)), labels: labels, band: region)
        // 收款人 and 复核 are often left empty, so an empty place is no reason to look; but when their label was
        // not read either, nothing says the place is empty.
        if layout == .taxControl {
            for field in [FieldName.payee, .reviewer] where fields[field] == nil && !located.contains(field) {
                unlocated.insert(field)
            }
        }
        // A 数电 invoice prints only 开票人, at the left. When it does not turn up (speckle as large as a
        // stroke breaks the block apart), the left part of the band is read again through a 5×5 median.
        if layout == .digital, fields[.drawer] == nil {
            unread.remove(.drawer)
            let left = PixelBox(
                left: region.x, top: region.y, right: frame.x + frame.width * 2 / 5, bottom: region.maxY)
            readFooterNames(
                lines(left, ReadRequest(.block, .chinese, timeLimit: 0.6, median: 5)), labels: labels, band: left)
        }
    }

    /// The names after the labels in `read` (lines read in `band`); a label with nothing read after it is
    /// unread when ink stands between it and the next label (or the band's end), else left empty.
    ///
    /// - Returns: the fields whose labels were found.
    @discardableResult
    private mutating func readFooterNames(_ read: [LineText], labels: [(FieldName?, String)], band: PixelBox)
        -> Set<FieldName>
    {
        var located: Set<FieldName> = []
        for line in read {
            var found: [(field: FieldName?, range: Range<Int>)] = []
            for (field, label) in labels {
                if let range = LabelMatcher.locate(label, in: line, minimumScore: label.count == 2 ? 1 : 0.66) {
                    found.append((field, range))
                }
            }
            found.sort { $0.range.lowerBound < $1.range.lowerBound }
            located.formUnion(found.compactMap(\.field))
            for (index, item) in found.enumerated() {
                guard let field = item.field else { continue }
                let end = index + 1 < found.count ? found[index + 1].range.lowerBound : line.glyphs.count
                var start = item.range.upperBound
                while start < end,
                    LabelMatcher.separators.contains(line.glyphs[start].character)
                        || LabelMatcher.labelNoise.contains(line.glyphs[start].character)
                {
                    start += 1
                }
                start = LabelMatcher.valueStart(after: start, in: line)
                guard start < end else {
                    // Nothing read after the label: unread when ink stands there, empty when the paper is
                    // blank up to the next label (收款人 and 复核 are often left empty).
                    let left = line.glyphs[item.range.upperBound - 1].box.maxX
                    let right =
                        index + 1 < found.count ? line.glyphs[found[index + 1].range.lowerBound].box.x : band.maxX
                    let value = PixelBox(
                        left: left, top: line.box.y, right: max(left + 1, right), bottom: line.box.maxY)
                    if reader.markCount(in: value, minimumHeight: characterMarkHeight) > 0 { unread.insert(field) }
                    continue
                }
                // A name is one run of glyphs: what follows a gap of two character heights is speckle.
                var part = line.slice(start..<end)
                if let first = part.runs(gapRatio: 2, where: { _ in true }).first { part = part.slice(first) }
                part = part.trimmed { !$0.isLetter }
                let name = FieldText.printed(part.text)
                if !name.isEmpty { store(field, evidence(field, name, from: part)) }
            }
        }
        return located
    }
}
