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
        // The 价税合计 row, by its label or — the label misread, on a form with the VAT items' heading —
        // by the （大写） and （小写） it also prints (other forms print them on rows of their own).
        let totals =
            line(containingAny: ["价税合计", "价税合", "税合计"])
            ?? (items != nil ? line(containingAny: ["大写", "小写"]) : nil)
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
            readTicketSeller()
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
            let skipAfter = [
                text.range(of: "校验码").map { text.distance(from: text.startIndex, to: $0.lowerBound) },
                machineNumberLabel(in: line)?.lowerBound,
            ].compactMap { $0 }.min()
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
        // A print whose form digits are out of range is a misread of another print, when there is one.
        let wellFormed = codes.filter { InvoiceCode.formDigitProblem($0.value) == nil }
        if let best = Self.mostPrinted(wellFormed.isEmpty ? codes : wellFormed) {
            fields[.invoiceCode] = evidence(.invoiceCode, best.token, confirmations: best.count - 1)
        }
        let numbers = runs.filter { $0.value.count == 8 && !lines[$0.line].compactText.contains("年") }
        if let best = Self.mostPrinted(numbers) {
            var found = evidence(.invoiceNumber, best.token, confirmations: best.count - 1)
            if let code = fields[.invoiceCode]?.value,
                let second = numberSecondPrint(code: code, number: best.token.value, runs: runs)
            {
                found.conflicts += 1
                found.alternatives.append(second)
                found.disagreement = "the number's second print (under the code's) reads \(second)"
            }
            fields[.invoiceNumber] = found
        }
    }

    /// The tax-control printer prints the code and the number again in small type, the number right
    /// under the code and starting where it starts; a photo's edge may cut both short. The digits of
    /// such a second print (at least three) that differ from `number`'s first digits, or `nil` when
    /// there is none or it agrees: one of the two prints was misread.
    func numberSecondPrint(code: String, number: String, runs: [Token]) -> String? {
        let codePrints = runs.filter { $0.value.count >= 4 && code.hasPrefix($0.value) }
        for above in codePrints {
            let box = above.text.box
            let under = runs.filter { run in
                let other = run.text.box
                return (3...8).contains(run.value.count) && other.y > box.y + box.height / 2
                    && other.y < box.maxY + 2 * box.height && abs(other.x - box.x) <= 2 * box.height
                    && 2 * other.height >= box.height && other.height <= 2 * box.height
                    && !lines[run.line].compactText.contains("年") && !code.hasPrefix(run.value)
            }
            for run in under where !number.hasPrefix(run.value) {
                return run.value
            }
        }
        return nil
    }

    /// 机器编号 (tax-control forms): the 12 digits after the label, or — printed off its line by the
    /// tax-control printer — the nearest run of 12 digits below or right of it, within three label
    /// heights, that is not the invoice code.
    mutating func readMachineNumber(above bottom: Int) {
        let labels = lines.indices.compactMap { index -> (line: Int, box: PixelBox, end: Int)? in
            guard lines[index].box.y < bottom, let range = machineNumberLabel(in: lines[index]) else { return nil }
            return (index, lines[index].region(of: range) ?? lines[index].box, range.upperBound)
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

    /// Where 机器编号 is printed on `line`, read whole or with one character lost or misread (机器号,
    /// 机器编, 机编号: small print beside the QR code).
    func machineNumberLabel(in line: LineText) -> Range<Int>? {
        LabelMatcher.locate("机器编号", in: line, minimumScore: 0.75)
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

    func evidence(_ field: FieldName, _ token: Token, confirmations: Int = 0) -> FieldEvidence {
        var evidence = FieldEvidence(
            value: token.value, source: .ocr, page: page, box: token.text.region ?? token.text.box,
            readConfidence: token.text.minimumConfidence,
            formatValid: FieldText.isWellFormed(token.value, for: field), confirmations: confirmations)
        if token.text.glyphs.count > 1 { evidence.meanReadConfidence = token.text.meanConfidence }
        return evidence
    }
}
