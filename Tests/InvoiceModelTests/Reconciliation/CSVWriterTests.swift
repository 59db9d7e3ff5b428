import InvoiceModel
import Testing

@Suite struct CSVWriterTests {
    @Test func givenCellsNeedingQuotes_whenWritten_thenRFC4180WithCRLF() {
        let text = CSVWriter().text([["plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere"], ["x"]])
        #expect(text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\nx\r\n")
    }

    @Test func givenByteOrderMarkOption_whenWritten_thenTheBytesStartWithEFBBBFOnlyThen() {
        let withBOM = CSVWriter(byteOrderMark: true).bytes([["发票"]])
        #expect(withBOM == [0xEF, 0xBB, 0xBF] + Array("发票\r\n".utf8))
        #expect(CSVWriter().bytes([["发票"]]) == Array("发票\r\n".utf8))
    }

    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+1+1", "'+1+1"), ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"), ("\tcmd", "'\tcmd"), ("\r=1", "\"'\r=1\""), ("-", "'-"), ("+12", "'+12"),
        ("-1,234.50", "\"'-1,234.50\""), ("=", "'="), ("=\"00\"&A1", "\"'=\"\"00\"\"&A1\""),
        ("=\"\"", "\"'=\"\"\"\"\""),
    ])
    func givenFormulaLikeText_whenWritten_thenItStartsWithASingleQuote(value: String, written: String) {
        #expect(CSVWriter().cell(value) == written)
        #expect(CSVWriter.couldRunAsFormula(value))
    }

    @Test(arguments: ["-12.30", "0.00", "1200", "-5", "02708659", "24322000000012345678", "a=b", "苏州-公司", ""])
    func givenPlainNumbersAndHarmlessText_whenWritten_thenUnchanged(value: String) {
        #expect(CSVWriter().cell(value) == value)
        #expect(!CSVWriter.couldRunAsFormula(value))
    }

    @Test func givenExcelTextFormOfDigits_whenWritten_thenQuotedButNotGuarded() throws {
        #expect(!CSVWriter.couldRunAsFormula("=\"00316340\""))
        let cell = CSVWriter().cell("=\"00316340\"")
        #expect(cell == "\"=\"\"00316340\"\"\"")
        let table = try CSVTable(parsing: "a," + cell + "\r\n")
        #expect(table.records.first?.fields == ["a", "=\"00316340\""])
    }

    @Test func givenFormulaGuardOff_whenWritten_thenFormulasAreOnlyQuoted() {
        #expect(CSVWriter(guardsFormulas: false).cell("=1+1") == "=1+1")
    }

    @Test func givenAwkwardRows_whenWrittenAndReadBack_thenTheSameCells() throws {
        let rows = [
            ["种类", "销方名称", "金额", "备注"],
            ["数电", "深圳市示例, 有限公司", "-12.30", "第一行\n第二行"],
            ["", "say \"hi\"", "1,200.00", "mid\r\nbreak"],
            [""],
            ["single"],
        ]
        let bytes = CSVWriter(byteOrderMark: true).bytes(rows)
        let table = try CSVTable(decoding: bytes)
        #expect(table.records.map(\.fields) == rows)
        #expect(table.encoding == .utf8)
    }

    @Test func givenFormulaCells_whenWrittenAndReadBack_thenTheyComeBackGuardedAndNumbersUntouched() throws {
        let bytes = CSVWriter(byteOrderMark: true).bytes([["=cmd|' /C calc'!A0", "-12.30", "@x,y"]])
        let table = try CSVTable(decoding: bytes)
        #expect(table.records.map(\.fields) == [["'=cmd|' /C calc'!A0", "-12.30", "'@x,y"]])
    }
}
