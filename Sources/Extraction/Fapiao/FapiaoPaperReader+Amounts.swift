import Foundation
import InvoiceModel

/// The amounts of a paper form: the 价税合计 triple, the capitals, a ticket's labelled total.
extension FapiaoPaperReader {
    /// A ticket's total (出租汽车 and 通用机打 forms print no 价税合计): the amount after 金额, 合计,
    /// 实收 or 总计, on the label's line or on the line beside it nearest to the label's height (a meter
    /// prints its values half a line off their labels); with no such label read, the largest amount
    /// printed after ¥.
    mutating func readLabelledTotal() {
        readTotalAfterLabel()
        if fields[.totalAmount] == nil { readTotalAfterYuanSign() }
    }

    private mutating func readTotalAfterLabel() {
        for label in ["合计", "实收", "总计", "金额"] {
            for (index, line) in lines.enumerated() {
                guard let range = line.compactText.range(of: label) else { continue }
                let start = line.compactText.distance(from: line.compactText.startIndex, to: range.upperBound)
                let labelBox = line.region(of: (start - label.count)..<start) ?? line.box
                let sameLine = FapiaoReader.amounts(in: line.suffix(from: start)).first
                let beside = lines.enumerated().filter { $0.offset != index }.compactMap {
                    other -> (token: Token, distance: Int)? in
                    let dy = abs((other.element.box.y + other.element.box.height / 2) - (labelBox.y + labelBox.height / 2))
                    guard dy < labelBox.height * 3 / 2, other.element.box.x >= labelBox.maxX,
                        let amount = FapiaoReader.amounts(in: other.element).first
                    else { return nil }
                    return (Token(line: other.offset, range: amount.range, text: amount.text, value: amount.value), dy)
                }.min { $0.distance < $1.distance }?.token
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

    /// The largest amount printed right after ¥ (a taxi meter prints its fare so; a form's ¥ amounts are
    /// the amount, the tax and the total), for review.
    private mutating func readTotalAfterYuanSign() {
        var best: (value: Decimal, token: Token)?
        for (index, line) in lines.enumerated() {
            for amount in FapiaoReader.amounts(in: line) where amount.range.lowerBound > 0 {
                let sign = line.glyphs[amount.range.lowerBound - 1].character
                guard sign == "¥" || sign == "￥", let value = Decimal(string: amount.value), value > 0,
                    value > best?.value ?? 0
                else { continue }
                best = (value, Token(line: index, range: amount.range, text: amount.text, value: amount.value))
            }
        }
        guard let best else { return }
        var total = evidence(.totalAmount, best.token)
        total.inferredFrom = "the largest amount printed after ¥"
        fields[.totalAmount] = total
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
        // The capitals' amount, when they were read and say one.
        let capitals = fields[.totalAmountInWords].flatMap { words in
            ChineseAmount.parse(words.value).flatMap { $0 > 0 ? (words: words, value: $0) : nil }
        }
        // The total hidden (under a seal, off the paper): the capitals say it, and two amounts above the
        // row that add up to it confirm them — two independent readings agreeing.
        if let capitals {
            for (i, first) in above.enumerated() {
                for second in above[(i + 1)...] where first.value + second.value == capitals.value {
                    let (amount, tax) = first.value >= second.value ? (first, second) : (second, first)
                    guard Self.plausibleTax(tax.value, of: amount.value) else { continue }
                    takeCapitalsTotal(
                        capitals, confirmed: true, reason: "the capitals (大写), which the amount and tax above add up to")
                    fields[.amountExcludingTax] = evidence(.amountExcludingTax, amount.token)
                    fields[.taxAmount] = evidence(.taxAmount, tax.token)
                    return
                }
            }
        }
        // The total the capitals say, printed as a ¥ amount too (the amount and tax above misread): two
        // independent readings agree on the total. The amount before tax is then the largest amount
        // above that leaves a plausible tax, and the tax what it leaves; both for review.
        if let capitals = capitals?.value,
            let total = candidates.filter({ $0.value == capitals }).min(by: {
                abs($0.token.text.box.y - totalsLine.box.y) < abs($1.token.text.box.y - totalsLine.box.y)
            })
        {
            fields[.totalAmount] = evidence(.totalAmount, total.token, confirmations: 1)
            let amounts = above.filter { candidate in
                candidate.value > 0 && candidate.value < capitals
                    && Self.plausibleTax(capitals - candidate.value, of: candidate.value)
            }
            if let amount = amounts.max(by: { $0.value < $1.value }) {
                takeAmountAndTax(
                    amount.token, amount.value, of: capitals,
                    reason: "the largest amount above the total that leaves a plausible tax",
                    taxReason: "the total less the amount before tax")
            }
            return
        }
        // The total printed only as capitals (its ¥ amount under a seal, the tax column left empty): an
        // amount above whose tax at a rate printed on the items' lines makes up the capitals' total —
        // three readings agreeing — is the amount before tax, and the rest the tax; all for review.
        if let capitals {
            let rates = printedRates(from: itemsTop, to: totalsLine.box.y)
            let matches = above.filter { candidate in
                candidate.value > 0 && candidate.value < capitals.value
                    && rates.contains { abs(Money.rounded(candidate.value * $0 / 100) - (capitals.value - candidate.value)) <= Money.cent }
            }
            if let amount = matches.max(by: { $0.value < $1.value }) {
                takeCapitalsTotal(
                    capitals, confirmed: false,
                    reason: "the capitals (大写), which an amount above and its tax at the printed rate make up")
                takeAmountAndTax(
                    amount.token, amount.value, of: capitals.value,
                    reason: "the amount above whose tax at the printed rate makes up the capitals' total",
                    taxReason: "the capitals' total less the amount before tax")
                return
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

    /// The total as the capitals say it (`confirmed` when another reading agrees), for review.
    private mutating func takeCapitalsTotal(
        _ capitals: (words: FieldEvidence, value: Decimal), confirmed: Bool, reason: String
    ) {
        var total = capitals.words
        total.value = Money.format(capitals.value)
        total.formatValid = true
        if confirmed { total.confirmations = 1 }
        total.inferredFrom = reason
        fields[.totalAmount] = total
    }

    /// `amount` (read as `token`) as the amount before tax, and what it leaves of `total` as the tax
    /// (with no box of its own), both inferred for review.
    private mutating func takeAmountAndTax(
        _ token: Token, _ amount: Decimal, of total: Decimal, reason: String, taxReason: String
    ) {
        var before = evidence(.amountExcludingTax, token)
        before.inferredFrom = reason
        fields[.amountExcludingTax] = before
        var tax = evidence(.taxAmount, token)
        tax.value = Money.format(total - amount)
        tax.box = nil
        tax.inferredFrom = taxReason
        fields[.taxAmount] = tax
    }

    /// The tax rates (in percent, above 0) printed on the lines between `top` and `bottom`: for each %
    /// sign, the longest legal rate the digits before it end with (a rate glued to the amount before it,
    /// `1583.001%`, is 1 %).
    func printedRates(from top: Int, to bottom: Int) -> Set<Decimal> {
        var rates: Set<Decimal> = []
        for line in lines where line.box.maxY > top && line.box.y < bottom {
            let characters = line.glyphs.map { FieldText.halfWidth($0.character) }
            for (index, character) in characters.enumerated() where character == "%" {
                let before = String(characters[..<index].reversed().prefix { $0.isASCIIDigit || $0 == "." }.reversed())
                let rate = FapiaoReader.legalRates.filter { before.hasSuffix($0) && $0 != "0" }
                    .max { $0.count < $1.count }
                if let rate, let value = Decimal(string: rate) { rates.insert(value) }
            }
        }
        return rates
    }

    /// Whether `tax` can be VAT on `amount`: no VAT rate is above 17 % (a mix of rates lies between
    /// them), so a larger "tax" is another amount that happens to add up.
    static func plausibleTax(_ tax: Decimal, of amount: Decimal) -> Bool {
        abs(tax) <= abs(amount) * Decimal(17) / 100 + Money.cent
    }

    /// 价税合计（大写）: the longest run of capital numerals on or beside the 价税合计 row; when none is
    /// there (print shifted rows off the form), the longest run elsewhere on the page that reads as an
    /// amount in yuan — nothing else on a fapiao is written so.
    mutating func readCapitals(near totalsLine: LineText) {
        func isNumeral(_ character: Character) -> Bool {
            "零壹贰叁肆伍陆柒捌玖拾佰仟万亿圆元角分整正".contains(character) || ValueKind.capitalLookalikes[character] != nil
        }
        var near: Token?
        var elsewhere: Token?
        for (index, line) in lines.enumerated() {
            let beside = abs(line.box.y - totalsLine.box.y) <= max(1, totalsLine.box.height) * 2
            for range in line.runs(gapRatio: 1.5, where: isNumeral) where range.count >= 3 {
                let part = line.slice(range)
                guard let value = ValueKind.capitals.clean(part, exact: false) else { continue }
                let token = Token(line: index, range: range, text: part, value: value)
                if beside {
                    if value.count > near?.value.count ?? 0 { near = token }
                } else if value.count >= 4, value.contains(where: { "圆元".contains($0) }),
                    ChineseAmount.parse(value) != nil, value.count > elsewhere?.value.count ?? 0
                {
                    elsewhere = token
                }
            }
        }
        if let best = near ?? elsewhere { fields[.totalAmountInWords] = evidence(.totalAmountInWords, best) }
    }
}
