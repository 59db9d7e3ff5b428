import Foundation
import InvoiceModel
import Testing

@testable import Extraction

/// A page whose OCR output is given: the boundary between extraction and the engine. Whole-page reads
/// return the rows; region reads return the row texts found inside the region (as a second read would).
private final class PrintedPage: PageReader {
    let width = 800
    let height = 1600
    let dpi = 300
    let rules = RuledLines(horizontal: [], vertical: [])
    private let lines: [RecognizedLine]
    private(set) var regionReads = 0
    /// What a region read returns for a word the page read garbled (page text → second read).
    private let secondReads: [String: String]

    /// Each row is a list of (text, left x) words on its own line, 40 px apart, 20 px per character.
    /// Words in `garbled` are read with confidence 0.1; a region read gives `secondReads[word]` for them.
    /// Words in `doubtful` are read with confidence 0.5. An empty row is blank paper.
    init(_ rows: [[(String, Int)]], garbled secondReads: [String: String] = [:], doubtful: Set<String> = []) {
        self.secondReads = secondReads
        lines = rows.enumerated().compactMap { index, words in
            guard !words.isEmpty else { return nil }
            let y = 100 + index * 40
            let recognized = words.map { text, x in
                RecognizedWord(
                    text: text, confidence: secondReads[text] != nil ? 0.1 : doubtful.contains(text) ? 0.5 : 0.9,
                    box: PixelBox(x: x, y: y, width: 20 * text.count, height: 30))
            }
            let box = recognized.dropFirst().reduce(recognized[0].box) { $0.union($1.box) }
            return RecognizedLine(words: recognized, confidence: 0.9, box: box)
        }
    }

    func read(_ region: PixelBox?, _ request: ReadRequest) throws -> [RecognizedLine] {
        guard let region else { return lines }
        regionReads += 1
        return lines.compactMap { line in
            let words = line.words.filter { region.contains($0.box) }.map { word in
                RecognizedWord(text: secondReads[word.text] ?? word.text, confidence: 0.9, box: word.box)
            }
            guard let first = words.first else { return nil }
            return RecognizedLine(
                words: words, confidence: 0.9, box: words.dropFirst().reduce(first.box) { $0.union($1.box) })
        }
    }

    func markCount(in region: PixelBox, minimumHeight: Int) -> Int { 0 }
}

extension PixelBox {
    fileprivate func contains(_ other: PixelBox) -> Bool {
        other.x >= x && other.y >= y && other.maxX <= maxX && other.maxY <= maxY
    }
}

@Suite struct EnglishReceiptTests {
    /// The fields the English reader finds on a page printing `rows`.
    private func fields(_ rows: [[(String, Int)]], garbled: [String: String] = [:], doubtful: Set<String> = [])
        -> [FieldName: FieldEvidence]
    {
        var reader = EnglishReader(reader: PrintedPage(rows, garbled: garbled, doubtful: doubtful), page: 1)
        reader.readAll()
        return reader.fields
    }

    private func total(_ rows: [[(String, Int)]]) -> String? { fields(rows)[.totalAmount]?.value }

    /// The name with its registration number beside it; a branch line and a business-registration row
    /// between it and the address; a telephone number on a row of its own after the address.
    /// A date with its month's name between slashes ("02/Jan/2017").
    @Test func givenMonthNameBetweenSlashes_whenRead_thenTheDate() {
        let rows: [[(String, Int)]] = [
            [("BOOK", 300), ("SHOP", 400)],
            [("CB#", 40), (":", 120), ("5827359475", 160), ("02/Jan/2017", 400), ("10:49:25", 660)],
            [("Total", 40), ("12.00", 660)],
        ]
        #expect(fields(rows)[.issueDate]?.value == "2017-01-02")
    }

    /// A payment label printed above the shop's name is not the seller.
    @Test func givenKeywordRowAboveTheName_whenRead_thenTheNameIsTheShops() {
        let rows: [[(String, Int)]] = [
            [("CASH", 300)],
            [("KEDAI", 200), ("RUNCIT", 320), ("CHONG", 460), ("HWA", 580)],
            [("Total", 40), ("12.00", 660)],
        ]
        #expect(fields(rows)[.sellerName]?.value == "KEDAI RUNCIT CHONG HWA")
    }

    /// A GST number row and a lone dash between the name and the address neither end the address nor
    /// join it.
    @Test func givenGSTRowAndSpeckRowAboveTheAddress_whenRead_thenTheAddressIsFound() {
        let rows: [[(String, Int)]] = [
            [("POPULAR", 200), ("BOOK", 400), ("CO.", 500), ("SDN", 580), ("BHD", 660)],
            [("(GST", 200), ("Reg", 300), ("No.", 380), ("001492992000)", 460)],
            [("-", 120)],
            [("No", 200), ("8,", 260), ("Jalan", 320), ("7/118B,", 440)],
            [("56000", 200), ("Kuala", 320), ("Lumpur", 440)],
            [("Total", 40), ("12.00", 660)],
        ]
        #expect(fields(rows)[.sellerAddress]?.value == "No 8, Jalan 7/118B, 56000 Kuala Lumpur")
    }

    /// A document title printed above the letterhead ("Cash Sale") is not the seller.
    @Test func givenATitleAboveTheName_whenRead_thenTheNameIsTheNextRow() {
        let rows: [[(String, Int)]] = [
            [("Cash", 100), ("Sale", 180)],
            [("KT", 100), ("WONG", 150), ("TRADING", 250), ("(001904043-H)", 380)],
            [("22,", 100), ("Jalan", 160), ("Perindustrian", 240), ("Hijau", 420), ("5,", 500)],
            [("Phone:", 100), ("+603-6093", 200), ("9078", 330)],
            [("Total", 40), ("489.30", 660)],
        ]
        #expect(fields(rows)[.sellerName]?.value == "KT WONG TRADING")
    }

    /// A narrow dot-matrix letterhead breaks the name inside a bracket: the rows it spans are one name.
    @Test func givenANameBrokenInsideABracket_whenRead_thenTheRowsAreOneName() {
        let rows: [[(String, Int)]] = [
            [("AIK", 100), ("HUAT", 180), ("HARDWARE", 280)],
            [("ENTERPRISE", 100), ("(SETIA", 300)],
            [("ALAM)", 130), ("SDN", 230), ("BHD", 310)],
            [("822737-X", 180)],
            [("NO.", 100), ("17-G,", 160), ("JALAN", 240), ("SETIA", 330), ("INDAH", 410)],
            [("SEKSYEN", 100), ("U13,", 240), ("40170", 310), ("SHAH", 400), ("ALAM,", 480)],
            [("TEL:", 100), ("012", 170), ("-", 230), ("6651783", 260)],
            [("Total", 40), ("5.00", 660)],
        ]
        let found = fields(rows)
        #expect(found[.sellerName]?.value == "AIK HUAT HARDWARE ENTERPRISE (SETIA ALAM) SDN BHD")
        #expect(found[.sellerAddress]?.value == "NO. 17-G, JALAN SETIA INDAH SEKSYEN U13, 40170 SHAH ALAM,")
    }

    /// A tax number row with its label written out ("GST Registration No :") between the name and the
    /// address is passed over like a short one, and the name loses its labelled registration number.
    @Test func givenLongTaxNumberLabelAboveTheAddress_whenRead_thenTheAddressIsFound() {
        let rows: [[(String, Int)]] = [
            [("Dion", 100), ("Realties", 180), ("Sdn", 320), ("Bhd", 390), ("(Co.", 460), ("No:20154-T)", 530)],
            [("(GST", 100), ("Registration", 180), ("No", 380), (":", 430), ("000850247680)", 460)],
            [("Menara", 100), ("Dion", 220), ("#02-03,", 300), ("Level", 420), ("2,", 500)],
            [("27,", 100), ("Jalan", 160), ("Sultan", 260), ("Ismail,", 380)],
            [("50250", 100), ("Kuala", 200), ("Lumpur.", 300)],
            [("Tel", 100), (":", 160), ("+6", 190), ("03", 240), ("2026", 290), ("6386", 370)],
            [("Total", 40), ("5.00", 660)],
        ]
        let found = fields(rows)
        #expect(found[.sellerName]?.value == "Dion Realties Sdn Bhd")
        #expect(
            found[.sellerAddress]?.value == "Menara Dion #02-03, Level 2, 27, Jalan Sultan Ismail, 50250 Kuala Lumpur.")
    }

    /// A speck read left of an address line (the `|` of the scan's edge, a stray colon), in a column of
    /// its own, does not take the line's place: the address goes on with the print beside it.
    @Test(arguments: [("|", 120), (":", 140)])
    func givenSpeckLeftOfAnAddressLine_whenRead_thenTheLineStillJoinsTheAddress(speck: String, x: Int) {
        let rows: [[(String, Int)]] = [
            [("BENS", 200), ("GROCER", 300), ("SDN.", 440), ("BHD", 540)],
            [("Lot", 200), ("6,", 280), ("Jalan", 340), ("Batai,", 460)],
            [(speck, x), ("50490,", 260), ("Kuala", 400), ("Lumpur", 520)],
            [("Total", 40), ("12.00", 660)],
        ]
        #expect(fields(rows)[.sellerAddress]?.value == "Lot 6, Jalan Batai, 50490, Kuala Lumpur")
    }

    /// A registration row whose check letter OCR read as a digit, whose label it garbled, or whose nine digits
    /// it split, is passed over (not taken for a telephone number or the address); a street line starting
    /// "No:" is the address.
    @Test(arguments: [["(1125830-0)"], ["Co.", "Rey", "No.:", "795225-A"], ["0020433", "19-W"]])
    func givenGarbledRegistrationAndNumberedStreet_whenRead_thenTheAddressIsTheStreetRows(registration: [String]) {
        let rows: [[(String, Int)]] = [
            [("SWC", 200), ("ENTERPRISE", 280), ("SDN", 500), ("BHD", 580)],
            registration.enumerated().map { ($1, 260 + 100 * $0) },
            [("GST", 200), ("Reg", 280), (":", 360), ("000155453440", 400)],
            [("No:", 200), ("28,", 280), ("JALAN", 340), ("ASTANA", 460)],
            [("41050", 200), ("KLANG", 320)],
            [("Total", 40), ("12.00", 660)],
        ]
        let found = fields(rows)
        #expect(found[.sellerName]?.value == "SWC ENTERPRISE SDN BHD")
        #expect(found[.sellerAddress]?.value == "No: 28, JALAN ASTANA 41050 KLANG")
    }

    /// A document title printed on the letterhead's row, left of the seller's name (a page seen at an angle
    /// puts "TAX INVOICE" and the right-hand letterhead on one row), does not hide the name.
    @Test func givenTitleLeftOfTheNameOnOneRow_whenRead_thenTheNameAndItsAddress() {
        let rows: [[(String, Int)]] = [
            [("TAX", 20), ("INVOICE", 100), ("ACME", 400), ("TRADING", 500), ("SDN", 660), ("BHD", 740)],
            [("12,", 400), ("Jalan", 480), ("Ampang", 600)],
            [("50450", 400), ("Kuala", 520), ("Lumpur", 640)],
            [("Total", 40), ("12.00", 660)],
        ]
        let found = fields(rows)
        #expect(found[.sellerName]?.value == "ACME TRADING SDN BHD")
        #expect(found[.sellerAddress]?.value == "12, Jalan Ampang 50450 Kuala Lumpur")
    }

    /// The cash rounding a receipt prints is kept for the totals check; a "rounding" line holding the
    /// rounded total is not an adjustment.
    @Test func givenRoundingLine_whenRead_thenTheAdjustmentIsKept() {
        func rounding(_ value: String) -> Decimal? {
            var reader = EnglishReader(
                reader: PrintedPage([
                    [("SHOP", 300), ("SDN", 400), ("BHD", 480)],
                    [("SUBTOTAL", 40), ("22.00", 660)], [("SST", 40), ("6%", 140), ("1.32", 660)],
                    [("ROUNDING", 40), (value, 660)], [("TOTAL", 40), ("RM", 200), ("23.30", 660)],
                ]), page: 1)
            reader.readAll()
            return reader.rounding
        }
        #expect(rounding("-0.02") == Decimal(string: "-0.02"))
        #expect(rounding("23.30") == nil)
    }

    /// A logo read as a few doubtful letters, standing apart above the letterhead, is not the seller.
    @Test func givenALogoReadAsDoubtfulLetters_whenRead_thenTheNameIsThePrintedOne() {
        let rows: [[(String, Int)]] = [
            [("3", 100), ("Poort", 160)], [], [],
            [("SYARIKAT", 200), ("PERNIAGAAN", 380), ("GIN", 600), ("KEE", 680)],
            [("NO", 300), ("290,", 360), ("JALAN", 460), ("AIR", 580), ("PANAS,", 660)],
            [("53200,", 300), ("KUALA", 440), ("LUMPUR.", 560)],
            [("Total", 40), ("12.00", 660)],
        ]
        let found = fields(rows, doubtful: ["3", "Poort"])
        #expect(found[.sellerName]?.value == "SYARIKAT PERNIAGAAN GIN KEE")
        #expect(found[.sellerAddress]?.value == "NO 290, JALAN AIR PANAS, 53200, KUALA LUMPUR.")
        // Read with confidence, the same row is the name (a shop printing its name alone at the top).
        #expect(fields(rows)[.sellerName]?.value == "3 Poort")
    }

    /// A brand above a row naming a whole company (two words and a legal form) leaves the company as the
    /// seller; a row starting with a connector carries the name above on.
    @Test func givenBrandAboveATwoWordCompany_whenRead_thenTheCompanyIsTheSeller() {
        func name(_ first: [(String, Int)], _ second: [(String, Int)]) -> String? {
            fields([
                first, second, [("Lot", 200), ("20,", 280), ("Jalan", 340), ("Dutamas", 460)],
                [("Total", 40), ("12.00", 660)],
            ])[.sellerName]?.value
        }
        #expect(
            name([("Sushi", 300), ("Q", 420)], [("EDEN", 200), ("IMPRESSION", 300), ("SDN", 520), ("BHD", 600)])
                == "EDEN IMPRESSION SDN BHD")
        #expect(
            name([("GUARDIAN", 200), ("HEALTH", 380)], [("AND", 200), ("BEAUTY", 280), ("SDN", 420), ("BHD", 500)])
                == "GUARDIAN HEALTH AND BEAUTY SDN BHD")
    }

    @Test func givenBranchLineAndPhoneRow_whenRead_thenTheAddressIsOnlyItsOwnRows() {
        let rows: [[(String, Int)]] = [
            [("99", 200), ("SPEED", 260), ("MART", 380), ("S/B", 480), ("(519537-X)", 560)],
            [("BR", 200), ("No.:", 260), ("(124525-H)", 360)],
            [("IKEA", 200), ("Cheras", 300)],
            [("No", 200), ("2A", 260), ("Jalan", 320), ("Cochrane", 440)],
            [("55100", 200), ("KUALA", 320), ("LUMPUR", 440)],
            [("03-8060", 200), ("4233", 360)],
            [("Total", 40), ("12.00", 660)],
        ]
        let found = fields(rows)
        #expect(found[.sellerName]?.value == "99 SPEED MART S/B")
        #expect(found[.sellerAddress]?.value == "No 2A Jalan Cochrane 55100 KUALA LUMPUR")
    }

    @Test func givenTaxLineWithRateAndLargerTotal_whenRead_thenItIsTheTaxNotTheTotal() {
        let rows: [[(String, Int)]] = [
            [("SHOP", 300), ("SDN", 400), ("BHD", 480)],
            [("Total", 40), ("(Excluding", 160), ("GST):", 380), ("8.11", 660)],
            [("GST", 40), ("payable", 120), ("(6%):", 300), ("0.49", 660)],
            [("Total", 40), ("(Inclusive", 160), ("of", 380), ("GST)", 440), ("8.60", 660)],
        ]
        let found = fields(rows)
        #expect(found[.totalAmount]?.value == "8.60")
        #expect(found[.taxAmount]?.value == "0.49")
    }

    /// A receipt whose total line OCR lost: with no change given, what was paid is the total — inferred,
    /// so it goes to a person. With change given, the amount tendered is not the total.
    @Test func givenNoTotalLineButAPayment_whenRead_thenTheAmountPaidIsAnInferredTotal() throws {
        let card: [[(String, Int)]] = [
            [("BOOK", 300), ("SHOP", 400)],
            [("Pen", 40), ("41.95", 660)],
            [("EDC", 40), ("MASTER", 120), ("RM", 300), ("41.95", 660)],
        ]
        let found = try #require(fields(card)[.totalAmount])
        #expect(found.value == "41.95")
        #expect(found.inferredFrom?.contains("41.95") == true)
        let cash: [[(String, Int)]] = [
            [("BOOK", 300), ("SHOP", 400)],
            [("Pen", 40), ("12.00", 660)],
            [("Cash", 40), ("20.00", 660)],
            [("Change", 40), ("8.00", 660)],
        ]
        #expect(total(cash) != "20.00")
        // A total line outvotes the payment, and its total is read, not inferred.
        let both: [[(String, Int)]] = [
            [("BOOK", 300), ("SHOP", 400)],
            [("Total", 40), ("30.00", 660)],
            [("Visa", 40), ("30.00", 660)],
        ]
        let read = try #require(fields(both)[.totalAmount])
        #expect(read.value == "30.00" && read.inferredFrom == nil)
    }

    /// A date glued to its label or read with letters for digits, on a row labelled DATE, is still read;
    /// a code of the same shape elsewhere is not a date.
    @Test(arguments: [
        ("Dater11/03/18", "21:30", "2018-03-11", false), ("Bater:D2/02/17", "19:44", "2017-02-02", true),
        ("Date:D2/O2/17", "19346", "2017-02-02", true),
    ])
    func givenDateGluedOrWithLookAlikes_whenRead_thenTheDate(
        read: String, time: String, expected: String, repaired: Bool
    )
        throws
    {
        let rows: [[(String, Int)]] = [
            [("BOOK", 300), ("SHOP", 400)],
            [("Inv", 40), ("No", 110), (":GK330785499", 170), (read, 460), (time, 700)],
            [("Total", 40), ("7.50", 660)],
        ]
        let date = try #require(fields(rows)[.issueDate])
        #expect(date.value == expected)
        #expect(date.repaired == repaired)
        let code: [[(String, Int)]] = [
            [("BOOK", 300), ("SHOP", 400)],
            [("Ref", 40), ("SB/12/O4/2017X", 160)],
            [("Total", 40), ("7.50", 660)],
        ]
        #expect(fields(code)[.issueDate] == nil)
    }

    /// A speck after the total read as one more digit: subtotal + tax and cash − change agree on the
    /// total and find it printed there. One sum alone does not accept the extra digit.
    @Test func givenTotalWithASpeckReadAsADigit_whenTwoSumsAgree_thenTheirTotal() {
        let rows: [[(String, Int)]] = [
            [("STAR", 300), ("HARDWARE", 400)],
            [("SUBTOTAL", 40), ("99.05", 660)],
            [("TAX", 40), ("10.25%", 300), ("10.15", 660)],
            [("TOTAL", 40), ("$", 300), ("109.206", 660)],
            [("CASH", 40), ("200.00", 660)],
            [("CHANGE", 40), ("90.80", 660)],
        ]
        #expect(total(rows) == "109.20")
        #expect(total(Array(rows.prefix(4))) != "109.20")
    }

    /// The subtotal's amount read as letters with low confidence ("Wo le"): it is read again from the end
    /// of the label, not from the end of the row (where nothing is printed).
    @Test func givenAmountReadAsGarbledWords_whenRead_thenReadAgainAfterTheLabel() {
        let rows: [[(String, Int)]] = [
            [("CORNER", 300), ("MARKET", 440)],
            [("SUBTOTAL", 40), ("Wo", 560), ("le", 640)],
            [("TAX", 40), ("0%", 300), ("0.00", 660)],
            [("TOTAL", 40), ("97.72", 660)],
        ]
        let found = fields(rows, garbled: ["Wo": "97", "le": ".72"])
        #expect(found[.amountExcludingTax]?.value == "97.72")
    }

    /// The date printed twice and read one digit apart: the first is taken, the other kept as an
    /// alternative, and the field counts a conflict.
    @Test func givenDatePrintedTwiceAndReadOneDigitApart_whenRead_thenAConflict() throws {
        let rows: [[(String, Int)]] = [
            [("CORNER", 300), ("MARKET", 440)],
            [("Date:", 40), ("19/07/2021", 200)],
            [("TOTAL", 40), ("97.72", 660)],
            [("Printed", 40), ("19/07/2024", 200)],
        ]
        let date = try #require(fields(rows)[.issueDate])
        #expect(date.value == "2021-07-19")
        #expect(date.conflicts == 1)
        #expect(date.alternatives.contains("2024-07-19"))
        let once = try #require(fields(Array(rows.prefix(3)))[.issueDate])
        #expect(once.conflicts == 0)
    }

    @Test func givenOnlyAnIncludedTaxLineAndCash_whenRead_thenNoTotalRatherThanTheTax() {
        let rows: [[(String, Int)]] = [
            [("CAKE", 300), ("HOUSE", 400)],
            [("Cheese", 40), ("Slice", 180), ("12.60", 660)],
            [("(Bill", 40), ("Inclusive", 140), ("of", 340), ("6%", 400), ("GST", 460), ("2.90)", 660)],
            [("Cash", 40), ("51.30", 660)],
        ]
        #expect(total(rows) != "2.90")
        let noted: [[(String, Int)]] = [
            [("CAKE", 300), ("HOUSE", 400)],
            [("Cheese", 40), ("Slice", 180), ("25.15", 660)],
            [("Due", 400), ("25.15", 660)],
            [("(Total", 40), ("Included", 160), ("GST", 340), ("@", 420), ("6%", 460), (":", 520), ("1.42)", 660)],
        ]
        #expect(total(noted) == "25.15")
    }

    /// A bracketed note of the tax included at its rate is the tax, never the total.
    @Test func givenOnlyATaxIncludedNote_whenRead_thenItIsTheTaxAndNotTheTotal() {
        let rows: [[(String, Int)]] = [
            [("BAKERY", 300), ("HOUSE", 460)],
            [("(Total", 40), ("Included", 160), ("GST", 360), ("@", 440), ("6%:", 480), ("1.42)", 660)],
            [("Total", 40), ("Amount", 160), ("25.15", 660)],
        ]
        let noted = fields(Array(rows.prefix(2)))
        #expect(noted[.totalAmount] == nil)
        #expect(noted[.taxAmount]?.value == "1.42")
        let labelled = fields(rows)
        #expect(labelled[.totalAmount]?.value == "25.15")
        #expect(labelled[.taxAmount]?.value == "1.42")
    }

    @Test func givenTotalLabelWithItsAmountOnTheRowBelow_whenRead_thenThatAmount() {
        let rows: [[(String, Int)]] = [
            [("WANGSA", 300), ("MART", 440)],
            [("Total", 40), ("Inclusive", 160), ("GST:", 380)],
            [("7.00", 660)],
            [("CASH", 40), ("50.00", 660)],
        ]
        #expect(total(rows) == "7.00")
    }

    @Test func givenRoundingAdjustment_whenRead_thenTheRoundedAmountDue() {
        let rows: [[(String, Int)]] = [
            [("SHOP", 300), ("SDN", 400), ("BHD", 480)],
            [("Total", 40), ("Sales", 160), ("(Inclusive", 280), ("GST)", 500), ("45.34", 660)],
            [("Rounding", 40), ("Adjustment", 220), ("0.01", 680)],
            [("CHANGE", 40), ("0.00", 680)],
        ]
        #expect(total(rows) == "45.35")
    }

    @Test func givenRoundedTotalLine_whenRead_thenItOutweighsTheUnroundedTotal() {
        let rows: [[(String, Int)]] = [
            [("SHOP", 300), ("SDN", 400), ("BHD", 480)],
            [("TOTAL", 40), ("INCL.", 180), ("GST", 300), ("8.11", 680)],
            [("TOTAL", 40), ("ROUNDED", 180), ("8.10", 680)],
        ]
        #expect(total(rows) == "8.10")
    }

    @Test func givenTaxBreakdownLines_whenRead_thenTheyAreNotTheTotal() {
        let rows: [[(String, Int)]] = [
            [("MARKET", 300), ("SDN", 440), ("BHD", 520)],
            [("Total", 40), ("6%", 160), ("supplies", 220), ("(Inc.", 400), ("GST):", 520), ("7.63", 680)],
            [("Total", 40), ("0%", 160), ("supplies:", 220), ("11.68", 660)],
            [("Total", 40), ("Payable:", 160), ("19.31", 660)],
        ]
        #expect(total(rows) == "19.31")
    }

    @Test func givenTotalLabelWhoseAmountThePageReadMissed_whenRead_thenTheRowIsReadAgain() {
        // The page read drops the right-hand amount; the region read of the row finds it.
        let page = PrintedPage([
            [("BOOK", 300), ("SDN", 400), ("BHD", 480)],
            [("Total", 40), ("RM", 160), ("Incl.", 220), ("of", 340), ("GST", 400)],
        ])
        var reader = EnglishReader(reader: MissingColumn(page: page, amount: "9.65", row: 1), page: 1)
        reader.readAll()
        #expect(reader.fields[.totalAmount]?.value == "9.65")
    }

    @Test func givenLabelGarbledButSubtotalAndTaxPrinted_whenRead_thenTheirSumWherePrinted() {
        let rows: [[(String, Int)]] = [
            [("CAFE", 300), ("SDN", 400), ("BHD", 480)],
            [("Sub", 40), ("Total", 120), (":", 240), ("RM", 300), ("68.87", 660)],
            [("GST/TAX", 40), ("6%", 220), (":", 280), ("RM", 300), ("4.13", 680)],
            [("TORe", 40), ("RM", 300), ("73.00", 660)],
        ]
        #expect(total(rows) == "73.00")
    }

    @Test func givenRightAlignedLetterhead_whenRead_thenTheAddressLinesEndingUnderTheNameAreTheAddress() {
        // The title sits left on the first address row; the address lines end where the name ends.
        let found = fields([
            [("BLUEFIELD", 200), ("SUPPLIES", 400), ("SDN", 580), ("BHD", 660)],
            [("TAX", 20), ("INVOICE", 100), ("Jalan", 500), ("Ampang", 600)],
            [("50450", 540), ("KL", 680)],
            [("Subtotal", 40), ("425.57", 680)],
        ])
        #expect(found[.sellerName]?.value == "BLUEFIELD SUPPLIES SDN BHD")
        #expect(found[.sellerAddress]?.value == "Jalan Ampang 50450 KL")
    }

    /// A brand or a note above a row that names a whole company is not part of the name; a name that
    /// wraps ("GUARDIAN HEALTH AND" / "BEAUTY SDN BHD") is kept whole.
    @Test func givenBrandAboveTheCompanyRow_whenRead_thenTheCompanyRowIsTheName() {
        let branded = fields([
            [("Geoventure", 300)],
            [("Taste", 200), ("Of", 320), ("The", 380), ("World", 460), ("Sdn", 580), ("Bhd", 660)],
            [("Lot", 200), ("38,", 280), ("Jalan", 360), ("Kenari", 480)],
            [("Total", 40), ("64.15", 660)],
        ])
        #expect(branded[.sellerName]?.value == "Taste Of The World Sdn Bhd")
        #expect(branded[.sellerAddress]?.value == "Lot 38, Jalan Kenari")
        let wrapped = fields([
            [("GUARDIAN", 200), ("HEALTH", 380), ("AND", 520)],
            [("BEAUTY", 260), ("SDN", 420), ("BHD", 500)],
            [("Total", 40), ("9.70", 660)],
        ])
        #expect(wrapped[.sellerName]?.value == "GUARDIAN HEALTH AND BEAUTY SDN BHD")
    }

    /// A row naming a legal entity under a brand that names none is the seller; the address follows it.
    @Test func givenLegalEntityRowUnderABrand_whenRead_thenTheEntityIsTheNameAndNotTheAddress() {
        let found = fields([
            [("KIKU", 200), ("JAPANESE", 300), ("RESTAURANT", 480)],
            [("TK", 200), ("DIVISION", 260), ("KITCHEN", 440), ("SDN", 600), ("BHD", 680)],
            [("19-1,", 200), ("JALAN", 320), ("MALINJA", 440), ("2", 600)],
            [("Total", 40), ("9.70", 660)],
        ])
        #expect(found[.sellerName]?.value == "TK DIVISION KITCHEN SDN BHD")
        #expect(found[.sellerAddress]?.value == "19-1, JALAN MALINJA 2")
        let whole = fields([
            [("AEON", 200), ("CO.", 300), ("(M)", 380), ("BHD", 460)],
            [("ABC", 200), ("TRADING", 280), ("SDN", 440), ("BHD", 520)],
            [("Total", 40), ("9.70", 660)],
        ])
        #expect(whole[.sellerName]?.value == "AEON CO. (M) BHD")
    }

    /// A legal entity a few rows under lines that name nothing (a printer's error banner) is the seller; a
    /// name wrapped over two rows ("PASARAYA BORONG PINTAR" / "SDN BHD") stays whole.
    @Test func givenBannerAboveTheEntity_whenRead_thenTheEntityIsTheName() {
        let bannered = fields(
            [
                [("PCL", 300), ("XL", 380), ("error", 440)],
                [("Warning:", 300)],
                [("Hosoge", 300)],
                [("UNIHAKKA", 300), ("INTERNATIONAL", 480), ("SDN", 760), ("BHD", 840)],
                [("12,", 300), ("Jalan", 360), ("Tampoi", 480)],
                [("Total", 40), ("9.70", 660)],
            ], garbled: ["Hosoge": "Hosoge"])
        #expect(bannered[.sellerName]?.value == "UNIHAKKA INTERNATIONAL SDN BHD")
        #expect(bannered[.sellerAddress]?.value == "12, Jalan Tampoi")
        let wrapped = fields([
            [("PASARAYA", 300), ("BORONG", 480), ("PINTAR", 620)],
            [("SDN", 400), ("BHD", 480)],
            [("Total", 40), ("9.70", 660)],
        ])
        #expect(wrapped[.sellerName]?.value == "PASARAYA BORONG PINTAR SDN BHD")
    }

    /// When the name is a logo OCR cannot read, the first readable row is the address: it is the
    /// address, not the name.
    @Test func givenAddressAsTheFirstReadableRow_whenRead_thenNoNameAndTheAddressStartsThere() {
        let found = fields([
            [("LOT", 200), ("P.T.", 280), ("2811,", 380), ("JALAN", 500), ("ANGSA,", 620)],
            [("TAMAN", 200), ("BERKELEY", 340), ("41150", 520), ("KLANG", 640)],
            [("TEL:", 200), ("03-3344", 300)],
            [("Total", 40), ("9.70", 660)],
        ])
        #expect(found[.sellerName] == nil)
        #expect(found[.sellerAddress]?.value == "LOT P.T. 2811, JALAN ANGSA, TAMAN BERKELEY 41150 KLANG")
        #expect(!EnglishReader.looksLikeAddress("99 SPEED MART S/B"))
        #expect(EnglishReader.looksLikeAddress("12, JALAN TAMPOI 7/4"))
        #expect(EnglishReader.looksLikeAddress("NO. 290, JALAN AIR PANAS"))
    }

    @Test func givenTaxLineWithItsRate_whenRead_thenTheTaxIsTheAmountNotTheRate() {
        let found = fields([
            [("STAR", 300), ("HARDWARE", 400)],
            [("SUBTOTAL", 40), ("99.05", 660)],
            [("TAX", 40), ("10.25%", 200), ("10.15", 660)],
            [("TOTAL", 40), ("$", 300), ("109.20", 640)],
        ])
        #expect(found[.taxAmount]?.value == "10.15")
        #expect(found[.totalAmount]?.value == "109.20")
    }

    @Test(
        arguments: [
            ("PARK & SONS (€O.. NO. 164600-U)", nil),  // a sign inside noise says nothing
            ("TOTAL S$", "SGD"),  // the amount was read as another column
            ("TOTAL S$. 11.57", "SGD"),  // a speck between sign and amount
            ("TOTAL RM425.57", "MYR"),  // a code written against its amount
            ("SUBTOTAL £ 12.00", "GBP"),
            ("TOTAL RM 9.65", "MYR"),
        ] as [(String, String?)])
    func givenCurrencyCue_whenRead_thenCodeOnlyWhenItMarksAnAmount(row: String, expected: String?) {
        #expect(LocaleCues([row]).currency?.code == expected)
    }

    @Test func givenReceiptNumberWithSpacedHyphen_whenRead_thenTheWholeNumber() {
        let found = fields([
            [("STAR", 300), ("HARDWARE", 400)],
            [("RECEIPT", 40), ("NO:", 200), ("0008", 480), ("-", 570), ("392878", 600)],
        ])
        #expect(found[.invoiceNumber]?.value == "0008-392878")
    }

    @Test(arguments: [
        ("GARDENIA BAKERIES (KL) SDN BHD (139386 X)", "GARDENIA BAKERIES (KL) SDN BHD"),
        ("KING'S CONFECTIONERY $/B 273500-U (KSB)", "KING'S CONFECTIONERY S/B"),
        ("DE LUXE CIRCLE FRESH MART SON BHD", "DE LUXE CIRCLE FRESH MART SDN BHD"),
        ("Guardian Health And Beauty Scn Bhd", "Guardian Health And Beauty Sdn Bhd"),
        ("Farmasi Maluri S/B(587969-U)", "Farmasi Maluri S/B"),
        ("7-ELEVEN MALAYSIA SDN BHD", "7-ELEVEN MALAYSIA SDN BHD"),
        ("SANYU STATIONERY SHOP", "SANYU STATIONERY SHOP"),
        ("From - Meridian Print Works Pte. Ltd.", "Meridian Print Works Pte. Ltd."),
        ("Harbour Consulting T.imited", "Harbour Consulting Limited"),
        ("NORTHWIND TRADING LIMITEO", "NORTHWIND TRADING LIMITED"),
        ("Horizon Unlimited", "Horizon Unlimited"),
        ("Fromage Fine Foods", "Fromage Fine Foods"),
        ("Meridian Print Works . Pte. Ltd.", "Meridian Print Works Pte. Ltd."),
        ("GOLDEN 24. CAFE:", "GOLDEN 24 CAFE"),
        ("PARK &: “SONS MINI MART.", "PARK & SONS MINI MART"),
        ("NORTHWIND TRADING CO.", "NORTHWIND TRADING CO."),
        ("Dimiliki Oleh : Dove Holdings Sdn Bhd", "Dimiliki Oleh : Dove Holdings Sdn Bhd"),
        ("ACME “BEST” FOODS", "ACME “BEST” FOODS"),
        ("KING’S CONFECTIONERY S/B 273500-U (6KJ)", "KING'S CONFECTIONERY S/B"),
        ("BEMED (SP} SDN BHD", "BEMED (SP) SDN BHD"),
        ("FOUR QUARTERS SUN BHD ( lu/SJ&9-P)", "FOUR QUARTERS SDN BHD"),
        ("MR. D.I.¥. (M) SDN BHD", "MR. D.I.Y. (M) SDN BHD"),
        ("Dion Realties Sdn Bhd (Co, No:20154-T)", "Dion Realties Sdn Bhd"),
        ("ACME TRADING (COMPANY REG. NO. 123456-K)", "ACME TRADING"),
        ("POPULAR BOOK CO. (M) SDN BHD (ROC 113825-W)", "POPULAR BOOK CO. (M) SDN BHD"),
        ("ABC TRADING CO 123456-K", "ABC TRADING CO"),
    ])
    func givenPrintedSellerName_whenCleaned_thenRegistrationDroppedAndSuffixRepaired(read: String, expected: String) {
        #expect(EnglishReader.cleanedName(read) == expected)
    }

    @Test(arguments: [
        (
            "22 Jun 2018 18:07 (867388-U) 12, Jalan Tampoi 7/4, 81200 Johor Bahru, Johor",
            "12, Jalan Tampoi 7/4, 81200 Johor Bahru, Johor"
        ),
        (
            "(JM0840871-VWV) NO. 3&5, JALAN PERMAS 11, 81750 MASAI, JOHOR",
            "NO. 3&5, JALAN PERMAS 11, 81750 MASAI, JOHOR"
        ),
        ("Co-REG:860571-D LOT 1851-A, JALAN KP3 6, SELANGOR", "LOT 1851-A, JALAN KP3 6, SELANGOR"),
        ("LOT PT 1138, 43200 CHERAS, SELANGOR Site : 2365", "LOT PT 1138, 43200 CHERAS, SELANGOR"),
        ("LOT F15, 47100 PUCHONG, SELANGOR (NO. ID GST: 882147033088 )", "LOT F15, 47100 PUCHONG, SELANGOR"),
        ("Lot 6, Jalan Batai, Damansara Heights T: 03-2093 7358", "Lot 6, Jalan Batai, Damansara Heights"),
        ("95, Beach Road, 10300 Penang.", "95, Beach Road, 10300 Penang."),
        ("*80 Robinson Road #10-01 Singapore 068898", "80 Robinson Road #10-01 Singapore 068898"),
        ("#03-02 Bras Basah Complex", "#03-02 Bras Basah Complex"),
        (
            "NO 290, JALAN AIR PANAS, SETAPAK, $3200, KUALA LUMPUR.",
            "NO 290, JALAN AIR PANAS, SETAPAK, 53200, KUALA LUMPUR."
        ),
        ("Lot $25, AEON Tebrau City, §1100 Johor Bahru", "Lot S25, AEON Tebrau City, 51100 Johor Bahru"),
        (
            "Unit 4, Albion Works Pollard Street Manchester M4 7A]",
            "Unit 4, Albion Works Pollard Street Manchester M4 7AJ"
        ),
        ("9 Queen Square Bristol BS1 4J) UK", "9 Queen Square Bristol BS1 4JJ UK"),
        ("Pollard Street Manchester M4 7A}", "Pollard Street Manchester M4 7AJ"),
        ("51 BRAS ° BASAH ROAD #03-02", "51 BRAS BASAH ROAD #03-02"),
        ("LOT NO : 20, LEVEL UG1, NO.50 , JALAN DUTAMAS", "LOT NO : 20, LEVEL UG1, NO.50 , JALAN DUTAMAS"),
    ])
    func givenAddressRows_whenCleaned_thenOnlyTheAddress(read: String, expected: String) {
        #expect(EnglishReader.cleanedAddress(read) == expected)
    }

    @Test func givenDecimalPointReadAsAColon_whenRead_thenTheAmountUnlessTheRowPrintsATime() {
        let found = fields([
            [("STAR", 300), ("HARDWARE", 400)],
            [("DATE:", 40), ("09/01/2019", 200), ("18:23", 440)],
            [("SUBTOTAL", 40), ("22.00", 660)],
            [("SST-6%", 40), ("1:32", 660)],
            [("TOTAL", 40), ("23.30", 660)],
        ])
        #expect(found[.taxAmount]?.value == "1.32")
        #expect(found[.totalAmount]?.value == "23.30")
        let timed = fields([
            [("STAR", 300), ("HARDWARE", 400)],
            [("TOTAL", 40), ("RM", 300), ("9.70", 660)],
            [("TAX", 40), ("PAID", 140), ("TIME", 300), ("1:32", 660)],
        ])
        #expect(timed[.taxAmount] == nil)
    }

    /// A name row that speckle makes hard to read stays the name when it names a company form; a
    /// registration row under a name ending in a speck read as "-" does not carry on the name.
    @Test func givenSpeckledNameRows_whenRead_thenTheNameWithoutTheRegistrationRow() {
        let speckled = fields(
            [
                [("GOLDEN", 300), ("2024", 440), ("CAFE", 540)],
                [("51", 300), ("BRAS", 360), ("BASAH", 460), ("ROAD", 580)],
                [("TEL:", 300), ("6336", 300), ("2882", 400)],
                [("TOTAL", 40), ("11.57", 660)],
            ], garbled: ["GOLDEN": "GOLDEN", "CAFE": "CAFE"])
        #expect(speckled[.sellerName]?.value == "GOLDEN 2024 CAFE")
        #expect(speckled[.sellerAddress]?.value == "51 BRAS BASAH ROAD")
        let registered = fields([
            [("PARK", 200), ("&", 300), ("SONS", 340), ("MART", 440), ("-", 540)],
            [("(CO...NO.", 200), ("164600-U)", 400)],
            [("23A,", 200), ("LEBUH", 300), ("PANTAI", 420)],
            [("TOTAL", 40), ("23.30", 660)],
        ])
        #expect(registered[.sellerName]?.value == "PARK & SONS MART")
        #expect(registered[.sellerAddress]?.value == "23A, LEBUH PANTAI")
    }

    /// The address ends with its country, and before a row naming a registration; a branch name in
    /// brackets above the registration row is not the address, which starts below it.
    @Test func givenRowsAfterTheAddress_whenRead_thenTheAddressEndsBeforeThem() {
        let country = fields([
            [("SEN", 200), ("HENG", 280), ("SDN", 380), ("BHD", 460)],
            [("No", 200), ("8,", 260), ("Jalan", 320), ("7/118B,", 440)],
            [("56000", 200), ("Kuala", 320), ("Lumpur,", 440), ("Malaysia", 580)],
            [("SUNWAY", 200), ("VELOCITY", 340)],
            [("TOTAL", 40), ("23.30", 660)],
        ])
        #expect(country[.sellerAddress]?.value == "No 8, Jalan 7/118B, 56000 Kuala Lumpur, Malaysia")
        let registered = fields([
            [("SEN", 200), ("HENG", 280), ("SDN", 380), ("BHD", 460)],
            [("Jalan", 200), ("Lapangan", 320), ("Terbang", 500)],
            [("47200", 200), ("Subang", 320), ("Selangor", 460)],
            [("Servport", 200), ("CO.", 380), ("REG.", 460), ("NO:", 540), ("000948487-V", 600)],
            [("TOTAL", 40), ("23.30", 660)],
        ])
        #expect(registered[.sellerAddress]?.value == "Jalan Lapangan Terbang 47200 Subang Selangor")
        let branch = fields([
            [("DE", 200), ("LUXE", 260), ("MART", 360), ("SDN", 460), ("BHD", 540)],
            [("(Mutiara", 200), ("Rini", 380), ("16)", 480)],
            [("Co", 200), ("Reg", 260), ("No:797887-W", 340)],
            [("No", 200), ("89,", 260), ("Jalan", 340), ("Utama,", 460)],
            [("81300", 200), ("Skudai,", 320), ("Johor.", 480)],
            [("TOTAL", 40), ("23.30", 660)],
        ])
        #expect(branch[.sellerAddress]?.value == "No 89, Jalan Utama, 81300 Skudai, Johor.")
    }

    /// A licensee line and a shop line with its code in brackets, above an address starting "Level" or
    /// "Unit", are not part of the address.
    @Test(arguments: [
        [("Licensee", 200), ("of", 360), ("McDonald's", 420)], [("TONYMOLY", 200), ("SHOP", 380), ("(95874)", 480)],
    ])
    func givenBranchLineAboveAnAddressStartingWithItsUnit_whenRead_thenNotInTheAddress(branch: [(String, Int)]) {
        let found = fields([
            [("GERBANG", 200), ("ALAF", 360), ("SDN", 460), ("BHD", 540)],
            branch,
            [("Level", 200), ("6,", 320), ("Bangunan", 380), ("TH,", 560)],
            [("47400", 200), ("Petaling", 320), ("Jaya", 500)],
            [("TOTAL", 40), ("23.30", 660)],
        ])
        #expect(found[.sellerAddress]?.value == "Level 6, Bangunan TH, 47400 Petaling Jaya")
    }

    /// "S/B" with its S read as a 5, and a bracket opened at the end of the name and never closed.
    @Test(arguments: [
        ("99 SPEED MART 5/B", "99 SPEED MART S/B"), ("FOUR QUARTERS SDN BHD (", "FOUR QUARTERS SDN BHD"),
        ("MR. D.I.Y. (M) SDN BHD", "MR. D.I.Y. (M) SDN BHD"),
    ])
    func givenNameWithSpeckledTail_whenCleaned_thenTheNameAsPrinted(read: String, printed: String) {
        #expect(EnglishReader.cleanedName(read) == printed)
    }

    @Test func givenAmounts_whenCheckedForTheCashRoundingStep_thenMultiplesOfFiveCents() {
        #expect(EnglishReader.isRoundingStep(Decimal(string: "45.35")!))
        #expect(EnglishReader.isRoundingStep(Decimal(string: "41.00")!))
        #expect(!EnglishReader.isRoundingStep(Decimal(string: "45.34")!))
    }
}

/// `page` whose whole-page read lost the amount of one row; a region read over that row finds it.
private final class MissingColumn: PageReader {
    let page: PrintedPage
    let amount: String
    let row: Int
    var width: Int { page.width }
    var height: Int { page.height }
    var dpi: Int { page.dpi }
    var rules: RuledLines { page.rules }

    init(page: PrintedPage, amount: String, row: Int) {
        self.page = page
        self.amount = amount
        self.row = row
    }

    func read(_ region: PixelBox?, _ request: ReadRequest) throws -> [RecognizedLine] {
        guard let region else { return try page.read(nil, request) }
        let box = PixelBox(x: 660, y: 100 + row * 40, width: 20 * amount.count, height: 30)
        guard region.contains(box), request.whitelist != nil else { return [] }
        return [
            RecognizedLine(
                words: [RecognizedWord(text: amount, confidence: 0.9, box: box)], confidence: 0.9, box: box)
        ]
    }

    func markCount(in region: PixelBox, minimumHeight: Int) -> Int { 0 }
}

/// `page` with a line recognizer that reads "SANYU" where Tesseract read "SANYO", and counts the rows it
/// is asked to read.
private final class SecondOpinion: PageReader {
    let page: PrintedPage
    private(set) var refinedRows: [String] = []
    var width: Int { page.width }
    var height: Int { page.height }
    var dpi: Int { page.dpi }
    var rules: RuledLines { page.rules }

    init(page: PrintedPage) { self.page = page }

    func read(_ region: PixelBox?, _ request: ReadRequest) throws -> [RecognizedLine] {
        try page.read(region, request)
    }

    func markCount(in region: PixelBox, minimumHeight: Int) -> Int { 0 }

    func refinedLatin(_ line: RecognizedLine) -> RecognizedLine {
        refinedRows.append(line.text)
        var refined = line
        refined.words = line.words.map { word in
            var word = word
            word.text = word.text.replacingOccurrences(of: "SANYO", with: "SANYU")
            return word
        }
        return refined
    }
}

@Suite struct LetterheadSecondOpinionTests {
    /// Tesseract reads faded letterhead print confidently wrong: the rows where the seller is looked for
    /// are read again whatever its confidence.
    @Test func givenConfidentLetterheadRow_whenRead_thenTheLineRecognizerReadsItAgain() {
        let rows: [[(String, Int)]] = [
            [("SANYO", 200), ("STATIONERY", 320), ("SHOP", 540)],
            [("NO.", 200), ("31G,", 260), ("JALAN", 360), ("SETIA", 480)],
            [("TOTAL", 40), ("10.00", 660)],
        ]
        let page = SecondOpinion(page: PrintedPage(rows))
        var reader = EnglishReader(reader: page, page: 1)
        reader.readAll()
        #expect(reader.fields[.sellerName]?.value == "SANYU STATIONERY SHOP")
        #expect(page.refinedRows.contains("SANYO STATIONERY SHOP"))
    }
}

/// Invoices labelled in German and French, read by the same reader: number, date and amounts by their
/// labels in those languages, amounts with thousands dots and a decimal comma.
@Suite struct EuropeanInvoiceTests {
    private func reader(_ rows: [[(String, Int)]]) -> EnglishReader {
        var reader = EnglishReader(reader: PrintedPage(rows), page: 1)
        reader.readAll()
        return reader
    }

    @Test func givenAGermanInvoice_whenRead_thenNumberDateAndAmountsComeFromTheirGermanLabels() {
        let fields = reader([
            [("Muster", 40), ("Software", 180), ("GmbH", 360)],
            [("Rechnung", 40)],
            [("Fälligkeitsdatum:", 40), ("02.06.2024", 420)],
            [("Rechnungsnummer:", 40), ("RE-2024-0815", 420)],
            [("Rechnungsdatum:", 40), ("03.05.2024", 420)],
            [("Nettobetrag", 40), ("1.000,00", 560), ("€", 740)],
            [("zzgl.", 40), ("19%", 160), ("MwSt.", 240), ("190,00", 560), ("€", 740)],
            [("Gesamtbetrag", 40), ("1.190,00", 560), ("€", 740)],
        ]).fields
        #expect(fields[.invoiceNumber]?.value == "RE-2024-0815")
        #expect(fields[.issueDate]?.value == "2024-05-03")
        #expect(fields[.amountExcludingTax]?.value == "1000.00")
        #expect(fields[.taxAmount]?.value == "190.00")
        #expect(fields[.totalAmount]?.value == "1190.00")
        #expect(fields[.currency]?.value == "EUR")
    }

    @Test func givenAFrenchInvoice_whenRead_thenTheTotalIsTheAmountIncludingTaxNotTheSubtotal() {
        let fields = reader([
            [("Boutique", 40), ("Lumière", 220), ("SARL", 400)],
            [("Facture", 40), ("N°", 200), ("F-2014-031", 280)],
            [("Date", 40), (":", 140), ("3", 180), ("mars", 220), ("2014", 320)],
            [("Total", 40), ("HT", 160), ("46,68", 600)],
            [("TVA", 40), ("20", 140), ("%", 190), ("9,34", 600)],
            [("Total", 40), ("TTC", 160), ("56,02", 600), ("EUR", 720)],
        ]).fields
        #expect(fields[.invoiceNumber]?.value == "F-2014-031")
        #expect(fields[.issueDate]?.value == "2014-03-03")
        #expect(fields[.amountExcludingTax]?.value == "46.68")
        #expect(fields[.taxAmount]?.value == "9.34")
        #expect(fields[.totalAmount]?.value == "56.02")
    }

    @Test func givenAnInvoiceWithoutItsNumber_whenRead_thenTheNumberIsExpectedAndAReceiptsIsNot() {
        let invoice = reader([
            [("Factuur", 40)],
            [("Totaal", 40), ("incl.", 200), ("BTW", 300), ("12,10", 600)],
        ])
        #expect(invoice.fields[.invoiceNumber] == nil)
        #expect(invoice.fields[.totalAmount]?.value == "12.10")
        #expect(invoice.expectedFields([.totalAmount]).contains(.invoiceNumber))
        let receipt = reader([[("KEDAI", 200), ("RUNCIT", 320)], [("Total", 40), ("12.00", 660)]])
        #expect(!receipt.expectedFields([.totalAmount]).contains(.invoiceNumber))
    }

    @Test func givenNumberAndDatesUnderColumnHeadings_whenRead_thenEachIsTakenFromUnderItsOwnHeading() {
        let fields = reader([
            [("Krüger", 40), ("Technik", 200), ("AG", 360)],
            [("Rechnung", 40)],
            [("Rechnungs-Nr.", 40), ("Lieferdatum", 340), ("Datum", 600)],
            [("2143823", 40), ("16.12.2021", 340), ("16.11.2021", 600)],
            [("Gesamtbetrag", 40), ("1.190,00", 560), ("€", 740)],
        ]).fields
        #expect(fields[.invoiceNumber]?.value == "2143823")
        // The delivery date comes first on the row; the heading over the other says it is the invoice's.
        #expect(fields[.issueDate]?.value == "2021-11-16")
    }

    @Test func givenAnIndianGSTInvoice_whenRead_thenTheTaxIsCentralPlusStateAndTheCurrencyRupees() {
        let fields = reader([
            [("Mehta", 40), ("Traders", 160), ("Ltd", 320), ("TAX", 440), ("INVOICE", 520)],
            [("GSTIN:", 40), ("29ABCDE1234F1Z5", 180)],
            [("Invoice", 40), ("No.:", 200), ("INV/24-25/0153", 300)],
            [("Taxable", 40), ("Value", 200), ("4,25,652.00", 500)],
            [("CGST", 40), ("@", 140), ("9%", 180), ("38,308.68", 500)],
            [("SGST", 40), ("@", 140), ("9%", 180), ("38,308.68", 500)],
            [("Grand", 40), ("Total", 180), ("5,02,269.36", 500)],
        ]).fields
        #expect(fields[.sellerName]?.value == "Mehta Traders Ltd")
        // A title alone, its words far apart, stays a title: no name "TAX".
        let spaced = reader([
            [("TAX", 40), ("INVOICE", 160)], [("KEDAI", 40), ("RUNCIT", 180), ("SDN", 340), ("BHD", 420)],
            [("TOTAL", 40), ("12.00", 600)],
        ]).fields
        #expect(spaced[.sellerName]?.value == "KEDAI RUNCIT SDN BHD")
        #expect(fields[.invoiceNumber]?.value == "INV/24-25/0153")
        #expect(fields[.amountExcludingTax]?.value == "425652.00")
        #expect(fields[.taxAmount]?.value == "76617.36")
        #expect(fields[.totalAmount]?.value == "502269.36")
        #expect(fields[.currency]?.value == "INR")
    }

    @Test func givenAGermanNameReadByOCR_whenScored_thenFlaggedForTheAccentsTheEnglishModelCannotRead() {
        var reader = EnglishReader(
            reader: PrintedPage([
                [("Muller", 40), ("Software", 200), ("AG", 380)], [("Rechnung", 40)],
                [("Gesamtbetrag", 40), ("1.190,00", 560), ("€", 740)],
            ]), page: 1)
        reader.readAll()
        #expect(reader.fields[.sellerName]?.value == "Muller Software AG")
        let document = ExtractedDocument(
            documentType: "invoice", invoiceKind: nil, fields: reader.fields, lineItems: [], qr: nil)
        let scored = DocumentScorer().score(document, checks: [])
        #expect(scored.fields[.sellerName]?.flagged == true)
        #expect((scored.fields[.sellerName]?.confidence ?? 1) <= DocumentScorer.caveatCeiling)
        #expect(scored.review.reasons.contains { $0.hasPrefix("sellerName: read by the English OCR model") })
        // One word of such a language is too little to choose a model but enough to doubt the name.
        var spanish = EnglishReader(
            reader: PrintedPage([[("Garcia", 40), ("Asesores", 200), ("S.A.", 380)], [("Factura", 40)]]), page: 1)
        spanish.readAll()
        #expect(spanish.fields[.sellerName]?.caveat != nil)
        // An English invoice's name is not held back for accents.
        var english = EnglishReader(
            reader: PrintedPage([[("Harper", 40), ("Supply", 200), ("Inc.", 360)], [("Total", 40), ("12.00", 600)]]),
            page: 1)
        english.readAll()
        #expect(english.fields[.sellerName]?.caveat == nil)
    }

    @Test func givenAReadingWithAccents_whenTransferred_thenOnlyAccentsChange() {
        #expect(
            EnglishReader.transferAccents(from: "Müller Software AG", to: "Muller Software AG") == "Müller Software AG")
        #expect(EnglishReader.transferAccents(from: "BAHNHOFSTRAßE 66", to: "BahnhofstraBe 66") == "Bahnhofstraße 66")
        // Letter case and punctuation are the value's; an accent read where the value has none is taken.
        #expect(EnglishReader.transferAccents(from: "navarro informática", to: "Navarro Informatica S.L.U.") == nil)
        #expect(
            EnglishReader.transferAccents(from: "NAVARRO INFORMÁTICA, SLU", to: "Navarro Informatica S.L.U.")
                == "Navarro Informática S.L.U.")
        // Another letter: the readings disagree, nothing is taken.
        #expect(EnglishReader.transferAccents(from: "Möller Software AG", to: "Muller Software AG") == nil)
    }

    @Test func givenLanguageWords_whenCounted_thenTheInvoiceLanguage() {
        #expect(EnglishReader.europeanLanguage(of: ["RECHNUNG NR. 12", "GESAMTBETRAG 12,00"]) == .german)
        #expect(EnglishReader.europeanLanguage(of: ["FACTURE N° 12", "TOTAL TTC 12,00"]) == .french)
        #expect(EnglishReader.europeanLanguage(of: ["FACTUUR", "TOTAAL INCL. BTW"]) == .dutch)
        // One word is not enough (a German word on an English page), and English says nothing.
        #expect(EnglishReader.europeanLanguage(of: ["INVOICE", "DATUM 12.03.2024"]) == nil)
        #expect(EnglishReader.europeanLanguage(of: ["TAX INVOICE", "TOTAL 12.00"]) == nil)
    }

    @Test(arguments: [
        ["Nº", "factura:"], ["N2", "oO", ".", "factura:"], ["Número", "de", "factura:"], ["N.", "fattura:"],
    ])
    func givenSpanishOrItalianNumberLabels_whenRead_thenTheNumberAfterThem(label: [String]) {
        var words = label.enumerated().map { ($0.element, 40 + $0.offset * 160) }
        words.append(("A-2024/153", 40 + label.count * 160))
        let fields = reader([[("FACTURA", 40)], words, [("Total", 40), ("12,10", 600)]]).fields
        #expect(fields[.invoiceNumber]?.value == "A-2024/153")
    }
}
