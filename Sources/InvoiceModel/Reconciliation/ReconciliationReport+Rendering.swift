extension ReconciliationReport {
    /// The widest a seller name is shown in the text table, in terminal columns.
    static let sellerNameWidth = 24

    /// `text` with line breaks, tabs and other control characters replaced by spaces, so a cell stays on its row.
    static func singleLine(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// The CSV report's header row.
    public static let csvHeader = [
        "kind", "key", "invoiceCode", "invoiceNumber", "ledgerID", "platformLine", "field", "ledgerValue",
        "platformValue", "issueDate", "sellerName", "totalAmount", "note",
    ]

    /// The report as a plain-text table for people: a summary line, then one aligned row per finding (one per
    /// difference for `different`), with columns padded for terminal width (汉字 take two columns).
    ///
    /// - Returns: the text, ending in a line break.
    public func textTable() -> String {
        var text = summary + "\n"
        guard !findings.isEmpty else { return text + "The ledger and the platform list agree.\n" }
        let header = [
            "finding", "code", "number", "ledger id", "line", "field", "ledger value", "platform value", "seller",
            "note",
        ]
        let rows = lines.map { line in
            [
                line.finding.kind.label, line.invoiceCode, line.invoiceNumber, line.ledgerID, line.platformLine,
                line.difference?.field.rawValue ?? "", line.difference?.ledgerValue ?? "",
                line.difference?.platformValue ?? "", DisplayWidth.truncated(line.sellerName, to: Self.sellerNameWidth),
                line.finding.note ?? "",
            ]
        }
        let table = [header] + rows.map { $0.map(Self.singleLine) }
        let widths = header.indices.map { column in table.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        text += "\n"
        for row in table {
            let cells = row.indices.map { $0 == row.count - 1 ? row[$0] : DisplayWidth.padded(row[$0], to: widths[$0]) }
            var line = cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            text += line + "\n"
        }
        return text
    }

    /// The report as CSV rows, header first: one row per finding (one per difference for `different`), with
    /// the columns of `csvHeader`.
    public func csvRows() -> [[String]] {
        [Self.csvHeader]
            + lines.map { line in
                [
                    line.finding.kind.rawValue, line.finding.key?.description ?? "", line.invoiceCode,
                    line.invoiceNumber, line.ledgerID, line.platformLine, line.difference?.field.rawValue ?? "",
                    line.difference?.ledgerValue ?? "", line.difference?.platformValue ?? "", line.issueDate,
                    line.sellerName, line.totalAmount, line.finding.note ?? "",
                ]
            }
    }

    /// The CSV report as UTF-8 bytes, CRLF line ends, formula-guarded, with a byte-order mark for Excel unless
    /// told otherwise.
    ///
    /// - Parameter byteOrderMark: start with a UTF-8 byte-order mark (default true, so Excel shows 汉字).
    public func csv(byteOrderMark: Bool = true) -> [UInt8] {
        CSVWriter(byteOrderMark: byteOrderMark).bytes(csvRows())
    }
}
