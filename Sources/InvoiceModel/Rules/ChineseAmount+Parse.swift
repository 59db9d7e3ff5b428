public import Foundation

extension ChineseAmount {
    /// Glyphs printed before the capital amount on fapiao (ⓧ, ⊗, ⨂, Ⓧ), ignored when parsing.
    static let ignoredGlyphs: Set<Character> = ["ⓧ", "⊗", "⨂", "Ⓧ"]

    /// The section units and the power of ten each stands for.
    static let unitPowers: [Character: Int] = ["拾": 1, "佰": 2, "仟": 3]

    /// Reads a capital amount back into yuan.
    ///
    /// Accepts everything `words(for:)` writes and the variants the banking rules allow: 元 for 圆; 整, 正 or
    /// nothing after 圆 or 角; a 零 before 角 (`壹仟陆佰捌拾圆零叁角贰分`) or at any zero run inside the number
    /// (`壹拾万零柒仟`), and none where zeros are skipped (`壹万陆佰`); a `人民币` prefix, a leading 负, the ⓧ ⊗ ⨂
    /// glyphs and spaces. Rejects what the rules forbid: everyday numerals (一二三, 十), 两, 毛, Arabic digits,
    /// a bare 拾 without its digit, units out of order, 零零, and 整 after 分.
    ///
    /// - Parameter text: the capital amount as printed or read.
    /// - Returns: the amount, or `nil` when the text is not a well-formed capital amount.
    public static func parse(_ text: String) -> Decimal? {
        var characters = Substring(
            text.filter { !$0.isWhitespace && !ignoredGlyphs.contains($0) })
        var negative = false
        for _ in 0..<2 {
            if characters.hasPrefix("负") {
                guard !negative else { return nil }
                negative = true
                characters = characters.dropFirst()
            }
            if characters.hasPrefix("人民币") { characters = characters.dropFirst(3) }
        }
        guard !characters.isEmpty else { return nil }
        let integerText: Substring
        let fractionText: Substring
        if let yuanMark = characters.firstIndex(where: { $0 == "圆" || $0 == "元" }) {
            integerText = characters[..<yuanMark]
            fractionText = characters[characters.index(after: yuanMark)...]
            guard !integerText.isEmpty else { return nil }
        } else {
            integerText = ""
            fractionText = characters
        }
        guard let yuan = integerText.isEmpty ? 0 : integerValue(Array(integerText)),
            let fen = fractionValue(Array(fractionText), afterYuan: !integerText.isEmpty)
        else { return nil }
        let total = yuan * 100 + Int64(fen)
        let value = Decimal(sign: .plus, exponent: -2, significand: Decimal(total))
        return negative && total > 0 ? -value : value
    }

    /// 角 and 分 in fen from the text after 圆 (or the whole text when there is no 圆), or `nil` when malformed.
    private static func fractionValue(_ characters: [Character], afterYuan: Bool) -> Int? {
        var index = 0
        func digitThen(_ unit: Character) -> Int? {
            guard index + 1 < characters.count, characters[index + 1] == unit,
                let digit = digitCharacters.firstIndex(of: characters[index]), digit > 0
            else { return nil }
            index += 2
            return digit
        }
        let leadingZero = afterYuan && characters.first == "零"
        if leadingZero { index += 1 }
        let jiao = digitThen("角")
        let fen = digitThen("分")
        if fen == nil, index < characters.count, characters[index] == "整" || characters[index] == "正" {
            index += 1
        }
        guard index == characters.count else { return nil }
        if leadingZero && jiao == nil && fen == nil { return nil }
        if !afterYuan && jiao == nil && fen == nil { return nil }
        return (jiao ?? 0) * 10 + (fen ?? 0)
    }

    /// The whole yuan written before 圆, or `nil` when malformed. `零` alone is zero.
    private static func integerValue(_ characters: [Character]) -> Int64? {
        if characters == ["零"] { return 0 }
        var rest = characters[...]
        var sections: [(text: ArraySlice<Character>, scale: Int64)] = []
        for (mark, scale) in [("亿" as Character, Int64(100_000_000)), ("万", 10_000)] {
            let parts = rest.split(separator: mark, maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count <= 2 else { return nil }
            if parts.count == 2 {
                guard !parts[0].isEmpty else { return nil }
                sections.append((parts[0], scale))
                rest = parts[1]
            }
        }
        sections.append((rest, 1))
        var total: Int64 = 0
        for (position, section) in sections.enumerated() {
            let isLast = position == sections.count - 1
            if isLast && section.text.isEmpty && position > 0 { continue }
            guard let value = sectionValue(section.text, mayStartWithZero: position > 0), value > 0 || isLast
            else { return nil }
            total += Int64(value) * section.scale
        }
        return total > 0 ? total : nil
    }

    /// The value (0–9999) of one section between 亿/万 marks, or `nil` when malformed.
    ///
    /// Units must descend (仟 佰 拾 and a last digit without unit), every unit needs its digit, and a 零 may
    /// stand only where at least one position is skipped (or at the start of a lower section).
    private static func sectionValue(_ characters: ArraySlice<Character>, mayStartWithZero: Bool) -> Int? {
        var value = 0
        var previousPower = 4
        var pendingZero = false
        var index = characters.startIndex
        while index < characters.endIndex {
            let character = characters[index]
            if character == "零" {
                guard !pendingZero, previousPower < 4 || mayStartWithZero else { return nil }
                pendingZero = true
                index += 1
                continue
            }
            guard let digit = digitCharacters.firstIndex(of: character), digit > 0 else { return nil }
            index += 1
            var power = 0
            if index < characters.endIndex, let unitPower = unitPowers[characters[index]] {
                power = unitPower
                index += 1
            }
            guard power < previousPower else { return nil }
            if pendingZero && previousPower < 4 && previousPower - power < 2 { return nil }
            value += digit * [1, 10, 100, 1000][power]
            previousPower = power
            pendingZero = false
        }
        return pendingZero ? nil : value
    }
}
