/// The structure of 发票代码 (10 or 12 digits) and of 20-digit 数电 发票号码 (FAPIAO.md §3).
public enum InvoiceCode {
    /// Reads the structure of a 10- or 12-digit invoice code.
    ///
    /// 12 digits (§3a): position 1 `0` (VAT) or `1` (Shenzhen blockchain), positions 2–5 the region, 6–7 the
    /// year, 8–10 the batch, 11–12 the kind. 10 digits (§3b): positions 1–4 the region, 5–6 the 制版年度, 7 the
    /// batch, 8 the language, 9 the copies, 10 the amount version. Two-digit years mean 20xx, except that a
    /// 10-digit code's `90`–`99` mean 1990–1999 (those codes predate 2000).
    ///
    /// - Parameter code: the code, digits only.
    /// - Returns: the structure, or `nil` when the code is not 10 or 12 ASCII digits.
    public static func analyze(_ code: String) -> InvoiceCodeInfo? {
        let digits = Array(code)
        guard digits.count == 10 || digits.count == 12, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        let regionStart = digits.count == 12 ? 1 : 0
        let region = String(digits[regionStart..<regionStart + 4])
        let yearDigits = Int(String(digits[regionStart + 4..<regionStart + 6])) ?? 0
        let year = digits.count == 10 && yearDigits >= 90 ? 1900 + yearDigits : 2000 + yearDigits
        return InvoiceCodeInfo(
            length: digits.count, region: region, year: year,
            provinceName: RegionCodes.name(ofInvoiceRegion: region),
            kindDigits: String(digits.suffix(digits.count == 12 ? 2 : 4)))
    }

    /// What is wrong with a 10-digit code's form digits (FAPIAO.md §3b), or `nil` when nothing is.
    ///
    /// Position 8 is the language version (1 中文, 2 中英, 3 藏汉, 4 维汉) and position 10 the amount
    /// version (0 computer invoice, 1–4 万元 to 千万元 版); any other digit there is a misread. 12-digit codes
    /// and other lengths have no such digits (`nil`).
    ///
    /// - Parameter code: the code, digits only.
    /// - Returns: a sentence naming the digit, or `nil`.
    public static func formDigitProblem(_ code: String) -> String? {
        let digits = Array(code)
        guard digits.count == 10, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        if !"1234".contains(digits[7]) {
            return "position 8 of a 10-digit invoice code is its language version (1–4), not \(digits[7])"
        }
        if !"01234".contains(digits[9]) {
            return "position 10 of a 10-digit invoice code is its amount version (0–4), not \(digits[9])"
        }
        return nil
    }

    /// Whether the code's year fits the issue date.
    ///
    /// A 12-digit code's year must be at most the issue year and at most 5 years before it; a 10-digit code's
    /// 制版年度 must be at most the issue year (its forms stay in use for longer).
    ///
    /// - Parameters:
    ///   - code: a 10- or 12-digit invoice code.
    ///   - issueDate: the issue date, `YYYY-MM-DD`.
    /// - Returns: the answer, or `nil` when the code or the date cannot be read.
    public static func isYearConsistent(code: String, issueDate: String) -> Bool? {
        guard let info = analyze(code), let codeYear = info.year, let issued = CalendarDate(iso: issueDate) else {
            return nil
        }
        guard codeYear <= issued.year else { return false }
        return info.length == 10 || issued.year - codeYear <= 5
    }

    /// Checks the structure of a 20-digit 数电 invoice number (§3c).
    ///
    /// Positions 1–2 are the issue year's last two digits (compared when `issueDate` is given) and positions
    /// 3–4 a province-level region code (GB/T 2260: 11 北京 … 65 新疆).
    ///
    /// - Parameters:
    ///   - number: the invoice number.
    ///   - issueDate: the issue date `YYYY-MM-DD`, or `nil` when unknown.
    /// - Returns: whether the number passed, and a sentence saying why.
    public static func checkDigitalNumber(_ number: String, issueDate: String?) -> (passed: Bool, message: String) {
        let digits = Array(number)
        guard digits.count == 20, digits.allSatisfy(\.isASCIIDigit) else {
            return (false, "a digital invoice number has 20 digits; this one is \"\(number)\"")
        }
        let yearDigits = String(digits[0..<2])
        let regionDigits = String(digits[2..<4])
        guard let province = RegionCodes.provinces[regionDigits] else {
            return (false, "positions 3–4 (\(regionDigits)) are not a province code")
        }
        if let issueDate {
            guard let issued = CalendarDate(iso: issueDate) else {
                return (false, "the issue date \"\(issueDate)\" is not a YYYY-MM-DD date")
            }
            guard Int(yearDigits) == issued.year % 100 else {
                return (false, "positions 1–2 (\(yearDigits)) do not match the issue year \(issued.year)")
            }
        }
        return (true, "year 20\(yearDigits), province \(regionDigits) (\(province))")
    }
}

/// The structure of a 发票代码, from `InvoiceCode.analyze(_:)`.
public struct InvoiceCodeInfo: Sendable, Hashable {
    /// 10 or 12.
    public var length: Int
    /// The four-digit region code (`3200` 江苏, `4403` 深圳).
    public var region: String
    /// The year the code (or, for 10 digits, the form's 制版年度) was issued.
    public var year: Int?
    /// The 计划单列市 of `region` (`4403` 深圳), else the province of its first two digits (`3200`, `3402` → 安徽), or
    /// `nil` when the first two digits are not a province code.
    public var provinceName: String?
    /// The digits after the year: 12 digits → the kind (positions 11–12, e.g. `11` 电子普票); 10 digits →
    /// positions 7–10 (batch, language, copies, amount version).
    public var kindDigits: String

    /// Creates the structure.
    public init(length: Int, region: String, year: Int?, provinceName: String?, kindDigits: String) {
        self.length = length
        self.region = region
        self.year = year
        self.provinceName = provinceName
        self.kindDigits = kindDigits
    }
}
