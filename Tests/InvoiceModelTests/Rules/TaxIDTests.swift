import InvoiceModel
import Testing

@Suite struct TaxIDTests {
    /// FAPIAO.md §2a: real ids (../shared/data/fapiao-dev) that pass both the USCC and the organisation-code check.
    static let validUSCCs = [
        "91320594MA1MFD7F31", "91520000MA6DKWDM90", "91510107MA65T8E44U", "91310110350849784X",
        "91340202MA2TT2T3XA",
    ]

    /// Seller ids of the two vendor-sandbox OFD invoices (fake parties, fp010 and fp048 in fapiao-dev): printed
    /// exactly so in their embedded data, yet their USCC check characters do not verify (E and 5 where the
    /// GB 32100 computation gives 5 and 6; an independent computation agrees). Their organisation codes verify.
    static let sandboxIDs: [(String, Character)] = [("91500102563638729E", "5"), ("91500106MA2CE71F65", "6")]

    @Test(arguments: validUSCCs)
    func givenRealUSCC_whenChecked_thenItIsValid(id: String) {
        #expect(TaxID.check(id) == .validUSCC)
        #expect(TaxID.check(id).passed)
        #expect(TaxID.usccCheckCharacter(for: String(id.prefix(17))) == id.last)
        let organizationCode = Array(id)[8..<17]
        #expect(TaxID.organizationCodeCheckCharacter(for: String(organizationCode.prefix(8))) == organizationCode.last)
    }

    @Test(arguments: sandboxIDs)
    func givenSandboxSellerID_whenChecked_thenItsCheckCharacterFails(id: String, expected: Character) {
        #expect(TaxID.check(id) == .usccCheckCharacterMismatch(expected: expected))
        let organizationCode = Array(id)[8..<17]
        #expect(TaxID.organizationCodeCheckCharacter(for: String(organizationCode.prefix(8))) == organizationCode.last)
    }

    @Test func givenPublishedInvalidExample_whenChecked_thenTheExpectedCheckCharacterIs3() {
        #expect(TaxID.usccCheckCharacter(for: "91350100M000100Y4") == "3")
        let check = TaxID.check("91350100M000100Y4Z")
        #expect(check == .usccCheckCharacterMismatch(expected: "3"))
        #expect(!check.passed)
        #expect(check.message.contains("expected 3"))
    }

    @Test func givenSandboxDemoIDWithIAndZ_whenChecked_thenItFailsAsMalformed() {
        let check = TaxID.check("9150010807MGZHI002")
        #expect(!check.passed)
        guard case .malformed = check else {
            Issue.record("expected malformed, got \(check)")
            return
        }
        #expect(TaxID.usccCheckCharacter(for: "9150010807MGZHI00") == nil)
    }

    @Test func givenUSCCWhoseOrganizationCodeIsWrong_whenChecked_thenTheOrganizationCheckCharacterIsReported() {
        // 91320594MA1MFD7F31 with the organisation check character 3 changed to 4, and the USCC check redone.
        let first17 = "91320594MA1MFD7F4"
        let check = TaxID.usccCheckCharacter(for: first17)
        #expect(check != nil)
        let id = first17 + String(check ?? "?")
        #expect(TaxID.check(id) == .organizationCodeMismatch(expected: "3"))
        #expect(TaxID.check(id).message.contains("expected 3"))
    }

    @Test func givenLastCharacterOff_whenChecked_thenTheRightOneIsExpected() {
        #expect(TaxID.check("91320594MA1MFD7F32") == .usccCheckCharacterMismatch(expected: "1"))
    }

    @Test(arguments: [("00000030", "X"), ("00000000", "0"), ("00000001", "9"), ("A0000000", "3"), ("MA1MFD7F", "3")])
    func givenOrganizationCode_whenCheckComputed_thenItFollowsGB11714(first8: String, expected: Character) {
        #expect(TaxID.organizationCodeCheckCharacter(for: first8) == expected)
    }

    @Test(arguments: ["0000030", "000003000", "0000-300", "0000030a"])
    func givenInvalidOrganizationCodeInput_whenCheckComputed_thenNil(first8: String) {
        #expect(TaxID.organizationCodeCheckCharacter(for: first8) == nil)
    }

    @Test(arguments: [
        ("110105123456789", 15), ("12345678901234567", 17), ("11010519491231002X", 18),
        ("11010519491231002X01", 20), ("12011619910620800801", 20),
    ])
    func givenOlderTaxpayerIDShape_whenChecked_thenItIsAPlausibleOtherFormat(id: String, length: Int) {
        #expect(TaxID.check(id) == .plausibleOtherFormat(length: length))
        #expect(TaxID.check(id).passed)
    }

    @Test(arguments: [
        "", "1234567890123456", "1234567890123456789", "91320594ma1mfd7f31", "9132 0594MA1MFD7F31", "ABC",
    ])
    func givenWrongLengthOrCharacters_whenChecked_thenMalformed(id: String) {
        let check = TaxID.check(id)
        #expect(!check.passed)
        guard case .malformed = check else {
            Issue.record("expected malformed, got \(check)")
            return
        }
    }

    @Test func givenPrintedIDs_whenNormalized_thenUpperCaseASCIIWithoutSpacesOrHyphens() {
        #expect(TaxID.normalize(" 9132 0594-ma1mfd7f31 ") == "91320594MA1MFD7F31")
        #expect(TaxID.normalize("９１３２０５９４ＭＡ１ＭＦＤ７Ｆ３１") == "91320594MA1MFD7F31")
        #expect(TaxID.normalize("91320594\u{3000}MA1MFD7F31") == "91320594MA1MFD7F31")
    }

    @Test func givenAlphabet_whenListed_thenItHas31CharactersWithoutIOSVZ() {
        #expect(TaxID.usccAlphabet == Array("0123456789ABCDEFGHJKLMNPQRTUWXY"))
        #expect(!TaxID.usccAlphabet.contains { "IOSVZ".contains($0) })
    }
}
