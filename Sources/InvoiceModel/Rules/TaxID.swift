/// Chinese taxpayer identification numbers: the 18-character 统一社会信用代码 (USCC, GB 32100-2015) with its
/// embedded 组织机构代码 (GB 11714), and the older 15–20 character 纳税人识别号 shapes (FAPIAO.md §2).
public enum TaxID {
    /// The 31 characters a USCC may use, in value order (no I, O, S, V, Z).
    public static let usccAlphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// USCC weights `3^(i-1) mod 31` for positions 1–17.
    static let usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// GB 11714 weights for the first 8 characters of an organisation code.
    static let organizationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2]

    /// GB 11643 (ISO 7064 MOD 11-2) weights for the first 17 digits of a resident ID number.
    static let residentIDWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    /// GB 11643 check characters, indexed by the weighted sum mod 11.
    static let residentIDCheckCharacters: [Character] = Array("10X98765432")

    /// The lengths of non-USCC taxpayer ids that are accepted without a checksum (FAPIAO.md §2b).
    static let otherFormatLengths: Set<Int> = [15, 17, 18, 20]

    /// The USCC check character (position 18) for the first 17 characters.
    ///
    /// - Parameter first17: exactly 17 characters of `usccAlphabet`.
    /// - Returns: the check character, or `nil` when the text is not 17 characters of the alphabet.
    public static func usccCheckCharacter(for first17: String) -> Character? {
        let characters = Array(first17)
        guard characters.count == 17 else { return nil }
        var sum = 0
        for (character, weight) in zip(characters, usccWeights) {
            guard let value = usccAlphabet.firstIndex(of: character) else { return nil }
            sum += value * weight
        }
        return usccAlphabet[(31 - sum % 31) % 31]
    }

    /// The GB 11714 organisation-code check character for the first 8 characters.
    ///
    /// Digits count as 0–9 and letters A–Z as 10–35; the check is `11 − (Σ mod 11)`, written `X` for 10 and `0`
    /// for 11.
    ///
    /// - Parameter first8: exactly 8 characters of `[0-9A-Z]`.
    /// - Returns: the check character, or `nil` when the text is not 8 such characters.
    public static func organizationCodeCheckCharacter(for first8: String) -> Character? {
        let characters = Array(first8)
        guard characters.count == 8 else { return nil }
        var sum = 0
        for (character, weight) in zip(characters, organizationCodeWeights) {
            guard let value = alphanumericValue(character) else { return nil }
            sum += value * weight
        }
        switch 11 - sum % 11 {
        case 10: return "X"
        case 11: return "0"
        case let check: return Character(String(check))
        }
    }

    /// A printed id in the contract's form: upper case, full-width characters as ASCII, without spaces or hyphens.
    ///
    /// - Parameter text: the id as printed or read.
    /// - Returns: the normalised id (possibly still invalid; see `check(_:)`).
    public static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let ascii = Money.asciiFromFullWidth(scalar)
            if ascii.properties.isWhitespace || "-‐‑‒–—".unicodeScalars.contains(ascii) { continue }
            scalars.append(ascii)
        }
        return String(scalars).uppercased()
    }

    /// Validates a normalised id (see `normalize(_:)`; lower-case letters are reported as malformed).
    ///
    /// An 18-character id is checked as a USCC: its check character, then the organisation code at positions
    /// 9–17. An 18-character id that fails as a USCC but is a valid resident ID number (GB 11643: a birth date
    /// at positions 7–14 and its MOD 11-2 check) is accepted as another format, as are 15, 17 and 20 characters
    /// of `[0-9A-Z]` (older 纳税人识别号 and ID-based ids), which carry no checksum this function knows.
    ///
    /// - Parameter id: the normalised id.
    /// - Returns: what the id is and whether it passed.
    public static func check(_ id: String) -> TaxIDCheck {
        let characters = Array(id)
        guard !characters.isEmpty else { return .malformed(reason: "the id is empty") }
        guard characters.allSatisfy({ $0.isASCIIDigit || $0.isASCIIUppercaseLetter }) else {
            return .malformed(reason: "the id contains characters other than 0-9 and A-Z")
        }
        guard characters.count == 18 else {
            if otherFormatLengths.contains(characters.count) { return .plausibleOtherFormat(length: characters.count) }
            return .malformed(
                reason: "the id has \(characters.count) characters; expected 18 (USCC) or 15, 17 or 20")
        }
        let first17 = String(characters.prefix(17))
        if let expected = usccCheckCharacter(for: first17), expected == characters[17],
            let organizationCheck = organizationCodeCheckCharacter(for: String(characters[8..<16]))
        {
            if organizationCheck == characters[16] { return .validUSCC }
            if isResidentIDNumber(characters) { return .plausibleOtherFormat(length: 18) }
            return .organizationCodeMismatch(expected: organizationCheck)
        }
        if isResidentIDNumber(characters) { return .plausibleOtherFormat(length: 18) }
        if let expected = usccCheckCharacter(for: first17) { return .usccCheckCharacterMismatch(expected: expected) }
        return .malformed(reason: "the id uses I, O, S, V or Z, which a USCC never contains")
    }

    /// The value of `0-9` (0–9) or `A-Z` (10–35), or `nil`.
    static func alphanumericValue(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue else { return nil }
        if character.isASCIIDigit { return Int(ascii) - 48 }
        if character.isASCIIUppercaseLetter { return Int(ascii) - 55 }
        return nil
    }

    /// Whether 18 characters form a GB 11643 resident ID number: 17 digits with a plausible birth date at
    /// positions 7–14 and the MOD 11-2 check character.
    static func isResidentIDNumber(_ characters: [Character]) -> Bool {
        guard characters.count == 18, characters.prefix(17).allSatisfy(\.isASCIIDigit) else { return false }
        let birth = String(characters[6..<14])
        guard let date = CalendarDate(compact: birth), (1900...2100).contains(date.year) else { return false }
        var sum = 0
        for (character, weight) in zip(characters, residentIDWeights) {
            sum += (alphanumericValue(character) ?? 0) * weight
        }
        return residentIDCheckCharacters[sum % 11] == characters[17]
    }
}
