import Foundation

/// What a document's text says about where it comes from: its currency, and whether numeric dates are
/// written day first (most of the world) or month first (the United States).
struct LocaleCues {
    /// ISO code and how sure the cue is.
    var currency: (code: String, confidence: Double)?
    /// `true` day first, `false` month first, `nil` no cue.
    var dayFirst: Bool?

    /// Currency codes and words, matched as whole tokens.
    static let codes: [String: String] = [
        "MYR": "MYR", "RM": "MYR", "SGD": "SGD", "GBP": "GBP", "EUR": "EUR", "USD": "USD", "CNY": "CNY", "RMB": "CNY",
        "HKD": "HKD", "AUD": "AUD", "CAD": "CAD", "INR": "INR", "RS": "INR", "CHF": "CHF",
    ]
    /// Currency signs, most specific first (S$ before $).
    static let signs: [(sign: String, code: String)] = [
        ("S$", "SGD"), ("US$", "USD"), ("A$", "AUD"), ("HK$", "HKD"), ("£", "GBP"), ("€", "EUR"), ("₹", "INR"), ("¥", "CNY"),
        ("$", "USD"),
    ]

    /// Words that place a document outside the United States (day-first dates).
    static let dayFirstWords = [
        "SDN BHD", "SDN. BHD", "MALAYSIA", "SELANGOR", "JOHOR", "KUALA LUMPUR", "SINGAPORE", "PTE LTD", "PTE. LTD",
        " GST",
        " SST", " VAT", " LTD", "LIMITED", "UNITED KINGDOM", "LONDON", "IRELAND", "DUBLIN", "ABN", "GMBH", " RM",
        "£", "€", "₹", "GSTIN", "INDIA", " BV", "B.V.", " SARL", " SAS", " S.A.", " SRL", " S.R.L", " AG",
        "DEUTSCHLAND", "FRANCE", "NEDERLAND", "ESPAÑA", "ITALIA", "BELGI", "RECHNUNG", "FACTURE", "FACTUUR",
        "FACTURA", "FATTURA", " MWST", " TVA", " BTW", " IVA",
    ]
    /// Words that place it in the United States (month-first dates).
    static let monthFirstWords = [" USA", "UNITED STATES", "SALES TAX", " INC.", " INC ", " LLC", " USD"]

    /// Whether `sign` is printed before a number in the row `text` ("£12.00", "$ 9.50"), or ends it (the
    /// amount read as another column: "TOTAL S$"), speckle read between them aside ("S$. 11.57"); a sign
    /// inside noise ("(€O..") says nothing.
    static func precedesAmount(_ sign: String, in text: String) -> Bool {
        var rest = Substring(text)
        while let range = rest.range(of: sign) {
            let after = rest[range.upperBound...].drop { " .:,".contains($0) }
            if after.first?.isNumber ?? true { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    init(_ upperLines: [String]) {
        let text = " " + upperLines.joined(separator: " ") + " "
        let tokens = text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
        var counts: [String: Int] = [:]
        for token in tokens {
            // A code written against its amount (RM425.57) counts as well as one standing alone.
            let letters = token.prefix { $0.isLetter }
            let rest = token.dropFirst(letters.count)
            guard rest.isEmpty || rest.allSatisfy(\.isNumber), let code = Self.codes[String(letters)] else { continue }
            counts[code, default: 0] += 1
        }
        if let (code, _) = counts.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).first {
            currency = (code, 0.95)
        } else if let (_, code) = Self.signs.first(where: { sign in
            upperLines.contains { Self.precedesAmount(sign.sign, in: $0) }
        }) {
            // A plain "$" is the weakest cue: Singapore, Australia and others print it too.
            currency = (code, text.contains("S$") || !text.contains("$") ? 0.95 : 0.7)
        } else if text.firstMatch(of: /\bGSTIN\b|\b(?:C|S|I|UT)GST\b/) != nil {
            // Indian GST words, with the rupee sign unread (OCR takes ₹ for a 2 or drops it).
            currency = ("INR", 0.9)
        }
        let dayFirstScore = Self.dayFirstWords.filter { text.contains($0) }.count
        let monthFirstScore =
            Self.monthFirstWords.filter { text.contains($0) }.count
            + (text.firstMatch(of: /\b[A-Z]{2} \d{5}(?:-\d{4})?\b/) != nil ? 2 : 0)
        if dayFirstScore > monthFirstScore {
            dayFirst = true
        } else if monthFirstScore > dayFirstScore {
            dayFirst = false
        }
    }
}
