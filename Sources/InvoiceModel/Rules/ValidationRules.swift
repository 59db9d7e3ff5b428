/// The consistency checks run on every recognised document, each a `CheckResult` with a stable rule name.
///
/// Rules whose inputs are absent are skipped (no result); a present value that cannot be read fails the rule
/// that needs it. Messages are English sentences for people; `fields` names what a person should look at.
public enum ValidationRules {
    /// The smallest date accepted as an issue date.
    static let earliestPlausibleDate = CalendarDate(year: 1990, month: 1, day: 1)

    /// Runs every applicable check.
    ///
    /// Rules (stable names): `buyer-tax-id-checksum`, `seller-tax-id-checksum` (Chinese ids only: skipped when
    /// the currency is not CNY), `invoice-code-structure`, `digital-number-structure` (20-digit numbers),
    /// `check-code-format`, `amount-plus-tax-equals-total`, `words-match-figures`, `line-amounts-sum`,
    /// `line-taxes-sum`, `line-tax-rate`, `qr-matches-printed` (one result per compared field),
    /// `date-not-in-future`, `date-plausible`, `currency-code` and `parties-differ`. Amounts agree within ¥0.01.
    ///
    /// - Parameter input: the values to check.
    /// - Returns: one result per rule that applied, in the order above.
    public static func run(_ input: ValidationInput) -> [CheckResult] {
        var results: [CheckResult] = []
        results += taxIDChecks(input)
        results += invoiceCodeCheck(input).map { [$0] } ?? []
        results += digitalNumberCheck(input).map { [$0] } ?? []
        results += checkCodeFormat(input).map { [$0] } ?? []
        results += totalsCheck(input).map { [$0] } ?? []
        results += plausibilityCheck(input).map { [$0] } ?? []
        results += wordsCheck(input).map { [$0] } ?? []
        results += lineItemChecks(input)
        results += qrChecks(input)
        results += dateChecks(input)
        results += currencyCheck(input).map { [$0] } ?? []
        results += partiesCheck(input)
        return results
    }

    /// `parties-differ`: a buyer and a seller with the same name or tax ID is one value read twice (the
    /// seller's block taken for the buyer's), not an invoice someone issued to itself.
    static func partiesCheck(_ input: ValidationInput) -> [CheckResult] {
        var results: [CheckResult] = []
        for (buyer, seller, what) in [(FieldName.buyerName, FieldName.sellerName, "name"), (.buyerTaxID, .sellerTaxID, "tax ID")] {
            guard let a = input.text(buyer), let b = input.text(seller), !a.isEmpty else { continue }
            let same = a.filter { !$0.isWhitespace }.uppercased() == b.filter { !$0.isWhitespace }.uppercased()
            results.append(
                CheckResult(
                    rule: "parties-differ", passed: !same, fields: [buyer, seller],
                    message: same ? "the buyer's and the seller's \(what) are both \(a)" : "buyer and seller \(what)s differ"))
        }
        return results
    }

    /// `buyer-tax-id-checksum` and `seller-tax-id-checksum`.
    static func taxIDChecks(_ input: ValidationInput) -> [CheckResult] {
        if let currency = input.text(.currency), currency.uppercased() != "CNY" { return [] }
        let rules: [(FieldName, String)] = [
            (.buyerTaxID, "buyer-tax-id-checksum"), (.sellerTaxID, "seller-tax-id-checksum"),
        ]
        return rules.compactMap { field, rule in
            guard let id = input.text(field) else { return nil }
            let check = TaxID.check(TaxID.normalize(id))
            return CheckResult(rule: rule, passed: check.passed, fields: [field], message: "\(id): \(check.message)")
        }
    }

    /// `invoice-code-structure`: 10 or 12 digits, a known region, a 10-digit code's language and amount-version
    /// digits in range, a year consistent with the issue date.
    static func invoiceCodeCheck(_ input: ValidationInput) -> CheckResult? {
        guard let code = input.text(.invoiceCode) else { return nil }
        let rule = "invoice-code-structure"
        guard let info = InvoiceCode.analyze(code) else {
            return CheckResult(
                rule: rule, passed: false, fields: [.invoiceCode],
                message: "invoice code \(code) is not 10 or 12 digits")
        }
        if info.length == 12, let first = code.first, first != "0", first != "1" {
            return CheckResult(
                rule: rule, passed: false, fields: [.invoiceCode],
                message: "a 12-digit invoice code starts with 0 or 1, not \(first)")
        }
        guard let province = info.provinceName else {
            return CheckResult(
                rule: rule, passed: false, fields: [.invoiceCode],
                message: "region \(info.region) of invoice code \(code) does not start with a province code")
        }
        if let problem = InvoiceCode.formDigitProblem(code) {
            return CheckResult(rule: rule, passed: false, fields: [.invoiceCode], message: "\(code): \(problem)")
        }
        let year = info.year.map(String.init) ?? "unknown year"
        guard let issueDate = input.text(.issueDate),
            let consistent = InvoiceCode.isYearConsistent(code: code, issueDate: issueDate)
        else {
            return CheckResult(rule: rule, passed: true, fields: [.invoiceCode], message: "\(province), \(year)")
        }
        let message =
            consistent
            ? "\(province), \(year), consistent with the issue date \(issueDate)"
            : "code year \(year) does not fit the issue date \(issueDate)"
        return CheckResult(rule: rule, passed: consistent, fields: [.invoiceCode, .issueDate], message: message)
    }

    /// `digital-number-structure` for 20-digit 数电 invoice numbers.
    static func digitalNumberCheck(_ input: ValidationInput) -> CheckResult? {
        guard let number = input.text(.invoiceNumber), number.count == 20 else { return nil }
        let issueDate = input.text(.issueDate)
        let outcome = InvoiceCode.checkDigitalNumber(number, issueDate: issueDate)
        return CheckResult(
            rule: "digital-number-structure", passed: outcome.passed,
            fields: issueDate == nil ? [.invoiceNumber] : [.invoiceNumber, .issueDate], message: outcome.message)
    }

    /// `check-code-format`: 20 digits (5 hex characters on Shenzhen blockchain invoices).
    static func checkCodeFormat(_ input: ValidationInput) -> CheckResult? {
        guard let checkCode = input.text(.checkCode) else { return nil }
        let rule = "check-code-format"
        if checkCode.count == 20, checkCode.allSatisfy(\.isASCIIDigit) {
            return CheckResult(rule: rule, passed: true, fields: [.checkCode], message: "20 digits")
        }
        let blockchain =
            input.qr?.kind == .shenzhenBlockchain
            || (input.text(.invoiceCode).map { $0.count == 12 && $0.hasPrefix("1") } ?? false)
        if blockchain, checkCode.count == 5, checkCode.allSatisfy({ $0.isHexDigit && $0.isASCII }) {
            return CheckResult(
                rule: rule, passed: true, fields: [.checkCode], message: "5 hex characters (blockchain invoice)")
        }
        return CheckResult(
            rule: rule, passed: false, fields: [.checkCode],
            message: "check code \(checkCode) is not 20 digits (\(checkCode.count) characters)")
    }

    /// `date-not-in-future` and `date-plausible` for the issue date.
    static func dateChecks(_ input: ValidationInput) -> [CheckResult] {
        guard let text = input.text(.issueDate) else { return [] }
        guard let date = CalendarDate(iso: text) else {
            return [
                CheckResult(
                    rule: "date-plausible", passed: false, fields: [.issueDate],
                    message: "issue date \(text) is not a YYYY-MM-DD calendar date")
            ]
        }
        var results: [CheckResult] = []
        if let today = CalendarDate(iso: input.today) {
            let passed = date <= today
            results.append(
                CheckResult(
                    rule: "date-not-in-future", passed: passed, fields: [.issueDate],
                    message: passed
                        ? "issued on or before \(today.iso)" : "issue date \(text) is after today \(today.iso)"
                ))
        }
        let plausible = earliestPlausibleDate.map { date >= $0 } ?? true
        results.append(
            CheckResult(
                rule: "date-plausible", passed: plausible, fields: [.issueDate],
                message: plausible ? "a real date on or after 1990-01-01" : "issue date \(text) is before 1990-01-01"))
        return results
    }

    /// `currency-code`: three upper-case letters (ISO 4217 shape).
    static func currencyCheck(_ input: ValidationInput) -> CheckResult? {
        guard let currency = input.text(.currency) else { return nil }
        let passed = currency.count == 3 && currency.allSatisfy(\.isASCIIUppercaseLetter)
        return CheckResult(
            rule: "currency-code", passed: passed, fields: [.currency],
            message: passed ? "ISO 4217 code \(currency)" : "currency \(currency) is not three upper-case letters")
    }
}
