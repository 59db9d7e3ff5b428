extension ValidationRules {
    /// `qr-matches-printed`: one result per field the QR code and the document both have.
    ///
    /// The QR amount passes when it equals either 合计金额 or 价税合计 (FAPIAO.md §1a: 代开 invoices put the
    /// total where others put the amount excluding tax); the message says which one it matched.
    static func qrChecks(_ input: ValidationInput) -> [CheckResult] {
        guard let qr = input.qr else { return [] }
        var results: [CheckResult] = []
        let texts: [(FieldName, String?)] = [
            (.invoiceCode, qr.invoiceCode), (.invoiceNumber, qr.invoiceNumber), (.issueDate, qr.issueDate),
            (.checkCode, qr.checkCode),
        ]
        for (field, qrValue) in texts {
            guard let qrValue, let printed = input.text(field) else { continue }
            let passed = field == .checkCode ? qrValue.lowercased() == printed.lowercased() : qrValue == printed
            results.append(
                CheckResult(
                    rule: "qr-matches-printed", passed: passed, fields: [field],
                    message: passed
                        ? "\(field.rawValue) \(printed) matches the QR code"
                        : "the QR code has \(field.rawValue) \(qrValue) but the document says \(printed)"))
        }
        if let amountCheck = qrAmountCheck(qr, input) { results.append(amountCheck) }
        return results
    }

    /// The QR amount against 合计金额 and 价税合计, the one its type usually means first.
    private static func qrAmountCheck(_ qr: FapiaoQRPayload, _ input: ValidationInput) -> CheckResult? {
        guard let amount = qr.amount else { return nil }
        let order: [FieldName] =
            qr.amountMeaning == .excludingTax
            ? [.amountExcludingTax, .totalAmount] : [.totalAmount, .amountExcludingTax]
        let present = order.compactMap { field in input.amount(field).decimal.map { (field, $0) } }
        guard !present.isEmpty else { return nil }
        if let match = present.first(where: { $0.1 == amount }) {
            let usual = match.0 == order[0] ? "" : " (this QR type usually carries \(order[0].rawValue))"
            return CheckResult(
                rule: "qr-matches-printed", passed: true, fields: [match.0],
                message: "the QR amount \(Money.format(amount)) matches \(match.0.rawValue)\(usual)")
        }
        let printed = present.map { "\($0.0.rawValue) \(Money.format($0.1))" }
        let relation = printed.count == 1 ? "does not match" : "matches neither"
        return CheckResult(
            rule: "qr-matches-printed", passed: false, fields: present.map(\.0),
            message: "the QR amount \(Money.format(amount)) \(relation) \(printed.joined(separator: " nor "))")
    }
}
