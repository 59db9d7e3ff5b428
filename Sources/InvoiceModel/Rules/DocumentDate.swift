/// Printed dates read into CONTRACT.md's `YYYY-MM-DD`, with every reading validated as a calendar date.
public enum DocumentDate {
    /// Month names and their three-letter (and `sept`) abbreviations, lower case, to month numbers.
    static let monthNumbers: [String: Int] = {
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        var table: [String: Int] = ["sept": 9]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        for (name, month) in foreignMonths { table[name] = month }
        return table
    }()

    /// Month names of invoices in French, German, Dutch, Spanish and Italian, in full and in their
    /// usual abbreviations (where an abbreviation would name two months, e.g. French "jui", none is given).
    public static let foreignMonths: [String: Int] = {
        let months: [[String]] = [
            ["janvier", "janv", "januar", "jänner", "januari", "enero", "ene", "gennaio", "genn", "gen"],
            ["février", "fevrier", "févr", "fevr", "fév", "fev", "februar", "februari", "febrero", "febbraio"],
            ["mars", "märz", "maerz", "mrz", "maart", "mrt", "marzo"],
            ["avril", "avr", "april", "abril", "abr", "aprile"],
            ["mai", "mei", "mayo", "maggio", "magg", "mag"],
            ["juin", "juni", "junio", "giugno", "giu"],
            ["juillet", "juil", "juli", "julio", "luglio", "lug"],
            ["août", "aout", "augustus", "agosto", "ago"],
            ["septembre", "septiembre", "setiembre", "settembre", "set"],
            ["octobre", "oktober", "okt", "octubre", "ottobre", "ott"],
            ["novembre", "noviembre"],
            ["décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic", "dicembre"],
        ]
        var table: [String: Int] = [:]
        for (index, names) in months.enumerated() {
            for name in names { table[name] = index + 1 }
        }
        return table
    }()

    /// Words skipped before a date: weekday names and ordinal suffixes (`Mon, 5th March 2024`).
    static let ignoredWords: Set<String> = [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "st", "nd", "rd", "th",
        // "3 de marzo de 2014", "1er mars", "le 3 mars"
        "de", "del", "er", "le",
    ]

    /// Reads a date as printed on fapiao and Chinese documents.
    ///
    /// Accepts `2024年08月21日`, `2024年8月1日` (日 may be missing; spaces and full-width digits are ignored),
    /// `2024-08-21`, `2024/08/21`, `2024.08.21` (one- or two-digit month and day) and `20240821`.
    ///
    /// - Parameter text: the date as printed.
    /// - Returns: the date as `YYYY-MM-DD`, or `nil` when the text has another shape or names no real day.
    public static func parseChinese(_ text: String) -> String? {
        let compact = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map(Money.asciiFromFullWidth).filter { !$0.properties.isWhitespace }))
        let tokens = runs(of: compact)
        let numbers = tokens.compactMap { Int($0) }
        switch tokens.count {
        case 1:
            return CalendarDate(compact: compact)?.iso
        case 5, 6:
            let separators = [tokens[1], tokens[3]] + (tokens.count == 6 ? [tokens[5]] : [])
            let chinese = separators == ["年", "月"] || separators == ["年", "月", "日"]
            let latin = tokens.count == 5 && tokens[1] == tokens[3] && ["-", "/", "."].contains(tokens[1])
            guard chinese || latin, numbers.count == 3, tokens[0].count == 4, tokens[2].count <= 2,
                tokens[4].count <= 2
            else { return nil }
            return CalendarDate(year: numbers[0], month: numbers[1], day: numbers[2])?.iso
        default:
            return nil
        }
    }

    /// Reads an English or receipt-style date, reporting the other readings when day and month are ambiguous.
    ///
    /// Accepts `2024-03-05`, `25/12/2018`, `12/25/2018`, `05.03.24`, `5-Mar-18`, `5 Mar 2024`, `25 DEC 2018`,
    /// `March 5, 2024`, `Dec 25, 2018`, `20240305` and the shapes of `parseChinese(_:)`; weekday names and ordinal
    /// suffixes are skipped, and two-digit years mean 20xx. A numeric date such as `05/03/2024` that is valid
    /// both day-first and month-first is ambiguous.
    ///
    /// - Parameters:
    ///   - text: the date as printed.
    ///   - preferDayFirst: read ambiguous numeric dates day-first (`05/03/2024` → 5 March) when true.
    /// - Returns: the preferred reading and the alternatives, or `nil` when no reading is a real day.
    public static func parseNumericOrNamed(_ text: String, preferDayFirst: Bool) -> DateReading? {
        if let chinese = parseChinese(text) { return DateReading(value: chinese) }
        var tokens: [Token] = []
        for run in runs(of: text.lowercased()) {
            if let number = Int(run), run.allSatisfy(\.isASCIIDigit) {
                tokens.append(.number(number, digits: run.count))
            } else if let month = monthNumbers[run] {
                tokens.append(.month(month))
            } else if run.allSatisfy({ $0.isWhitespace || ",/-.'".contains($0) }) || ignoredWords.contains(run) {
                continue
            } else {
                return nil
            }
        }
        let candidates: [CalendarDate?]
        switch (tokens.first, tokens.dropFirst().first, tokens.dropFirst(2).first, tokens.count) {
        case (.number(let value, 8)?, nil, nil, 1):
            candidates = [CalendarDate(compact: String(value))]
        case (.number(let year, 4)?, .number(let month, 1...2)?, .number(let day, 1...2)?, 3):
            candidates = [CalendarDate(year: year, month: month, day: day)]
        case (.number(let first, 1...2)?, .number(let second, 1...2)?, .number(let year, let digits)?, 3):
            guard let year = fullYear(year, digits: digits) else { return nil }
            let dayFirst = CalendarDate(year: year, month: second, day: first)
            let monthFirst = CalendarDate(year: year, month: first, day: second)
            candidates = preferDayFirst ? [dayFirst, monthFirst] : [monthFirst, dayFirst]
        case (.month(let month)?, .number(let day, 1...2)?, .number(let year, let digits)?, 3),
            (.number(let day, 1...2)?, .month(let month)?, .number(let year, let digits)?, 3):
            guard let year = fullYear(year, digits: digits) else { return nil }
            candidates = [CalendarDate(year: year, month: month, day: day)]
        default:
            return nil
        }
        var readings: [String] = []
        for case let date? in candidates where !readings.contains(date.iso) {
            readings.append(date.iso)
        }
        guard let value = readings.first else { return nil }
        return DateReading(value: value, alternatives: Array(readings.dropFirst()))
    }

    /// A number or month name in an English date.
    private enum Token {
        case number(Int, digits: Int)
        case month(Int)
    }

    /// A two- or four-digit year as a full year (two digits mean 20xx), or `nil` for other lengths.
    private static func fullYear(_ value: Int, digits: Int) -> Int? {
        switch digits {
        case 2: return 2000 + value
        case 4: return value
        default: return nil
        }
    }

    /// The text cut into maximal runs of ASCII digits, of letters, and of anything else.
    private static func runs(of text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        var currentKind = 0
        for character in text {
            // Latin letters, accented ones included (février, März); not CJK (年 is a separator here).
            let latin = character.isLetter && character.unicodeScalars.allSatisfy { $0.value < 0x250 }
            let kind = character.isASCIIDigit ? 1 : (latin ? 2 : 3)
            if kind != currentKind || kind == 3, !current.isEmpty {
                runs.append(current)
                current = ""
            }
            current.append(character)
            currentKind = kind
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}

/// One reading of a printed date, with the other valid readings when day and month could be swapped.
public struct DateReading: Sendable, Hashable {
    /// The preferred reading, `YYYY-MM-DD`.
    public var value: String
    /// Other valid readings (`YYYY-MM-DD`), in preference order; empty when the date is unambiguous.
    public var alternatives: [String]
    /// Whether more than one reading is valid.
    public var isAmbiguous: Bool { !alternatives.isEmpty }

    /// Creates a reading.
    public init(value: String, alternatives: [String] = []) {
        self.value = value
        self.alternatives = alternatives
    }
}
