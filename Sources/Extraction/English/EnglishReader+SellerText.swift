import Foundation
import InvoiceModel

/// Cleaning of the seller's name and address as OCR read them: registration numbers, specks, look-alike
/// glyphs and garbled legal forms.
extension EnglishReader {
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
    /// read as its last letter ("M4 7A]", "M4 7A)", "M4 7A}") is a J.
    static func repairedPostcode(_ address: String) -> String {
        address.replacing(/\b([A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z])[\]\)\}](?=$|[\s,.])/) { "\($0.output.1)J" }
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

    /// A company registration number printed after the name, with its label when it has one: "(519537-X)",
    /// "1202152-P", "(Co. No:20154-T)", "(ROC 113825-W)".
    nonisolated(unsafe) static let trailingRegistration: Regex<Substring> =
        #/
        \s* \(?
        (?i: (?: co(?:mpany)? \b [\s.,]* (?: reg(?:istration)? \b [\s.,]* )? no \b
               | co(?:mpany)? \b [\s.,]* reg(?:istration)? \b
               | roc \b
               | (?: br | reg ) \b [\s.,]* no \b
             ) [\s.,:]* )?
        [A-Za-z0-9?]{0,3} \d [A-Za-z0-9?]{3,8} (?: - | \x20 )? [A-Za-z] \)?
        (?: \s* \( [A-Z0-9]{2,4} \) )? \s* $
        /#

    /// A company name without the registration number printed after it, with its label when it has one
    /// ("… SDN BHD (139386 X)", "S/B(587969-U)", "Sdn Bhd (Co. No:20154-T)"), and with the legal suffix
    /// OCR garbles most repaired ("SON BHD", "$/B").
    static func cleanedName(_ name: String) -> String {
        var result = name
        // "From: Acme Ltd" on one row (the colon often read as a dash or lost).
        if let label = result.firstMatch(of: /^(?i:from)\s*[:\-–.]*\s+(?=\p{L})/) {
            result.removeSubrange(label.range)
        }
        if let number = result.firstMatch(of: trailingRegistration), number.range.lowerBound > result.startIndex {
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
        // "S/B" (Sendirian Berhad) with its S read as a dollar sign or a 5.
        result = result.replacing(/[$5]\/([Bb])\b/) { "S/\($0.output.1)" }
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
        // A bracket opened at the end and never closed is speckle ("FOUR QUARTERS SDN BHD (").
        while result.hasSuffix("("), result.filter({ $0 == "(" }).count > result.filter({ $0 == ")" }).count {
            result = String(result.dropLast()).trimmingCharacters(in: .whitespaces)
        }
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
        let tokens = text.split(separator: " ", omittingEmptySubsequences: false)
        return tokens.indices.filter { index in
            let token = tokens[index]
            return index == 0 || index == tokens.count - 1 || token.isEmpty
                || !token.allSatisfy { speckCharacters.contains($0) }
        }.map { tokens[$0] }.joined(separator: " ")
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
}
