import Foundation
import InvoiceModel

extension EnglishReader {
    /// Lines that are document titles, not the seller.
    static let titles: Set<String> = [
        "TAX INVOICE", "INVOICE", "RECEIPT", "OFFICIAL RECEIPT", "CASH BILL", "CASH RECEIPT", "SIMPLIFIED TAX INVOICE",
        "SALES RECEIPT", "BILL", "QUOTATION", "STATEMENT", "CREDIT NOTE", "FROM", "TO", "BILL TO", "SHIP TO", "SOLD TO",
        "CASH SALE", "CASH SALES", "CREDIT SALE", "SALES INVOICE", "CASH INVOICE", "DELIVERY ORDER",
        "RECHNUNG", "FACTURE", "FACTUUR", "FACTURA", "FATTURA",
    ]

    /// Words that end a company name.
    static let companySuffixes = [
        "SDN BHD", "SDN. BHD", "SDN.BHD", "BHD", "ENTERPRISE", "TRADING", "LTD", "LIMITED", "INC", "LLC", "PLC", "CO.",
        "PTE", "GMBH", "CORP", "CORPORATION", "COMPANY", "STUDIO", "HARDWARE", "RESTAURANT", "RESTORAN", "STORE",
        "MART", "SHOP", "CAFE", "BAKERY", "PHARMACY", "SERVICES", "SOLUTIONS", "GROUP",
    ]

    /// Starts of rows that are labels or details, not the seller's name or address.
    nonisolated(unsafe) static let notSeller: Regex<Substring> =
        /^(?:TEL|PHONE|FAX|H\/P|HP|MOBILE|GST|VAT|SST|REG|CO\.? ?NO|COMPANY|ROC|ABN|EMAIL|E-MAIL|WEB|WWW|HTTP|INVOICE|TAX INVOICE|RECEIPT|DATE|CASHIER|TABLE|BILL|DOC|MEMBER|ORDER|SERVER|TERMINAL|OPEN|TAX ID|BUSINESS|ISSUED|DUE|CUSTOMER|ACCOUNT|PAGE|NO\.? ?:|#)/

    /// A tax registration row: "GST Reg No. 001492992000", "SST ID: W10-1869-53942774",
    /// "GST Registration No : 000850247680".
    nonisolated(unsafe) static let taxNumberRow: Regex<Substring> =
        /^(?:GST|SST|VAT)\b[^\d]{0,24}[A-Z]?\d[\d-]{7,}/

    /// Company registration lines printed under the name: "(CO. NO. 286473-V)", "(1218479-X)", or any row
    /// ending in such a number, whatever OCR made of its label ("CO. REY NO.: 795225-A"), check letter
    /// ("(1125830-0)") or spacing ("0020433 19-W").
    nonisolated(unsafe) static let registration: Regex<Substring> =
        /^\(?\s*(?:CO\.*\s*(?:NO|REG)|COMPANY\s*(?:NO|REG)|ROC|BR\.?\s*NO|REG\.?\s*NO|[A-Z]{0,3}\d{4,}-?[A-Z]\)?$|\d{4,}-[A-Z])|\b\d[\d ]{3,10}\d\s?-\s?[A-Z0-9]\)?$/

    /// A row naming a registration or holding a tax number (ten digits and more): not an address line.
    nonisolated(unsafe) static let registrationMention: Regex<Substring> =
        /\b(?:CO\.?\s*REG|COMPANY\s*(?:REG|NO)|REG(?:ISTRATION)?\.?\s*NO)\b|\d{10,}/

    /// An address line ending with its country.
    nonisolated(unsafe) static let endsWithCountry: Regex<Substring> =
        /\b(?:MALAYSIA|SINGAPORE|INDONESIA|THAILAND|PHILIPPINES|VIETNAM|CHINA|HONG KONG|TAIWAN|JAPAN|KOREA|INDIA|AUSTRALIA|NEW ZEALAND|UNITED KINGDOM|UK|USA|UNITED STATES|CANADA|GERMANY|FRANCE)\W*$/

    /// Percentage of the page height (from the top) the seller's name and address are looked for in.
    static let sellerArea = 45

    /// The seller: the first name-like segment of the top rows (after a "From" label when there is one),
    /// and the address: the segments right below it, aligned with it, until a telephone, tax number or
    /// label row.
    mutating func readSeller() {
        let top = rows.filter { $0.box.y < reader.height * Self.sellerArea / 100 }
        var startRow: Int?
        if let from = top.firstIndex(where: { $0.segments.first.map { Self.words($0) == "FROM" } ?? false }) {
            startRow = top.indices.first { $0 > from && Self.isNameCandidate(top[$0].lead) }
        }
        if startRow == nil {
            // The first name-like row, unless one of the next two carries a company suffix and it does not
            // (a handwritten note or a slogan above the printed name).
            var candidates = top.indices.filter { Self.isNameCandidate(top[$0].lead) }
            if candidates.count >= 2, Self.isStrayReading(candidates[0], in: top),
                top[candidates[1]].lead.meanConfidence >= 0.8
            {
                candidates.removeFirst()
            }
            startRow = candidates.first
            // Skip to it unless it continues the first row's name (e.g. "POPULAR BOOK" / "CO. (M) SDN BHD").
            if let first = candidates.first, !Self.hasCompanySuffix(Self.words(top[first].lead)),
                let better = candidates.dropFirst().prefix(2).first(where: {
                    Self.hasCompanySuffix(Self.words(top[$0].lead))
                }),
                better <= first + 2,
                better > first + 1 || Self.aligned(top[better], with: top[first].lead) == nil
            {
                startRow = better
            } else if let first = candidates.first, !Self.hasCompanySuffix(Self.words(top[first].lead)),
                let entity = (first + 1...first + 4).first(where: { row in
                    candidates.contains(row) && !candidates.contains(row - 1)
                        && Self.namesEntity(Self.words(top[row].lead))
                }),
                (first..<entity).allSatisfy({ !Self.looksLikeAddress(Self.words(top[$0].lead)) })
            {
                // Further down, before any address: a legal entity under lines that name nothing (a
                // printer's error banner, a slogan).
                startRow = entity
            }
        }
        guard let start = startRow else { return }
        // A name OCR could not read (a logo) leaves the address as the first name-like row: it starts
        // the address, and the name stays unread.
        var nameParts: [LineText] = []
        var next = start
        if !Self.looksLikeAddress(Self.words(top[start].lead)) {
            nameParts = [top[start].lead]
            next = start + 1
        }
        // A name continues on the next row when it ends mid-name or the next row carries the suffix.
        while !nameParts.isEmpty, next < top.count, nameParts.count < 3,
            let following = Self.aligned(top[next], with: nameParts[nameParts.count - 1])
        {
            let current = Self.words(nameParts[nameParts.count - 1])
            let nextText = Self.words(following)
            // A bracket opened on one row and closed on the next holds the name together across them
            // ("AIK HUAT HARDWARE" / "ENTERPRISE (SETIA" / "ALAM) SDN BHD").
            let bracketSpans =
                Self.opensBracket(nextText) && next + 1 < top.count
                && Self.aligned(top[next + 1], with: following).map { Self.words($0).contains(")") } == true
            let continues =
                current.hasSuffix("&") || current.hasSuffix("-") || Self.opensBracket(current) || bracketSpans
                || (!Self.hasCompanySuffix(current) && Self.hasCompanySuffix(nextText)
                    && !nextText.contains(where: \.isNumber))
            // A registration number row ("(CO. NO. 164600-U)") never carries on the name, whatever
            // speckle ends the row above.
            guard continues, nextText.firstMatch(of: /\d{4,}\s*-\s*[A-Z]\b/) == nil else { break }
            // A row that names a whole company on its own ("Taste Of The World Sdn Bhd" under the brand
            // "Geoventure") is the seller; the row above is a brand or a note, unless it ends mid-name.
            if Self.namesWholeCompany(nextText), !Self.endsMidName(current) {
                nameParts = [following]
            } else {
                nameParts.append(following)
            }
            next += 1
        }
        func storeName() {
            guard !nameParts.isEmpty else { return }
            let name = Self.cleanedName(nameParts.map { FieldText.printedName($0.text) }.joined(separator: " "))
            fields[.sellerName] = evidence(.sellerName, name, from: Self.joined(nameParts.map(Self.withoutSpeckWords)))
        }
        storeName()

        var addressParts: [LineText] = []
        var previous = nameParts.last ?? top[start].lead
        while next < top.count, addressParts.count < 5 {
            // A row of specks only (a dash, a dot) neither belongs to the address nor ends it.
            if !top[next].upper.contains(where: { $0.isLetter || $0.isNumber }) {
                next += 1
                continue
            }
            guard let part = Self.aligned(top[next], with: previous) else { break }
            next += 1
            var text = Self.words(part)
            while text.hasPrefix("(") { text.removeFirst() }
            // A row naming a legal entity ("TK DIVISION KITCHEN SDN BHD 1202152-P") under a name that
            // names none (a brand: "KIKU JAPANESE RESTAURANT") is the seller, not the address.
            if addressParts.isEmpty, nameParts.count == 1, Self.hasLegalForm(text), !Self.looksLikeAddress(text),
                !Self.hasLegalForm(Self.words(nameParts[0]))
            {
                nameParts = [part]
                storeName()
                previous = part
                continue
            }
            // Registration and tax numbers, and the date of the sale, printed between the name and the
            // address.
            if addressParts.isEmpty,
                text.firstMatch(of: Self.registration) != nil || text.firstMatch(of: Self.taxNumberRow) != nil
                    || (!Self.looksLikeAddress(text) && Self.datePatterns.contains { text.firstMatch(of: $0) != nil })
            {
                previous = part
                continue
            }
            // A branch or licensee line without a number outside brackets ("IKEA Cheras", "Licensee of
            // McDonald's", "TONYMOLY SHOP (95874)") right above a row that starts an address is not part
            // of it.
            if addressParts.isEmpty, !text.replacing(/\([^()]*\)/, with: "").contains(where: \.isNumber),
                next < top.count,
                let following = Self.aligned(top[next], with: part), Self.looksLikeAddress(Self.words(following))
            {
                previous = part
                continue
            }
            // A label row ends the address, but not a street line starting with "No:" ("NO: 28, JALAN ASTANA",
            // "NO: G3, BLK G").
            let numberedStreet = text.firstMatch(of: /^NO\.?\s?:\s?[A-Z]?\d+[A-Z]?\s?,\s?[A-Z]/) != nil
            if (text.firstMatch(of: Self.notSeller) != nil && !numberedStreet && !Self.namesStreet(text))
                || Self.titles.contains(text)
            {
                break
            }
            // Once the address has begun: a row naming a registration or the document, or holding a tax
            // number (ten digits and more), is past its end, and so is any row after the country. Rows
            // before a registration that read as no address (a branch name in brackets) were not one.
            let registered = text.firstMatch(of: Self.registrationMention) != nil
            if !addressParts.isEmpty,
                registered || text.firstMatch(of: SellerWords.documentTitle) != nil
                    || Self.words(addressParts[addressParts.count - 1]).firstMatch(of: Self.endsWithCountry) != nil
            {
                let begun = addressParts.contains {
                    Self.looksLikeAddress(Self.words($0)) || $0.text.firstMatch(of: SellerWords.postcode) != nil
                }
                guard !begun, registered else { break }
                addressParts = []
                previous = part
                continue
            }
            // A telephone number on a row of its own ends the address.
            if text.filter(\.isNumber).count >= 8, text.allSatisfy({ $0.isNumber || " -+()/,.".contains($0) }) { break }
            guard part.meanConfidence >= 0.3, text.count >= 3 else { continue }
            addressParts.append(part)
            previous = part
        }
        guard !addressParts.isEmpty else { return }
        var address = addressParts.map { FieldText.printedName($0.text) }.joined(separator: " ")
        // A telephone number printed at the end of the last address line is not part of the address.
        if let phone = address.firstMatch(of: /\s+(?:T(?:EL)?\.?:?\s*)?\(?\+?\d{2,4}\)?[- ]?\d{3,4}[- ]?\d{3,4}\s*$/) {
            address.removeSubrange(phone.range)
        }
        address = Self.cleanedAddress(address)
        fields[.sellerAddress] = evidence(
            .sellerAddress, address, from: Self.joined(addressParts.map(Self.withoutSpeckWords)))
    }

    /// The segment of `row` printed right under `above`: starting near its left edge, centred like it or
    /// ending at its right edge with words in it (a right-aligned letterhead, not the amounts column below
    /// it), no more than two text heights below. Segments without a letter or digit (a speck, the `|` of
    /// the scan's edge) are passed over.
    static func aligned(_ row: EnglishRow, with above: LineText) -> LineText? {
        let gap = row.box.y - above.box.maxY
        guard gap < 2 * max(above.box.height, row.height) else { return nil }
        let centre = above.box.x + above.box.width / 2
        return row.segments.first { part in
            guard part.text.contains(where: { $0.isLetter || $0.isNumber }) else { return false }
            return abs(part.box.x - above.box.x) < 3 * row.height
                || abs(part.box.x + part.box.width / 2 - centre) < 2 * row.height
                || (abs(part.box.maxX - above.box.maxX) < 2 * row.height
                    && part.glyphs.filter { $0.character.isLetter }.count >= 2)  // not an amount column
        }
    }

    /// Whether row `index` is a logo or a stamp read as a few doubtful letters ("3 Poort"): standing apart,
    /// more than two text heights from the rows around it, and read with a mean confidence below 0.6.
    static func isStrayReading(_ index: Int, in rows: [EnglishRow]) -> Bool {
        let row = rows[index]
        guard row.lead.meanConfidence < 0.6 else { return false }
        let apartAbove = index == 0 || row.box.y - rows[index - 1].box.maxY > 2 * row.height
        let apartBelow = index + 1 == rows.count || rows[index + 1].box.y - row.box.maxY > 2 * rows[index + 1].height
        return apartAbove && apartBelow
    }

    /// `part` without a document title printed after it across a gap wider than a word space (more than
    /// 0.6 of a text height: a letterhead with "TAX INVOICE" or "RECHNUNG" on the name's line).
    static func withoutTrailingTitle(_ part: LineText) -> LineText {
        let upper = part.compactText.uppercased()
        // A title spaced out ("TAX   INVOICE") is a title, not a name followed by one.
        guard !titles.contains(where: { $0.filter { $0 != " " } == upper }) else { return part }
        for title in titles.sorted(by: { ($0.count, $0) > ($1.count, $1) }) where title.count >= 4 {
            let compact = title.filter { $0 != " " }
            guard upper.hasSuffix(compact), upper.count > compact.count else { continue }
            let start = part.glyphs.count - compact.count
            let gap = part.glyphs[start].box.x - part.glyphs[start - 1].box.maxX
            guard gap * 10 > max(part.box.height, 1) * 6 else { continue }
            return part.slice(0..<start)
        }
        return part
    }

    /// Whether an upper-case segment is a document title, speckle read around it aside ("' TAX INVOICE").
    static func isTitle(_ text: String) -> Bool {
        titles.contains(text)
            || titles.contains(text.trimmingCharacters(in: CharacterSet.letters.union(.decimalDigits).inverted))
    }

    static func isNameCandidate(_ part: LineText) -> Bool {
        var text = words(part)
        // The registration number printed after the name ("99 SPEED MART S/B (519537-X)") is not part of it.
        if let number = text.firstMatch(of: trailingRegistration), number.range.lowerBound > text.startIndex,
            text[..<number.range.lowerBound].filter(\.isLetter).count >= 3
        {
            text = String(text[..<number.range.lowerBound])
        }
        let letters = text.filter(\.isLetter).count
        // A row naming a company form ("… CAFE") stays a candidate when speckle lowers its confidence.
        let minimumConfidence = hasCompanySuffix(text) ? 0.25 : 0.4
        guard letters >= 3, letters * 2 >= text.count, part.meanConfidence >= minimumConfidence else { return false }
        // Speckle read around a title ("' TAX INVOICE") does not make it a name.
        let bare = text.trimmingCharacters(in: CharacterSet.letters.union(.decimalDigits).inverted)
        if isTitle(text) || bare.firstMatch(of: notSeller) != nil { return false }
        // A row of receipt keywords only ("CASH", "SUB TOTAL") names no seller.
        let words = Keywords.normalized(text).split(whereSeparator: { !$0.isLetter })
        if words.allSatisfy({ Keywords.words.contains(String($0)) }) { return false }
        if text.firstMatch(of: SellerWords.amount) != nil { return false }
        return EnglishReader.datePatterns.allSatisfy { text.firstMatch(of: $0) == nil }
    }

    static func words(_ part: LineText) -> String {
        part.text.uppercased().trimmingCharacters(in: .whitespaces)
    }

    static func joined(_ parts: [LineText]) -> LineText {
        LineText(glyphs: parts.flatMap(\.glyphs), box: parts.dropFirst().reduce(parts[0].box) { $0.union($1.box) })
    }

    /// Whether an upper-case row reads as the start of an address: "LOT 3, …", "NO. 12 …", "12, JALAN …",
    /// or a street word with a number.
    static func looksLikeAddress(_ text: String) -> Bool {
        if text.firstMatch(of: SellerWords.addressStart) != nil {
            return true
        }
        return namesStreet(text)
    }

    /// Whether an upper-case row holds a number and a street word ("28, JALAN ASTANA", "12 HIGH STREET").
    static func namesStreet(_ text: String) -> Bool {
        text.contains(where: \.isNumber)
            && text.firstMatch(of: SellerWords.street) != nil
    }

    /// Whether a row holding a company suffix also holds at least two words of its own before it, not
    /// starting with a connector: a whole company name ("EDEN IMPRESSION SDN BHD"), not the end of one that
    /// began on the row above ("BEAUTY SDN BHD", "AND BEAUTY SDN BHD").
    static func namesWholeCompany(_ text: String) -> Bool {
        guard let suffix = companySuffixes.compactMap({ text.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound })
        else { return false }
        let words = text[..<suffix.lowerBound].split(whereSeparator: { !$0.isLetter && $0 != "_" }).filter {
            $0.count >= 2
        }
        guard let first = words.first, !["AND", "OF", "FOR"].contains(String(first)), !text.hasPrefix("&") else {
            return false
        }
        return words.count >= 2
    }

    /// Whether a row ends in a word that needs more after it ("AND", "OF", "&", a comma) or leaves a
    /// bracket open.
    static func endsMidName(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.hasSuffix("&") || trimmed.hasSuffix("-") || trimmed.hasSuffix(",")
            || trimmed.firstMatch(of: SellerWords.dangling) != nil || opensBracket(trimmed)
    }

    /// Whether `text` opens more round brackets than it closes.
    static func opensBracket(_ text: String) -> Bool {
        text.filter { $0 == "(" }.count > text.filter { $0 == ")" }.count
    }

    /// Whether an upper-case row names a legal entity ("… SDN BHD", "… S/B", "… PTE. LTD.").
    static func hasLegalForm(_ text: String) -> Bool {
        text.firstMatch(of: legalFormWord) != nil
    }

    /// A word that names a legal form.
    nonisolated(unsafe) static let legalFormWord: Regex<Substring> =
        /\b(?:SDN|BHD|S\/B|LTD|LIMITED|PTE|LLC|INC|PLC|GMBH|CORP|CORPORATION)\b/

    /// Whether an upper-case row names a legal entity with a name of its own before the legal form
    /// ("UNIHAKKA INTERNATIONAL SDN BHD"; not "CO. (M) SDN BHD", the end of a name begun above).
    static func namesEntity(_ text: String) -> Bool {
        guard let form = text.firstMatch(of: legalFormWord) else { return false }
        let words = text[..<form.range.lowerBound].split(whereSeparator: { !$0.isLetter }).filter {
            $0.count >= 2 && $0 != "CO"
        }
        return words.count >= 2
    }

    static func hasCompanySuffix(_ text: String) -> Bool {
        companySuffixes.contains { text.contains($0) }
    }
}

extension EnglishRow {
    /// The row's first segment, or the next one when the first is a document title printed beside the
    /// letterhead ("TAX INVOICE" left of "Bluefield Office Supplies Sdn Bhd" on a page seen at an angle).
    var lead: LineText {
        guard segments.count > 1, EnglishReader.isTitle(EnglishReader.words(segments[0])) else {
            return EnglishReader.withoutTrailingTitle(segments[0])
        }
        return segments[1]
    }
}

/// Patterns tried on every row, built once (see `AmountWords`).
private enum SellerWords {
    nonisolated(unsafe) static let amount: Regex<Substring> = /\d+\.\d{2}\b/
    nonisolated(unsafe) static let addressStart: Regex<Substring> =
        /^(?:LOT|NO|UNIT|LEVEL|BLK|BLOCK|SUITE|FLOOR|TINGKAT)\b|^\d+[A-Z]?\s*[,&-]/
    nonisolated(unsafe) static let street: Regex<Substring> =
        /\b(?:JALAN|JLN|ROAD|RD|STREET|AVENUE|LORONG|PERSIARAN|TAMAN|LEBUH)\b/
    nonisolated(unsafe) static let dangling: Regex<Substring> = /\b(?:AND|OF|THE|FOR)$/
    nonisolated(unsafe) static let postcode: Regex<Substring> = /\b\d{5}\b/
    nonisolated(unsafe) static let documentTitle: Regex<Substring> =
        /\b(?:INVOICE|RECEIPT|RECHNUNG|FACTURE|FACTUUR|FACTURA|FATTURA)\b/
}
