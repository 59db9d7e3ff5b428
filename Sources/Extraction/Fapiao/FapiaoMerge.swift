import Foundation
import InvoiceModel

/// Combines what OCR read with what the QR code says, and completes fields that follow from others.
struct FapiaoMerge {
    var fields: [FieldName: FieldEvidence]
    var lineItems: [[LineItemFieldName: FieldEvidence]]

    /// Puts the QR code's values beside the printed ones: agreement confirms the field; disagreement keeps
    /// the QR value (the more reliable source) and records the conflict; a field OCR missed is filled.
    mutating func apply(_ qr: FapiaoQRPayload, page: Int) {
        if let code = qr.invoiceCode { take(.invoiceCode, code, page: page) }
        take(.invoiceNumber, qr.invoiceNumber, page: page)
        if let date = qr.issueDate { take(.issueDate, date, page: page) }
        if let check = qr.checkCode { take(.checkCode, check, page: page) }
        if let amount = qr.amount { applyAmount(Money.format(amount), meaning: qr.amountMeaning, page: page) }
        if let title = FapiaoTitle.expected(for: qr) { applyTitle(title) }
    }

    /// The title the QR code's type and invoice code imply confirms an OCR'd title that says the same, and
    /// replaces one that OCR missed or garbled (the reading is kept as an alternative). A title the file
    /// carries as text is left as it is.
    private mutating func applyTitle(_ title: String) {
        let read = fields[.invoiceTitle]
        if let read, read.value == title {
            fields[.invoiceTitle]?.confirmations += 1
            return
        }
        if let read, read.source != .ocr { return }
        var evidence = FieldEvidence(
            value: title, source: .derived, page: read?.page, box: read?.box, readConfidence: 1, formatValid: true,
            repaired: true)
        if let read {
            evidence.conflicts = 1
            evidence.alternatives = [read.value] + read.alternatives
        }
        fields[.invoiceTitle] = evidence
    }

    private mutating func take(_ field: FieldName, _ value: String, page: Int) {
        let printed = fields[field]
        var evidence = FieldEvidence(
            value: value, source: .qr, page: page, box: printed?.box, readConfidence: 1,
            formatValid: FieldText.isWellFormed(value, for: field))
        if let printed {
            if printed.value == value {
                evidence.confirmations = printed.confirmations + 1
            } else {
                evidence.conflicts = 1
                if printed.source != .ocr { evidence.disagreement = Disagreement.describe(evidence, printed) }
            }
        }
        fields[field] = evidence
    }

    /// The QR amount is usually the amount before tax (tax-control) or the total (数电), but not always
    /// (FAPIAO.md §1a exception): it confirms whichever printed total it equals; when it equals neither,
    /// it replaces the read of the field its type carries (the read is kept as an alternative).
    private mutating func applyAmount(_ value: String, meaning: FapiaoQRPayload.AmountMeaning, page: Int) {
        for field in [FieldName.amountExcludingTax, .totalAmount] where fields[field]?.value == value {
            fields[field]?.confirmations += 1
            fields[field]?.source = .qr
            fields[field]?.readConfidence = 1
            return
        }
        let field: FieldName = meaning == .excludingTax ? .amountExcludingTax : .totalAmount
        var evidence = FieldEvidence(
            value: value, source: .qr, page: page, box: fields[field]?.box, readConfidence: 1, formatValid: true)
        if let read = fields[field] {
            evidence.conflicts = 1
            evidence.alternatives = [read.value] + read.alternatives
            if read.source != .ocr { evidence.disagreement = Disagreement.describe(evidence, read) }
        }
        fields[field] = evidence
    }

    /// Fields that follow from others: the currency of a fapiao; a missing amount, tax or total from the
    /// other two; capitals the OCR garbled, from a total that adds up.
    mutating func completeDerived() {
        completeFromLineItems()
        reconcileAmounts()
        fields[.currency] = FieldEvidence(
            value: "CNY", source: .derived, page: nil, box: nil, readConfidence: 1, formatValid: true)
        let amount = fields[.amountExcludingTax].flatMap { Money.parse($0.value) }
        let tax = fields[.taxAmount].flatMap { Money.parse($0.value) }
        let total = fields[.totalAmount].flatMap { Money.parse($0.value) }
        // A derived value is only as sure as the values it comes from, and one that makes no sense on
        // an invoice (a negative tax or amount beside a positive total) is not derived at all.
        if let amount, let tax, total == nil {
            fields[.totalAmount] = derived(amount + tax, from: [.amountExcludingTax, .taxAmount])
        } else if let amount, let total, tax == nil, (total - amount >= 0) == (total >= 0), abs(total - amount) <= abs(total) {
            fields[.taxAmount] = derived(total - amount, from: [.amountExcludingTax, .totalAmount])
        } else if let tax, let total, amount == nil, (total - tax >= 0) == (total >= 0) {
            fields[.amountExcludingTax] = derived(total - tax, from: [.taxAmount, .totalAmount])
        }
        completeCapitals()
    }

    /// The capitals as the invoicing software prints them for the total, when the total is trustworthy
    /// (from the QR code, confirmed by a second read, or adding up) and the OCR'd capitals support them.
    private mutating func completeCapitals() {
        guard let total = fields[.totalAmount], let value = Money.parse(total.value),
            let expected = ChineseAmount.words(for: value), let read = fields[.totalAmountInWords]
        else { return }
        if ChineseAmount.parse(read.value) == value {
            fields[.totalAmountInWords]?.confirmations += 1
            return
        }
        let trusted = total.source == .qr || total.confirmations > 0 || sumsUp() == true
        guard trusted, CapitalsMatch.supports(reading: read.value, expected: expected) else { return }
        fields[.totalAmountInWords] = FieldEvidence(
            value: expected, source: .derived, page: read.page, box: read.box, readConfidence: read.readConfidence,
            formatValid: true, confirmations: 1, repaired: true)
    }

    /// When amount + tax ≠ total with the values chosen, but holds with values another read produced
    /// (or the sums of the item lines), take those: the sum is stronger evidence than either read alone.
    /// When no combination adds up, but two of the three are trustworthy (from the QR code, confirmed by
    /// another read, or equal to the items' sum) and the third was read one character off what they
    /// imply (the ¥ sign read as a 4, a dropped or misread digit), the implied value is taken.
    /// Amount, tax and total, in the order of amount + tax = total.
    static let sumFields: [FieldName] = [.amountExcludingTax, .taxAmount, .totalAmount]

    private mutating func reconcileAmounts() {
        let names = Self.sumFields
        guard names.allSatisfy({ fields[$0] != nil }), sumsUp() == false else { return }
        let sums = [lineItemSum(.amount), lineItemSum(.tax), nil]
        let options = names.indices.map { index -> [String] in
            guard let evidence = fields[names[index]] else { return [] }
            let read = [evidence.value] + evidence.alternatives
            return read + (sums[index].map { read.contains($0) ? [] : [$0] } ?? [])
        }
        var found: [String]?
        for amount in options[0] {
            for tax in options[1] {
                for total in options[2] {
                    guard let a = Money.parse(amount), let t = Money.parse(tax), let s = Money.parse(total), a + t == s
                    else { continue }
                    if found == nil { found = [amount, tax, total] }
                }
            }
        }
        if found == nil { found = impliedByTrusted(options: options, sums: sums) }
        guard let found else { return }
        for (name, value) in zip(names, found) where fields[name]?.value != value {
            guard var evidence = fields[name] else { continue }
            evidence.alternatives = [evidence.value] + evidence.alternatives.filter { $0 != value }
            evidence.value = value
            evidence.repaired = true
            fields[name] = evidence
        }
    }

    /// Amount, tax and total where two trustworthy values imply the third and the third was read at most
    /// one character off it.
    private func impliedByTrusted(options: [[String]], sums: [String?]) -> [String]? {
        let names = Self.sumFields
        func trusted(_ index: Int) -> [String] {
            guard let evidence = fields[names[index]] else { return [] }
            var values: [String] = []
            if evidence.source == .qr || evidence.confirmations > 0 { values.append(evidence.value) }
            if let sum = sums[index], options[index].contains(sum), !values.contains(sum) { values.append(sum) }
            return values
        }
        for target in [2, 1, 0] {
            let others = names.indices.filter { $0 != target }
            for first in trusted(others[0]) {
                for second in trusted(others[1]) {
                    guard let x = Money.parse(first), let y = Money.parse(second) else { continue }
                    let implied = Money.format(target == 2 ? x + y : y - x)
                    guard options[target].contains(where: { Self.oneCharacterOff($0, implied) }) else { continue }
                    var values = ["", "", ""]
                    values[others[0]] = first
                    values[others[1]] = second
                    values[target] = implied
                    return values
                }
            }
        }
        return nil
    }

    /// Whether two amounts as printed differ by one inserted, dropped or replaced character.
    static func oneCharacterOff(_ a: String, _ b: String) -> Bool {
        a != b && EditDistance.between(Array(a), Array(b)) == 1
    }

    /// The sum of an item column over all lines, when every line has a value (an exempt line's tax is 0).
    private func lineItemSum(_ column: LineItemFieldName) -> String? {
        guard !lineItems.isEmpty else { return nil }
        let values = lineItems.map { item -> Decimal? in
            if column == .tax, let rate = item[.taxRate]?.value, ValidationRules.exemptRates.contains(rate) { return 0 }
            return item[column].flatMap { Money.parse($0.value) }
        }
        guard values.allSatisfy({ $0 != nil }) else { return nil }
        return Money.format(values.compactMap { $0 }.reduce(0, +))
    }

    /// A 合计 amount or tax OCR missed, as the sum of the line items' (when every line has one; an exempt
    /// line's tax is 0).
    private mutating func completeFromLineItems() {
        for (field, column) in [(FieldName.amountExcludingTax, LineItemFieldName.amount), (.taxAmount, .tax)]
        where fields[field] == nil {
            guard let sum = lineItemSum(column) else { continue }
            var evidence = FieldEvidence(
                value: sum, source: .derived, page: nil, box: nil,
                readConfidence: lineItems.compactMap { $0[column]?.readConfidence }.min() ?? 0, formatValid: true)
            // The sum is only as good as the item lines OCR found: unless amount + tax = total then
            // holds, a person confirms it.
            let other: FieldName = field == .amountExcludingTax ? .taxAmount : .amountExcludingTax
            let holds = [fields[other], fields[.totalAmount]].allSatisfy { $0 != nil }
                && {
                    guard let value = Money.parse(sum), let a = fields[other].flatMap({ Money.parse($0.value) }),
                        let total = fields[.totalAmount].flatMap({ Money.parse($0.value) })
                    else { return false }
                    return value + a == total
                }()
            if !holds { evidence.inferredFrom = "the sum of the item lines" }
            fields[field] = evidence
        }
    }

    private func derived(_ value: Decimal, from inputs: [FieldName]) -> FieldEvidence {
        let sure = inputs.compactMap { fields[$0] }.map { $0.source == .qr ? 1 : $0.readConfidence }.min() ?? 1
        var evidence = FieldEvidence(
            value: Money.format(value), source: .derived, page: nil, box: nil, readConfidence: sure, formatValid: true)
        evidence.derivedBy = "amount-plus-tax-equals-total"
        return evidence
    }

    /// Whether amount + tax = total, when all three are known.
    private func sumsUp() -> Bool? {
        guard let amount = fields[.amountExcludingTax].flatMap({ Money.parse($0.value) }),
            let tax = fields[.taxAmount].flatMap({ Money.parse($0.value) }),
            let total = fields[.totalAmount].flatMap({ Money.parse($0.value) })
        else { return nil }
        return amount + tax == total
    }
}
