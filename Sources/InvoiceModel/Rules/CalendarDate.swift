/// A validated proleptic Gregorian calendar date without time or time zone, for rules over printed dates.
struct CalendarDate: Hashable, Comparable, Sendable {
    /// Four-digit year (1000–9999).
    let year: Int
    /// Month 1–12.
    let month: Int
    /// Day 1–28…31, valid for the month and year.
    let day: Int

    /// A date when `year`, `month` and `day` name a real day, else `nil`.
    init?(year: Int, month: Int, day: Int) {
        guard (1000...9999).contains(year), (1...12).contains(month),
            (1...Self.days(inMonth: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date from exactly eight digits `YYYYMMDD`.
    init?(compact text: some StringProtocol) {
        guard text.count == 8, text.allSatisfy(\.isASCIIDigit) else { return nil }
        let digits = Array(text)
        guard let year = Int(String(digits[0..<4])), let month = Int(String(digits[4..<6])),
            let day = Int(String(digits[6..<8]))
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// A date from the contract's `YYYY-MM-DD` exactly (two-digit month and day).
    init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return nil }
        self.init(compact: parts.joined())
    }

    /// The date as `YYYY-MM-DD`.
    var iso: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whether `year` is a Gregorian leap year.
    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`.
    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
