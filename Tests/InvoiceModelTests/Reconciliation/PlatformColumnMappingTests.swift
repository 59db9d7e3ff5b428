import InvoiceModel
import Testing

@Suite struct PlatformColumnMappingTests {
    @Test func givenMappingText_whenParsed_thenEachFieldHasItsHeader() throws {
        let mapping = try PlatformColumnMapping(
            parsing: " invoiceNumber = Invoice No. ,TOTALAMOUNT=Total,issueDate=Date")
        #expect(mapping.headers == [.invoiceNumber: "Invoice No.", .totalAmount: "Total", .issueDate: "Date"])
        #expect(mapping.acceptedHeaders(for: .invoiceNumber) == ["Invoice No."])
        #expect(mapping.acceptedHeaders(for: .taxAmount) == ["税额", "taxAmount"])
    }

    @Test(arguments: [
        ("invoiceNumber", "invoiceNumber", "no \"=\""),
        ("invoiceNo=Invoice No.", "invoiceNo=Invoice No.", "not a field"),
        ("invoiceNumber=", "invoiceNumber=", "header name after \"=\" is empty"),
        ("invoiceNumber=A,invoiceNumber=B", "invoiceNumber=B", "mapped more than once"),
        ("invoiceNumber=A,,totalAmount=B", "", "no \"=\""), ("  ", "  ", "the mapping is empty"),
    ])
    func givenMalformedMapping_whenParsed_thenTheErrorNamesTheEntryAndTheProblem(
        text: String, entry: String, problem: String
    ) {
        do {
            _ = try PlatformColumnMapping(parsing: text)
            Issue.record("\(text) should not parse")
        } catch {
            guard case .malformedMapping(let badEntry, let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(badEntry == entry)
            #expect(reason.contains(problem), "\(reason)")
            #expect(error.description.contains("e.g. invoiceNumber=Invoice No.,totalAmount=Total"))
        }
    }

    @Test func givenAnEnglishExportAndAMapping_whenRead_thenMappedColumnsAreUsed() throws {
        let text = "Invoice No.,Code,Date,Total,金额\n02708659,032002100611,2024/1/5,\"1,356.00\",1200\n"
        let mapping = try PlatformColumnMapping(
            parsing: "invoiceNumber=Invoice No.,invoiceCode=Code,issueDate=Date,totalAmount=Total")
        let list = try PlatformList(table: CSVTable(parsing: text), mapping: mapping)
        #expect(
            list.invoices == [
                PlatformInvoice(
                    line: 2, invoiceCode: "032002100611", invoiceNumber: "02708659", issueDate: "2024-01-05",
                    amountExcludingTax: decimal("1200"), totalAmount: decimal("1356"))
            ])
        #expect(list.columnHeaders[.totalAmount] == "Total")
    }

    @Test func givenAMappingThatClaimsADefaultHeader_whenRead_thenTheDefaultColumnDoesNotAlsoTakeIt() throws {
        let mapping = PlatformColumnMapping([.totalAmount: "金额"])
        let list = try PlatformList(table: CSVTable(parsing: "发票号码,金额\n12345678,10.00\n"), mapping: mapping)
        #expect(list.invoices.first?.totalAmount == decimal("10"))
        #expect(list.invoices.first?.amountExcludingTax == nil)
    }

    @Test func givenAMappedHeaderMissingFromTheFile_whenRead_thenTheErrorNamesItAndTheFileHeaders() throws {
        let table = try CSVTable(parsing: "发票号码,Total Amount\n12345678,10.00\n")
        let mapping = try PlatformColumnMapping(parsing: "totalAmount=Total")
        let expected = ReconciliationError.mappedHeaderMissing(
            field: .totalAmount, header: "Total", foundHeaders: ["发票号码", "Total Amount"])
        #expect(throws: expected) { try PlatformList(table: table, mapping: mapping) }
        #expect(expected.description.contains("header \"Total\" for totalAmount"))
        #expect(expected.description.contains("\"发票号码\", \"Total Amount\""))
    }

    @Test func givenAMappedNumberHeaderMissing_whenRead_thenTheMappedHeaderErrorNotTheDefaultOne() throws {
        let table = try CSVTable(parsing: "发票号码,金额\n12345678,10.00\n")
        let mapping = try PlatformColumnMapping(parsing: "invoiceNumber=No.")
        #expect(
            throws: ReconciliationError.mappedHeaderMissing(
                field: .invoiceNumber, header: "No.", foundHeaders: ["发票号码", "金额"])
        ) { try PlatformList(table: table, mapping: mapping) }
    }
}
