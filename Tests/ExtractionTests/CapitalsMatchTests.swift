import Testing

@testable import Extraction

@Suite struct CapitalsMatchTests {
    @Test(arguments: [
        ("吉拾参万参什喜佰制拾沫圆喜角", "壹拾叁万叁仟壹佰捌拾柒圆壹角"),
        ("妻万贰什染佰染拾伍圆人参角迷分", "壹万贰仟柒佰柒拾伍圆叁角柒分"),
        ("肆万肆任陆佰零陆圆喜角陆分", "肆万肆仟陆佰零陆圆壹角陆分"),
        ("僚什制佰喜拾玖圆整", "叁仟捌佰壹拾玖圆整"),
        ("万类件伍佰陆拾业圆壹角", "柒万柒仟伍佰陆拾柒圆壹角"),
        ("壹拾伍元玖角肆分", "壹拾伍圆玖角肆分"),
    ])
    func givenMisreadCapitals_whenCompared_thenTheyStillSupportTheFigures(reading: String, expected: String) {
        #expect(CapitalsMatch.supports(reading: reading, expected: expected))
    }

    @Test(arguments: [
        ("壹拾伍圆玖角肆分", "壹拾伍圆玖角伍分"),
        ("壹拾伍圆玖角", "壹拾伍圆玖角肆分"),
        ("贰仟圆整", "叁仟捌佰壹拾玖圆整"),
        ("人人人人圆整", "叁仟捌佰壹拾玖圆整"),
    ])
    func givenCapitalsSayingAnotherAmount_whenCompared_thenNoSupport(reading: String, expected: String) {
        #expect(!CapitalsMatch.supports(reading: reading, expected: expected))
    }
}
