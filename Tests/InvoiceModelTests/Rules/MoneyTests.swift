import Foundation
import InvoiceModel
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [
        ("15.94", "15.94"), ("¥15.94", "15.94"), ("￥ 3,819.00", "3819.00"), ("1,234.5", "1234.5"), ("759", "759"),
        ("-12.30", "-12.3"), ("RM 9.00", "9"), ("$1,200.00", "1200"), ("£3.5", "3.5"), ("1,234", "1234"),
        ("S$ 12.00", "12"), ("USD 1,200.00", "1200"), ("12.00 CNY", "12"), ("€0.99", "0.99"), ("MYR9", "9"),
        ("GBP 3.50", "3.5"), ("EUR 1.00", "1"), ("SGD 2", "2"), ("-¥12.30", "-12.3"), ("¥-12.30", "-12.3"),
        ("１２．５０", "12.5"), ("  64.9\n", "64.9"), ("1,234,567.89", "1234567.89"), ("0.00", "0"),
    ])
    func givenPrintedAmount_whenParsed_thenTheDecimalIsExact(text: String, expected: String) {
        #expect(Money.parse(text) == decimal(expected))
    }

    @Test(arguments: [
        "9,00", "12.345", "", " ", "abc", "12.3.4", "1,23", "12,3456", ",123", "1234.", ".50", "(12.30)", "--5",
        "12-", "¥", "12 abc", "1e5", "0x10", "1,2345.00", "12345678901234567",
    ])
    func givenTextThatIsNotAnAmount_whenParsed_thenNil(text: String) {
        #expect(Money.parse(text) == nil)
    }

    @Test(arguments: [
        ("3819", "3819.00"), ("15.94", "15.94"), ("64.9", "64.90"), ("0", "0.00"), ("0.005", "0.01"),
        ("2.345", "2.35"), ("-2.345", "-2.35"), ("-0.004", "0.00"), ("-12.3", "-12.30"), ("0.1", "0.10"),
        ("12345678901.999", "12345678902.00"), ("1000000", "1000000.00"),
    ])
    func givenDecimal_whenFormatted_thenItIsTheContractFormat(value: String, expected: String) {
        #expect(Money.format(decimal(value)) == expected)
    }

    @Test func givenHalfways_whenRounded_thenTheyGoAwayFromZero() {
        #expect(Money.rounded(decimal("2.345")) == decimal("2.35"))
        #expect(Money.rounded(decimal("-2.345")) == decimal("-2.35"))
        #expect(Money.rounded(decimal("2.344")) == decimal("2.34"))
        #expect(Money.rounded(decimal("2.5"), places: 0) == decimal("3"))
        #expect(Money.rounded(decimal("-2.5"), places: 0) == decimal("-3"))
    }

    @Test func givenContractAmounts_whenParsedAndFormatted_thenTheTextIsUnchanged() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let cents = Int64.random(in: -1_000_000_000...1_000_000_000, using: &generator)
            let text = Money.format(Decimal(cents) / 100)
            #expect(Money.parse(text).map(Money.format) == text)
        }
    }
}
