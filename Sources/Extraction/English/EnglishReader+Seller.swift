import Foundation
import InvoiceModel

extension EnglishReader {
    /// Lines that are document titles, not the seller.
    static let titles: Set<String> = [
        "TAX INVOICE", "INVOICE", "RECEIPT", "OFFICIAL RECEIPT", "CASH BILL", "CASH RECEIPT", "SIMPLIFIED TAX INVOICE",
        "SALES RECEIPT", "BILL", "QUOTATION", "STATEMENT", "CREDIT NOTE", "FROM", "TO", "BILL TO", "SHIP TO", "SOLD TO",
    ]

    /// Words that end a company name.
    static let companySuffixes = [
        "SDN BHD", "SDN. BHD", "SDN.BHD", "BHD", "ENTERPRISE", "TRADING", "LTD", "LIMITED", "INC", "LLC", "PLC", "CO.",
        "PTE", "GMBH", "CORP", "CORPORATION", "COMPANY", "STUDIO", "HARDWARE", "RESTAURANT", "RESTORAN", "STORE",
        "MART", "SHOP", "CAFE", "BAKERY", "PHARMACY", "SERVICES", "SOLUTIONS", "GROUP",
    ]

    /// Starts of rows that are labels or details, not the seller's name or address.
    static var notSeller: Regex<Substring> {
        /^(?:TEL|PHONE|FAX|H\/P|HP|MOBILE|GST|VAT|SST|REG|CO\.? ?NO|COMPANY|ROC|ABN|EMAIL|E-MAIL|WEB|WWW|HTTP|INVOICE|TAX INVOICE|RECEIPT|DATE|CASHIER|TABLE|BILL|DOC|MEMBER|ORDER|SERVER|TERMINAL|OPEN|TAX ID|BUSINESS|ISSUED|DUE|CUSTOMER|ACCOUNT|PAGE|NO\.? ?:|#)/
    }

    /// Company registration lines printed under the name: "(CO. NO. 286473-V)", "(1218479-X)".
    static var registration: Regex<Substring> {
        /^\(?\s*(?:CO\.*\s*(?:NO|REG)|COMPANY\s*(?:NO|REG)|ROC|REG\.?\s*NO|[A-Z]{0,3}\d{4,}-?[A-Z]\)?$|\d{4,}-[A-Z])/
    }

    /// The seller: the first name-like segment of the top rows (after a "From" label when there is one),
    /// and the address: the segments right below it, aligned with it, until a telephone, tax number or
    /// label row.
    mutating func readSeller() {
        let top = rows.filter { $0.box.y < reader.height * 45 / 100 }
        var startRow: Int?
        if let from = top.firstIndex(where: { $0.segments.first.map { Self.words($0) == "FROM" } ?? false }) {
            startRow = top.indices.first { $0 > from && Self.isNameCandidate(top[$0].segments[0]) }
        }
        if startRow == nil {
            // The first name-like row, unless one of the next two carries a company suffix and it does not
            // (a handwritten note or a slogan above the printed name).
            let candidates = top.indices.filter { Self.isNameCandidate(top[$0].segments[0]) }
            startRow = candidates.first
            // Skip to it unless it continues the first row's name (e.g. "POPULAR BOOK" / "CO. (M) SDN BHD").
            if let first = candidates.first, !Self.hasCompanySuffix(Self.words(top[first].segments[0])),
                let better = candidates.dropFirst().prefix(2).first(where: {
                    Self.hasCompanySuffix(Self.words(top[$0].segments[0]))
                }),
                better <= first + 2,
                better > first + 1 || Self.aligned(top[better], with: top[first].segments[0]) == nil
            {
                startRow = better
            } else if let first = candidates.first, !Self.hasCompanySuffix(Self.words(top[first].segments[0])),
                let entity = (first + 1...first + 4).first(where: { row in
                    candidates.contains(row) && !candidates.contains(row - 1)
                        && Self.namesEntity(Self.words(top[row].segments[0]))
                }),
                (first..<entity).allSatisfy({ !Self.looksLikeAddress(Self.words(top[$0].segments[0])) })
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
        if !Self.looksLikeAddress(Self.words(top[start].segments[0])) {
            nameParts = [top[start].segments[0]]
            next = start + 1
        }
        // A name continues on the next row when it ends mid-name or the next row carries the suffix.
        while !nameParts.isEmpty, next < top.count, nameParts.count < 3,
            let following = Self.aligned(top[next], with: nameParts[nameParts.count - 1])
        {
            let current = Self.words(nameParts[nameParts.count - 1])
            let nextText = Self.words(following)
            let continues =
                current.hasSuffix("&") || current.hasSuffix("-")
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
        var previous = nameParts.last ?? top[start].segments[0]
        while next < top.count, addressParts.count < 5 {
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
            if text.firstMatch(of: Self.registration) != nil, addressParts.isEmpty {
                previous = part
                continue
            }
            if text.firstMatch(of: Self.notSeller) != nil || Self.titles.contains(text) { break }
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

    /// An address without what is printed around it on the same rows: a leading date and time or
    /// registration number ("(867388-U)", "Co-REG:860571-D"), a trailing tax number, telephone or site code.
    static func cleanedAddress(_ address: String) -> String {
        var result = address
        let leading: [Regex<Substring>] = [
            /^\d{1,2} [A-Za-z]{3} \d{4} \d{1,2}\D\d{2}\s+/,
            /^\(?[A-Z]{0,4}\d{5,}\s*-?\s*[A-Z]{1,3}\)?[,\s]+/,
            /^(?i:co\.?[- ]?reg(?:\s*no)?\.?)\s*[:.]?\s*[\d ]{5,}-?\s*[A-Za-z]\b[,\s]*/,
            // Speckle or a bullet read before the first word.
            /^[^\p{L}\p{N}(#]+/,
        ]
        var changed = true
        while changed {
            changed = false
            for pattern in leading {
                if let match = result.firstMatch(of: pattern), match.range.upperBound < result.endIndex {
                    result.removeSubrange(match.range)
                    changed = true
                }
            }
        }
        if let tail = result.firstMatch(
            of: /\s+(?:\(?\s*(?:(?i:no\.? ?id )?GST|BST|SST)\b|(?i:site|tel|fax|vel|t)\s*[:.]).*$/),
            tail.range.lowerBound > result.startIndex
        {
            result.removeSubrange(tail.range)
        }
        return repairedPostcode(repairedDollarSigns(withoutSpecks(result.trimmingCharacters(in: .whitespaces))))
    }

    /// A UK postcode's inward code is a digit and two letters, never I (nor C, K, M, O, V): a bracket OCR
    /// read as its last letter ("M4 7A]", "M4 7A)") is a J.
    static func repairedPostcode(_ address: String) -> String {
        address.replacing(/\b([A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z])[\]\)](?=$|[\s,.])/) { "\($0.output.1)J" }
    }

    /// An address prints no currency sign: a `$` or `§` OCR read there is a 5 starting a postcode
    /// ("$3200" → "53200") or, beside other letters or digits, an S ("Lot $25" → "Lot S25").
    static func repairedDollarSigns(_ address: String) -> String {
        guard address.contains(where: { "$§".contains($0) }) else { return address }
        let characters = Array(address)
        var result = ""
        for (index, character) in characters.enumerated() {
            guard "$§".contains(character) else {
                result.append(character)
                continue
            }
            let before = index > 0 ? characters[index - 1] : " "
            let digits = characters[(index + 1)...].prefix { $0.isASCIIDigit }.count
            let next = characters.indices.contains(index + 1) ? characters[index + 1] : " "
            if !before.isLetter, !before.isNumber, (4...5).contains(digits) {
                result.append("5")
            } else if next.isLetter || next.isNumber || before.isLetter || before.isNumber {
                result.append("S")
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// A company name without the registration number printed after it ("… SDN BHD (139386 X)",
    /// "S/B(587969-U)") and with the legal suffix OCR garbles most repaired ("SON BHD", "$/B").
    static func cleanedName(_ name: String) -> String {
        var result = name
        // "From: Acme Ltd" on one row (the colon often read as a dash or lost).
        if let label = result.firstMatch(of: /^(?i:from)\s*[:\-–.]*\s+(?=\p{L})/) {
            result.removeSubrange(label.range)
        }
        if let number = result.firstMatch(
            of: /\s*\(?[A-Za-z0-9?]{0,3}\d[A-Za-z0-9?]{3,8}[- ]?[A-Za-z]\)?(?:\s*\([A-Z0-9]{2,4}\))?\s*$/),
            number.range.lowerBound > result.startIndex
        {
            let kept = result[..<number.range.lowerBound]
            if kept.filter(\.isLetter).count >= 3 { result = String(kept) }
        }
        // A registration number OCR garbled, still bracketed and ending in its check letter ("( lu/SJ&9-P)").
        if let number = result.firstMatch(of: /\s*\([^()]{3,12}-\s?[A-Z]\)\s*$/),
            number.range.lowerBound > result.startIndex,
            result[..<number.range.lowerBound].filter(\.isLetter).count >= 3
        {
            result.removeSubrange(number.range)
        }
        result = result.replacing(/\b([Ss])[OoCcIiNn0Uu]([Nn])(\.?\s*)([Bb][Hh][Dd])\b/) { match in
            "\(match.output.1)\(match.output.2 == "N" ? "D" : "d")\(match.output.2)\(match.output.3)\(match.output.4)"
        }
        result = result.replacing(/\$\/([Bb])\b/) { "S/\($0.output.1)" }
        // Glyphs a Latin name does not print: a curly apostrophe between letters is the straight one
        // receipts print ("KING’S"), a curly bracket closing a round one ("(SP}") is round, and a yen
        // sign among letters is a Y ("D.I.¥.").
        result = result.replacing(/(\p{L})’(\p{L})/) { "\($0.output.1)'\($0.output.2)" }
        result = result.replacing(/\(([^(){}]*)\}/) { "(\($0.output.1))" }
        result = result.replacing(/([A-Za-z.])¥([A-Za-z.])/) { "\($0.output.1)Y\($0.output.2)" }
        result = withoutSpecks(result)
        // Specks read as punctuation against a word: after a number or "&" inside the name ("GOLDEN 24.
        // CAFE", "PARK &: SONS"), an opening quote that never closes ("“SONS"), a colon at the end.
        result = result.replacing(#/(\d|&)[.:;,]+ /#) { "\($0.output.1) " }
        if !result.contains(where: { "”’\"".contains($0) }) {
            result = result.replacing(/(^| )[‘“]+(\p{L})/) { "\($0.output.1)\($0.output.2)" }
        }
        result = result.trimmingCharacters(in: CharacterSet(charactersIn: " :;,-"))
        // A name ends in a full stop only after an abbreviation ("Pte. Ltd.", "S.A."): one after a whole
        // word ("MINI MART.") is a speck.
        if result.hasSuffix("."), let last = result.dropLast().split(separator: " ").last,
            !last.contains("."), !abbreviations.contains(last.uppercased())
        {
            result.removeLast()
        }
        return repairedLegalForm(result)
    }

    /// Characters a speck is read as.
    static let speckCharacters: Set<Character> = [".", "'", "\"", "‘", "’", "“", "”", "_", "~", "*", "°", "·", "•"]

    /// The glyphs without the words that are nothing but speck characters (dropped from the value by
    /// `withoutSpecks`, so their confidence says nothing about it).
    static func withoutSpeckWords(_ text: LineText) -> LineText {
        let speckWords = Set(
            Dictionary(grouping: text.glyphs, by: \.word).filter { _, glyphs in
                glyphs.allSatisfy { speckCharacters.contains($0.character) }
            }.keys)
        guard !speckWords.isEmpty, speckWords.count < Set(text.glyphs.map(\.word)).count else { return text }
        return LineText(
            glyphs: text.glyphs.filter { !speckWords.contains($0.word) }, box: text.box, wordBoxes: text.wordBoxes)
    }

    /// Words company names abbreviate with a full stop.
    static let abbreviations: Set<String> = [
        "LTD", "INC", "CO", "CORP", "BHD", "PTE", "PLC", "LLC", "LLP", "GMBH", "AG", "SA", "BV", "NV", "CIE", "ENT",
        "MFG", "INTL", "BROS", "ASSOC", "DEPT", "ST", "AVE", "RD", "NO", "JR", "SR", "ETC", "SDN", "PTY", "KG",
    ]

    /// Text without specks read as words of their own between two words ("Works . Pte. Ltd.", "BRAS ° BASAH");
    /// a spaced colon or comma is printed ("LOT NO : 20").
    static func withoutSpecks(_ text: String) -> String {
        text.replacing(#/ [.'"‘’“”_~*°·•]+ (?=\S)/#) { _ in " " }
    }

    /// Long legal forms that end company names, repaired when OCR garbles up to two characters of them
    /// without changing the length by more than one ("T.imited" → "Limited"; "Unlimited" stays), in the
    /// case they were printed in.
    static let legalForms = ["Limited", "Corporation", "Incorporated"]

    static func repairedLegalForm(_ name: String) -> String {
        guard let space = name.lastIndex(of: " ") else { return name }
        let last = String(name[name.index(after: space)...])
        guard last.count >= 5, last.contains(where: \.isLetter) else { return name }
        for form in legalForms where last.lowercased() != form.lowercased() {
            guard abs(last.count - form.count) <= 1,
                EditDistance.between(Array(last.lowercased()), Array(form.lowercased())) <= 2
            else { continue }
            let upper = last.filter(\.isUppercase).count * 2 > last.filter(\.isLetter).count
            return name[...space] + (upper ? form.uppercased() : form)
        }
        return name
    }

    /// The segment of `row` printed right under `above`: starting near its left edge, centred like it or
    /// ending at its right edge with words in it (a right-aligned letterhead, not the amounts column below
    /// it), no more than two text heights below.
    static func aligned(_ row: EnglishRow, with above: LineText) -> LineText? {
        let gap = row.box.y - above.box.maxY
        guard gap < 2 * max(above.box.height, row.height) else { return nil }
        let centre = above.box.x + above.box.width / 2
        return row.segments.first { part in
            abs(part.box.x - above.box.x) < 3 * row.height
                || abs(part.box.x + part.box.width / 2 - centre) < 2 * row.height
                || (abs(part.box.maxX - above.box.maxX) < 2 * row.height
                    && part.glyphs.filter { $0.character.isLetter }.count >= 2)  // not an amount column
        }
    }

    static func isNameCandidate(_ part: LineText) -> Bool {
        let text = words(part)
        let letters = text.filter(\.isLetter).count
        // A row naming a company form ("… CAFE") stays a candidate when speckle lowers its confidence.
        let minimumConfidence = hasCompanySuffix(text) ? 0.25 : 0.4
        guard letters >= 3, letters * 2 >= text.count, part.meanConfidence >= minimumConfidence else { return false }
        // Speckle read around a title ("' TAX INVOICE") does not make it a name.
        let bare = text.trimmingCharacters(in: CharacterSet.letters.union(.decimalDigits).inverted)
        if titles.contains(text) || titles.contains(bare) || bare.firstMatch(of: notSeller) != nil { return false }
        if text.firstMatch(of: /\d+\.\d{2}\b/) != nil { return false }
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
        if text.firstMatch(of: /^(?:LOT|NO)\b|^\d+[A-Z]?\s*[,&-]/) != nil { return true }
        return text.contains(where: \.isNumber)
            && text.firstMatch(of: /\b(?:JALAN|JLN|ROAD|RD|STREET|AVENUE|LORONG|PERSIARAN|TAMAN|LEBUH)\b/) != nil
    }

    /// Whether a row holding a company suffix also holds at least three words of its own before it: a
    /// whole company name, not the end of one that began on the row above ("BEAUTY SDN BHD").
    static func namesWholeCompany(_ text: String) -> Bool {
        guard let suffix = companySuffixes.compactMap({ text.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound })
        else { return false }
        let words = text[..<suffix.lowerBound].split(whereSeparator: { !$0.isLetter && $0 != "_" }).filter {
            $0.count >= 2
        }
        return words.count >= 3
    }

    /// Whether a row ends in a word that needs more after it ("AND", "OF", "&", a comma).
    static func endsMidName(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.hasSuffix("&") || trimmed.hasSuffix("-") || trimmed.hasSuffix(",")
            || trimmed.firstMatch(of: /\b(?:AND|OF|THE|FOR)$/) != nil
    }

    /// Whether an upper-case row names a legal entity ("… SDN BHD", "… S/B", "… PTE. LTD.").
    static func hasLegalForm(_ text: String) -> Bool {
        text.firstMatch(of: /\b(?:SDN|BHD|S\/B|LTD|LIMITED|PTE|LLC|INC|PLC|GMBH|CORP|CORPORATION)\b/) != nil
    }

    /// Whether an upper-case row names a legal entity with a name of its own before the legal form
    /// ("UNIHAKKA INTERNATIONAL SDN BHD"; not "CO. (M) SDN BHD", the end of a name begun above).
    static func namesEntity(_ text: String) -> Bool {
        guard let form = text.firstMatch(of: /\b(?:SDN|BHD|S\/B|LTD|LIMITED|PTE|LLC|INC|PLC|GMBH|CORP|CORPORATION)\b/)
        else { return false }
        let words = text[..<form.range.lowerBound].split(whereSeparator: { !$0.isLetter }).filter {
            $0.count >= 2 && $0 != "CO"
        }
        return words.count >= 2
    }

    static func hasCompanySuffix(_ text: String) -> Bool {
        companySuffixes.contains { text.contains($0) }
    }
}
