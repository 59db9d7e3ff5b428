import Foundation
import InvoiceModel

/// Reads a paper fapiao from words found anywhere on the page (the second OCR's whole-page reading) by
/// what each value looks like and where it lies between the form's printed landmarks — the items'
/// heading and the 价税合计 row — rather than by the ruled grid or a label on the value's own line.
///
/// Paper forms print 发票代码 and 发票号码 without labels (a large code at the top left, № and the
/// number at the top right, both printed again in small type by the tax-control printer), and values
/// printed by dot-matrix printers are often shifted off their label's line; so the code, the number,
/// the date, the tax IDs and the amounts are found by their shape, and a value printed twice alike
/// counts as confirmed.
struct FapiaoPaperReader {
    let lines: [LineText]
    let page: Int
    let pageHeight: Int
    var fields: [FieldName: FieldEvidence] = [:]

    init(reader: any PageReader, page: Int) {
        lines = LineText.read(reader, nil, ReadRequest(.page, .chinese))
        self.page = page
        pageHeight = reader.height
    }

    /// A run of glyphs on one line.
    struct Token {
        var line: Int
        var range: Range<Int>
        var text: LineText
        var value: String
    }

    mutating func readAll() {
        let header = headerBottom
        readCodeAndNumber(above: header)
        readDate(above: header)
        if fields[.issueDate] == nil { readDate(above: pageHeight) }
        readMachineNumber(above: header)
        let items = line(containingAny: ["货物或应税劳务", "应税劳务", "规格型号", "项目名称", "服务名称"])
        let totals = line(containingAny: ["价税合计", "价税合", "税合计"])
        // The buyer's block ends at the items' heading, or — when that was misread — below its bank
        // account line, or at the 价税合计 row.
        let buyerBottom =
            items.map { lines[$0].box.y } ?? line(containingAny: ["开户行及账号", "开户行"]).map { lines[$0].box.maxY }
            ?? totals.map { lines[$0].box.y }
        if let buyerBottom {
            readParty(top: header, bottom: buyerBottom, name: .buyerName, taxID: .buyerTaxID)
        }
        if let totals {
            let bottom = line(containingAny: ["收款人", "开票人", "复核"]).map { lines[$0].box.maxY } ?? pageHeight
            readParty(
                top: lines[totals].box.maxY, bottom: bottom, name: .sellerName, taxID: .sellerTaxID)
            readAmounts(totals: totals, itemsTop: items.map { lines[$0].box.maxY } ?? 0)
        } else {
            readLabelledTotal()
        }
    }

    /// A ticket's total (出租汽车 and 通用机打 forms print no 价税合计): the amount after 金额, 合计,
    /// 实收 or 总计, on the label's line or the nearest line beside it.
    mutating func readLabelledTotal() {
        for label in ["合计", "实收", "总计", "金额"] {
            for (index, line) in lines.enumerated() {
                guard let range = line.compactText.range(of: label) else { continue }
                let start = line.compactText.distance(from: line.compactText.startIndex, to: range.upperBound)
                let labelBox = line.region(of: (start - label.count)..<start) ?? line.box
                let sameLine = FapiaoReader.amounts(in: line.suffix(from: start)).first
                let beside = lines.enumerated().filter { $0.offset != index }.lazy.compactMap { other -> Token? in
                    let dy = abs((other.element.box.y + other.element.box.height / 2) - (labelBox.y + labelBox.height / 2))
                    guard dy < labelBox.height * 3 / 2, other.element.box.x >= labelBox.maxX,
                        let amount = FapiaoReader.amounts(in: other.element).first
                    else { return nil }
                    return Token(line: other.offset, range: amount.range, text: amount.text, value: amount.value)
                }.first
                let found =
                    sameLine.map { Token(line: index, range: $0.range, text: $0.text, value: $0.value) } ?? beside
                if let found {
                    // Nothing checks a ticket's total (no tax to add up, no capitals read): a person does.
                    var total = evidence(.totalAmount, found)
                    total.inferredFrom = "the amount printed after \(label)"
                    fields[.totalAmount] = total
                    return
                }
            }
        }
    }

    /// Where the header ends: the top of the buyer block (its 名称 / 纳税人识别号 labels), or a third of
    /// the page when they are not found.
    var headerBottom: Int {
        let labels = lines.indices.filter { index in
            let text = lines[index].compactText
            return text.contains("纳税人识别号") || text.contains("识别号") || text.hasPrefix("名称")
                || text.hasPrefix("称")
        }
        return labels.map { lines[$0].box.y }.min() ?? pageHeight / 3
    }

    /// The first line whose text contains one of `texts`.
    func line(containingAny texts: [String]) -> Int? {
        lines.indices.first { index in texts.contains { lines[index].compactText.contains($0) } }
    }

    /// Maximal runs of digits on the lines above `bottom`, with the labels whose values they are not.
    func digitRuns(above bottom: Int) -> [Token] {
        var tokens: [Token] = []
        for (index, line) in lines.enumerated() where line.box.y < bottom {
            let text = line.compactText
            // Values of other labels: the check code and the machine number.
            let skipAfter = ["校验码", "机器编号", "机器号"].compactMap { label -> Int? in
                text.range(of: label).map { text.distance(from: text.startIndex, to: $0.lowerBound) }
            }.min()
            for range in line.runs(gapRatio: 0.9, where: { FieldText.halfWidth($0).isASCIIDigit }) {
                if let skipAfter, range.lowerBound >= skipAfter { continue }
                let part = line.slice(range)
                tokens.append(
                    Token(line: index, range: range, text: part, value: FieldText.digits(part.compactText)))
            }
        }
        return tokens
    }

    /// 发票代码 (10 or 12 digits of a valid structure) and 发票号码 (8 digits) above the buyer block:
    /// the value printed most often wins; its other prints confirm it.
    mutating func readCodeAndNumber(above bottom: Int) {
        var runs = digitRuns(above: bottom)
        // Runs printed close together on one line that make 20 digits are the check code (printed in
        // groups of five), not a code and a number.
        var grouped: Set<Int> = []
        for (index, run) in runs.enumerated() where !grouped.contains(index) {
            var members = [index]
            var count = run.value.count
            var next = index + 1
            // Groups of five: every part a multiple of five digits (a number and a code side by side,
            // 8 + 12, are not a check code).
            guard run.value.count % 5 == 0 else { continue }
            while next < runs.count, runs[next].line == run.line, count < 20, runs[next].value.count % 5 == 0 {
                let gap = runs[next].text.box.x - runs[members.last!].text.box.maxX
                guard gap < runs[next].text.box.height * 3 else { break }
                members.append(next)
                count += runs[next].value.count
                next += 1
            }
            if count == 20, members.count > 1 {
                grouped.formUnion(members)
                if fields[.checkCode] == nil {
                    let line = lines[run.line]
                    let range = run.range.lowerBound..<runs[members.last!].range.upperBound
                    let part = line.slice(range)
                    fields[.checkCode] = evidence(
                        .checkCode, Token(line: run.line, range: range, text: part, value: FieldText.digits(part.compactText)))
                }
            }
        }
        // 20 digits after a (partly read) 校验码 label, printed without gaps.
        if fields[.checkCode] == nil {
            for (index, run) in runs.enumerated() where run.value.count == 20 {
                let before = lines[run.line].slice(0..<run.range.lowerBound).compactText
                guard before.hasSuffix("验码") || before.hasSuffix("校验") || before.hasSuffix("验码：")
                    || before.hasSuffix("验码:")
                else { continue }
                fields[.checkCode] = evidence(.checkCode, run)
                grouped.insert(index)
                break
            }
        }
        runs = runs.enumerated().filter { !grouped.contains($0.offset) }.map(\.element)
        let codes = runs.filter { run in
            (run.value.count == 10 || run.value.count == 12) && InvoiceCode.analyze(run.value)?.provinceName != nil
        }
        if let best = Self.mostPrinted(codes) {
            fields[.invoiceCode] = evidence(.invoiceCode, best.token, confirmations: best.count - 1)
        }
        let numbers = runs.filter { $0.value.count == 8 && !lines[$0.line].compactText.contains("年") }
        if let best = Self.mostPrinted(numbers) {
            fields[.invoiceNumber] = evidence(.invoiceNumber, best.token, confirmations: best.count - 1)
        }
    }

    /// 机器编号 (tax-control forms): the 12 digits after the label, or — printed off its line by the
    /// tax-control printer — the nearest run of 12 digits below or right of it, within three label
    /// heights, that is not the invoice code.
    mutating func readMachineNumber(above bottom: Int) {
        let labels = lines.indices.compactMap { index -> (line: Int, box: PixelBox, end: Int)? in
            let text = lines[index].compactText
            guard lines[index].box.y < bottom,
                let range = text.range(of: "机器编号") ?? text.range(of: "机器号") ?? text.range(of: "机编号")
            else { return nil }
            let start = text.distance(from: text.startIndex, to: range.lowerBound)
            let end = text.distance(from: text.startIndex, to: range.upperBound)
            return (index, lines[index].region(of: start..<end) ?? lines[index].box, end)
        }
        guard let label = labels.first else { return }
        let code = fields[.invoiceCode]?.value
        let runs = lines.indices.flatMap { index in
            lines[index].runs(gapRatio: 0.9, where: { FieldText.halfWidth($0).isASCIIDigit }).map { range in
                let part = lines[index].slice(range)
                return Token(line: index, range: range, text: part, value: FieldText.digits(part.compactText))
            }
        }.filter { run in
            run.value.count == 12 && run.value != code && (run.line != label.line || run.range.lowerBound >= label.end)
        }
        let height = max(1, label.box.height)
        /// How far the run lies from the label's value place, in label heights (`nil`: not beside it).
        func distance(_ run: Token) -> Int? {
            let box = run.text.box
            let below = box.y - label.box.maxY
            let dy = abs((box.y + box.height / 2) - (label.box.y + label.box.height / 2))
            guard box.maxX > label.box.x, box.x < label.box.maxX + height * 20,
                dy < height / 2 || (below >= -height / 2 && below < height * 3)
            else { return nil }
            return dy / height
        }
        let best = runs.compactMap { run in distance(run).map { (run, $0) } }.min { $0.1 < $1.1 }
        if let best { fields[.machineNumber] = evidence(.machineNumber, best.0) }
    }

    /// The value printed most often (ties: the tallest print), with how often.
    static func mostPrinted(_ tokens: [Token]) -> (token: Token, count: Int)? {
        let groups = Dictionary(grouping: tokens, by: \.value)
        return groups.values.map { group in
            (token: group.max { $0.text.box.height < $1.text.box.height }!, count: group.count)
        }.max { a, b in
            (a.count, a.token.text.box.height) < (b.count, b.token.text.box.height)
        }
    }

    /// 开票日期: a date written 2022年08月08日 (or 2022-08-08) above the buyer block.
    mutating func readDate(above bottom: Int) {
        for line in lines where line.box.y < bottom {
            let glyphs = line.glyphs.map { FieldText.halfWidth($0.character) }
            let text = String(glyphs)
            guard let match = text.firstMatch(of: /(19|20)\d\d\s*[年\-\/.]\s*\d{1,2}\s*[月\-\/.]\s*\d{1,2}\s*日?/)
            else { continue }
            let start = text.distance(from: text.startIndex, to: match.range.lowerBound)
            let end = text.distance(from: text.startIndex, to: match.range.upperBound)
            let part = line.slice(start..<end)
            guard let value = DocumentDate.parseChinese(part.compactText) else { continue }
            fields[.issueDate] = evidence(.issueDate, Token(line: 0, range: start..<end, text: part, value: value))
            return
        }
    }

    /// A party's name and tax ID between `top` and `bottom`: the ID is the run of 15–20 capitals and
    /// digits (a valid USCC preferred); the name is what follows the 名称 label, on its line or on the
    /// line printed just beside it.
    mutating func readParty(top: Int, bottom: Int, name: FieldName, taxID: FieldName) {
        let block = lines.indices.filter { lines[$0].box.maxY > top && lines[$0].box.y < bottom }
        var ids: [(token: Token, valid: Bool)] = []
        for index in block {
            let line = lines[index]
            for range in line.runs(gapRatio: 0.9, where: { FieldText.halfWidth($0).isASCIIDigit || ("A"..."Z").contains(FieldText.halfWidth($0)) }) {
                let part = line.slice(range)
                let id = FieldText.taxID(part.compactText)
                guard (15...20).contains(id.count), id.filter({ $0.isASCIIDigit }).count >= 6 else { continue }
                ids.append((Token(line: index, range: range, text: part, value: id), TaxID.check(id) == .validUSCC))
            }
        }
        // The ID printed after or just beside the 识别号 label wins (a 代开 invoice also prints the
        // issuing firm's ID in its name line); then a valid USCC; then 18 characters.
        let labels = block.compactMap { index -> PixelBox? in
            let line = lines[index]
            guard let range = line.compactText.range(of: "识别号") else { return nil }
            let start = line.compactText.distance(from: line.compactText.startIndex, to: range.lowerBound)
            return line.region(of: start..<(start + 3))
        }
        /// How many label heights the token lies above or below a label it is right of (0: on its line);
        /// 9 when it is beside none.
        func offLabel(_ token: Token) -> Int {
            labels.compactMap { label -> Int? in
                let box = token.text.box
                let dy = abs((box.y + box.height / 2) - (label.y + label.height / 2))
                return box.x >= label.x && dy < label.height * 2 ? dy * 2 / max(1, label.height) : nil
            }.min() ?? 9
        }
        if let best = ids.max(by: { a, b in
            (-offLabel(a.token), a.valid ? 1 : 0, a.token.value.count == 18 ? 1 : 0)
                < (-offLabel(b.token), b.valid ? 1 : 0, b.token.value.count == 18 ? 1 : 0)
        }) {
            fields[taxID] = evidence(taxID, best.token)
        }
        // Seals (tall, curved print) are not where a name is printed.
        let heights = lines.map(\.box.height).sorted()
        let usual = heights.isEmpty ? 0 : heights[heights.count / 2]
        for index in block {
            let line = lines[index]
            let text = line.glyphs.map(\.character)
            guard let label = text.indices.first(where: { text[$0] == "称" && ($0 == 0 || text[$0 - 1] == "名" || text[$0 - 1] == " " || $0 <= 2) })
            else { continue }
            var start = label + 1
            while start < text.count, "：:;；. ".contains(text[start]) { start += 1 }
            let labelBox = line.glyphs[label].box
            var value = line.slice(start..<Self.valueEnd(in: line, from: start))
            // Printed off its label's line: the nearest line beside the label, to its right, whose text
            // there can be a name (Chinese, no form label; not the cipher area) — taken when nothing
            // follows the label, or only a piece of that line's text (a box that caught the label and
            // the end of the name printed across it).
            let besideValue = block.filter { $0 != index }.map { lines[$0] }.filter { other in
                other.box.height <= usual * 2
                    && abs((other.box.y + other.box.height / 2) - (labelBox.y + labelBox.height / 2))
                    < max(labelBox.height, other.box.height) * 2
                    && other.box.maxX > labelBox.maxX
            }.sorted { abs($0.box.y - labelBox.y) < abs($1.box.y - labelBox.y) }.lazy.compactMap { other -> LineText? in
                let right = other.within(
                    PixelBox(left: labelBox.maxX, top: other.box.y, right: other.box.maxX, bottom: other.box.maxY))
                guard !right.isEmpty else { return nil }
                let part = right.slice(0..<Self.valueEnd(in: right, from: 0))
                let text = part.compactText
                guard text.filter(\.isCJK).count >= 2,
                    !["识别号", "地址", "电话", "开户行", "账号", "名称"].contains(where: { text.contains($0) })
                else { return nil }
                return part
            }.first
            if value.compactText.count < 2 {
                guard let besideValue else { continue }
                value = besideValue
            } else if let besideValue, besideValue.compactText.count > value.compactText.count,
                besideValue.compactText.contains(value.compactText)
            {
                value = besideValue
            }
            guard let cleaned = ValueKind.name.clean(value, exact: false), cleaned.count >= 2,
                !cleaned.contains("纳税人"), !cleaned.contains("识别号")
            else { continue }
            fields[name] = evidence(name, Token(line: index, range: 0..<0, text: value, value: cleaned))
            return
        }
        // No 名称 label read: the line just above the tax ID (the form prints the name there), for review.
        guard fields[name] == nil, let id = fields[taxID], let idBox = id.box else { return }
        let above = lines.filter { other in
            other.box.maxY <= idBox.y + idBox.height / 2 && idBox.y - other.box.maxY < idBox.height * 3
                && other.box.maxX > idBox.x && other.box.x < idBox.maxX
        }.max { $0.box.y < $1.box.y }
        guard let above else { return }
        let part = above.slice(0..<Self.valueEnd(in: above, from: 0))
        let text = part.compactText
        guard text.filter(\.isCJK).count >= 4,
            !["识别号", "地址", "电话", "开户行", "账号", "名称", "发票"].contains(where: { text.contains($0) }),
            let cleaned = ValueKind.name.clean(part, exact: false), cleaned.count >= 4
        else { return }
        var found = evidence(name, Token(line: 0, range: 0..<0, text: part, value: cleaned))
        found.inferredFrom = "the line above the tax ID (no 名称 label was read)"
        fields[name] = found
    }

    /// Where a value starting at `start` ends: at the first gap wider than two and a half glyph heights.
    static func valueEnd(in line: LineText, from start: Int) -> Int {
        guard start < line.glyphs.count else { return start }
        let height = max(1, line.glyphs[start].box.height)
        var stop = start + 1
        while stop < line.glyphs.count {
            if line.glyphs[stop].box.x - line.glyphs[stop - 1].box.maxX > height * 5 / 2 { break }
            stop += 1
        }
        return stop
    }

    /// 价税合计 (小写) and the 合计 amounts above it: the total is the ¥ amount on or beside the 价税合计
    /// row; the amount before tax and the tax are the two amounts above it (below the items' heading)
    /// that add up to it. Only a triple that adds up is taken.
    mutating func readAmounts(totals: Int, itemsTop: Int) {
        let totalsLine = lines[totals]
        let rowHeight = max(1, totalsLine.box.height)
        readCapitals(near: totalsLine)
        var candidates: [(value: Decimal, token: Token)] = []
        for (index, line) in lines.enumerated() where line.box.maxY > itemsTop {
            for amount in FapiaoReader.amounts(in: line) {
                guard let value = Decimal(string: amount.value) else { continue }
                candidates.append(
                    (value, Token(line: index, range: amount.range, text: amount.text, value: amount.value)))
            }
        }
        let near = candidates.filter { candidate in
            abs(candidate.token.text.box.y - totalsLine.box.y) <= rowHeight * 2
        }
        let above = candidates.filter { $0.token.text.box.maxY <= totalsLine.box.y + rowHeight / 2 }
        // The total on its row first; then — print shifted rows off their labels — any amount that two
        // others printed side by side (the 合计 row's amount and tax, not two item lines) add up to,
        // the largest first.
        let totals =
            near.sorted { $0.value > $1.value }.map { ($0, false) }
            + candidates.sorted { $0.value > $1.value }.map { ($0, true) }
        for (total, shifted) in totals {
            for (i, first) in above.enumerated() {
                for second in above[(i + 1)...] where first.value + second.value == total.value {
                    let (amount, tax) = first.value >= second.value ? (first, second) : (second, first)
                    let a = amount.token.text.box
                    let t = tax.token.text.box
                    let sideBySide =
                        abs((a.y + a.height / 2) - (t.y + t.height / 2)) < max(a.height, t.height) && t.x > a.maxX
                    guard amount.token.line != total.token.line || amount.token.range != total.token.range,
                        Self.plausibleTax(tax.value, of: amount.value), !shifted || sideBySide
                    else { continue }
                    fields[.totalAmount] = evidence(.totalAmount, total.token)
                    fields[.amountExcludingTax] = evidence(.amountExcludingTax, amount.token)
                    fields[.taxAmount] = evidence(.taxAmount, tax.token)
                    return
                }
            }
        }
        // The total hidden (under a seal, off the paper): the capitals say it, and two amounts above the
        // row that add up to it confirm them — two independent readings agreeing.
        if let words = fields[.totalAmountInWords], let capitals = ChineseAmount.parse(words.value), capitals > 0 {
            for (i, first) in above.enumerated() {
                for second in above[(i + 1)...] where first.value + second.value == capitals {
                    let (amount, tax) = first.value >= second.value ? (first, second) : (second, first)
                    guard Self.plausibleTax(tax.value, of: amount.value) else { continue }
                    var total = words
                    total.value = Money.format(capitals)
                    total.formatValid = true
                    total.confirmations = 1
                    total.inferredFrom = "the capitals (大写), which the amount and tax above add up to"
                    fields[.totalAmount] = total
                    fields[.amountExcludingTax] = evidence(.amountExcludingTax, amount.token)
                    fields[.taxAmount] = evidence(.taxAmount, tax.token)
                    return
                }
            }
        }
        // No sum found: the largest ¥ amount on the 价税合计 row is the total.
        guard let total = near.max(by: { $0.value < $1.value }) else { return }
        fields[.totalAmount] = evidence(.totalAmount, total.token)
        // A tax-exempt invoice (*** in the tax column): the amount before tax equals the total.
        let exempt = lines.contains { line in
            line.box.maxY > itemsTop && line.box.y < totalsLine.box.y && FapiaoReader.isExemptMark(line.compactText)
        }
        if exempt, let amount = above.last(where: { $0.value == total.value && $0.token.line != total.token.line }) {
            fields[.amountExcludingTax] = evidence(.amountExcludingTax, amount.token)
            var tax = evidence(.taxAmount, amount.token)
            tax.value = "0.00"
            fields[.taxAmount] = tax
        }
    }

    /// Whether `tax` can be VAT on `amount`: no VAT rate is above 17 % (a mix of rates lies between
    /// them), so a larger "tax" is another amount that happens to add up.
    static func plausibleTax(_ tax: Decimal, of amount: Decimal) -> Bool {
        abs(tax) <= abs(amount) * Decimal(17) / 100 + Decimal(string: "0.01")!
    }

    /// 价税合计（大写）: the longest run of capital numerals on or beside the 价税合计 row.
    mutating func readCapitals(near totalsLine: LineText) {
        let numerals = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿圆元角分整正园"
        var best: Token?
        for (index, line) in lines.enumerated()
        where abs(line.box.y - totalsLine.box.y) <= max(1, totalsLine.box.height) * 2 {
            for range in line.runs(gapRatio: 1.5, where: { numerals.contains($0) }) where range.count >= 3 {
                let part = line.slice(range)
                guard let value = ValueKind.capitals.clean(part, exact: false), value.count > best?.value.count ?? 0
                else { continue }
                best = Token(line: index, range: range, text: part, value: value)
            }
        }
        if let best { fields[.totalAmountInWords] = evidence(.totalAmountInWords, best) }
    }

    func evidence(_ field: FieldName, _ token: Token, confirmations: Int = 0) -> FieldEvidence {
        var evidence = FieldEvidence(
            value: token.value, source: .ocr, page: page, box: token.text.region ?? token.text.box,
            readConfidence: token.text.minimumConfidence,
            formatValid: FieldText.isWellFormed(token.value, for: field), confirmations: confirmations)
        if token.text.glyphs.count > 1 { evidence.meanReadConfidence = token.text.meanConfidence }
        return evidence
    }
}
