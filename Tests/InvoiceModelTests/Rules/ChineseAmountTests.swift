import Foundation
import InvoiceModel
import Testing

@Suite struct ChineseAmountTests {
    /// FAPIAO.md §4: the examples of the rules and totals of the 45 real invoices it quotes.
    static let fapiaoVectors: [(String, String)] = [
        ("15.94", "壹拾伍圆玖角肆分"), ("19.70", "壹拾玖圆柒角"), ("19.05", "壹拾玖圆零伍分"),
        ("10600", "壹万零陆佰圆整"), ("20000", "贰万圆整"), ("1137", "壹仟壹佰叁拾柒圆整"),
        ("16409.02", "壹万陆仟肆佰零玖圆零贰分"), ("6007.14", "陆仟零柒圆壹角肆分"),
        ("107000.53", "壹拾万柒仟圆伍角叁分"), ("1680.32", "壹仟陆佰捌拾圆叁角贰分"), ("17.40", "壹拾柒圆肆角"),
        ("35421.69", "叁万伍仟肆佰贰拾壹圆陆角玖分"),
    ]

    /// Zero runs across sections, sub-yuan amounts, signs and the largest amount.
    static let edgeVectors: [(String, String)] = [
        ("0", "零圆整"), ("0.5", "伍角"), ("0.05", "伍分"), ("0.55", "伍角伍分"), ("1", "壹圆整"),
        ("10", "壹拾圆整"), ("110", "壹佰壹拾圆整"), ("1001", "壹仟零壹圆整"), ("1010", "壹仟零壹拾圆整"),
        ("100100", "壹拾万零壹佰圆整"), ("100000007", "壹亿零柒圆整"), ("100010000", "壹亿零壹万圆整"),
        ("100001000", "壹亿零壹仟圆整"), ("1010000000", "壹拾亿壹仟万圆整"), ("100000000", "壹亿圆整"),
        ("-12.30", "负壹拾贰圆叁角"), ("-0.05", "负伍分"),
        ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖圆玖角玖分"),
    ]

    @Test(arguments: fapiaoVectors + edgeVectors)
    func givenAmount_whenWritten_thenTheWordsAreTheFapiaoCapitals(amount: String, words: String) {
        #expect(ChineseAmount.words(for: decimal(amount)) == words)
    }

    @Test(arguments: fapiaoVectors + edgeVectors)
    func givenFapiaoCapitals_whenParsed_thenTheyReadAsTheAmount(amount: String, words: String) {
        #expect(ChineseAmount.parse(words) == decimal(amount))
    }

    @Test(arguments: ["1000000000000", "-1000000000000", "1.234", "0.001"])
    func givenAmountOutOfRange_whenWritten_thenNil(amount: String) {
        #expect(ChineseAmount.words(for: decimal(amount)) == nil)
    }

    @Test(arguments: [
        ("壹仟陆佰捌拾圆零叁角贰分", "1680.32"), ("壹拾万柒仟圆零伍角叁分", "107000.53"), ("捌佰陆拾叁元整", "863"),
        ("壹拾玖圆柒角整", "19.70"), ("壹佰圆正", "100"), ("壹佰圆", "100"), ("ⓧ壹拾伍圆玖角肆分", "15.94"),
        ("⊗ 壹拾伍圆 玖角肆分", "15.94"), ("⨂壹拾伍圆玖角肆分", "15.94"), ("人民币壹拾伍圆玖角肆分", "15.94"),
        ("负壹拾贰圆叁角", "-12.30"), ("人民币负壹拾贰圆叁角", "-12.30"), ("壹拾万零柒仟圆整", "107000"),
        ("壹万陆佰圆整", "10600"), ("零圆伍角", "0.5"), ("伍角整", "0.5"), ("壹亿零壹仟圆整", "100001000"),
        ("壹仟零壹拾圆整", "1010"),
    ])
    func givenAllowedVariant_whenParsed_thenItReadsAsTheAmount(words: String, amount: String) {
        #expect(ChineseAmount.parse(words) == decimal(amount))
    }

    @Test(arguments: [
        "", "一百圆整", "壹佰两圆整", "伍毛", "壹拾伍圆玖毛", "123圆", "壹佰2拾圆", "圆整", "拾圆整", "壹拾拾圆整",
        "壹佰零零伍圆整", "壹佰零壹拾圆整", "伍分整", "壹圆伍角零伍分", "壹佰", "壹万亿圆整", "亿圆整", "壹亿万圆整",
        "壹拾伍零圆整", "壹佰零圆整", "零伍圆整", "壹圆零整", "壹圆壹圆", "负负壹圆整", "壹佰圆整整", "另圆整",
        "拾伍圆整", "壹佰拾圆整", "壹角壹角", "hello",
    ])
    func givenMalformedCapitals_whenParsed_thenNil(words: String) {
        #expect(ChineseAmount.parse(words) == nil)
    }

    @Test func givenRandomAmounts_whenWrittenAndParsed_thenTheyRoundTrip() {
        var generator = SeededGenerator(seed: 20_261_122)
        for _ in 0..<3000 {
            let cents = Int64.random(in: 1...9_999_999_999, using: &generator)
            let amount = Decimal(cents) / 100
            let words = ChineseAmount.words(for: amount)
            #expect(words.flatMap(ChineseAmount.parse) == amount, "\(amount) → \(words ?? "nil")")
        }
    }

    @Test func givenAmountsFullOfZeros_whenWrittenAndParsed_thenTheyRoundTripWithOneZeroPerRun() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<3000 {
            var cents: Int64 = 0
            for _ in 0..<Int.random(in: 1...14, using: &generator) {
                cents = cents * 10 + (Bool.random(using: &generator) ? 0 : Int64.random(in: 1...9, using: &generator))
            }
            let amount = Decimal(cents) / 100 * (Bool.random(using: &generator) ? 1 : -1)
            guard let words = ChineseAmount.words(for: amount) else {
                Issue.record("no words for \(amount)")
                continue
            }
            #expect(ChineseAmount.parse(words) == amount, "\(amount) → \(words)")
            #expect(!words.contains("零零") && !words.hasSuffix("零圆整") || amount == 0, "\(words)")
        }
    }
}
