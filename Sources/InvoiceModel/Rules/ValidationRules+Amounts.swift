import Foundation

extension ValidationRules {
    /// The largest difference between amounts that should be equal (one fen).
    static let tolerance = Money.cent

    /// Tax rates printed for lines without tax.
    public static let exemptRates: Set<String> = ["免税", "不征税", "免征", "***"]

    /// `amount-plus-tax-equals-total`: 合计金额 + 合计税额 = 价税合计 within one fen (plus the cash rounding a
    /// receipt prints, when it prints one).
    static func totalsCheck(_ input: ValidationInput) -> CheckResult? {
        let fields: [FieldName] = [.amountExcludingTax, .taxAmount, .totalAmount]
        let rule = "amount-plus-tax-equals-total"
        let values = fields.map(input.amount)
        if values.contains(where: { if case .absent = $0 { return true } else { return false } }) { return nil }
        if let failure = unreadable(values, fields, rule: rule) { return failure }
        guard let amount = values[0].decimal, let tax = values[1].decimal, let total = values[2].decimal else {
            return nil
        }
        let rounding = input.rounding ?? 0
        let sum = amount + tax + rounding
        let passed = abs(sum - total) <= tolerance
        let relation = passed ? "equals" : "does not equal"
        let terms =
            "\(Money.format(amount)) + \(Money.format(tax))"
            + (rounding == 0 ? "" : " \(rounding < 0 ? "−" : "+") \(Money.format(abs(rounding))) rounding")
        return CheckResult(
            rule: rule, passed: passed, fields: fields,
            message: "\(terms) = \(Money.format(sum)) \(relation) the total " + Money.format(total))
    }

    /// `amounts-plausible`, reported only when it fails (an amount that makes sense is no evidence that
    /// it was read right): on an invoice whose total is positive, a negative tax, a tax larger than the
    /// amount it is levied on, or a total smaller than the amount before tax (beyond the cash rounding a
    /// receipt prints, and five cents); and the same with signs reversed on a red-letter (negative) one.
    static func plausibilityCheck(_ input: ValidationInput) -> CheckResult? {
        let rule = "amounts-plausible"
        let amount = input.amount(.amountExcludingTax).decimal
        let tax = input.amount(.taxAmount).decimal
        let total = input.amount(.totalAmount).decimal
        guard let sign = (total ?? amount).map({ $0 < 0 ? Decimal(-1) : Decimal(1) }) else { return nil }
        let slack = abs(input.rounding ?? 0) + Money.cent * 5
        var problems: [(fields: [FieldName], message: String)] = []
        if let tax, sign * tax < 0 {
            problems.append(([.taxAmount], "the tax \(Money.format(tax)) has the opposite sign of the invoice"))
        }
        if let tax, let amount, abs(tax) > abs(amount), !amount.isZero {
            problems.append(
                ([.taxAmount, .amountExcludingTax],
                 "the tax \(Money.format(tax)) is larger than the amount \(Money.format(amount)) it is levied on"))
        }
        if let amount, let total, sign * total < sign * amount - slack {
            problems.append(
                ([.totalAmount, .amountExcludingTax],
                 "the total \(Money.format(total)) is smaller than the amount before tax \(Money.format(amount))"))
        }
        guard !problems.isEmpty else { return nil }
        var fields: [FieldName] = []
        for problem in problems { fields += problem.fields.filter { !fields.contains($0) } }
        return CheckResult(
            rule: rule, passed: false, fields: fields, message: problems.map(\.message).joined(separator: "; "))
    }

    /// `words-match-figures`: the capital amount reads as the printed total.
    static func wordsCheck(_ input: ValidationInput) -> CheckResult? {
        guard let words = input.text(.totalAmountInWords) else { return nil }
        let fields: [FieldName] = [.totalAmountInWords, .totalAmount]
        let rule = "words-match-figures"
        let total = input.amount(.totalAmount)
        if case .absent = total { return nil }
        if let failure = unreadable([total], [.totalAmount], rule: rule) { return failure }
        guard let value = ChineseAmount.parse(words) else {
            return CheckResult(
                rule: rule, passed: false, fields: fields,
                message: "the amount in words \(words) is not a well-formed capital amount")
        }
        guard let figures = total.decimal else { return nil }
        let passed = value == figures
        return CheckResult(
            rule: rule, passed: passed, fields: fields,
            message: passed
                ? "the amount in words reads \(Money.format(value)), as the total"
                : "the amount in words reads \(Money.format(value)) but the total is \(Money.format(figures))")
    }

    /// `line-amounts-sum`, `line-taxes-sum` and `line-tax-rate`.
    static func lineItemChecks(_ input: ValidationInput) -> [CheckResult] {
        guard !input.lineItems.isEmpty else { return [] }
        let amounts = input.lineItems.map { AmountValue(nonBlank($0[.amount])).decimal }
        let taxes = input.lineItems.map(lineTax)
        var results: [CheckResult] = []
        if let check = sumCheck(
            rule: "line-amounts-sum", lines: amounts, total: input.amount(.amountExcludingTax),
            field: .amountExcludingTax, noun: "amounts")
        {
            results.append(check)
        }
        if let check = sumCheck(
            rule: "line-taxes-sum", lines: taxes, total: input.amount(.taxAmount), field: .taxAmount, noun: "taxes")
        {
            results.append(check)
        }
        if let check = taxRateCheck(input.lineItems, amounts: amounts, taxes: taxes) { results.append(check) }
        return results
    }

    /// Σ lines = document total within one fen, when every line has a value and the total is present.
    private static func sumCheck(
        rule: String, lines: [Decimal?], total: AmountValue, field: FieldName, noun: String
    ) -> CheckResult? {
        guard case .value(let expected) = total else {
            if case .unreadable = total { return unreadable([total], [field], rule: rule) }
            return nil
        }
        let values = lines.compactMap { $0 }
        guard values.count == lines.count else { return nil }
        let sum = values.reduce(0, +)
        let passed = abs(sum - expected) <= tolerance
        return CheckResult(
            rule: rule, passed: passed, fields: [field],
            message: "the \(lines.count) line \(noun) add up to \(Money.format(sum))"
                + (passed ? ", as printed" : " but the document says \(Money.format(expected))"))
    }

    /// `line-tax-rate`: on each line with a percentage rate, |tax − round(amount × rate)| ≤ 0.01.
    private static func taxRateCheck(
        _ lines: [[LineItemFieldName: String]], amounts: [Decimal?], taxes: [Decimal?]
    ) -> CheckResult? {
        var checked = 0
        var problems: [String] = []
        for (index, line) in lines.enumerated() {
            guard let amount = amounts[index], let tax = taxes[index], let rateText = nonBlank(line[.taxRate]),
                let rate = percentage(rateText)
            else { continue }
            checked += 1
            let expected = Money.rounded(amount * rate / 100)
            if abs(tax - expected) > tolerance {
                problems.append(
                    "line \(index + 1): tax \(Money.format(tax)) but \(Money.format(amount)) × \(rateText) = "
                        + Money.format(expected))
            }
        }
        guard checked > 0 else { return nil }
        return CheckResult(
            rule: "line-tax-rate", passed: problems.isEmpty, fields: [.taxAmount],
            message: problems.isEmpty
                ? "tax matches amount × rate on \(checked) of \(lines.count) lines" : problems.joined(separator: "; "))
    }

    /// A line's tax: its `tax` value, or zero for exempt lines (`免税`, `***`); `nil` when unknown.
    private static func lineTax(_ line: [LineItemFieldName: String]) -> Decimal? {
        let tax = AmountValue(nonBlank(line[.tax]))
        switch tax {
        case .value(let value): return value
        case .unreadable: return nil
        case .absent:
            guard let rate = nonBlank(line[.taxRate]), exemptRates.contains(rate) else { return nil }
            return 0
        }
    }

    /// `13%` → 13 (also `1.5%`, `６％`), or `nil` when the text is not a percentage.
    static func percentage(_ text: String) -> Decimal? {
        var body = String(String.UnicodeScalarView(text.unicodeScalars.map(Money.asciiFromFullWidth)))
        guard body.hasSuffix("%") else { return nil }
        body.removeLast()
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            return nil
        }
        return Money.parse(body) ?? Decimal(string: body)
    }

    /// A failed result naming the first unreadable amount among `values`, or `nil` when all were read.
    static func unreadable(_ values: [AmountValue], _ fields: [FieldName], rule: String) -> CheckResult? {
        for (value, field) in zip(values, fields) {
            if case .unreadable(let text) = value {
                return CheckResult(
                    rule: rule, passed: false, fields: [field],
                    message: "\(field.rawValue) \"\(text)\" is not an amount")
            }
        }
        return nil
    }
}
