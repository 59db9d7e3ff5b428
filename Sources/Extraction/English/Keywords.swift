/// Receipt keywords as printed, repaired from OCR: "Tota!" → TOTAL, "TolalAmtRounded" → TOTAL AMT ROUNDED.
enum Keywords {
    /// Words looked for inside runs of letters, longest first, allowing one wrong letter when long enough.
    static let words = [
        "SUBTOTAL", "INCLUSIVE", "EXCLUSIVE", "ROUNDING", "TENDERED", "ROUNDED", "PAYABLE", "BALANCE", "INVOICE",
        "RECEIPT", "AMOUNT", "CHANGE", "TOTAL", "GRAND", "NETT", "INCL", "EXCL", "CASH", "DATE", "AMT", "GST", "DUE",
    ]

    /// Characters OCR puts inside words in place of letters.
    static let letterLookalikes: [Character: Character] = [
        "!": "L", "|": "L", "1": "L", "0": "O", "5": "S", "8": "B", "$": "S",
    ]

    /// `text` (upper case) with keyword look-alikes repaired and glued keywords separated by spaces.
    static func normalized(_ text: String) -> String {
        var output = ""
        var run: [Character] = []
        func flush() {
            output += split(run)
            run = []
        }
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let previousIsLetter = index > 0 && characters[index - 1].isLetter
            let nextIsLetter = index + 1 < characters.count && characters[index + 1].isLetter
            if character.isLetter {
                run.append(character)
            } else if let letter = letterLookalikes[character], previousIsLetter,
                nextIsLetter
                    || !run.isEmpty && run.count >= 3
                        && !(index + 1 < characters.count && characters[index + 1].isNumber)
            {
                run.append(letter)
            } else {
                flush()
                output.append(character)
            }
        }
        flush()
        return output
    }

    /// A run of letters with the keywords inside it separated and repaired ("TOLALAMTROUNDED" → "TOTAL AMT ROUNDED").
    private static func split(_ run: [Character]) -> String {
        guard run.count >= 3 else { return String(run) }
        var pieces: [String] = []
        var index = 0
        var pending = ""
        while index < run.count {
            var matched: String?
            for word in words where word.count <= run.count - index {
                let window = run[index..<(index + word.count)]
                let mismatches = zip(window, word).filter { $0 != $1 }.count
                if mismatches == 0 || (mismatches == 1 && word.count >= 5) {
                    matched = word
                    break
                }
            }
            if let matched {
                if !pending.isEmpty { pieces.append(pending) }
                pending = ""
                pieces.append(matched)
                index += matched.count
            } else {
                pending.append(run[index])
                index += 1
            }
        }
        if !pending.isEmpty { pieces.append(pending) }
        // Only split when every piece is a keyword or the run was one keyword with extra letters around.
        return pieces.joined(separator: " ")
    }
}
