import Foundation
import InvoiceModel

/// A tax-platform export as the national e-invoice service platform writes it, with the problems real files
/// have: a title line, Excel text tricks, a 数电 number in the 发票号码 column, a bad amount, a lost leading zero,
/// a quoted field with commas and one with a line break, and a totals row.
enum PlatformFixture {
    /// The records, one string per physical line; joined with CR LF.
    static let lines = [
        "全量发票查询导出结果",  // line 1: a title above the header
        "序号,发票代码,发票号码,数电发票号码,销方识别号,销方名称,开票日期,金额,税额,价税合计,备注",  // line 2
        "1,032002100611,27086599,,91320594MA1MFD7F31,苏州某某科技有限公司,2022-08-30,14.10,0.84,14.94,\"第一行",  // 3
        "第二行\"",  // line 4: the quoted 备注 continues
        // line 5: Excel text tricks, a space in the tax ID, commas inside quotes
        "2,'044031900111,=\"00012345\",,91440300 MA5F0000XX,\"深圳市示例, 有限公司\",2023/1/5,\"1,200.00\",156.00,"
            + "\"1,356.00\",",
        "3,,24322000000012345678,,91110108MA00000001,北京数电公司,2024年01月05日,100.00,6.00,106.00,",  // 6
        "4,,,24322000000087654321,91110108MA00000001,北京数电公司,2024-02-01 10:11:12,200.00,12.00,212.00,",  // 7
        "",  // line 8: blank
        "5,032002100611,27086600,,91320594MA1MFD7F31,苏州某某科技有限公司,2022-08-31,abc,0.00,10.00,",  // 9
        "6,044031900111,2708659,,91440300MA5F0000XX,深圳市示例有限公司,2023-02-01,10.00,0.00,10.00,",  // 10
        "7,032002100699,11112222,,91320594MA1MFD7F31,苏州某某科技有限公司,2022-09-01,50.00,3.00,53.00,",  // 11
        "合计,,,,,,,\"1,574.10\",177.84,\"1,751.94\",",  // 12: a totals row
    ]

    /// The export as text, CR LF line ends, with a final line break.
    static var text: String { lines.joined(separator: "\r\n") + "\r\n" }

    /// The export as Excel's "CSV UTF-8" writes it: a byte-order mark, then UTF-8.
    static var utf8WithBOM: [UInt8] { [0xEF, 0xBB, 0xBF] + Array(text.utf8) }

    /// The export in GB18030 (GBK for these characters), or `nil` when Foundation cannot encode it.
    static var gbk: [UInt8]? { text.data(using: CSVTextEncoding.foundationGB18030).map { [UInt8]($0) } }
}

/// The ledger the fixture export is compared with; the comment on each says what reconciliation should find.
enum LedgerFixture {
    static let invoices = [
        // Matches line 3 exactly (amounts written with more decimals still equal to the cent).
        LedgerInvoice(
            id: 1, invoiceCode: "032002100611", invoiceNumber: "27086599", issueDate: "2022-08-30",
            sellerTaxID: "91320594MA1MFD7F31", sellerName: "苏州某某科技有限公司", amountExcludingTax: decimal("14.100"),
            taxAmount: decimal("0.84"), totalAmount: decimal("14.94")),
        // Matches line 5 (Excel text tricks unwrapped); tax differs; seller ID equal after normalising.
        LedgerInvoice(
            id: 2, invoiceCode: "044031900111", invoiceNumber: "00012345", issueDate: "2023-01-05",
            sellerTaxID: "91440300ma5f0000xx", sellerName: "深圳市示例, 有限公司", amountExcludingTax: decimal("1200"),
            taxAmount: decimal("165.00"), totalAmount: decimal("1356")),
        // A 数电 invoice: matches line 6, whose 20-digit number sits in the 发票号码 column.
        LedgerInvoice(
            id: 3, invoiceNumber: "24322000000012345678", issueDate: "2024-01-05", sellerTaxID: "91110108MA00000001",
            amountExcludingTax: decimal("100"), taxAmount: decimal("6"), totalAmount: decimal("106")),
        // Matches line 7 by 数电 number; the issue date differs.
        LedgerInvoice(
            id: 4, invoiceNumber: "24322000000087654321", issueDate: "2024-02-02", sellerTaxID: "91110108MA00000001",
            amountExcludingTax: decimal("200"), taxAmount: decimal("12"), totalAmount: decimal("212")),
        // Its platform row (line 9) has an unreadable amount: only in the ledger.
        LedgerInvoice(
            id: 5, invoiceCode: "032002100611", invoiceNumber: "27086600", issueDate: "2022-08-31",
            totalAmount: decimal("10")),
        // The platform lost the leading zero (line 10 says 2708659): not guessed, so both sides unmatched.
        LedgerInvoice(
            id: 6, invoiceCode: "044031900111", invoiceNumber: "02708659", issueDate: "2023-02-01",
            totalAmount: decimal("10")),
        // Not on the platform at all.
        LedgerInvoice(
            id: 7, invoiceNumber: "24322000000099999999", issueDate: "2024-03-01", sellerName: "上海未开票公司",
            totalAmount: decimal("-12.30")),
        // A second copy of id 1: a duplicate, and the extra copy is unmatched.
        LedgerInvoice(
            id: 8, invoiceCode: "032002100611", invoiceNumber: "27086599", issueDate: "2022-08-30",
            totalAmount: decimal("14.94")),
        // No code in the ledger: matches line 11 by number + seller tax ID.
        LedgerInvoice(
            id: 9, invoiceNumber: "11112222", issueDate: "2022-09-01", sellerTaxID: "91320594 ma1mfd7f31",
            amountExcludingTax: decimal("50"), taxAmount: decimal("3"), totalAmount: decimal("53")),
    ]
}
