import InvoiceModel

/// Which party a block describes.
enum Party {
    case buyer
    case seller

    var name: FieldName { self == .buyer ? .buyerName : .sellerName }
    var taxID: FieldName { self == .buyer ? .buyerTaxID : .sellerTaxID }
    var addressPhone: FieldName { self == .buyer ? .buyerAddressPhone : .sellerAddressPhone }
    var bankAccount: FieldName { self == .buyer ? .buyerBankAccount : .sellerBankAccount }
}

extension FapiaoReader {
    /// The buyer block (and, on 数电 invoices, the seller block beside it) in the first row.
    mutating func readParties() {
        let row = grid.partiesRow
        let rules = grid.columns(ofRow: 0)
        switch layout {
        case .taxControl:
            // | 购买方 | fields | 密码区 | cipher |
            let left = rules.first ?? (row.x + row.width / 25)
            let right = rules.dropFirst().first ?? (row.x + row.width * 57 / 100)
            readPartyBlock(.buyer, PixelBox(left: left + 4, top: row.y + 3, right: right - 4, bottom: row.maxY - 3))
        case .digital:
            // | 购买方信息 | buyer fields | 销售方信息 | seller fields |
            let inner =
                rules.count >= 3
                ? rules : [row.x + row.width * 3 / 100, row.x + row.width / 2, row.x + row.width * 53 / 100]
            readPartyBlock(
                .buyer, PixelBox(left: inner[0] + 4, top: row.y + 3, right: inner[1] - 4, bottom: row.maxY - 3))
            readPartyBlock(
                .seller, PixelBox(left: inner[2] + 4, top: row.y + 3, right: row.maxX - 4, bottom: row.maxY - 3))
        }
    }

    /// Reads one party block: 名称, 纳税人识别号 (or 统一社会信用代码/纳税人识别号), 地址、电话, 开户行及账号.
    mutating func readPartyBlock(_ party: Party, _ region: PixelBox) {
        let labels: [(FieldName, [String])] = [
            (party.name, ["名称"]),
            (party.taxID, ["纳税人识别号", "统一社会信用代码/纳税人识别号", "统一社会信用代码"]),
            (party.addressPhone, ["地址、电话", "地址电话"]),
            (party.bankAccount, ["开户行及账号", "开户行账号"]),
        ]
        let read = lines(region, ReadRequest(.block, .chinese))
        for (index, line) in read.enumerated() {
            var best: (field: FieldName, start: Int, score: Double)?
            for (field, names) in labels {
                if let match = LabelMatcher.match(anyOf: names, in: line, slack: 3, minimumScore: 0.5),
                    match.score > best?.score ?? 0
                {
                    best = (field, match.valueStart, match.score)
                }
            }
            // Tax-control blocks print the four labels in a fixed order: an unreadable label is its row.
            if best == nil, layout == .taxControl, read.count == 4 {
                let field = labels[index].0
                best = (field, LabelMatcher.afterSeparator(in: line) ?? 0, 0)
            }
            guard let (field, start, _) = best else { continue }
            var value = line.suffix(from: start)
            if field == party.name { value = FieldText.companyName(value) }
            if field == party.taxID {
                let id = FieldText.taxID(value.compactText)
                guard !id.isEmpty else { continue }
                let candidate = evidence(field, id, from: value.trimmed { !$0.isLetter && !$0.isNumber })
                var read = secondOpinion(
                    field, candidate, whitelist: ReadRequest.taxIDCharacters, clean: FieldText.taxID,
                    rank: ValueRank.taxID, combine: ValueRank.combineTaxIDs)
                if let value = read?.value, let repaired = TaxIDRepair.repaired(value) {
                    read?.alternatives.insert(value, at: 0)
                    read?.value = repaired
                    read?.repaired = true
                    read?.correctedFrom = value
                }
                store(field, read.map(lineModelOpinion))
            } else {
                let text = field == party.name ? FieldText.name(value.text) : FieldText.printed(value.text)
                guard !text.isEmpty else { continue }
                var candidate = evidence(field, text, from: value)
                if field == party.bankAccount, let repaired = BankNames.repair(text) {
                    candidate.alternatives = [text]
                    candidate.value = repaired
                    candidate.repaired = true
                }
                store(field, candidate)
            }
        }
    }

    /// A tax ID whose check fails after both Tesseract reads, read once more by the line recognizer: its
    /// reading replaces the value when it is a valid USCC (the check character makes a misread that
    /// passes unlikely), with the disagreement recorded; otherwise the value stays.
    func lineModelOpinion(_ evidence: FieldEvidence) -> FieldEvidence {
        guard ValueRank.taxID(evidence.value) < 3, let box = evidence.box else { return evidence }
        let room = max(4, box.height / 2)
        let area = PixelBox(left: max(0, box.x - room), top: box.y, right: box.maxX + room, bottom: box.maxY)
        guard let line = reader.readLine(area) else { return evidence }
        let value = FieldText.taxID(line.text)
        guard ValueRank.taxID(value) == 3 else { return evidence }
        var replaced = FieldEvidence(
            value: value, source: .ocr, page: page, box: evidence.box, readConfidence: line.confidence,
            formatValid: true, conflicts: 1)
        replaced.alternatives = [evidence.value] + evidence.alternatives
        return replaced
    }
}
