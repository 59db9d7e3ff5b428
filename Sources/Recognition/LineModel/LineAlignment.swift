import InvoiceModel

/// The character alignment behind `LineRefinement`: minimum edit steps between Tesseract's characters
/// and the line model's, with full-width forms folded.
extension LineRefinement {
    /// One step of an alignment: indices into the Tesseract characters (`t`) and the model's (`p`).
    enum Step: Equatable {
        case same(Int, Int)
        case substituted(Int, Int)
        case onlyTesseract(Int)
        case onlyModel(Int)

        /// The Tesseract character the step consumes, if any.
        var tesseractIndex: Int? {
            switch self {
            case .same(let t, _), .substituted(let t, _), .onlyTesseract(let t): t
            case .onlyModel: nil
            }
        }
    }

    /// A minimum-edit alignment of `a` (Tesseract) and `b` (model), in reading order.
    static func align(_ a: [Character], _ b: [Character]) -> [Step] {
        let n = a.count
        let m = b.count
        var cost = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in 0...n { cost[i][0] = i }
        for j in 0...m { cost[0][j] = j }
        if n > 0, m > 0 {
            for i in 1...n {
                for j in 1...m {
                    let diagonal = cost[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    cost[i][j] = min(diagonal, cost[i - 1][j] + 1, cost[i][j - 1] + 1)
                }
            }
        }
        var steps: [Step] = []
        var i = n
        var j = m
        while i > 0 || j > 0 {
            if i > 0, j > 0, cost[i][j] == cost[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1) {
                steps.append(a[i - 1] == b[j - 1] ? .same(i - 1, j - 1) : .substituted(i - 1, j - 1))
                i -= 1
                j -= 1
            } else if i > 0, cost[i][j] == cost[i - 1][j] + 1 {
                steps.append(.onlyTesseract(i - 1))
                i -= 1
            } else {
                steps.append(.onlyModel(j - 1))
                j -= 1
            }
        }
        return steps.reversed()
    }

    /// Full-width ASCII forms and the yuan sign folded to their ordinary forms, so that `：` and `:` align
    /// as the same character.
    static func folded(_ character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return character }
        switch scalar.value {
        case 0xFF01...0xFF5E: return Character(Unicode.Scalar(scalar.value - 0xFEE0)!)
        case 0xFFE5: return "¥"
        case 0x3000: return " "
        default: return character
        }
    }
}

extension RecognizedWord {
    /// A word holding an ideograph that Tesseract read with less than `doubtfulWord` confidence: the
    /// words worth a second reading (doubtful digits and punctuation are left to the extraction rules).
    var isDoubtfulChinese: Bool {
        confidence < LineRefinement.doubtfulWord && text.contains(where: \.isIdeograph)
    }
}

extension Character {
    /// A CJK ideograph (not punctuation or a full-width form).
    var isIdeograph: Bool {
        guard let value = unicodeScalars.first?.value else { return false }
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    /// An ideograph, letter or digit: print, as opposed to punctuation and marks.
    var isPrint: Bool { isIdeograph || isLetterOrDigit }

    /// An ASCII letter or digit.
    var isLetterOrDigit: Bool { isASCII && (isLetter || isNumber) }
}
