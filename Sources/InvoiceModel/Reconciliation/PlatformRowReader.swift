import Foundation

/// Reads one record of a tax-platform export into a `PlatformInvoice`, collecting what is wrong with it.
struct PlatformRowReader {
    /// The record.
    let record: CSVRecord
    /// The index of each recognised column.
    let columns: [PlatformColumn: Int]
    /// The file's header of each recognised column, for messages.
    let headers: [PlatformColumn: String]
    /// What is wrong with the row, filled by `invoice()`.
    private(set) var errors: [PlatformRowError] = []

    init(record: CSVRecord, columns: [PlatformColumn: Int], headers: [PlatformColumn: String]) {
        self.record = record
        self.columns = columns
        self.headers = headers
    }

    /// The row's invoice; meaningful only when `errors` is empty afterwards.
    mutating func invoice() -> PlatformInvoice {
        var invoice = PlatformInvoice(line: record.line)
        invoice.invoiceCode = digits(.invoiceCode)
        invoice.invoiceNumber = digits(.invoiceNumber)
        invoice.digitalInvoiceNumber = digits(.digitalInvoiceNumber)
        if let digital = invoice.digitalInvoiceNumber, digital.count != 20 {
            fail(.digitalInvoiceNumber, "has \(digital.count) digits; a 数电 number has 20")
        }
        if let number = invoice.invoiceNumber, number.count == 20 {
            if let digital = invoice.digitalInvoiceNumber, digital != number {
                fail(.invoiceNumber, "is a 20-digit 数电 number different from \(name(.digitalInvoiceNumber)) \(digital)")
            }
            invoice.digitalInvoiceNumber = number
            invoice.invoiceNumber = nil
        }
        if invoice.invoiceNumber == nil, invoice.digitalInvoiceNumber == nil, errors.isEmpty {
            let names = [PlatformColumn.invoiceNumber, .digitalInvoiceNumber].filter { columns[$0] != nil }.map(name)
            errors.append(
                PlatformRowError(
                    line: record.line, column: nil, value: "",
                    message: "no invoice number: \(names.joined(separator: " and ")) empty (a total or note row?)"))
        }
        invoice.issueDate = date()
        invoice.sellerTaxID = cell(.sellerTaxID).map(PlatformCell.identifier).flatMap { $0.isEmpty ? nil : $0 }
        invoice.sellerName = cell(.sellerName).map(PlatformCell.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        invoice.amountExcludingTax = amount(.amountExcludingTax)
        invoice.taxAmount = amount(.taxAmount)
        invoice.totalAmount = amount(.totalAmount)
        return invoice
    }

    /// The raw cell of `column`, or `nil` when the file has no such column or the row is too short.
    private func cell(_ column: PlatformColumn) -> String? {
        guard let index = columns[column], index < record.fields.count else { return nil }
        return record.fields[index]
    }

    /// The column's header as the file spells it.
    private func name(_ column: PlatformColumn) -> String {
        headers[column] ?? column.rawValue
    }

    /// A code or number cell as digits (leading zeros kept), `nil` when blank; other characters are an error.
    private mutating func digits(_ column: PlatformColumn) -> String? {
        guard let raw = cell(column) else { return nil }
        let value = PlatformCell.identifier(raw)
        guard !value.isEmpty else { return nil }
        guard value.allSatisfy(\.isASCIIDigit) else {
            let hint =
                value.contains("E+") || value.contains(".")
                ? "; a spreadsheet turned it into a number and lost digits: export the column as text" : ""
            fail(column, "is not all digits\(hint)")
            return nil
        }
        return value
    }

    /// The issue date as `YYYY-MM-DD`, `nil` when blank; an unreadable date is an error.
    private mutating func date() -> String? {
        guard let raw = cell(.issueDate), !PlatformCell.trimmed(raw).isEmpty else { return nil }
        guard let date = PlatformCell.date(raw) else {
            fail(.issueDate, "is not a date like 2024-01-05, 2024/1/5 or 2024年01月05日")
            return nil
        }
        return date
    }

    /// An amount through `Money.parse`, `nil` when blank; `***` and 免税 tax are zero; other text is an error.
    private mutating func amount(_ column: PlatformColumn) -> Decimal? {
        guard let raw = cell(column) else { return nil }
        let value = PlatformCell.unwrapped(raw)
        guard !value.isEmpty else { return nil }
        if column == .taxAmount, value == "***" || value == "免税" { return 0 }
        guard let amount = Money.parse(value) else {
            fail(column, "is not an amount like 1234.50 or 1,234.50")
            return nil
        }
        return amount
    }

    /// Records an error for `column`: `<header> "<cell>" <problem>`.
    private mutating func fail(_ column: PlatformColumn, _ problem: String) {
        let value = cell(column).map(PlatformCell.trimmed) ?? ""
        errors.append(
            PlatformRowError(
                line: record.line, column: column, value: value, message: "\(name(column)) \"\(value)\" \(problem)"))
    }
}
