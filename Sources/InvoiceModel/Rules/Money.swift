public import Foundation

/// Printed money amounts: parsing what documents print and formatting CONTRACT.md's `-?\d+\.\d{2}`.
///
/// Amounts are `Decimal` throughout; nothing here goes through `Double`.
public enum Money {
    /// Currency codes and symbols stripped before an amount is read, longest first so `S$` wins over `$`.
    static let currencyMarks: [String] = [
        "USD", "CNY", "RMB", "MYR", "SGD", "GBP", "EUR", "RM", "S$", "¥", "￥", "$", "£", "€",
    ]

    /// One cent (0.01): the rounding margin of printed amounts.
    public static let cent = Decimal(sign: .plus, exponent: -2, significand: 1)

    /// The largest number of integer digits accepted, far above any invoice and well inside `Decimal`'s precision.
    static let maximumIntegerDigits = 15

    /// Parses a printed amount such as `15.94`, `¥15.94`, `￥ 3,819.00`, `1,234.5`, `759`, `-12.30`, `RM 9.00`.
    ///
    /// Currency symbols and codes (¥ ￥ $ £ € RM S$ USD CNY RMB MYR SGD GBP EUR) and spaces are removed; full-width
    /// digits and punctuation are read as ASCII. Commas are accepted only as thousands separators in groups of
    /// three (`1,234`), so a decimal comma (`9,00`) is rejected rather than guessed; at most two decimals are
    /// accepted (`12.345` is rejected). A leading minus sign marks a negative amount.
    ///
    /// - Parameter text: the amount as printed.
    /// - Returns: the amount, or `nil` when the text is not an amount in one of these shapes.
    public static func parse(_ text: String) -> Decimal? {
        var body = String(
            text.unicodeScalars.compactMap { scalar -> Character? in
                if scalar.properties.isWhitespace { return nil }
                return Character(asciiFromFullWidth(scalar))
            })
        var negative = false
        var stripped = true
        while stripped {
            stripped = false
            if let sign = body.first, "-−".contains(sign) {
                guard !negative else { return nil }
                negative = true
                body.removeFirst()
                stripped = true
            }
            for mark in currencyMarks where body.hasPrefix(mark) {
                body.removeFirst(mark.count)
                stripped = true
                break
            }
        }
        for mark in currencyMarks where body.hasSuffix(mark) {
            body.removeLast(mark.count)
            break
        }
        guard let digits = plainDigits(body) else { return nil }
        guard let value = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        return negative && !value.isZero ? -value : value
    }

    /// Formats an amount as CONTRACT.md's `-?\d+\.\d{2}` after rounding half away from zero (`3819` → `3819.00`).
    ///
    /// - Parameter value: the amount.
    /// - Returns: the text, with a leading `-` only for amounts that stay negative after rounding.
    public static func format(_ value: Decimal) -> String {
        let cents = rounded(value, places: 2) * 100
        let negative = cents < 0
        var digits = (negative ? -cents : cents).description
        if let point = digits.firstIndex(of: ".") { digits = String(digits[..<point]) }
        while digits.count < 3 { digits = "0" + digits }
        let split = digits.index(digits.endIndex, offsetBy: -2)
        return (negative ? "-" : "") + digits[..<split] + "." + digits[split...]
    }

    /// Rounds to `places` decimals, halves away from zero (`2.345` → `2.35`, `-2.345` → `-2.35`).
    ///
    /// - Parameters:
    ///   - value: the amount.
    ///   - places: decimals to keep (2 for money).
    /// - Returns: the rounded amount.
    public static func rounded(_ value: Decimal, places: Int = 2) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, places, .plain)
        return result
    }

    /// Whether `value` has no more than `places` decimals.
    static func hasAtMost(places: Int, _ value: Decimal) -> Bool {
        rounded(value, places: places) == value
    }

    /// `body` as plain `\d+(\.\d{1,2})?` with thousands separators removed, or `nil` when it has another shape.
    private static func plainDigits(_ body: String) -> String? {
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let integerPart = parts.first else { return nil }
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit) else { return nil }
        }
        let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
        guard let head = groups.first, !head.isEmpty, head.allSatisfy(\.isASCIIDigit) else { return nil }
        if groups.count > 1 {
            guard head.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isASCIIDigit) })
            else { return nil }
        }
        let integerDigits = groups.joined()
        guard integerDigits.count <= maximumIntegerDigits else { return nil }
        return parts.count == 2 ? integerDigits + "." + parts[1] : integerDigits
    }

    /// Full-width ASCII variants (U+FF01–U+FF5E, e.g. `１`, `．`, `，`) mapped to ASCII; other scalars unchanged.
    static func asciiFromFullWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
        case 0x3000: return " "
        default: return scalar
        }
    }
}

extension Character {
    /// Whether the character is one of the ASCII digits 0–9.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) && isASCII }

    /// Whether the character is an ASCII upper-case letter A–Z.
    var isASCIIUppercaseLetter: Bool { ("A"..."Z").contains(self) && isASCII }
}
