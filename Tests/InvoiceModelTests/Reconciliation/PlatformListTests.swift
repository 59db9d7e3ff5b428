import Foundation
import InvoiceModel
import Testing

@Suite struct PlatformListTests {
    @Test func givenTheFixtureExport_whenRead_thenTheReadableRowsInContractFormats() throws {
        let list = try PlatformList(bytes: PlatformFixture.utf8WithBOM)
        #expect(list.headerLine == 2)
        #expect(list.encoding == .utf8)
        #expect(list.columnHeaders[.digitalInvoiceNumber] == "数电发票号码")
        #expect(list.columnHeaders[.sellerTaxID] == "销方识别号")
        #expect(list.invoices.map(\.line) == [3, 5, 6, 7, 10, 11])
        #expect(
            list.invoices[0]
                == PlatformInvoice(
                    line: 3, invoiceCode: "032002100611", invoiceNumber: "27086599", issueDate: "2022-08-30",
                    sellerTaxID: "91320594MA1MFD7F31", sellerName: "苏州某某科技有限公司",
                    amountExcludingTax: decimal("14.10"), taxAmount: decimal("0.84"), totalAmount: decimal("14.94")))
        // Excel text tricks unwrapped, the seller ID's space removed, thousands separators read.
        let tricks = list.invoices[1]
        #expect(tricks.invoiceCode == "044031900111")
        #expect(tricks.invoiceNumber == "00012345")
        #expect(tricks.sellerTaxID == "91440300MA5F0000XX")
        #expect(tricks.sellerName == "深圳市示例, 有限公司")
        #expect(tricks.issueDate == "2023-01-05")
        #expect(tricks.totalAmount == decimal("1356"))
        // A 20-digit number in the 发票号码 column is the 数电 number.
        #expect(list.invoices[2].digitalInvoiceNumber == "24322000000012345678")
        #expect(list.invoices[2].invoiceNumber == nil)
        #expect(list.invoices[2].issueDate == "2024-01-05")
        #expect(list.invoices[3].issueDate == "2024-02-01")
        // The lost leading zero is kept lost, not guessed.
        #expect(list.invoices[4].invoiceNumber == "2708659")
    }

    @Test func givenTheFixtureExport_whenRead_thenTheBadAmountAndTotalsRowAreRowErrorsWithLines() throws {
        let list = try PlatformList(bytes: Array(PlatformFixture.text.utf8))
        #expect(list.rowErrors.map(\.line) == [9, 12])
        #expect(list.rowErrors[0].column == .amountExcludingTax)
        #expect(list.rowErrors[0].value == "abc")
        #expect(list.rowErrors[0].message == "金额 \"abc\" is not an amount like 1234.50 or 1,234.50")
        // What could be read of the row says which invoice it is.
        #expect(list.rowErrors[0].partialInvoice?.invoiceNumber == "27086600")
        #expect(list.rowErrors[0].partialInvoice?.amountExcludingTax == nil)
        #expect(list.rowErrors[0].partialInvoice?.totalAmount == decimal("10"))
        #expect(list.rowErrors[1].column == nil)
        #expect(list.rowErrors[1].description.hasPrefix("line 12: no invoice number: 发票号码 and 数电发票号码 empty"))
    }

    @Test func givenTheFixtureInGBK_whenRead_thenTheSameInvoicesAsFromUTF8() throws {
        let gbk = try #require(PlatformFixture.gbk)
        #expect(gbk.count < PlatformFixture.utf8WithBOM.count - 3)  // two bytes per 汉字, not three
        let fromGBK = try PlatformList(bytes: gbk)
        let fromUTF8 = try PlatformList(bytes: PlatformFixture.utf8WithBOM)
        #expect(fromGBK.encoding == .gb18030)
        #expect(fromGBK.invoices == fromUTF8.invoices)
        #expect(fromGBK.rowErrors == fromUTF8.rowErrors)
    }

    @Test(arguments: [
        ("2024-01-05", "2024-01-05"), ("2024/1/5", "2024-01-05"), ("2024年01月05日", "2024-01-05"),
        ("2024-01-05 10:11:12", "2024-01-05"), ("2024/1/5 0:00", "2024-01-05"), ("2024-01-05T10:11:12", "2024-01-05"),
        ("20240105", "2024-01-05"), ("'2024-01-05", "2024-01-05"), (" 2024年1月5日 ", "2024-01-05"),
    ])
    func givenDateShapes_whenRead_thenContractDates(cell: String, expected: String) throws {
        let list = try PlatformList(table: CSVTable(parsing: "发票号码,开票日期\n12345678,\(cell)\n"))
        #expect(list.invoices.map(\.issueDate) == [expected])
    }

    @Test(arguments: ["45296", "2024-13-05", "05/01/2024", "2024-01-05 morning"])
    func givenUnreadableDate_whenRead_thenARowErrorForTheDate(cell: String) throws {
        let list = try PlatformList(table: CSVTable(parsing: "发票号码,开票日期\n12345678,\(cell)\n22222222,2024-01-05\n"))
        #expect(list.rowErrors.map(\.column) == [.issueDate])
        #expect(list.invoices.map(\.invoiceNumber) == ["22222222"])
    }

    @Test func givenNumberSpoiledBySpreadsheet_whenRead_thenARowErrorThatSaysExportAsText() throws {
        let list = try PlatformList(table: CSVTable(parsing: "数电票号码,价税合计\n2.43220000000123E+19,10\n"))
        #expect(list.invoices.isEmpty)
        #expect(list.rowErrors.map(\.column) == [.digitalInvoiceNumber])
        #expect(list.rowErrors.first?.message.contains("export the column as text") == true)
    }

    @Test func givenDigitalNumberOfWrongLength_whenRead_thenARowError() throws {
        let list = try PlatformList(table: CSVTable(parsing: "全电发票号码\n2432200000001234567\n"))
        #expect(list.rowErrors.map(\.message) == ["全电发票号码 \"2432200000001234567\" has 19 digits; a 数电 number has 20"])
    }

    @Test func givenEnglishHeadersWithBOMAndSpaces_whenRead_thenTheyAreRecognised() throws {
        let text =
            "\u{FEFF} invoiceCode ,InvoiceNumber,sellerTaxID,totalAmount,taxAmount\n"
            + "\"=\"\"032002100611\"\"\",\t02708659,91320594ma1mfd7f31,\"¥1,200.00\",***\n"
        let list = try PlatformList(table: CSVTable(parsing: text))
        #expect(
            list.invoices == [
                PlatformInvoice(
                    line: 2, invoiceCode: "032002100611", invoiceNumber: "02708659", sellerTaxID: "91320594MA1MFD7F31",
                    taxAmount: 0, totalAmount: decimal("1200"))
            ])
    }

    @Test func givenNoNumberColumn_whenRead_thenTheErrorNamesFoundAndExpectedHeaders() throws {
        let table = try CSVTable(parsing: "Invoice No.,Total\n02708659,10.00\n")
        #expect(
            throws: ReconciliationError.noNumberColumn(
                foundHeaders: ["Invoice No.", "Total"],
                expectedHeaders: ["发票号码", "invoiceNumber", "数电发票号码", "数电票号码", "全电发票号码", "digitalInvoiceNumber"])
        ) { try PlatformList(table: table) }
        let message = ReconciliationError.noNumberColumn(
            foundHeaders: ["Invoice No.", "Total"], expectedHeaders: ["发票号码"]
        )
        .description
        #expect(message.contains("\"Invoice No.\", \"Total\""))
        #expect(message.contains("Expected one of: \"发票号码\""))
    }

    @Test func givenATitleLineAboveHeadersWithoutANumber_whenRead_thenTheErrorShowsTheHeaderRowNotTheTitle() throws {
        let table = try CSVTable(parsing: "发票数据导出\n序号,票号,金额\n1,12345678,10\n")
        #expect(
            throws: ReconciliationError.noNumberColumn(
                foundHeaders: ["序号", "票号", "金额"],
                expectedHeaders: ["发票号码", "invoiceNumber", "数电发票号码", "数电票号码", "全电发票号码", "digitalInvoiceNumber"])
        ) { try PlatformList(table: table) }
    }

    @Test func givenEmptyFile_whenRead_thenEmptyFileError() {
        #expect(throws: ReconciliationError.emptyFile) { try PlatformList(bytes: []) }
        #expect(throws: ReconciliationError.emptyFile) { try PlatformList(data: Data("\r\n\r\n".utf8)) }
    }

    @Test func givenShortRowsAndBlankRows_whenRead_thenMissingCellsAreEmptyAndBlankRowsSkipped() throws {
        let list = try PlatformList(table: CSVTable(parsing: "发票代码,发票号码,价税合计\n,,\n032002100611,27086599\n"))
        #expect(list.rowErrors.isEmpty)
        #expect(list.invoices == [PlatformInvoice(line: 3, invoiceCode: "032002100611", invoiceNumber: "27086599")])
    }
}
