import Testing

@testable import Extraction

@Suite struct ReceiptKeywordTests {
    @Test(arguments: [
        ("TOTA! INCL. OF GST 15.90", "TOTAL INCL. OF GST 15.90"),
        ("TOLALAMTROUNDED 45.90", "TOTAL AMT ROUNDED 45.90"),
        ("TOTALEXCLOFGST 45.00", "TOTAL EXCL OF GST 45.00"),
        ("SUB TOTAL : RM 68. 87", "SUB TOTAL : RM 68. 87"),
        ("CHANGE DUE : 34.10", "CHANGE DUE : 34.10"),
    ])
    func givenOCRKeywords_whenNormalized_thenKeywordsRepairedAndSeparated(read: String, expected: String) {
        #expect(Keywords.normalized(read) == expected)
    }

    @Test(arguments: [
        ("TOTAL INCL. OF GST 15.90", EnglishReader.AmountKind.strongTotal),
        ("TOTAL AMT ROUNDED 45.90", .roundedTotal),
        ("TOTAL AFTER ROUNDING 48.95", .roundedTotal),
        ("GRANDTOTAL 92.80", .strongTotal),
        ("TOTAL 6% SUPPLIES (INC. GST): 7.63", nil),
        ("TOTAL EXCL OF GST 45.00", .subtotal),
        ("SUB TOTAL : RM 68.87", .subtotal),
        ("GST 6% 0.90", .tax),
        ("TOTAL : 9.00", .total),
        ("ROUNDING ADJUSTMENT ; 0.00", .rounding),
        ("CASH 50.00", .cash),
        ("CHANGE DUE : 34.10", .change),
        ("TOTAL QTY: 3", nil),
        ("(TOTAL INCLUDED GST @ 6% : 1.42)", .tax),
        ("TOTAL SALES INCLUSIVE GST@ 0.00% 28.31", .strongTotal),
        ("TOTAL AMOUNT INCLUSIVE GST @6% 35.00", .strongTotal),
    ])
    func givenReceiptLine_whenClassified_thenItsAmountKind(line: String, expected: EnglishReader.AmountKind?) {
        #expect(EnglishReader.kind(of: line) == expected)
    }
}
