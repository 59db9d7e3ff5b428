import InvoiceModel
import Testing

@Suite struct CSVTableTests {
    @Test func givenQuotedFieldsWithCommasQuotesAndLineBreaks_whenParsed_thenEachFieldIsWhole() throws {
        let text =
            "name,remark,amount\r\n\"Acme, Inc.\",\"say \"\"hi\"\"\",\"1,200.00\"\r\nplain,\"two\r\nlines\",5\r\n"
        let table = try CSVTable(parsing: text)
        #expect(
            table.records.map(\.fields) == [
                ["name", "remark", "amount"], ["Acme, Inc.", "say \"hi\"", "1,200.00"], ["plain", "two\r\nlines", "5"],
            ])
        #expect(table.records.map(\.line) == [1, 2, 3])
        #expect(table.encoding == nil)
    }

    @Test func givenLineBreakInsideQuotes_whenParsed_thenLaterRecordsKeepTheirFileLines() throws {
        let text = "a,b\n\"x\ny\nz\",1\nnext,2\n\n\nlast,3"
        let table = try CSVTable(parsing: text)
        #expect(table.records.map(\.line) == [1, 2, 5, 8])
        #expect(table.records[1].fields == ["x\ny\nz", "1"])
        #expect(table.records[3].fields == ["last", "3"])
    }

    @Test(arguments: ["a,b\r\nc,d\r\n", "a,b\nc,d\n", "a,b\rc,d\r", "a,b\nc,d", "\u{FEFF}a,b\r\n\r\nc,d\r\n\r\n"])
    func givenAnyLineEnding_whenParsed_thenTwoRecordsAndNoEmptyOnes(text: String) throws {
        let table = try CSVTable(parsing: text)
        #expect(table.records.map(\.fields) == [["a", "b"], ["c", "d"]])
    }

    @Test func givenEmptyFieldsAndAQuotedEmptyLine_whenParsed_thenTheyAreRecordsWithEmptyFields() throws {
        let table = try CSVTable(parsing: ",,\n\"\"\n,x,\n")
        #expect(table.records.map(\.fields) == [["", "", ""], [""], ["", "x", ""]])
    }

    @Test func givenSloppyQuotes_whenParsed_thenTheTextIsKeptAsWritten() throws {
        let table = try CSVTable(parsing: "5\" screen,\"quoted\"tail,=\"0123\"\n")
        #expect(table.records.map(\.fields) == [["5\" screen", "quotedtail", "=\"0123\""]])
    }

    @Test func givenTabDelimiter_whenParsed_thenTabsSplitAndCommasStay() throws {
        let table = try CSVTable(parsing: "发票号码\t金额\n02708659\t1,200.00\n", delimiter: "\t")
        #expect(table.records.map(\.fields) == [["发票号码", "金额"], ["02708659", "1,200.00"]])
    }

    @Test func givenUnterminatedQuote_whenParsed_thenTheErrorNamesTheLineWhereItOpened() {
        #expect(throws: ReconciliationError.unterminatedQuote(line: 2)) {
            try CSVTable(parsing: "a,b\nc,\"never closed\nmore,rows\n")
        }
        let message = ReconciliationError.unterminatedQuote(line: 2).description
        #expect(message.contains("line 2"))
        #expect(message.contains("never closed"))
    }

    @Test func givenEmptyText_whenParsed_thenNoRecords() throws {
        #expect(try CSVTable(parsing: "").records.isEmpty)
        #expect(try CSVTable(parsing: "\n\r\n").records.isEmpty)
    }
}
