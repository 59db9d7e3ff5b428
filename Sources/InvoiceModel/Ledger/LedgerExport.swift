public import Foundation

/// The rows `invcap export` writes: one per invoice (and optionally one per line item), in CSV or JSON Lines.
public enum LedgerExport {
    /// The invoice file's header: the ledger's own columns, then every CONTRACT.md field.
    public static var header: [String] {
        ["id", "state", "file", "documentType", "invoiceKind"] + FieldName.allCases.map(\.rawValue)
            + ["lineItems", "duplicateOf", "creditOf", "createdAt", "updatedAt", "sha256"]
    }

    /// The line-item file's header.
    public static var itemHeader: [String] {
        ["id", "line"] + LineItemFieldName.allCases.map(\.rawValue)
    }

    /// One row per document.
    ///
    /// - Parameters:
    ///   - documents: the documents.
    ///   - excelText: write digit strings a spreadsheet would damage (leading zeros, more than 15 digits:
    ///     `00316340`, 20-digit 数电 numbers and check codes) as `="00316340"`, so Excel keeps them as text.
    public static func rows(_ documents: [StoredDocument], excelText: Bool) -> [[String]] {
        [header]
            + documents.map { document in
                let fields = FieldName.allCases.map { name in
                    let value = document.value(name) ?? ""
                    return excelText ? protectedDigits(value) : value
                }
                return [
                    String(document.id), document.state.rawValue, document.fileName, document.documentType ?? "",
                    document.invoiceKind ?? "",
                ] + fields + [
                    String(document.lineItems.count), document.duplicateOf.map(String.init) ?? "",
                    document.creditOf.map(String.init) ?? "", StoredDocument.timestamp(document.createdAt),
                    StoredDocument.timestamp(document.updatedAt), document.sha256,
                ]
            }
    }

    /// One row per line item of each document.
    public static func itemRows(_ documents: [StoredDocument], excelText: Bool) -> [[String]] {
        [itemHeader]
            + documents.flatMap { document in
                document.lineItems.enumerated().map { index, item in
                    [String(document.id), String(index + 1)]
                        + LineItemFieldName.allCases.map { name in
                            let value = item[name]?.value ?? ""
                            return excelText ? protectedDigits(value) : value
                        }
                }
            }
    }

    /// The documents an export covers: those in `status` (`accepted`, `needs_review`, `rejected`, or `all`)
    /// stored on or after `since`, in ledger order.
    public static func documents(_ status: String, since: Date?, from store: any InvoiceStore) async throws
        -> [StoredDocument]
    {
        var documents: [StoredDocument] = []
        for state in DocumentState(rawValue: status).map({ [$0] }) ?? DocumentState.allCases {
            documents += try await store.documents(in: state, since: since)
        }
        return documents.sorted { $0.id < $1.id }
    }

    /// Midnight UTC of `day` (`YYYY-MM-DD`), or `nil` when it is no calendar day (`--since`, `?since=`).
    public static func startOfDay(_ day: String) -> Date? {
        guard let match = day.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})/), let year = Int(match.1),
            let month = Int(match.2), let dayOfMonth = Int(match.3), let utc = TimeZone(identifier: "UTC")
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let components = DateComponents(year: year, month: month, day: dayOfMonth)
        guard let date = calendar.date(from: components),
            calendar.dateComponents([.year, .month, .day], from: date) == components
        else { return nil }
        return date
    }

    /// `="00316340"` for digit strings Excel would change (leading zero, or over 15 digits); others unchanged.
    public static func protectedDigits(_ value: String) -> String {
        guard value.count > 1, value.allSatisfy(\.isASCIIDigit), value.hasPrefix("0") || value.count > 15 else {
            return value
        }
        return "=\"\(value)\""
    }
}
