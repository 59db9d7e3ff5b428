import Foundation
import InvoiceModel

/// The second reader: a fapiao read from the words PP-OCR found on the whole page, by their labels.
extension DocumentExtractor {
    /// Labels every fapiao layout prints; a page with `发票` and two of these is a fapiao.
    static let fapiaoLabels = ["发票代码", "发票号码", "开票日期", "价税合计", "纳税人识别号", "校验码", "机器编号", "销售方", "购买方"]

    /// Whether text read on a page says it is a fapiao (or another Chinese invoice with a code and number).
    public static func looksLikeFapiao(_ text: String) -> Bool {
        let compact = text.filter { !$0.isWhitespace }
        guard compact.contains("发票") else { return false }
        return fapiaoLabels.filter { compact.contains($0) }.count >= 2
    }

    /// The fields the page's detected words give — by their labels, then by shape and place for what
    /// the labels did not give (codes, amounts that add up) — or `nil` without a second reader.
    static func detectedFields(_ page: PageInput) -> FapiaoTextReader? {
        guard let detected = page.detected else { return nil }
        var reader = FapiaoTextReader(reader: detected, page: page.number)
        reader.readAll()
        var paper = FapiaoPaperReader(reader: detected, page: page.number)
        paper.readAll()
        // Values found by shape with a check behind them (a code of valid structure, a number printed
        // twice, amounts that add up) replace what the labels gave; the rest only fills gaps.
        if ProcessInfo.processInfo.environment["INVCAP_TRACE_READS"] == "1" {
            let text = reader.fields.map { "\($0.key.rawValue)=\($0.value.value)" }.sorted().joined(separator: " ")
            let shape = paper.fields.map { "\($0.key.rawValue)=\($0.value.value)" }.sorted().joined(separator: " ")
            FileHandle.standardError.write(Data("second reader, by labels: \(text)\nby shape: \(shape)\n".utf8))
        }
        let checked: Set<FieldName> = [.totalAmount, .amountExcludingTax, .taxAmount]
        // Which block a name belongs to is known by where it lies (above the items or below
        // 价税合计) better than by the 购/销 markers OCR may miss: where the two differ, the place wins and
        // the other reading is kept as an alternative.
        // A tax ID found by place wins only when it passes its checksum and the label's does not.
        func placeWins(_ field: FieldName, _ placed: String, _ other: String) -> Bool {
            switch field {
            case .buyerName, .sellerName: return true
            case .buyerTaxID, .sellerTaxID: return TaxID.check(placed) == .validUSCC && TaxID.check(other) != .validUSCC
            default: return false
            }
        }
        for (field, evidence) in paper.fields {
            let sure = checked.contains(field) || evidence.confirmations > 0
            if let other = reader.fields[field], other.value != evidence.value,
                placeWins(field, evidence.value, other.value)
            {
                var placed = evidence
                placed.conflicts += 1
                placed.alternatives = [other.value]
                reader.fields[field] = placed
            } else if reader.fields[field] == nil || sure {
                reader.fields[field] = evidence
            }
            // A second print that contradicts the value holds whichever reading was kept, if it is that value.
            if let disagreement = evidence.disagreement, reader.fields[field]?.value == evidence.value,
                reader.fields[field]?.disagreement == nil
            {
                reader.fields[field]?.disagreement = disagreement
                reader.fields[field]?.alternatives += evidence.alternatives
            }
        }
        return reader
    }

    /// `fields` (read by Tesseract) combined with the second reader's: agreement confirms, disagreement
    /// conflicts; which one's value is kept is decided by `ReaderAgreement.detectedLeads`.
    static func withDetected(_ fields: [FieldName: FieldEvidence], _ page: PageInput) -> [FieldName: FieldEvidence] {
        guard let second = detectedFields(page)?.fields else { return fields }
        var combined =
            ReaderAgreement.detectedLeads
            ? ReaderAgreement.combine(lead: second, other: fields) : ReaderAgreement.combine(lead: fields, other: second)
        ReaderAgreement.settleTitle(&combined)
        return combined
    }

    /// A fapiao whose grid and QR code were not found but whose detected words say it is one (a photo,
    /// a paper form whose rules are faint or cut): read by its labels. `nil` when the page is not one.
    func detectedFapiao(_ page: PageInput) -> ExtractedDocument? {
        guard let detected = page.detected,
            Self.looksLikeFapiao(((try? detected.read(nil, ReadRequest(.page, .chinese))) ?? []).map(\.text).joined()),
            let reader = Self.detectedFields(page)
        else { return nil }
        var labelled = LabelValueReader(reader: page.reader, page: page.number)
        labelled.readAll()
        var fields = reader.fields
        fields = ReaderAgreement.detectedLeads
            ? ReaderAgreement.combine(lead: fields, other: labelled.fields)
            : ReaderAgreement.combine(lead: labelled.fields, other: fields)
        ReaderAgreement.settleTitle(&fields)
        if fields[.invoiceTitle] == nil, let code = fields[.invoiceCode]?.value {
            let lines = (try? detected.read(nil, ReadRequest(.page, .chinese))) ?? []
            fields[.invoiceTitle] = Self.titleNearCode(code, on: lines, page: page.number)
        }
        var merged = FapiaoMerge(fields: fields, lineItems: reader.lineItems)
        merged.completeDerived()
        let number = merged.fields[.invoiceNumber]?.value ?? ""
        let layout: FapiaoLayout = number.count == 20 ? .digital : .taxControl
        let title = merged.fields[.invoiceTitle]?.value
        let kind = Self.kind(nil, layout: layout, title: title)
        // A VAT invoice prints its layout's fields; other Chinese invoices (通用机打发票, taxi receipts)
        // at least a code, a number, a date, a total and who issued it.
        let isVAT = title.map { $0.contains("增值税") || $0.contains("电子发票") || $0.contains("普通发票") || $0.contains("专用发票") } ?? true
        let expected =
            isVAT
            ? layout.printedFields(special: kind?.hasSuffix("special") ?? false)
            : [.invoiceCode, .invoiceNumber, .issueDate, .totalAmount, .totalAmountInWords, .sellerName, .sellerTaxID]
        var document = ExtractedDocument(
            documentType: "fapiao", invoiceKind: kind, fields: merged.fields, lineItems: merged.lineItems, qr: nil,
            expectedFields: expected)
        document.unlocatedFields = FapiaoLayout.mayBeEmpty
        return document
    }

    /// A title no reading gave whole, from a line in the top fifth of the page that is near the form
    /// the invoice code's region prints (`FapiaoTitle.nearTitle`), for review.
    static func titleNearCode(_ code: String, on lines: [RecognizedLine], page: Int) -> FieldEvidence? {
        let bottom = (lines.map(\.box.maxY).max() ?? 0) / 5
        let top = lines.filter { $0.box.y <= bottom }
        guard let title = FapiaoTitle.nearTitle(code: code, texts: top.map(\.text)) else { return nil }
        let line = top.min { a, b in
            EditDistance.between(Array(a.text), Array(title)) < EditDistance.between(Array(b.text), Array(title))
        }
        var evidence = FieldEvidence(
            value: title, source: .ocr, page: page, box: line?.box, readConfidence: line?.confidence ?? 0,
            formatValid: true)
        evidence.inferredFrom = "the form the invoice code's region prints, nearest to the title as read"
        return evidence
    }
}
