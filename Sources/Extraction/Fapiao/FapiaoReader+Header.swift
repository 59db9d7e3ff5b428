import InvoiceModel

extension FapiaoReader {
    /// The band above the frame: title in the middle, QR code and 机器编号 on the left, 发票代码 / 发票号码 /
    /// 开票日期 / 校验码 on the right.
    var headerBand: PixelBox {
        let frame = grid.frame
        let top = max(0, frame.y - frame.height * 45 / 100)
        return PixelBox(
            left: frame.x - frame.width / 50, top: top, right: frame.maxX + frame.width / 50, bottom: frame.y - 3)
    }

    /// The title's double underline, when printed: long horizontal rules above the frame, centred on it.
    var titleUnderline: RuledLines.Segment? {
        let frame = grid.frame
        return reader.rules.horizontal.last { rule in
            rule.position < frame.y - 10 && rule.position > headerBand.y && rule.length >= frame.width / 5
                && rule.length < frame.width * 6 / 10
                && abs((rule.start + rule.end) / 2 - frame.x - frame.width / 2) < frame.width / 8
        }
    }

    /// Left edge of the right-hand header block (发票代码 …): past the title's underline, at about 70 % of
    /// the frame on both layouts.
    var headerBlockLeft: Int {
        let frame = grid.frame
        let fallback = frame.x + frame.width * 69 / 100
        guard let underline = titleUnderline else { return fallback }
        return max(underline.end + 12, frame.x + frame.width * 62 / 100)
    }

    mutating func readHeader() {
        let band = headerBand
        let block = PixelBox(left: headerBlockLeft, top: band.y, right: band.maxX, bottom: band.maxY)
        for line in lines(block, ReadRequest(.block, .chinese, lineModel: false)) {
            readHeaderLine(line)
        }
        for (field, lengths) in [
            (FieldName.invoiceCode, Set([10, 12])), (.invoiceNumber, [8, 20]), (.checkCode, [20]),
        ] {
            store(
                field,
                secondOpinion(
                    field, fields[field], whitelist: ReadRequest.digits, clean: FieldText.digits,
                    rank: ValueRank.digits(lengths)))
        }
        readTitle()
        if layout == .taxControl { readMachineNumber() }
    }

    /// One line of the right-hand header block, recognised by its label or, when the label is unreadable,
    /// by the shape of its value.
    private mutating func readHeaderLine(_ line: LineText) {
        let labels: [(FieldName, [String])] = [
            (.invoiceCode, ["发票代码"]), (.invoiceNumber, ["发票号码"]), (.issueDate, ["开票日期"]), (.checkCode, ["校验码"]),
        ]
        var best: (field: FieldName, start: Int, score: Double)?
        for (field, names) in labels {
            if let match = LabelMatcher.match(anyOf: names, in: line), match.score > best?.score ?? 0 {
                best = (field, match.valueStart, match.score)
            }
        }
        let valueStart = best?.start ?? LabelMatcher.afterSeparator(in: line) ?? 0
        let value = line.suffix(from: valueStart).trimmed { !$0.isNumber && !$0.isLetter }
        let digits = FieldText.digits(value.compactText)
        let field = best?.field ?? Self.headerField(byShape: value.compactText, digits: digits)
        guard let field else { return }
        switch field {
        case .issueDate:
            if let date = DocumentDate.parseChinese(value.compactText) {
                store(.issueDate, evidence(.issueDate, date, from: value))
            }
        case .invoiceCode, .invoiceNumber, .checkCode:
            store(field, evidence(field, digits, from: value))
        default:
            break
        }
    }

    /// Guesses which header field a value is from its digits when the label could not be read.
    static func headerField(byShape text: String, digits: String) -> FieldName? {
        if text.contains("年") || text.contains("月") { return .issueDate }
        switch digits.count {
        case 10, 12: return .invoiceCode
        case 8: return .invoiceNumber
        case 20: return text.filter({ $0 == " " }).count >= 2 ? .checkCode : .invoiceNumber
        default: return nil
        }
    }

    /// The printed title (e.g. 江苏增值税电子普通发票), between the QR code and the header block.
    private mutating func readTitle() {
        let band = headerBand
        let left = max(qrBox.map { $0.maxX + 20 } ?? band.x, grid.frame.x + grid.frame.width / 5)
        let bottom = titleUnderline.map { $0.position - 4 } ?? (band.y + band.height * 6 / 10)
        let region = PixelBox(left: left, top: band.y, right: headerBlockLeft - 8, bottom: bottom)
        // Titles print at twice the body size, which the LSTM reads best at half scale; on noisy scans
        // other readings may succeed where that one fails. The first that is a known title form wins.
        // When the QR code implies the title, the first reading only places it (FapiaoMerge decides).
        let attempts = [
            ReadRequest(.line, .chinese, scale: 0.5, lineModel: false),
            ReadRequest(.line, .chinese, scale: 0.35, lineModel: false), ReadRequest(.line, .chinese, lineModel: false),
        ].prefix(expectedTitle == nil ? 3 : 1)
        var fallback: (String, LineText)?
        for request in attempts {
            guard let line = lines(region, request).max(by: { $0.box.height < $1.box.height }) else { continue }
            let kept = line.trimmed { !$0.isCJK }
            let raw = FieldText.printed(String(kept.glyphs.map(\.character).filter { $0.isCJK || "（）()".contains($0) }))
            guard raw.contains("票") || raw.contains("发") else { continue }
            let title = FapiaoTitle.normalized(raw)
            if FapiaoTitle.isKnownForm(title) {
                store(.invoiceTitle, evidence(.invoiceTitle, title, from: kept))
                return
            }
            if fallback == nil { fallback = (title, kept) }
        }
        if let (title, kept) = fallback { store(.invoiceTitle, evidence(.invoiceTitle, title, from: kept)) }
    }

    /// 机器编号, printed under the QR code on tax-control invoices. The region starts a little above the QR
    /// code's bottom edge and is at least two lines high (on a skewed scan the label's line reaches up
    /// beside the QR code's lowest modules). When the label is garbled, a 12-digit number after a colon in
    /// that region is taken; digits printed apart from a 12-digit run (speckle read as a digit) are left
    /// out. Pages are upright at 300 dpi here: 30 px is a tenth of an inch.
    private mutating func readMachineNumber() {
        let band = headerBand
        let frame = grid.frame
        let top = qrBox.map { $0.maxY - 30 } ?? (band.y + band.height / 2)
        let region = PixelBox(
            left: band.x, top: top, right: frame.x + frame.width * 35 / 100, bottom: max(band.maxY, top + 90))
        for line in lines(region, ReadRequest(.block, .chinese, lineModel: false)) {
            let start: Int
            if let match = LabelMatcher.match("机器编号", in: line) {
                start = match.valueStart
            } else if let colon = line.glyphs.firstIndex(where: { $0.character == ":" || $0.character == "：" }) {
                start = colon + 1
            } else {
                continue
            }
            var value = line.suffix(from: start).trimmed { !$0.isNumber && !$0.isLetter }
            let runs = value.runs { FieldText.digits(String($0)).count == 1 }
            if let twelve = runs.first(where: { $0.count == 12 }) {
                value = value.slice(twelve)
            } else if LabelMatcher.match("机器编号", in: line) == nil {
                continue
            }
            let candidate = evidence(.machineNumber, FieldText.digits(value.compactText), from: value)
            store(
                .machineNumber,
                secondOpinion(
                    .machineNumber, candidate, whitelist: ReadRequest.digits, clean: FieldText.digits,
                    rank: ValueRank.digits([12])))
        }
    }
}
