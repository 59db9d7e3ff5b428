import InvoiceModel

/// One-character repairs of an 18-character USCC that fails its checks (FAPIAO.md §2a), from characters
/// the Latin model confuses in tax IDs (1/L, 0/D, 5/S, 6/G, 8/B, M/H …).
///
/// A single substitution passes the USCC check by chance about once in 31 tries, so a repair must also
/// pass the embedded organisation code's check, keep positions 1–2 a registration authority and
/// category, positions 3–8 digits of a known province, and be the only repair that does; otherwise the
/// reading stays as it is (and goes to a person, its check failed). Even so about one misread in 40 that
/// is no look-alike is "repaired" into another valid ID, so a repaired ID always goes to a person too
/// (`FieldEvidence.correctedFrom`).
enum TaxIDRepair {
    /// Pairs of look-alike characters, either way round.
    static let lookalikes: [(Character, Character)] = [
        ("0", "D"), ("0", "Q"), ("0", "U"), ("1", "L"), ("1", "T"), ("1", "7"), ("2", "Z"), ("5", "S"), ("6", "G"),
        ("8", "B"), ("8", "3"), ("4", "A"), ("9", "Q"), ("M", "H"), ("M", "N"), ("H", "N"), ("U", "V"), ("Y", "V"),
        ("K", "X"),
    ]

    /// The one valid USCC a single look-alike substitution makes of `id`, or of an 18-character run of a
    /// reading up to 4 characters longer (label noise read into the value: "EATS1211…"), or `nil`.
    static func repaired(_ id: String) -> String? {
        let characters = Array(id)
        guard (18...22).contains(characters.count) else { return nil }
        switch TaxID.check(id) {
        case .validUSCC, .plausibleOtherFormat: return nil
        case .usccCheckCharacterMismatch, .organizationCodeMismatch, .malformed: break
        }
        var found: Set<String> = []
        for start in 0...(characters.count - 18) {
            for window in headVariants(of: Array(characters[start..<(start + 18)])) {
                if isPlausibleHead(window), case .validUSCC = TaxID.check(String(window)) {
                    found.insert(String(window))
                } else {
                    found.formUnion(substitutions(of: window))
                }
            }
        }
        return found.count == 1 ? found.first : nil
    }

    /// The window with each character that cannot stand where it is in the head (an authority, a
    /// category, the division's digits: "Q15101…") replaced by its look-alikes that can, in every
    /// combination; at most two such characters (more is not a misread ID), and none when one has no
    /// look-alike that fits. These replacements are forced, so one free substitution is still allowed.
    private static func headVariants(of characters: [Character]) -> [[Character]] {
        var variants = [characters]
        var forced = 0
        for index in 0..<8 {
            guard !fitsHead(characters[index], at: index) else { continue }
            let options = alternatives(of: characters[index]).filter { fitsHead($0, at: index) }
            forced += 1
            guard !options.isEmpty, forced <= 2 else { return [] }
            variants = variants.flatMap { variant in
                options.map { option in
                    var changed = variant
                    changed[index] = option
                    return changed
                }
            }
        }
        return variants
    }

    /// Valid USCCs one look-alike substitution away from `characters` (18 of them).
    private static func substitutions(of characters: [Character]) -> Set<String> {
        var found: Set<String> = []
        for index in characters.indices {
            for replacement in alternatives(of: characters[index]) {
                var candidate = characters
                candidate[index] = replacement
                guard isPlausibleHead(candidate) else { continue }
                let text = String(candidate)
                if case .validUSCC = TaxID.check(text) { found.insert(text) }
            }
        }
        return found
    }

    private static func alternatives(of character: Character) -> [Character] {
        lookalikes.compactMap { pair in
            pair.0 == character ? pair.1 : (pair.1 == character ? pair.0 : nil)
        }
    }

    /// Registration authority (1–9, A, N, Y), category (1, 2, 3, 9) and a six-digit division code of a
    /// known province.
    private static func isPlausibleHead(_ characters: [Character]) -> Bool {
        (0..<8).allSatisfy { fitsHead(characters[$0], at: $0) } && RegionCodes.isProvince(String(characters[2..<4]))
    }

    /// Whether `character` can stand at `index` (0–7) of a USCC's head.
    private static func fitsHead(_ character: Character, at index: Int) -> Bool {
        switch index {
        case 0: "123456789ANY".contains(character)
        case 1: "1239".contains(character)
        default: character.isASCIIDigit
        }
    }
}
