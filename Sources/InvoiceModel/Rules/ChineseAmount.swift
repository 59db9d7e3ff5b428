public import Foundation

/// Amounts written in Chinese capitals (价税合计（大写）), as fapiao software prints them (FAPIAO.md §4).
public enum ChineseAmount {
    /// The capital digits 零 through 玖, indexed by value.
    static let digitCharacters: [Character] = Array("零壹贰叁肆伍陆柒捌玖")

    /// The units inside a four-digit section, indexed by the position's power of ten (1, 拾, 佰, 仟).
    static let positionUnits: [String] = ["", "拾", "佰", "仟"]

    /// One more than the largest amount written: 9999亿… is the last one.
    static let limit = Decimal(sign: .plus, exponent: 12, significand: 1)

    /// The capital amount for `amount`, in the fapiao style of FAPIAO.md §4 (option "none").
    ///
    /// `1`–`19` within a section are written with 壹拾 (`壹拾伍圆玖角肆分`); one 零 stands for a run of zeros
    /// between non-zero digits (`陆仟零柒圆壹角肆分`, `壹万零陆佰圆整`), but none is written for zeros at the end of
    /// a 万/亿 section or at the 圆 position (`壹拾万柒仟圆伍角叁分`, `壹仟陆佰捌拾圆叁角贰分`); 零 is written when
    /// 角 is zero and 分 is not (`壹拾玖圆零伍分`); 整 ends an amount without 角 and 分 (`贰万圆整`) and is omitted
    /// after 角 (`壹拾柒圆肆角`). Amounts below one yuan have no 圆 (`伍角`), zero is `零圆整`, and a negative
    /// (red-letter) amount gets a leading 负.
    ///
    /// - Parameter amount: the amount in yuan.
    /// - Returns: the words, or `nil` when `|amount|` is 1 000 000 000 000 or more or has more than two decimals.
    public static func words(for amount: Decimal) -> String? {
        guard Money.hasAtMost(places: 2, amount) else { return nil }
        let magnitude = amount < 0 ? -amount : amount
        guard magnitude < limit, let fen = Int64(Money.format(magnitude).filter { $0 != "." }) else { return nil }
        let yuan = fen / 100
        let jiao = Int(fen / 10 % 10)
        let cent = Int(fen % 10)
        var text = amount < 0 ? "负" : ""
        if yuan > 0 { text += integerWords(yuan) + "圆" }
        switch (jiao, cent) {
        case (0, 0): text += yuan > 0 ? "整" : "零圆整"
        case (_, 0): text += "\(digitCharacters[jiao])角"
        case (0, _): text += (yuan > 0 ? "零" : "") + "\(digitCharacters[cent])分"
        default: text += "\(digitCharacters[jiao])角\(digitCharacters[cent])分"
        }
        return text
    }

    /// The words for a whole number of yuan in 1 ..< 10¹², without 圆.
    static func integerWords(_ value: Int64) -> String {
        let sections: [(value: Int, unit: String)] = [
            (Int(value / 100_000_000), "亿"), (Int(value / 10_000 % 10_000), "万"), (Int(value % 10_000), ""),
        ]
        var text = ""
        var pendingZero = false
        for section in sections {
            guard section.value > 0 else {
                pendingZero = !text.isEmpty
                continue
            }
            var remaining = section.value
            for power in stride(from: 3, through: 0, by: -1) {
                let scale = [1, 10, 100, 1000][power]
                let digit = remaining / scale
                remaining %= scale
                if digit == 0 {
                    pendingZero = pendingZero || !text.isEmpty
                    continue
                }
                if pendingZero { text += "零" }
                pendingZero = false
                text += "\(digitCharacters[digit])\(positionUnits[power])"
            }
            text += section.unit
            // Zeros at the end of a 万/亿 section are not marked (the "none" option of FAPIAO.md §4 rule 3).
            pendingZero = false
        }
        return text
    }
}
