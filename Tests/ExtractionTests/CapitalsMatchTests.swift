import Testing

@testable import Extraction

@Suite struct CapitalsMatchTests {
    @Test func givenLookAlikesOfNumerals_whenCleaned_thenBothReadersGiveTheSameCapitals() {
        #expect(CapitalsMatch.cleaned("ⓧ参仟捌佰壹拾玖圆整") == "叁仟捌佰壹拾玖圆整")
        #expect(CapitalsMatch.cleaned("类万柒仟伍佰陆拾柒圆壹角") == "柒万柒仟伍佰陆拾柒圆壹角")
    }

    @Test(arguments: [
        ("吉拾参万参什喜佰制拾沫圆喜角", "壹拾叁万叁仟壹佰捌拾柒圆壹角"),
        ("妻万贰什染佰染拾伍圆人参角迷分", "壹万贰仟柒佰柒拾伍圆叁角柒分"),
        ("肆万肆任陆佰零陆圆喜角陆分", "肆万肆仟陆佰零陆圆壹角陆分"),
        ("僚什制佰喜拾玖圆整", "叁仟捌佰壹拾玖圆整"),
        ("万类件伍佰陆拾业圆壹角", "柒万柒仟伍佰陆拾柒圆壹角"),
        ("壹拾伍元玖角肆分", "壹拾伍圆玖角肆分"),
        // Label and glyph noise before, the 小写 label's head after; most numerals misread.
        ("宝因夺万哇件陆傅零陆国带角随分司", "肆万肆仟陆佰零陆圆壹角陆分"),
        ("因喜万煞任会佰喜拾参贺峙角人", "壹万玖仟叁佰壹拾叁圆肆角"),
    ])
    func givenMisreadCapitals_whenCompared_thenTheyStillSupportTheFigures(reading: String, expected: String) {
        #expect(CapitalsMatch.supports(reading: reading, expected: expected))
    }

    @Test(arguments: [
        ("壹拾伍圆玖角肆分", "壹拾伍圆玖角伍分"),
        ("壹拾伍圆玖角", "壹拾伍圆玖角肆分"),
        ("贰仟圆整", "叁仟捌佰壹拾玖圆整"),
        ("人人人人圆整", "叁仟捌佰壹拾玖圆整"),
        // Noise at the ends is free, but units (仟, 佰, 圆) are missing.
        ("价税合计人人万人人人人拾人人角人", "壹万玖仟叁佰壹拾叁圆肆角"),
    ])
    func givenCapitalsSayingAnotherAmount_whenCompared_thenNoSupport(reading: String, expected: String) {
        #expect(!CapitalsMatch.supports(reading: reading, expected: expected))
    }
}
