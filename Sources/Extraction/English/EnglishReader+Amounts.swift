import Foundation
import InvoiceModel

extension EnglishReader {
    /// What an amount line is, from the words printed before the amount.
    enum AmountKind: Int, Comparable {
        case subtotal, tax, rounding, cash, change, total, strongTotal, roundedTotal
        static func < (a: AmountKind, b: AmountKind) -> Bool { a.rawValue < b.rawValue }
    }

    /// Lines whose amounts are never the total: counts, savings, other payments.
    nonisolated(unsafe) static let notTotals: Regex<Substring> =
        /TENDER|PAID|PAYMENT|CARD|VISA|MASTER|DEBIT|CREDIT|QTY|QUANTITY|TOTAL ITEM|ITEMS|NO\.? OF ITEM|UNIT|SAVING|DISCOUNT|DEPOSIT|POINTS|VOUCHER|SUPPLIES/

    /// Lines of a payment by card or a tendered amount.
    nonisolated(unsafe) static let payments: Regex<Substring> =
        /TENDER|PAID|PAYMENT|CARD|VISA|MASTER|DEBIT|CREDIT|\bEDC\b/

    /// The kind of an amount line from its keyword-normalised upper-case text.
    static func kind(of text: String) -> AmountKind? {
        if let foreign = foreignKind(of: text) { return foreign }
        if text.firstMatch(of: AmountWords.change) != nil { return .change }
        if text.firstMatch(of: AmountWords.cash) != nil, text.firstMatch(of: AmountWords.total) == nil { return .cash }
        // A note of the tax a total includes, in brackets or at its rate: "(Total Included GST @ 6% : 1.42)";
        // but not the sales or amount total that says it includes the tax ("Total Sales Inclusive GST @6%").
        if text.firstMatch(of: AmountWords.including) != nil, text.firstMatch(of: AmountWords.taxName) != nil,
            text.firstMatch(of: AmountWords.salesOrAmount) == nil,
            text.hasPrefix("(") || text.firstMatch(of: AmountWords.atRate) != nil
        {
            return .tax
        }
        if text.firstMatch(of: AmountWords.roundedTotal) != nil,
            text.firstMatch(of: notTotals) == nil
        {
            return .roundedTotal
        }
        if text.firstMatch(of: AmountWords.strongTotal) != nil, text.firstMatch(of: AmountWords.notStrongTotal) == nil {
            return text.firstMatch(of: notTotals) == nil ? .strongTotal : nil
        }
        if text.firstMatch(of: AmountWords.subtotal) != nil {
            return .subtotal
        }
        if text.firstMatch(of: AmountWords.rounding) != nil { return .rounding }
        if text.firstMatch(of: notTotals) != nil { return nil }
        if text.firstMatch(of: AmountWords.total) != nil {
            return text.firstMatch(of: AmountWords.gstVatTax) != nil
                && text.firstMatch(of: AmountWords.including) == nil
                ? .tax : .total
        }
        if text.firstMatch(of: AmountWords.taxName) != nil { return .tax }
        return nil
    }

    private typealias Reading = (kind: AmountKind, value: String, text: LineText, order: Int)

    /// Subtotal, tax and total. The total is voted on: every total line (a rounded, grand or due total
    /// weighs more), and the sums the receipt also prints — subtotal + tax, cash − change — each count for
    /// the value they give. Every total line is read twice (the second time as a single line of digits).
    mutating func readAmounts() {
        var readings: [Reading] = []
        // What was paid by card or tendered: the total, when no change is given.
        var payments: [(value: String, text: LineText)] = []
        var rowsWithoutAmount = 0
        for (order, row) in rows.enumerated() {
            let pairs = Self.labelledAmounts(in: row.text)
            for pair in pairs {
                let label = Keywords.normalized(pair.label.uppercased())
                guard let kind = Self.kind(of: label) else {
                    if label.firstMatch(of: Self.payments) != nil { payments.append((pair.value, pair.text)) }
                    continue
                }
                if kind == .cash { payments.append((pair.value, pair.text)) }
                readings.append((kind, pair.value, pair.text, order))
            }
            // A label whose amount the page read missed (OCR drops right-aligned bold columns): read the
            // rest of its row on its own.
            if pairs.isEmpty, rowsWithoutAmount < Self.maximumRowReads,
                let kind = Self.kind(of: Keywords.normalized(row.upper))
            {
                if let (value, text) = amountRight(of: row) {
                    rowsWithoutAmount += 1
                    readings.append((kind, value, text, order))
                } else if let (value, text) = amountBelow(row: order) {
                    // Narrow receipts print a long label's amount on the row under it.
                    readings.append((kind, value, text, order))
                }
            }
        }
        func amount(_ reading: Reading?) -> Decimal? { reading.flatMap { Money.parse($0.value) } }
        // "Rounding 45.35" is the rounded total, not the adjustment (which is a few cents): it lies within
        // a few cents of a total line.
        let totals = readings.filter { $0.kind >= .total }.compactMap { amount($0) }
        for index in readings.indices where readings[index].kind == .rounding {
            guard let value = amount(readings[index]), abs(NSDecimalNumber(decimal: value).doubleValue) >= 1 else {
                continue
            }
            if totals.contains(where: { abs(NSDecimalNumber(decimal: $0 - value).doubleValue) < 0.1 }) {
                readings[index].kind = .roundedTotal
            }
        }
        // "GST payable (6%): 0.49", "(Total included GST @ 6%: 1.42)": a total-like line that names a tax
        // and its rate, with an amount at most a third of another subtotal or total line's, is the tax
        // the total includes.
        let larger = readings.filter { [.subtotal, .cash, .total, .strongTotal, .roundedTotal].contains($0.kind) }
            .compactMap { amount($0) }
        func namesTaxRate(_ reading: Reading) -> Bool {
            let upper = rows[reading.order].upper
            return upper.firstMatch(of: AmountWords.taxName) != nil && upper.firstMatch(of: AmountWords.rate) != nil
        }
        for index in readings.indices where readings[index].kind >= .total && namesTaxRate(readings[index]) {
            guard let value = amount(readings[index]), value > 0, larger.contains(where: { $0 >= 3 * value })
            else { continue }
            readings[index].kind = .tax
        }
        func first(_ kind: AmountKind) -> Reading? { readings.first { $0.kind == kind } }
        // A rounding adjustment is a few cents (anything larger was taken for the rounded total above).
        rounding = amount(first(.rounding)).flatMap { abs(NSDecimalNumber(decimal: $0).doubleValue) < 0.1 ? $0 : nil }
        let subtotal = first(.subtotal)
        var tax = first(.tax)
        // Indian GST is printed in parts, central and state (CGST and SGST, or UTGST) on rows of their own:
        // the tax is their sum.
        var parts: [Reading] = []
        for reading in readings where reading.kind == .tax && !parts.contains(where: { $0.order == reading.order }) {
            if rows[reading.order].upper.firstMatch(of: AmountWords.indianTaxPart) != nil { parts.append(reading) }
        }
        if parts.count >= 2, let first = parts.first {
            let sum = parts.compactMap { amount($0) }.reduce(Decimal(0), +)
            tax = (kind: .tax, value: Money.format(sum), text: first.text, order: first.order)
        }

        var votes: [String: Double] = [:]
        var where_: [String: LineText] = [:]
        // First appearance of each value: ties are broken by it, never by dictionary order (which Swift
        // randomises per process).
        var order: [String] = []
        // Values something other than a payment voted for.
        var backed: Set<String> = []
        func note(_ value: String, backed isBacked: Bool = true) {
            if !order.contains(value) { order.append(value) }
            if isBacked { backed.insert(value) }
        }
        for reading in readings where reading.kind >= .total {
            var weight: Double = reading.kind == .total ? 1 : 2
            // A total line that also names a tax rate may be the included tax with no larger line to tell.
            if namesTaxRate(reading) { weight /= 2 }
            if reading.kind == .strongTotal,
                rows[reading.order].upper.firstMatch(of: AmountWords.payable) != nil
            {
                weight = 2.5
            }
            // A rounded total outweighs the total it rounds, when it lies within a few cents of it (a
            // misread rounded total does not).
            if reading.kind == .roundedTotal, let value = amount(reading),
                totals.allSatisfy({ $0 == value })
                    || totals.contains(where: {
                        $0 != value && abs(NSDecimalNumber(decimal: $0 - value).doubleValue) < 0.1
                    })
            {
                weight = 3
            }
            votes[reading.value, default: 0] += weight
            where_[reading.value] = where_[reading.value] ?? reading.text
            note(reading.value)
            if let again = secondRead(reading.text), again != reading.value {
                votes[again, default: 0] += weight * 0.75
                where_[again] = where_[again] ?? reading.text
                note(again)
            }
        }
        // A printed rounding adjustment: the amount due is the total moved by it onto the rounding step.
        if let adjustment = amount(first(.rounding)).map({ abs($0) }), adjustment > 0, adjustment < 0.1 {
            for reading in readings where reading.kind == .total || reading.kind == .strongTotal {
                guard let total = amount(reading) else { continue }
                for candidate in [total + adjustment, total - adjustment] where Self.isRoundingStep(candidate) {
                    let value = Money.format(candidate)
                    votes[value, default: 0] += 2
                    where_[value] = where_[value] ?? reading.text
                    note(value)
                }
            }
        }
        // With a rounding line printed, the amount due is on the rounding step.
        if first(.rounding) != nil {
            for value in order where Money.parse(value).map(Self.isRoundingStep) == true {
                votes[value, default: 0] += 1.5
            }
        }
        // Sums the receipt implies count for the value they give, and make it a candidate when it is
        // printed somewhere (under a label OCR garbled: "TORe RM 73.00").
        // Two sums that agree (subtotal + tax = cash − change) may find it printed with a speck read as
        // a last digit ("109.206").
        func implied(_ value: Decimal, agreed: Bool = false) {
            let text = Money.format(value)
            votes[text, default: 0] += 1.5
            backed.insert(text)
            if where_[text] == nil, let printed = printedAmount(text, allowingOneMoreDigit: agreed) {
                where_[text] = printed
                note(text)
            }
        }
        let sum = amount(subtotal).flatMap { s in amount(tax).map { s + $0 } }
        var paid: Decimal?
        if let cash = amount(first(.cash)), let change = amount(first(.change)), cash > change { paid = cash - change }
        if let sum { implied(sum) }
        if let paid { implied(paid, agreed: paid == sum) }
        // With no change given, what was paid is the total: a weak vote (the change line may be unread),
        // and the only candidate on a receipt whose total line OCR lost.
        if amount(first(.change)).map({ $0 == 0 }) ?? true {
            for payment in payments where Money.parse(payment.value).map({ $0 > 0 }) == true {
                votes[payment.value, default: 0] += 0.75
                where_[payment.value] = where_[payment.value] ?? payment.text
                note(payment.value, backed: false)
            }
        }
        let ranked = order.filter { where_[$0] != nil }.map { ($0, votes[$0] ?? 0) }
            .enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }.map(\.element)
        if let (value, score) = ranked.first, let text = where_[value] {
            var found = evidence(.totalAmount, value, from: text)
            found.confirmations = score >= 3 ? 2 : (score >= 2 ? 1 : 0)
            if ranked.count > 1, ranked[1].1 >= score * 0.75 { found.conflicts = 1 }
            found.alternatives = ranked.dropFirst().map(\.0)
            // Taken from what was paid, with no total line for it: inferred, not read.
            if !backed.contains(value) { found.inferredFrom = "the amount paid (\(text.text))" }
            fields[.totalAmount] = found
        }
        if let subtotal {
            fields[.amountExcludingTax] = evidence(.amountExcludingTax, subtotal.value, from: subtotal.text)
        }
        if let tax, tax.value != fields[.totalAmount]?.value {
            fields[.taxAmount] = evidence(.taxAmount, tax.value, from: tax.text)
        }
        confirmBySum()
    }

    /// Where `value` ("44.90") is printed, lowest row first, allowing OCR's separators ("44 90", "44:90") and,
    /// when `allowingOneMoreDigit`, one digit read after it ("44.906", a speck).
    func printedAmount(_ value: String, allowingOneMoreDigit: Bool = false) -> LineText? {
        guard let dot = value.firstIndex(of: ".") else { return nil }
        let whole = Array(value[..<dot])
        let cents = Array(value[value.index(after: dot)...])
        for row in rows.reversed() {
            let characters = Array(row.text.compactText)
            var start = 0
            while start + whole.count + cents.count <= characters.count {
                defer { start += 1 }
                guard Array(characters[start..<start + whole.count]) == whole,
                    start == 0 || !characters[start - 1].isASCIIDigit
                else { continue }
                var index = start + whole.count
                if index < characters.count, ".,: ".contains(characters[index]) { index += 1 }
                guard index + cents.count <= characters.count,
                    Array(characters[index..<index + cents.count]) == cents
                else { continue }
                var end = index + cents.count
                if allowingOneMoreDigit, end < characters.count, characters[end].isASCIIDigit { end += 1 }
                guard end == characters.count || !characters[end].isASCIIDigit else { continue }
                return row.text.slice(start..<index + cents.count)
            }
        }
        return nil
    }

    /// Whether an amount is a multiple of 0.05, the step cash totals are rounded to.
    static func isRoundingStep(_ value: Decimal) -> Bool {
        let cents = NSDecimalNumber(decimal: value * 100).doubleValue.rounded()
        return cents.truncatingRemainder(dividingBy: 5) == 0
    }

    /// Rows with a label and no amount that are read again, at most.
    static let maximumRowReads = 6

    /// The amount printed to the right of a row's words, read as one line of amount characters.
    private func amountRight(of row: EnglishRow) -> (String, LineText)? {
        let box = row.box
        // The amount may be on the row already, misread as letters with low confidence ("SUBTOTAL Wo
        // le"): the area starts after the label's words, read with confidence, not after the row.
        let labelEnd =
            row.text.wordBoxes.indices.prefix { index in
                let glyphs = row.text.glyphs.filter { $0.word == index }
                return !glyphs.isEmpty && glyphs.allSatisfy { $0.confidence >= 0.6 }
            }.last.map { row.text.wordBoxes[$0].maxX } ?? box.maxX
        let area = PixelBox(
            left: labelEnd + row.height / 2, top: box.y - row.height / 2, right: reader.width,
            bottom: box.maxY + row.height / 2)
        guard area.width > 2 * row.height else { return nil }
        let read = (try? reader.read(area, ReadRequest(.line, .latin, whitelist: ReadRequest.amountCharacters))) ?? []
        guard let line = read.max(by: { $0.words.count < $1.words.count }) else { return nil }
        let text = LineText(line)
        return Self.amounts(in: text).last.map { ($0.value, text.slice($0.range)) }
    }

    /// The amount on the row right under row `index` when that row holds nothing else (an optional
    /// currency code or sign aside) and lies within one text height of it.
    private func amountBelow(row index: Int) -> (String, LineText)? {
        guard index + 1 < rows.count else { return nil }
        let row = rows[index]
        let next = rows[index + 1]
        let amounts = Self.amounts(in: next.text)
        guard next.box.y - row.box.maxY < row.height, Self.kind(of: Keywords.normalized(next.upper)) == nil,
            amounts.count == 1, let found = amounts.first
        else { return nil }
        let rest = next.text.glyphs.indices.filter { !found.range.contains($0) }.map { next.text.glyphs[$0].character }
        let other = String(rest).uppercased().replacingOccurrences(of: "RM", with: "").filter {
            $0.isLetter || $0.isNumber
        }
        guard other.isEmpty else { return nil }
        return (found.value, next.text.slice(found.range))
    }

    /// The amount read again on its own, as one line of digits with the Latin model.
    private func secondRead(_ text: LineText) -> String? {
        guard let box = text.region else { return nil }
        let margin = max(8, box.height / 2)
        let area = PixelBox(
            left: box.x - margin, top: box.y - margin / 2, right: box.maxX + margin, bottom: box.maxY + margin / 2)
        let read = (try? reader.read(area, ReadRequest(.line, .latin, whitelist: ReadRequest.amountCharacters))) ?? []
        let joined = read.map(\.text).joined()
        return FieldText.amount(joined)
    }

    /// subtotal + tax = total (allowing a printed rounding of up to 0.05) confirms all three.
    private mutating func confirmBySum() {
        guard let subtotal = fields[.amountExcludingTax].flatMap({ Money.parse($0.value) }),
            let tax = fields[.taxAmount].flatMap({ Money.parse($0.value) }),
            let total = fields[.totalAmount].flatMap({ Money.parse($0.value) })
        else { return }
        let difference = subtotal + tax - total
        if abs(NSDecimalNumber(decimal: difference).doubleValue) <= 0.05 {
            for name in [FieldName.amountExcludingTax, .taxAmount] { fields[name]?.confirmations += 1 }
        }
    }
}

/// The words of amount lines, built once: a regex literal is parsed again each time it is evaluated
/// (0.1 ms), and these are tried on every row of every receipt.
///
/// `Regex` is not `Sendable` only because its output type need not be; these are `Substring` regexes that
/// matching never mutates (their program is compiled once, atomically), so workers share them.
enum AmountWords {
    nonisolated(unsafe) static let change: Regex<Substring> = /\bCHANGE\b|\bBALANCE\b(?! DUE)/
    nonisolated(unsafe) static let cash: Regex<Substring> = /\bCASH\b/
    nonisolated(unsafe) static let total: Regex<Substring> = /\bTOTAL\b/
    nonisolated(unsafe) static let including: Regex<Substring> = /INCL/
    /// A tax named as such. (`\b(?:GST|VAT|SST|TAX)\b` holds SALES TAX and SERVICE TAX.)
    nonisolated(unsafe) static let taxName: Regex<Substring> = /\b(?:GST|VAT|SST|TAX)\b/
    /// The same without SST: a "TOTAL SST" line is the total of a receipt that charges it.
    nonisolated(unsafe) static let gstVatTax: Regex<Substring> = /\bGST\b|\bVAT\b|\bTAX\b/
    nonisolated(unsafe) static let salesOrAmount: Regex<Substring> = /\bSALES?\b|\bAMOUNT\b|\bAMT\b/
    nonisolated(unsafe) static let atRate: Regex<Substring> = /@\s*\d+(?:\.\d+)?\s*%/
    nonisolated(unsafe) static let rate: Regex<Substring> = /\d\s*%|@/
    nonisolated(unsafe) static let roundedTotal: Regex<Substring> = /ROUNDED|AFTER ROUND|ROUNDING TOTAL|TOTAL ROUNDING/
    nonisolated(unsafe) static let strongTotal: Regex<Substring> =
        /^DUE\b|ROUNDED|GRAND ?TOTAL|AMOUNT DU|TOTAL DUE|BALANCE DUE|PAYABLE|NETT? TOTAL|TOTAL AMOUNT|TOTAL AMT|TOTAL \(RM\)|TOTAL RM|TOTAL INCL|INCLUSIVE|TOTAL SALES|TOTAL WITH|INC(?:L)?\.? GST/
    nonisolated(unsafe) static let notStrongTotal: Regex<Substring> = /EXCL|EXCLUSIVE|SUB ?TOTAL|ROUNDING/
    nonisolated(unsafe) static let subtotal: Regex<Substring> =
        /SUB ?TOTAL|SUB-TOTAL|TOTAL EXCL|TOTAL BEFORE|EXCLUSIVE|\bEXCL\b|NET AMOUNT/
    nonisolated(unsafe) static let rounding: Regex<Substring> = /ROUNDING|ROUND ADJ|ADJUSTMENT/
    nonisolated(unsafe) static let indianTaxPart: Regex<Substring> = /\b(?:C|S|UT)GST\b/
    nonisolated(unsafe) static let payable: Regex<Substring> = /PAYABLE|AMOUNT DUE|TOTAL DUE|GRAND ?TOTAL/
    // The labels of `EnglishReader.foreignKind(of:)` (totals and subtotals matched with spaces taken out).
    nonisolated(unsafe) static let foreignTotal: Regex<Substring> =
        /GESAMTBETRAG|RECHNUNGSBETRAG|ENDBETRAG|ZAHLBETRAG|BRUTTOBETRAG|SUMMEBRUTTO|GESAMTBRUTTO|INKL\.?(?:MWST|UST)|TOTALTTC|MONTANTTTC|NETÀPAYER|NETAPAYER|TOTALÀPAYER|TOTALAPAYER|TEBETALEN|TOTAALINCL|TOTAALBEDRAG|INCL\.?BTW|IMPORTETOTAL|TOTALAPAGAR|TOTALFACTURA|IVAINCLUID|TOTALEFATTURA|TOTALEDOCUMENTO|DAPAGARE|IVAINCLUSA/
    nonisolated(unsafe) static let foreignSubtotal: Regex<Substring> =
        /NETTO|ZWISCHENSUMME|TOTALHT|MONTANTHT|SOUS-?TOTAL|SUBTOTAAL|TOTAALEXCL|EXCL\.?BTW|BASEIMPONIBLE|IMPONIBILE|SUBTOTALE|TAXABLEVALUE/
    nonisolated(unsafe) static let foreignTax: Regex<Substring> =
        /\b(?:C|S|I|UT)GST\b|M[WV]\.?S{1,2}T|MEHRWERTSTEUER|UMSATZSTEUER|\bUST\b|\bTVA\b|\bBTW\b|\bIVA\b/
    nonisolated(unsafe) static let foreignPlainTotal: Regex<Substring> = /\bTOTAAL\b|\bTOTALE\b|\bSUMME\b|\bGESAMT\b/
}
