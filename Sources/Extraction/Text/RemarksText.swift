/// 备注 text: structured on 数电 invoices (`收款人:…;复核人:…;`, `销方开户银行:…;银行账号:…;`), free
/// elsewhere.
enum RemarksText {
    /// Keys the invoicing software writes into 备注 (FAPIAO.md §5b), and keys sellers commonly write there.
    static let keys = [
        "收款人", "复核人", "开票人", "销方开户银行", "购方开户银行", "银行账号", "开户银行", "账号", "销方开户行", "购方开户行", "合同编号",
        "车牌号", "订单号",
    ]

    /// The remark without the seller's invoice seal read into its end. The seal (发票专用章) is stamped
    /// over 备注 and carries the seller's name, so a run at the end that is part of that name (its first
    /// glyph may be misread: "武企业管理咨询" for 智远企业管理咨询) is the seal, not a remark. So is a word
    /// of three such glyphs standing apart after Latin print ("车牌号:苏 D19430 文化传").
    static func withoutSealText(_ text: String, seller: String) -> String {
        let characters = Array(text)
        guard seller.count >= 4 else { return text }
        if let space = characters.lastIndex(of: " "), space > 0, !characters[space - 1].isCJK,
            characters.count - space - 1 == 3, seller.contains(String(characters[(space + 1)...]))
        {
            var kept = characters[..<space]
            while kept.last == " " { kept.removeLast() }
            return String(kept)
        }
        // The longest such run, at least four glyphs of which at least three match the name.
        for start in characters.indices where characters.count - start >= 4 {
            let run = String(characters[start...])
            guard run.allSatisfy(\.isCJK) else { continue }
            if seller.contains(run) || seller.contains(String(run.dropFirst())) {
                var kept = characters[..<start]
                while kept.last == " " { kept.removeLast() }
                return String(kept)
            }
        }
        return text
    }

    /// Whether the line starts with a known key (or one a character off) and a separator: remarks, even
    /// when the value's glyphs read with little confidence.
    static func startsWithKey(_ line: LineText) -> Bool {
        let text = line.compactText
        guard let separator = text.firstIndex(where: { LabelMatcher.separators.contains($0) }) else { return false }
        return keys.contains(repairedKey(String(text[..<separator])))
    }

    /// The remark with spaces around separators removed, each `key:` that is one character off a known
    /// key replaced by it, a `;` read for the `:` after a known key put right, and quote marks and a full
    /// stop glued to the end left out; separators and the final `;` are kept as printed.
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
                // "收款人;赵娟": the colon after a key read as a semicolon.
                let key = repairedKey(segment)
                let isKey = keys.contains(key)
                result += key
                segment = ""
                result.append(isKey && (character == ";" || character == "；") ? ":" : character)
            } else if character == ";" || character == "；" {
                result += segment
                segment = ""
                result.append(character)
            } else {
                segment.append(character)
            }
        }
        var cleaned = result + segment
        while let last = cleaned.last, last.isWhitespace || "”“\"'。，,|".contains(last) { cleaned.removeLast() }
        return cleaned
    }

    private static func repairedKey(_ key: String) -> String {
        if keys.contains(key) { return key }
        let characters = Array(key)
        let near = keys.filter { $0.count == characters.count && EditDistance.between(characters, Array($0)) == 1 }
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
