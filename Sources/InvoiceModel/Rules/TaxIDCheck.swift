/// The outcome of `TaxID.check(_:)`.
public enum TaxIDCheck: Sendable, Hashable {
    /// An 18-character USCC whose check character and embedded organisation code both verify.
    case validUSCC
    /// An 18-character USCC-shaped id whose check character (position 18) is wrong; `expected` is the right one.
    case usccCheckCharacterMismatch(expected: Character)
    /// The USCC check character verifies but the organisation code at positions 9–17 does not; `expected` is the
    /// organisation code's check character (position 17).
    case organizationCodeMismatch(expected: Character)
    /// A 15, 17, 18 (resident ID number) or 20 character id of `[0-9A-Z]` without a checksum to verify.
    case plausibleOtherFormat(length: Int)
    /// Not a taxpayer id: wrong length, characters outside `[0-9A-Z]`, or letters a USCC never uses.
    case malformed(reason: String)

    /// Whether the id should be accepted (a valid USCC or a plausible other format).
    ///
    /// A failure is a warning, not proof of a wrong id: FAPIAO.md §2a reports real codes that fail the check.
    public var passed: Bool {
        switch self {
        case .validUSCC, .plausibleOtherFormat: return true
        case .usccCheckCharacterMismatch, .organizationCodeMismatch, .malformed: return false
        }
    }

    /// A sentence for people, e.g. `check character does not match — expected 3`.
    public var message: String {
        switch self {
        case .validUSCC:
            return "valid unified social credit code: check character and organisation code match"
        case .usccCheckCharacterMismatch(let expected):
            return "check character does not match — expected \(expected)"
        case .organizationCodeMismatch(let expected):
            return "organisation code (positions 9–17) does not verify — expected \(expected) at position 17"
        case .plausibleOtherFormat(let length):
            return "\(length)-character taxpayer id in a format without a checksum"
        case .malformed(let reason):
            return "not a taxpayer id: \(reason)"
        }
    }
}
