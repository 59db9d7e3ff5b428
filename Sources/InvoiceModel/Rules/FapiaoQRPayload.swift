public import Foundation

/// What a fapiao QR code says (FAPIAO.md §1).
public struct FapiaoQRPayload: Sendable, Hashable {
    /// Which QR format the payload used.
    public enum Kind: Sendable, Hashable {
        /// 税控 invoices with a 发票代码: `01,<type>,<code>,<number>,<amount>,<date>,<check>,<tail>` (§1a).
        case taxControl
        /// 数电 invoices and e-tickets: the same frame with empty code and check-code fields (§1b).
        case digital
        /// Shenzhen blockchain invoices: a `bcfp.shenzhen.chinatax.gov.cn` URL (§1c).
        case shenzhenBlockchain
    }

    /// Which printed total the QR amount is.
    public enum AmountMeaning: Sendable, Hashable {
        /// 合计金额, excluding tax (税控 QR codes, with exceptions such as 代开 invoices: cross-check both).
        case excludingTax
        /// 价税合计, including tax (数电 types 31/32, the 票价 of e-tickets, Shenzhen `total_amount`).
        case includingTax
    }

    /// The QR format.
    public var kind: Kind
    /// The invoice type code (`10`, `04`, `01`, `32`, …), or `nil` for a Shenzhen URL.
    public var typeCode: String?
    /// The 10- or 12-digit 发票代码, or `nil` when the payload has none.
    public var invoiceCode: String?
    /// The 发票号码 with leading zeros kept (8 digits; 8–20 digits for 数电 and e-tickets).
    public var invoiceNumber: String
    /// The amount in yuan (`759` → 759, Shenzhen fen `3720` → 37.20), or `nil` when the field is empty.
    public var amount: Decimal?
    /// Which printed total `amount` should equal.
    public var amountMeaning: AmountMeaning
    /// The issue date `YYYY-MM-DD`, or `nil` when the payload has none (Shenzhen URLs).
    public var issueDate: String?
    /// The 校验码: 20 digits, the last 5 hex characters of a Shenzhen hash (lower case), or `nil` when empty.
    public var checkCode: String?
    /// The payload as given, surrounding whitespace removed.
    public var raw: String

    /// Creates a payload from its parts.
    public init(
        kind: Kind, typeCode: String?, invoiceCode: String?, invoiceNumber: String, amount: Decimal?,
        amountMeaning: AmountMeaning, issueDate: String?, checkCode: String?, raw: String
    ) {
        self.kind = kind
        self.typeCode = typeCode
        self.invoiceCode = invoiceCode
        self.invoiceNumber = invoiceNumber
        self.amount = amount
        self.amountMeaning = amountMeaning
        self.issueDate = issueDate
        self.checkCode = checkCode
        self.raw = raw
    }

    /// Parses a decoded fapiao QR code.
    ///
    /// Accepts the 8-field comma frame with or without a trailing comma, an empty check code (专票), a lower-case
    /// hex tail of 4 characters or 3 (its leading zero dropped), the 数电 frame with empty code and check code
    /// (numbers of 8–20 digits, e.g. type 61 samples), and
    /// the Shenzhen blockchain URL with `bill_num` and `total_amount` in fen; whitespace around the payload is
    /// ignored.
    ///
    /// - Parameter text: the decoded QR text.
    /// - Returns: the payload, or `nil` for anything else (other URLs, other field counts, non-digit codes,
    ///   impossible dates).
    public static func parse(_ text: String) -> FapiaoQRPayload? {
        let raw = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let lowered = raw.lowercased()
        if lowered.hasPrefix("https://") || lowered.hasPrefix("http://") { return parseShenzhenURL(raw) }
        var fields = raw.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if fields.count == 9, fields[8].isEmpty { fields.removeLast() }
        guard fields.count == 8, fields[0] == "01" else { return nil }
        let type = fields[1]
        let code = fields[2]
        let number = fields[3]
        guard type.count == 2, isDigits(type) else { return nil }
        let digital = code.isEmpty
        guard digital || ((code.count == 10 || code.count == 12) && isDigits(code)) else { return nil }
        guard isDigits(number), digital ? (8...20).contains(number.count) : number.count == 8 else { return nil }
        guard let date = CalendarDate(compact: fields[5]) else { return nil }
        let check = fields[6]
        guard check.isEmpty || (check.count == 20 && isDigits(check)) else { return nil }
        // The tail is 4 hex characters, or 3 when its leading zero is not printed (seen on a real 专票).
        guard (3...4).contains(fields[7].count), fields[7].allSatisfy({ $0.isHexDigit && $0.isASCII }) else {
            return nil
        }
        let amount: Decimal?
        if fields[4].isEmpty {
            amount = nil
        } else {
            guard let value = plainAmount(fields[4]) else { return nil }
            amount = value
        }
        return FapiaoQRPayload(
            kind: digital ? .digital : .taxControl, typeCode: type, invoiceCode: digital ? nil : code,
            invoiceNumber: number, amount: amount, amountMeaning: digital ? .includingTax : .excludingTax,
            issueDate: date.iso, checkCode: check.isEmpty ? nil : check, raw: raw)
    }

    /// A Shenzhen blockchain verification URL, or `nil` for any other URL.
    private static func parseShenzhenURL(_ raw: String) -> FapiaoQRPayload? {
        guard let components = URLComponents(string: raw),
            components.host?.lowercased() == "bcfp.shenzhen.chinatax.gov.cn",
            components.path.lowercased().hasPrefix("/verify/scan")
        else { return nil }
        let items = components.queryItems ?? []
        func value(_ name: String) -> String? { items.first { $0.name == name }?.value }
        guard let number = value("bill_num"), number.count == 8, isDigits(number),
            let fen = value("total_amount"), (1...15).contains(fen.count), isDigits(fen),
            let cents = Decimal(string: fen)
        else { return nil }
        var checkCode: String?
        if let hash = value("hash"), !hash.isEmpty {
            guard hash.allSatisfy({ $0.isHexDigit && $0.isASCII }) else { return nil }
            if hash.count >= 5 { checkCode = String(hash.suffix(5)).lowercased() }
        }
        return FapiaoQRPayload(
            kind: .shenzhenBlockchain, typeCode: nil, invoiceCode: nil, invoiceNumber: number,
            amount: cents / 100, amountMeaning: .includingTax, issueDate: nil, checkCode: checkCode, raw: raw)
    }

    /// `-?\d+(\.\d{1,2})?` as a Decimal, or `nil`.
    private static func plainAmount(_ text: String) -> Decimal? {
        let unsigned = text.hasPrefix("-") ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (1...15).contains(parts[0].count), isDigits(parts[0]),
            parts.count == 1 || ((1...2).contains(parts[1].count) && isDigits(parts[1]))
        else { return nil }
        return Money.parse(text)
    }

    /// Whether the text is one or more ASCII digits.
    private static func isDigits(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.allSatisfy(\.isASCIIDigit)
    }
}
