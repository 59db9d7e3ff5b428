import Foundation
import InvoiceModel

/// Reads a fapiao from text the file carried (PDF text layer, OFD text objects): every printed label,
/// then its value — after it on the same line, up to the next label or a wide gap.
///
/// The text is exact, so no grid and no second reads are needed; what is uncertain is only which
/// value belongs to which label, and whether a 名称 belongs to the buyer or the seller (decided by the
/// 购/销 markers printed beside the blocks, or by reading order when there are none).
struct FapiaoTextReader {
    let lines: [LineText]
    let page: Int
    let source: FieldSource
    let pageHeight: Int
    var fields: [FieldName: FieldEvidence] = [:]
    var lineItems: [[LineItemFieldName: FieldEvidence]] = []

    init(reader: any PageReader, page: Int) {
        lines = LineText.read(reader, nil, ReadRequest(.page, .chinese))
        self.page = page
        source = reader.source
        pageHeight = reader.height
    }

    typealias Kind = ValueKind
    enum Party { case buyer, seller, either }

    struct Label {
        var text: String
        var party: Party
        var kind: Kind
        var buyer: FieldName?
        var seller: FieldName?
    }

    /// Labels, longest first where one contains another.
    static let labels: [Label] = [
        Label(text: "价税合计", party: .either, kind: .capitals, buyer: .totalAmountInWords),
        Label(text: "小写", party: .either, kind: .amount, buyer: .totalAmount),
        Label(text: "发票代码", party: .either, kind: .digits, buyer: .invoiceCode),
        Label(text: "发票号码", party: .either, kind: .digits, buyer: .invoiceNumber),
        Label(text: "开票日期", party: .either, kind: .date, buyer: .issueDate),
        Label(text: "校验码", party: .either, kind: .digits, buyer: .checkCode),
        Label(text: "机器编号", party: .either, kind: .printed, buyer: .machineNumber),
        Label(text: "购买方名称", party: .buyer, kind: .name, buyer: .buyerName),
        Label(text: "销售方名称", party: .seller, kind: .name, seller: .sellerName),
        Label(text: "统一社会信用代码/纳税人识别号", party: .either, kind: .taxID, buyer: .buyerTaxID, seller: .sellerTaxID),
        Label(text: "纳税人识别号", party: .either, kind: .taxID, buyer: .buyerTaxID, seller: .sellerTaxID),
        Label(text: "名称", party: .either, kind: .name, buyer: .buyerName, seller: .sellerName),
        Label(text: "地址、电话", party: .either, kind: .printed, buyer: .buyerAddressPhone, seller: .sellerAddressPhone),
        Label(text: "开户行及账号", party: .either, kind: .printed, buyer: .buyerBankAccount, seller: .sellerBankAccount),
        Label(text: "合计", party: .either, kind: .amount, buyer: .amountExcludingTax),
        Label(text: "收款人", party: .either, kind: .printed, buyer: .payee),
        Label(text: "复核", party: .either, kind: .printed, buyer: .reviewer),
        Label(text: "开票人", party: .either, kind: .printed, buyer: .drawer),
    ]

    /// One label found on a line.
    struct Found {
        var label: Label
        var line: Int
        var range: Range<Int>
        var box: PixelBox
    }

    /// Every label occurrence, in reading order; a shorter label inside a longer one is not counted.
    func findLabels() -> [Found] {
        var found: [Found] = []
        for (index, line) in lines.enumerated() {
            var taken: [Range<Int>] = []
            for label in Self.labels {
                var from = 0
                while let range = Self.locate(label.text, in: line, from: from) {
                    from = range.upperBound
                    guard !taken.contains(where: { $0.overlaps(range) }) else { continue }
                    taken.append(range)
                    // 名称 inside the items' heading (服务名称, 项目名称) is not a party's label.
                    if label.text == "名称", range.lowerBound > 0,
                        "务目、".contains(line.glyphs[range.lowerBound - 1].character)
                    {
                        continue
                    }
                    found.append(
                        Found(label: label, line: index, range: range, box: line.region(of: range) ?? line.box))
                }
            }
        }
        return found.sorted { ($0.line, $0.range.lowerBound) < ($1.line, $1.range.lowerBound) }
    }

    /// Exact occurrence of `label` in the line's glyphs, ignoring spaces, separators and the 、 of
    /// 地址、电话 (which some files print as a space).
    static func locate(_ label: String, in line: LineText, from: Int) -> Range<Int>? {
        let wanted = Array(label.filter { $0 != "、" && $0 != "/" })
        let glyphs = line.glyphs.map(\.character)
        guard let first = wanted.first, from < glyphs.count else { return nil }
        for start in from..<glyphs.count where glyphs[start] == first {
            var position = start
            var matched = 0
            while position < glyphs.count, matched < wanted.count {
                let character = glyphs[position]
                if character == wanted[matched] {
                    matched += 1
                } else if !"、/／".contains(character) {
                    break
                }
                position += 1
            }
            if matched == wanted.count { return start..<position }
        }
        return nil
    }

    mutating func readAll() {
        readTitle()
        lineItems = readItems()
        let found = findLabels()
        var partyOrder: [String: Int] = [:]
        for (index, occurrence) in found.enumerated() {
            let line = lines[occurrence.line]
            let nextLabel = found[(index + 1)...].first { $0.line == occurrence.line }?.range.lowerBound
            let value = valueText(
                after: occurrence.range, in: line, until: nextLabel ?? line.glyphs.count, kind: occurrence.label.kind)
            let field: FieldName?
            switch occurrence.label.party {
            case .buyer: field = occurrence.label.buyer
            case .seller: field = occurrence.label.seller
            case .either:
                if let seller = occurrence.label.seller {
                    let ordinal = partyOrder[occurrence.label.text, default: 0]
                    partyOrder[occurrence.label.text] = ordinal + 1
                    field = party(of: occurrence, ordinal: ordinal) == .seller ? seller : occurrence.label.buyer
                } else {
                    field = occurrence.label.buyer
                }
            }
            guard let field, fields[field] == nil else { continue }
            if occurrence.label.text == "合计" {
                readTotals(value, whole: line.suffix(from: occurrence.range.upperBound))
                continue
            }
            var text = value
            if text.isEmpty, occurrence.label.kind == .printed,
                [
                    .buyerAddressPhone, .sellerAddressPhone,
                    .buyerBankAccount, .sellerBankAccount,
                ].contains(field)
            {
                text = nearbyValue(of: occurrence, found: found) ?? text
            }
            guard let cleaned = occurrence.label.kind.clean(text, exact: source != .ocr) else { continue }
            fields[field] = evidence(field, cleaned, text)
        }
    }

    func evidence(_ field: FieldName, _ value: String, _ text: LineText) -> FieldEvidence {
        // Text the file carried is exact; OCR'd text is as sure as its least sure character.
        let exact = source != .ocr
        var evidence = FieldEvidence(
            value: value, source: source, page: page, box: text.region ?? text.box,
            readConfidence: exact ? 1 : text.minimumConfidence, formatValid: FieldText.isWellFormed(value, for: field))
        if !exact, text.glyphs.count > 1 { evidence.meanReadConfidence = text.meanConfidence }
        return evidence
    }

    /// The value after a label: separators skipped, up to `end` or the first gap wider than two and a
    /// half character heights (beyond it is another column: the cipher area, remarks).
    func valueText(after range: Range<Int>, in line: LineText, until end: Int, kind: Kind) -> LineText {
        var start = range.upperBound
        // Separators, and the （大写） that completes 价税合计 (大 only before 写: 大家人寿 is a name).
        while start < end {
            let character = line.glyphs[start].character
            let isCapitalsMark =
                character == "写"
                || (character == "大" && start + 1 < end && line.glyphs[start + 1].character == "写")
            guard "：:)）(（".contains(character) || isCapitalsMark else { break }
            start += 1
        }
        guard start < end else { return line.slice(start..<start) }
        let height = max(1, line.glyphs[start].box.height)
        // A value far from its label is another column's text (the cipher area beside an empty address).
        if kind != .capitals, kind != .amount, start > 0,
            line.glyphs[start].box.x - line.glyphs[start - 1].box.maxX > height * 8
        {
            return line.slice(start..<start)
        }
        var stop = start + 1
        while stop < end {
            let previous = line.glyphs[stop - 1]
            let current = line.glyphs[stop]
            if current.word != previous.word, current.box.x - previous.box.maxX > height * 5 / 2 { break }
            stop += 1
        }
        return line.slice(start..<stop)
    }

    /// A value printed just above or below its label's line (some files offset it), to the right of
    /// the label and before the next label of the block.
    func nearbyValue(of occurrence: Found, found: [Found]) -> LineText? {
        let labelBox = occurrence.box
        let candidates = lines.enumerated().filter { index, line in
            index != occurrence.line
                && abs((line.box.y + line.box.height / 2) - (labelBox.y + labelBox.height / 2))
                    < labelBox.height * 3 / 2
                && !found.contains { $0.line == index }
        }
        for (_, line) in candidates {
            let part = line.within(
                PixelBox(
                    left: labelBox.maxX, top: line.box.y, right: labelBox.maxX + labelBox.width * 12,
                    bottom: line.box.maxY))
            guard part.glyphs.count >= 2, let first = part.glyphs.first,
                first.box.x - labelBox.maxX < labelBox.height * 8
            else { continue }
            return part
        }
        return nil
    }

    /// Buyer or seller: the nearest 购/买 or 销/售 marker printed left of the label; by order otherwise.
    func party(of occurrence: Found, ordinal: Int) -> Party {
        let box = occurrence.box
        var best: (party: Party, distance: Int)?
        for line in lines {
            for glyph in line.glyphs where "购买销售".contains(glyph.character) {
                guard glyph.box.maxX <= box.x + box.height / 2 else { continue }
                // Markers are single characters or short words (购买方, 销售方信息), not labels' text.
                let word = line.glyphs.filter { $0.word == glyph.word }
                guard word.count <= 5, !word.contains(where: { "名称识别号".contains($0.character) }) else { continue }
                let dy = abs((glyph.box.y + glyph.box.height / 2) - (box.y + box.height / 2))
                let distance = dy * 2 + (box.x - glyph.box.maxX)
                if distance < best?.distance ?? Int.max {
                    best = ("购买".contains(glyph.character) ? .buyer : .seller, distance)
                }
            }
        }
        return best?.party ?? (ordinal == 0 ? .buyer : .seller)
    }

    /// 合计: the amount before tax, then the tax (`***` when exempt: 0.00).
    mutating func readTotals(_ value: LineText, whole: LineText) {
        let amounts = FapiaoReader.amounts(in: whole)
        guard let first = amounts.first else { return }
        fields[.amountExcludingTax] = evidence(.amountExcludingTax, first.value, first.text)
        if amounts.count > 1 {
            fields[.taxAmount] = evidence(.taxAmount, amounts[1].value, amounts[1].text)
        } else if FapiaoReader.isExemptMark(whole.suffix(from: first.range.upperBound).compactText) {
            fields[.taxAmount] = evidence(.taxAmount, "0.00", whole.suffix(from: first.range.upperBound))
        }
    }

    /// The title: the tallest word near the top naming a kind of invoice.
    mutating func readTitle() {
        var best: (text: String, box: PixelBox, line: LineText)?
        for line in lines where line.box.y < pageHeight / 4 {
            for word in Set(line.glyphs.map(\.word)).sorted() {
                let glyphs = line.glyphs.filter { $0.word == word }
                let text = String(glyphs.map(\.character)).filter { $0.isCJK || "()（）".contains($0) }
                guard let title = Self.title(in: text) ?? (source == .ocr ? FapiaoTitle.nearForm(text) : nil)
                else { continue }
                let part = LineText(glyphs: glyphs, box: line.box)
                let box = part.region ?? line.box
                if box.height > best?.box.height ?? 0 { best = (title, box, part) }
            }
        }
        guard var best else { return }
        // Ticket forms print the province or city on a line of its own above the rest of the title.
        var read = best.text
        if let above = placeAbove(best.box) {
            read = above.compactText + best.text
            best.text = (source == .ocr ? FapiaoTitle.repairedPlace(above.compactText) : above.compactText) + best.text
            best.box = best.box.union(above.box)
        }
        // An OCR'd title one character off a known form (增镇税 for 增值税) is that form, marked repaired.
        let title = source == .ocr ? FapiaoTitle.normalized(best.text) : best.text
        var evidence = FieldEvidence(
            value: title, source: source, page: page, box: best.box,
            readConfidence: source == .ocr ? best.line.minimumConfidence : 1, formatValid: true)
        evidence.repaired = title != read
        fields[.invoiceTitle] = evidence
    }

    /// The line printed just above a title that names only a place (内蒙古, 内蒙古鄂尔多斯市), centred
    /// over it, when the title does not start with one.
    func placeAbove(_ title: PixelBox) -> LineText? {
        lines.first { line in
            let text = line.compactText
            let centre = line.box.x + line.box.width / 2
            return line.box.maxY <= title.y + title.height / 3 && title.y - line.box.maxY < title.height * 2
                && centre > title.x && centre < title.maxX && (2...10).contains(text.count)
                && text.allSatisfy(\.isCJK) && FapiaoTitle.isPlace(text)
        }
    }

    /// The invoice title a word starts with: up to the first 发票, with the （…） that may follow it
    /// (电子发票（普通发票）); seal text (全国统一发票监制章) is not a title.
    static func title(in text: String) -> String? {
        guard !text.hasPrefix("全国统一"), !text.hasPrefix("发票监制"),
            let match = text.firstMatch(of: /^(.*?(?:发票|客票|行程单))([（(][^）)]*[）)])?/), match.output.1.count >= 3
        else { return nil }
        let title = String(match.output.0)
        return title.contains("代码") || title.contains("号码") ? nil : title
    }
}
