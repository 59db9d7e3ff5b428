import Foundation
import InvoiceModel

/// What the value beside a label is, which says how its text is cleaned into the contract's format.
enum ValueKind {
    case digits, date, amount, name, taxID, printed, capitals

    /// `text` up to the word where a run of the cipher area's symbols starts (at least three of
    /// `<>*+-/=` within twelve characters, one of them `<`, `>`, `*`, `/` or `=`).
    static func beforeCipher(_ text: String) -> String {
        let characters = Array(text)
        for index in characters.indices where "<>*/=".contains(characters[index]) {
            let window = characters[max(0, index - 6)..<min(characters.count, index + 6)]
            guard window.filter({ "<>*+-/=".contains($0) }).count >= 3 else { continue }
            var cut = index
            while cut > 0, characters[cut - 1] != " " { cut -= 1 }
            return String(characters[..<cut]).trimmingCharacters(in: .whitespaces)
        }
        return text
    }

    /// The value in the contract's format, or `nil` when the text holds none.
    ///
    /// - Parameter exact: the text is what the file carried (text layer, OFD): nothing is "repaired"
    ///   (an I in a tax ID stays an I); OCR'd text gets the usual repairs.
    func clean(_ text: LineText, exact: Bool) -> String? {
        let compact = text.compactText
        guard !compact.isEmpty else { return nil }
        switch self {
        case .digits:
            let digits = FieldText.digits(compact)
            return digits.count >= 8 ? digits : nil
        case .date:
            return DocumentDate.parseChinese(compact)
                ?? DocumentDate.parseNumericOrNamed(text.text, preferDayFirst: false)?.value
        case .amount:
            return FapiaoReader.amounts(in: text).last?.value
        case .name:
            var printed = text.text
            if !exact {
                // OCR'd text of the cipher area beside the buyer's name (digits and <>*+-/) ends the name.
                if let cipher = printed.firstIndex(where: { "<>*/=".contains($0) }) {
                    printed = String(printed[..<cipher])
                    while let last = printed.last, last.isNumber || last == "-" || last == "+" || last == " " {
                        printed.removeLast()
                    }
                }
                // A name has more letters than digits (an amount beside a label is no name), and no
                // label of the form in it.
                let letters = printed.filter(\.isLetter).count
                if letters < 2 || printed.filter(\.isNumber).count > letters { return nil }
                let labels = ["开票日期", "纳税人", "识别号", "地址", "电话", "开户行", "账号", "密码", "校验码", "发票代码", "发票号码"]
                if labels.contains(where: { printed.contains($0) }) { return nil }
            }
            let name = FieldText.name(printed)
            return name.isEmpty ? nil : name
        case .taxID:
            let id = exact ? FieldText.exactTaxID(text.text) : FieldText.taxID(compact)
            return id.count >= 15 ? id : nil
        case .printed:
            // OCR'd text of the cipher area printed beside an address or an account ends the value.
            var value = FieldText.printed(exact ? text.text : Self.beforeCipher(text.text))
            // A dot the second OCR reads in the gap before a value (·雷欣怡) is no part of it.
            if !exact { value = value.trimmingCharacters(in: CharacterSet(charactersIn: "·•・")) }
            return value.isEmpty ? nil : value
        case .capitals:
            // Characters never printed in capitals are the numerals they look like, misread (园 for 圆,
            // 染 for 柒).
            let capitals = String(compact.map { exact ? $0 : (Self.capitalLookalikes[$0] ?? $0) })
                .filter { Self.capitalNumerals.contains($0) }
            return capitals.count >= 2 ? capitals : nil
        }
    }

    /// What an amount in capitals (大写) is written with.
    static let capitalNumerals = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿圆元角分整正负"

    /// Characters OCR reads for a capital numeral they resemble, with the numeral.
    static let capitalLookalikes: [Character: Character] = [
        "园": "圆", "圓": "圆", "染": "柒", "柴": "柒", "漆": "柒", "玫": "玖", "玟": "玖", "武": "贰", "貳": "贰",
        "参": "叁", "叄": "叁", "类": "柒", "制": "捌", "陸": "陆", "萬": "万", "億": "亿", "仠": "仟", "伯": "佰",
    ]
}
