import Foundation
import InvoiceModel

/// Turns OCR text into contract-format values, field kind by field kind.
enum FieldText {
    /// Letters OCR reads where a digit is printed, in fields that hold digits only.
    static let digitLookalikes: [Character: Character] = [
        "O": "0", "o": "0", "D": "0", "Q": "0", "〇": "0", "I": "1", "l": "1", "|": "1", "i": "1", "!": "1",
        "Z": "2", "z": "2", "S": "5", "s": "5", "B": "8", "g": "9", "q": "9", "G": "6", "b": "6",
    ]

    /// The digits of `text`, with look-alike letters mapped to digits and everything else dropped.
    static func digits(_ text: String) -> String {
        String(
            text.compactMap { character -> Character? in
                let ascii = halfWidth(character)
                if ascii.isASCII, ascii.isNumber { return ascii }
                return digitLookalikes[ascii]
            })
    }

    /// Full-width ASCII forms (０-９, Ａ-Ｚ, ：) to their ASCII equivalents.
    static func halfWidth(_ character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return character }
        if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
            return Character(ascii)
        }
        return character
    }

    /// A taxpayer ID as printed: upper case letters and digits only. In 18-character IDs (USCC, whose
    /// alphabet has no I, O, S, V or Z) O, I and S are the digits 0, 1 and 5. When noise around the ID
    /// made the read longer, an 18-character window whose check characters hold is taken.
    static func taxID(_ text: String) -> String {
        let id = String(text.map(halfWidth).filter { $0.isASCII && ($0.isLetter || $0.isNumber) }).uppercased()
        func uscc(_ candidate: String) -> String {
            String(candidate.map { $0 == "O" ? "0" : $0 == "I" ? "1" : $0 == "S" ? "5" : $0 })
        }
        if id.count == 18 { return uscc(id) }
        if id.count > 18 {
            let characters = Array(id)
            for start in 0...(characters.count - 18) {
                let window = uscc(String(characters[start..<(start + 18)]))
                if case .validUSCC = TaxID.check(window) { return window }
            }
        }
        return id
    }

    /// A taxpayer ID from text the file carried (nothing repaired): its ASCII letters and digits from the
    /// first one on, ending where the value does — at a character no ID holds (the next column's word glued
    /// on: `…90信息`), or at a gap once the ID has a full length and what follows would make it longer than
    /// any ID format (20 characters).
    static func exactTaxID(_ text: String) -> String {
        var id = ""
        for piece in text.map(halfWidth).split(separator: " ", omittingEmptySubsequences: true) {
            // Punctuation before the ID (the label's colon) is no part of it.
            let word = id.isEmpty ? piece.drop { !($0.isLetter || $0.isNumber) } : piece[...]
            let part = word.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
            if part.isEmpty {
                if id.isEmpty, word.isEmpty { continue }
                break
            }
            if id.count >= 15, id.count + part.count > 20 { break }
            id += String(part).uppercased()
            if part.count < word.count { break }
        }
        return id
    }

    /// Text as printed: CJK runs without the spaces OCR puts between characters, single spaces elsewhere,
    /// and stray punctuation at the ends removed.
    static func printed(_ text: String) -> String {
        let edges = CharacterSet(charactersIn: " |_:：;；,，.。'\"“”‘’`~-—")
        return printedKeepingPunctuation(text).trimmingCharacters(in: edges)
    }

    /// An item name as printed: like `printed`, without the word gaps OCR leaves around the asterisks of
    /// the tax category and beside Chinese characters (`*汽油*92号车用汽油(VIB)`, never
    /// `* 汽油 * 92 号车用汽油 (VIB)`). A name that lost the category's opening asterisk at the column
    /// edge (`运输服务*客运服务费`) gets it back: the category is always enclosed in a pair.
    static func itemName(_ text: String) -> String {
        let characters = Array(printed(text).replacing(#/ ?\* ?/#, with: "*"))
        var result = ""
        for (index, character) in characters.enumerated() {
            if character == " ", index > 0, index + 1 < characters.count,
                characters[index - 1].isCJK || characters[index + 1].isCJK
            {
                continue
            }
            result.append(character)
        }
        if result.filter({ $0 == "*" }).count == 1, let star = result.firstIndex(of: "*"), star != result.startIndex {
            result = "*" + result
        }
        return result
    }

    /// Like `printed`, but keeps punctuation at the ends (a remark ends with `;`).
    static func printedKeepingPunctuation(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character == " " || character == "\u{3000}" {
                pendingSpace = true
                continue
            }
            if pendingSpace, let last = result.last, !(last.isCJK && character.isCJK) {
                result.append(" ")
            }
            pendingSpace = false
            result.append(character)
        }
        return result
    }

    /// A name or address line as printed: spacing like `printed`, punctuation kept (addresses end lines
    /// with commas, names with "Co." or "Ltd."); only scanner noise (| _ ~ quotes) is trimmed at the ends.
    static func printedName(_ text: String) -> String {
        printedKeepingPunctuation(text).trimmingCharacters(in: CharacterSet(charactersIn: " |_~'\"“”‘’`"))
    }

    /// An amount in contract format from printed text ("¥3,819.00", "3819.00|"), or `nil`; everything but
    /// digits, separators and the minus sign is ignored.
    static func amount(_ text: String) -> String? {
        let cleaned = String(text.map(halfWidth).filter { $0.isASCIIDigit || ".,-".contains($0) })
        guard let value = Money.parse(cleaned) else { return nil }
        return Money.format(value)
    }

    /// The amount after the last currency sign of a second read (`"5¥539.39"` → `"539.39"`).
    static func amountAfterCurrency(_ text: String) -> String? {
        let tail = text.split(whereSeparator: { "¥￥".contains($0) }).last.map(String.init) ?? text
        return amount(tail)
    }

    /// A name as printed, with the brackets OCR reads as 〈 《 ( ) 〉 》 made the full-width （ ） that
    /// Chinese company names use, and without the dots and stops OCR reads in the gaps before and after it
    /// (a middle dot inside a name, 阿卜杜·热合曼, is kept).
    static func name(_ text: String) -> String {
        bracketed(text).trimmingCharacters(in: CharacterSet(charactersIn: "·•・.,，。、:：;；|_ "))
    }

    private static func bracketed(_ text: String) -> String {
        let opening: Set<Character> = ["(", "〈", "《", "（", "{", "["]
        let closing: Set<Character> = [")", "〉", "》", "）", "}", "]"]
        var result = ""
        for character in printed(text) {
            if opening.contains(character) {
                while result.last == " " { result.removeLast() }
                result.append("（")
            } else if closing.contains(character) {
                while result.last == " " { result.removeLast() }
                result.append("）")
            } else if character == " ", result.last == "（" || result.last == "）" {
                continue
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// A company name without the junk OCR reads after its end: after the last 公司, characters of words
    /// the engine was unsure of (below 0.5) and punctuation are cut.
    static func companyName(_ text: LineText) -> LineText {
        let characters = text.glyphs.map(\.character)
        guard
            let end = (0..<max(0, characters.count - 1)).last(where: {
                characters[$0] == "公" && characters[$0 + 1] == "司"
            })
        else { return text }
        let tail = text.glyphs[(end + 2)...]
        guard !tail.isEmpty, tail.count <= 4,
            tail.allSatisfy({
                $0.confidence < 0.5 || !($0.character.isLetter || $0.character.isNumber) || $0.character.isASCII
            })
        else { return text }
        return text.slice(0..<(end + 2))
    }

    /// Whether `value` has the shape of `field`.
    /// Whether every opening bracket in `value` is closed after it and no closing one comes first: a
    /// name cut short (代开一百二十七（代开机关) or picked up mid-way is not well formed.
    static func bracketsBalance(_ value: String) -> Bool {
        var depth = 0
        for character in value {
            if "(（".contains(character) { depth += 1 }
            if ")）".contains(character) {
                depth -= 1
                if depth < 0 { return false }
            }
        }
        return depth == 0
    }

    /// Whether `value` reads as a street address (a street and a house, floor or room number:
    /// 金山支路6号1楼4号), which a party's name never is.
    static func looksLikeAddress(_ value: String) -> Bool {
        ["路", "街", "巷", "大道", "胡同"].contains { value.contains($0) }
            && value.contains(/[0-9０-９]+\s*(号|楼|室|栋|幢|层|弄)/)
    }

    static func isWellFormed(_ value: String, for field: FieldName) -> Bool {
        switch field {
        case .invoiceCode: return value.allSatisfy(\.isASCIIDigit) && [10, 12].contains(value.count)
        case .invoiceNumber:
            return value.allSatisfy(\.isASCIIDigit) && (value.count == 8 || value.count == 20)
                || (!value.isEmpty && value.count <= 30 && !value.contains(" "))
        case .checkCode: return value.count == 20 && value.allSatisfy(\.isASCIIDigit)
        case .machineNumber: return (8...15).contains(value.count) && value.allSatisfy(\.isASCIIDigit)
        case .issueDate: return value.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil
        case .buyerTaxID, .sellerTaxID:
            return (15...20).contains(value.count) && value.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }
        case .amountExcludingTax, .taxAmount, .totalAmount: return value.wholeMatch(of: /-?\d+\.\d{2}/) != nil
        case .totalAmountInWords: return ChineseAmount.parse(value) != nil
        case .currency: return value.wholeMatch(of: /[A-Z]{3}/) != nil
        case .buyerName, .sellerName: return !value.isEmpty && bracketsBalance(value) && !looksLikeAddress(value)
        // A Chinese personal name is a surname and a given name: one character alone is a name cut short.
        case .payee, .reviewer, .drawer:
            return !value.isEmpty && (value.filter(\.isCJK).count != 1 || value.contains { $0.isASCII && $0.isLetter })
        default: return !value.isEmpty
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
