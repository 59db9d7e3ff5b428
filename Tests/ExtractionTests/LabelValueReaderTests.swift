import InvoiceModel
import Testing

@testable import Extraction

/// Tickets read by their labels: a value beside or under its label, and a label whose value is not
/// there named for review.
@Suite struct LabelValueReaderTests {
    /// A page holding `lines` (see `placedLinesReader`).
    private func reader(_ lines: [(String, Int, Int)]) -> LabelValueReader {
        LabelValueReader(reader: placedLinesReader(lines), page: 1)
    }

    private let heading: [(String, Int, Int)] = [
        ("电子发票（航空运输电子客票行程单）", 600, 60), ("发票号码：9223372036854775807", 1600, 160),
        ("增值税税率", 200, 800), ("增值税税额", 900, 800), ("填开单位：中国南方航空股份有限公司", 200, 1100),
    ]

    @Test func givenAColumnHeadingWithItsValueBelow_whenRead_thenTheValueAndNothingUnread() {
        var labelled = reader(heading + [("9%", 200, 880), ("CNY47.07", 900, 880)])
        labelled.readAll()
        #expect(labelled.fields[.taxAmount]?.value == "47.07")
        #expect(labelled.fields[.sellerName]?.value == "中国南方航空股份有限公司")
        #expect(labelled.unread.isEmpty)
    }

    @Test func givenAColumnHeadingWithNothingReadBelow_whenRead_thenTheFieldIsNamedUnread() {
        var labelled = reader(heading + [("9%", 200, 880)])
        labelled.readAll()
        #expect(labelled.fields[.taxAmount] == nil)
        #expect(labelled.unread == [.taxAmount])
    }
}
