import Foundation
import InvoiceModel

extension FapiaoReader {
    /// Column order of the item table on both layouts.
    static let itemColumns: [LineItemFieldName] = [
        .name, .specification, .unit, .quantity, .unitPrice, .amount, .taxRate, .tax,
    ]

    /// Header labels of each column, with the spellings of both layouts.
    static let itemHeaderLabels: [LineItemFieldName: [String]] = [
        .name: ["货物或应税劳务、服务名称", "项目名称"], .specification: ["规格型号"], .unit: ["单位"], .quantity: ["数量"],
        .unitPrice: ["单价"], .amount: ["金额"], .taxRate: ["税率/征收率", "税率"], .tax: ["税额"],
    ]

    /// Column boundaries of real e-fapiao item tables, as fractions of the frame width (fallback when
    /// neither rules nor header labels can be found): tax-control from the rules of fp016, 数电 from the
    /// midpoints between the header labels of fp007.
    static func defaultItemBoundaries(_ layout: FapiaoLayout) -> [Double] {
        switch layout {
        case .taxControl: return [0.259, 0.388, 0.448, 0.548, 0.647, 0.797, 0.852]
        case .digital: return [0.152, 0.275, 0.397, 0.523, 0.649, 0.758, 0.883]
        }
    }

    /// Whether `box` holds more specks (dots of at most 1/150 inch) than clean print does: about two per
    /// square inch are punctuation and the dots of characters; a speckled scan has several times that.
    func isSpeckled(_ box: PixelBox) -> Bool {
        let dpi = Double(max(reader.dpi, 72))
        let specks = reader.speckCount(in: box, maximumSize: max(2, reader.dpi / 150))
        let squareInches = Double(max(1, box.width * box.height)) / (dpi * dpi)
        return Double(specks) / squareInches > Self.speckledPerSquareInch
    }

    /// Specks per square inch above which a region counts as speckled (clean renders of both layouts
    /// measure at most 1.4; the speckled test scans 2 to 7).
    static let speckledPerSquareInch = 1.8

    /// The item table: header line, items (names may wrap onto a second line), and the 合计 line.
    mutating func readItems() {
        let row = grid.itemsRow
        let box = PixelBox(left: row.x + 3, top: row.y + 3, right: row.maxX - 3, bottom: row.maxY - 3)
        // On a speckled scan the table is read through a 3×3 median filter: specks read as stray
        // characters (and cost time); on clean print the filter blurs small strokes, so it is not used.
        let read = lines(box, ReadRequest(.block, .chinese, median: isSpeckled(box) ? 3 : 0, lineModel: false))
        guard !read.isEmpty else { return }
        let headerIndex = read.prefix(2).firstIndex { Self.isItemHeader($0) } ?? 0
        let boundaries = itemBoundaries(header: read[headerIndex], row: row)
        // The 合计 line: labelled 合计, or (when OCR garbles the label) the last line with an amount and
        // nothing but a short label in the name column (the two glyphs, set far apart, and up to two
        // read in the speckle between them), when that label reads as half of 合计 or the line, below at
        // least one item, has no tax rate (every item line prints one; the 合计 line does not).
        let totalIndex = read.indices.last { index in
            guard index > headerIndex else { return false }
            let line = read[index]
            if LabelMatcher.locate("合计", in: line, minimumScore: 1) != nil { return true }
            let nameGlyphs = line.glyphs.filter { $0.box.x + $0.box.width / 2 < (boundaries.first ?? row.x) }
            guard index == read.count - 1, !Self.amounts(in: line).isEmpty, nameGlyphs.count <= 4 else { return false }
            if nameGlyphs.first.map({ $0.character == "合" || $0.character == "计" }) ?? false { return true }
            return index > headerIndex + 1 && !Self.printsTaxRate(line, boundaries: boundaries)
        }
        let body = read[(headerIndex + 1)..<(totalIndex ?? read.count)]
        var items: [[LineItemFieldName: LineText]] = []
        for line in body {
            var cells: [LineItemFieldName: LineText] = [:]
            var previous: (glyph: LineText.Glyph, column: LineItemFieldName)?
            for glyph in line.glyphs {
                let x = glyph.box.x + glyph.box.width / 2
                var column = Self.itemColumns[boundaries.firstIndex { x < $0 } ?? boundaries.count]
                // A long name runs on past its column's edge: Chinese glyphs set close after the name
                // (gap under a glyph's height, the spacing of print) are still the name, not a specification.
                if column == .specification, let previous, previous.column == .name, glyph.character.isCJK,
                    glyph.box.x - previous.glyph.box.maxX < glyph.box.height
                {
                    column = .name
                }
                previous = (glyph, column)
                cells[column, default: LineText(glyphs: [], box: glyph.box, wordBoxes: line.wordBoxes)].glyphs.append(
                    glyph)
            }
            for key in cells.keys { cells[key] = cells[key].map { $0.slice(0..<$0.glyphs.count) } }
            let onlyName = cells.keys.allSatisfy { $0 == .name }
            if onlyName, let name = cells[.name], var previous = items.popLast() {
                // A wrapped item name continues on the next line.
                let joined = (previous[.name]?.glyphs ?? []) + name.glyphs
                previous[.name] = LineText(
                    glyphs: joined, box: previous[.name].map { $0.box.union(name.box) } ?? name.box)
                items.append(previous)
            } else if !cells.isEmpty {
                items.append(cells)
            }
        }
        lineItems = items.map(itemEvidence)
        if let totalIndex { readTotalLine(read[totalIndex], boundaries: boundaries) }
    }

    private static func isItemHeader(_ line: LineText) -> Bool {
        ["名称", "单价", "金额", "税额"].filter { LabelMatcher.locate($0, in: line, minimumScore: 1) != nil }.count >= 2
    }

    /// x positions separating the columns: the table's vertical rules when there are seven, else midpoints
    /// between the header labels, else the proportions of real invoices.
    private func itemBoundaries(header: LineText, row: PixelBox) -> [Int] {
        let rules = grid.columns(ofRow: grid.itemsIndex)
        if rules.count == 7 { return rules }
        var centres: [Int] = []
        for column in Self.itemColumns {
            let names = Self.itemHeaderLabels[column] ?? []
            guard let range = names.lazy.compactMap({ LabelMatcher.locate($0, in: header, minimumScore: 0.5) }).first
            else {
                centres = []
                break
            }
            let box = header.slice(range).box
            centres.append(box.x + box.width / 2)
        }
        if centres.count == 8, zip(centres, centres.dropFirst()).allSatisfy({ $0 < $1 }) {
            return zip(centres, centres.dropFirst()).map { ($0 + $1) / 2 }
        }
        return Self.defaultItemBoundaries(layout).map { row.x + Int(Double(row.width) * $0) }
    }

    private func itemEvidence(_ cells: [LineItemFieldName: LineText]) -> [LineItemFieldName: FieldEvidence] {
        var result: [LineItemFieldName: FieldEvidence] = [:]
        for (column, text) in cells {
            let value: String?
            switch column {
            case .name: value = FieldText.itemName(text.text)
            case .specification, .unit: value = FieldText.printed(text.text)
            case .quantity, .unitPrice: value = Self.decimalText(text.compactText)
            case .amount: value = Self.amounts(in: text).last?.value
            case .tax: value = Self.isExemptMark(text.compactText) ? "0.00" : Self.amounts(in: text).last?.value
            case .taxRate: value = Self.taxRate(text.compactText)
            }
            guard let value, !value.isEmpty else { continue }
            // A rate is well formed only when it is one fapiao print (a legal rate, 免税, 不征税).
            let wellFormed =
                column != .taxRate || ValidationRules.exemptRates.contains(value)
                || Self.legalRates.contains(String(value.dropLast()))
            result[column] = FieldEvidence(
                value: value, source: .ocr, page: page, box: text.box, readConfidence: text.minimumConfidence,
                formatValid: wellFormed)
        }
        return result
    }

    /// The 合计 line: ¥amount under 金额 and ¥tax (or *** when exempt) under 税额. Two amounts are the
    /// two, left to right; a single one goes by its column, so that a missed amount does not shift the
    /// tax into its place.
    private mutating func readTotalLine(_ line: LineText, boundaries: [Int]) {
        func column(of text: LineText) -> LineItemFieldName {
            let x = text.box.x + text.box.width / 2
            return Self.itemColumns[boundaries.firstIndex { x < $0 } ?? boundaries.count]
        }
        let amounts = Self.amounts(in: line)
        if amounts.count == 2 {
            store(.amountExcludingTax, amountOpinion(.amountExcludingTax, amounts[0], in: line))
            store(.taxAmount, amountOpinion(.taxAmount, amounts[1], in: line))
            return
        }
        for amount in amounts {
            switch column(of: amount.text) {
            case .amount: store(.amountExcludingTax, amountOpinion(.amountExcludingTax, amount, in: line))
            case .tax: store(.taxAmount, amountOpinion(.taxAmount, amount, in: line))
            default: continue
            }
        }
        if fields[.taxAmount] == nil, Self.isExemptMark(String(line.compactText.suffix(4))) {
            let part = line.suffix(from: max(0, line.glyphs.count - 3))
            store(.taxAmount, evidence(.taxAmount, "0.00", from: part))
        }
    }

    /// An amount's evidence after a second opinion: the Latin model reads it again together with the
    /// glyph before it (the ¥ sign, which the Chinese model often reads as 半, 人 or 着) and the digits
    /// after the last currency sign are kept.
    func amountOpinion(
        _ field: FieldName, _ amount: (value: String, text: LineText, range: Range<Int>), in line: LineText
    )
        -> FieldEvidence?
    {
        let candidate = evidence(field, amount.value, from: amount.text)
        let before = max(0, amount.range.lowerBound - 1)
        return secondOpinion(
            field, candidate, region: line.region(of: before..<amount.range.upperBound),
            whitelist: ReadRequest.amountCharacters + "¥", clean: FieldText.amountAfterCurrency, rank: ValueRank.amount)
    }

    /// The amounts with two decimals printed in `line`, left to right (currency signs excluded).
    static func amounts(in line: LineText) -> [(value: String, text: LineText, range: Range<Int>)] {
        line.runs { $0.isASCIIDigit || $0 == "." || $0 == "," || $0 == "-" }.compactMap { range in
            let part = line.slice(range)
            let token = part.compactText
            guard token.wholeMatch(of: /-?[\d,]*\d\.\d{2}/) != nil, let value = FieldText.amount(token) else {
                return nil
            }
            return (value, part, range)
        }
    }

    /// Whether `line` has something in the tax-rate column that reads as a rate (`13%`, `免税`, `不征税`).
    private static func printsTaxRate(_ line: LineText, boundaries: [Int]) -> Bool {
        guard boundaries.count >= 7 else { return false }
        let column = boundaries[5]..<boundaries[6]
        let text = String(line.glyphs.filter { column.contains($0.box.x + $0.box.width / 2) }.map(\.character))
        return text.contains("%") || text.contains("％") || text.contains("免") || text.contains("征")
    }

    /// `***` (tax of an exempt line) as printed, or as OCR misreads it (KKK, XXX): two or more marks side
    /// by side (the `*类别*` around an item's name are apart).
    static func isExemptMark(_ text: String) -> Bool {
        let marks = text.filter { !$0.isWhitespace }.map { "*＊※".contains($0) }
        return zip(marks, marks.dropFirst()).contains { $0 && $1 }
            || text.contains("KKK") || text.contains("XXX") || text.contains("kkk")
    }

    /// A rate as printed: `13%`, `6%`, `免税`, `不征税`.
    static func taxRate(_ text: String) -> String? {
        if text.contains("免") { return "免税" }
        if text.contains("不征") { return "不征税" }
        // A stop before or after the number is a speck (".6%" for 6%).
        let digits = String(text.map(FieldText.halfWidth).filter { $0.isASCIIDigit || $0 == "." })
            .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        guard !digits.isEmpty else { return nil }
        // The percent sign often reads as digits ("6%" as "606", "3%" as "3046"): a reading that is not a
        // legal rate but starts with one is that rate.
        if !legalRates.contains(digits),
            let rate = legalRates.filter({ digits.hasPrefix($0) }).max(by: { $0.count < $1.count })
        {
            return rate + "%"
        }
        return digits + "%"
    }

    /// VAT rates and simplified collection rates (征收率) printed on fapiao, in percent.
    static let legalRates: Set<String> = ["0", "1", "1.5", "3", "5", "6", "9", "10", "11", "13", "16", "17"]

    /// A quantity or unit price as printed (digits and one decimal point).
    static func decimalText(_ text: String) -> String? {
        let kept = String(text.map(FieldText.halfWidth).filter { $0.isASCIIDigit || $0 == "." || $0 == "-" })
        return Decimal(string: kept) == nil ? nil : kept
    }
}
