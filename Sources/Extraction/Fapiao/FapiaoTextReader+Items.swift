import Foundation
import InvoiceModel

extension FapiaoTextReader {
    /// Column headings of the item table (invoice page and 销货清单), each with its column.
    static let itemHeadings: [(text: String, column: LineItemFieldName)] = [
        ("货物或应税劳务、服务名称", .name), ("货物（劳务）名称", .name), ("项目名称", .name), ("规格型号", .specification),
        ("单位", .unit), ("数量", .quantity), ("单价", .unitPrice), ("金额", .amount), ("税率/征收率", .taxRate),
        ("税率", .taxRate), ("税额", .tax),
    ]

    /// The item table: the heading line (规格型号 … 金额), then every line down to 合计 / 小计, each word
    /// in the column whose heading it falls under. A line with only a name continues the previous name
    /// (a long name wraps); "详见销货清单" stands for the items of a continuation page and is skipped.
    func readItems() -> [[LineItemFieldName: FieldEvidence]] {
        guard
            let headerIndex = lines.firstIndex(where: { line in
                Self.locate("规格型号", in: line, from: 0) != nil && Self.locate("金额", in: line, from: 0) != nil
            })
        else { return [] }
        let header = lines[headerIndex]
        var columns: [(column: LineItemFieldName, box: PixelBox)] = []
        var taken: [Range<Int>] = []
        for heading in Self.itemHeadings where !columns.contains(where: { $0.column == heading.column }) {
            guard let range = Self.locate(heading.text, in: header, from: 0),
                !taken.contains(where: { $0.overlaps(range) }), let box = header.region(of: range)
            else { continue }
            taken.append(range)
            columns.append((heading.column, box))
        }
        columns.sort { $0.box.x < $1.box.x }
        guard columns.count >= 3 else { return [] }
        // Boundaries halfway between neighbouring headings.
        let bounds = zip(columns, columns.dropFirst()).map { ($0.box.maxX + $1.box.x) / 2 }
        func column(of x: Int) -> LineItemFieldName {
            columns[bounds.firstIndex { x < $0 } ?? bounds.count].column
        }

        var items: [[LineItemFieldName: FieldEvidence]] = []
        var continuing = false
        for line in lines[(headerIndex + 1)...] {
            let compact = line.compactText
            if ["合计", "小计", "总计", "价税合计"].contains(where: { Self.locate($0, in: line, from: 0) != nil }) { break }
            // OCR that lost the 合 of 合计 (a seal over it) still leaves a row that starts with 计 and holds a ¥.
            if source == .ocr, compact.hasPrefix("计") || compact.hasPrefix("合"), compact.contains(where: { "¥￥".contains($0) }) {
                break
            }
            guard !compact.isEmpty else { continue }
            var cells: [LineItemFieldName: [LineText.Glyph]] = [:]
            for glyph in line.glyphs {
                let word = line.wordBoxes.indices.contains(glyph.word) ? line.wordBoxes[glyph.word] : glyph.box
                cells[column(of: word.x + word.width / 2), default: []].append(glyph)
            }
            if compact.contains("详见销货清单") || compact.contains("详见清单") {
                continuing = false
                continue
            }
            if cells.keys.allSatisfy({ $0 == .name }), continuing, var last = items.popLast(),
                let name = last[.name], let glyphs = cells[.name]
            {
                last[.name]?.value = name.value + String(glyphs.map(\.character))
                items.append(last)
                continue
            }
            var item: [LineItemFieldName: FieldEvidence] = [:]
            for (name, glyphs) in cells {
                let part = LineText(glyphs: glyphs, box: line.box, wordBoxes: line.wordBoxes)
                guard let value = Self.cell(part, name) else { continue }
                item[name] = FieldEvidence(
                    value: value, source: source, page: page, box: part.region ?? line.box,
                    readConfidence: source == .ocr ? part.minimumConfidence : 1, formatValid: true)
            }
            if item[.tax] == nil, let rate = item[.taxRate]?.value, ValidationRules.exemptRates.contains(rate) {
                item[.tax] = FieldEvidence(
                    value: "0.00", source: source, page: page, box: nil, readConfidence: 1, formatValid: true)
            }
            guard item[.name] != nil || item[.amount] != nil else { continue }
            items.append(item)
            continuing = item[.name] != nil
        }
        return items
    }

    /// One cell's value in the contract's format.
    static func cell(_ text: LineText, _ column: LineItemFieldName) -> String? {
        let compact = text.compactText
        switch column {
        case .amount, .tax:
            if FapiaoReader.isExemptMark(compact) { return "0.00" }
            return FieldText.amount(compact.filter { $0 != "¥" && $0 != "￥" })
        case .quantity, .unitPrice:
            return FapiaoReader.decimalText(compact)
        case .taxRate:
            return FapiaoReader.taxRate(compact)
        default:
            let value = FieldText.printed(text.text)
            return value.isEmpty ? nil : value
        }
    }
}
