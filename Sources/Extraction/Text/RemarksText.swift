/// 备注 text: structured on 数电 invoices (`收款人:…;复核人:…;`, `销方开户银行:…;银行账号:…;`), free
/// elsewhere.
enum RemarksText {
    /// Keys the invoicing software writes into 备注 (FAPIAO.md §5b).
    static let keys = ["收款人", "复核人", "开票人", "销方开户银行", "购方开户银行", "银行账号", "开户银行", "账号", "销方开户行", "购方开户行"]

    /// The remark with spaces around separators removed and each `key:` that is one character off a known
    /// key replaced by it; separators and the final `;` are kept as printed.
    static func cleaned(_ text: String) -> String {
        var compact = ""
        for character in FieldText.printedKeepingPunctuation(text) {
            if character == " ", let last = compact.last,
                LabelMatcher.separators.contains(last) || last == "；" || last == ";"
            {
                continue
            }
            if LabelMatcher.separators.contains(character) || character == ";" || character == "；" {
                while compact.last == " " { compact.removeLast() }
            }
            compact.append(character)
        }
        // Repair keys: the text before each separator, back to the previous `;`.
        var result = ""
        var segment = ""
        for character in compact {
            if LabelMatcher.separators.contains(character) {
                result += repairedKey(segment)
                segment = ""
                result.append(character)
            } else if character == ";" || character == "；" {
                result += segment
                segment = ""
                result.append(character)
            } else {
                segment.append(character)
            }
        }
        return result + segment
    }

    private static func repairedKey(_ key: String) -> String {
        if keys.contains(key) { return key }
        let characters = Array(key)
        let near = keys.filter { $0.count == characters.count && FapiaoTitle.editDistance(characters, Array($0)) == 1 }
        return near.count == 1 ? near[0] : key
    }

    /// The line without characters the engine glued to a separator with essentially no confidence
    /// (":和", see `LabelMatcher.valueStart`).
    static func withoutSeparatorNoise(_ line: LineText) -> LineText {
        var kept: [LineText.Glyph] = []
        var previous: LineText.Glyph?
        for glyph in line.glyphs {
            if let before = kept.last ?? previous, LabelMatcher.separators.contains(before.character),
                before.word == glyph.word, glyph.confidence < 0.1
            {
                previous = before
                continue
            }
            kept.append(glyph)
            previous = glyph
        }
        return LineText(glyphs: kept, box: line.box, wordBoxes: line.wordBoxes)
    }
}
