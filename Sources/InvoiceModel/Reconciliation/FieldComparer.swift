import Foundation

/// The field-by-field comparison of a matched ledger invoice and platform row.
enum FieldComparer {
    /// The fields that differ, in `FieldDifference.Field` order.
    ///
    /// A value the platform row lacks is not compared (the export may not have that column); a value only the
    /// ledger lacks is a difference, shown with an empty ledger value.
    static func differences(_ ledger: LedgerInvoice, _ platform: PlatformInvoice) -> [FieldDifference] {
        var differences: [FieldDifference] = []
        func compare(_ field: FieldDifference.Field, _ ledgerValue: String?, _ platformValue: String?) {
            guard let platformValue, ledgerValue != platformValue else { return }
            differences.append(
                FieldDifference(field: field, ledgerValue: ledgerValue ?? "", platformValue: platformValue))
        }
        compare(
            .amountExcludingTax, ledger.amountExcludingTax.map(Money.format),
            platform.amountExcludingTax.map(Money.format))
        compare(.taxAmount, ledger.taxAmount.map(Money.format), platform.taxAmount.map(Money.format))
        compare(.totalAmount, ledger.totalAmount.map(Money.format), platform.totalAmount.map(Money.format))
        compare(.issueDate, date(ledger.issueDate), date(platform.issueDate))
        compare(.sellerTaxID, KeyFields.compact(ledger.sellerTaxID), KeyFields.compact(platform.sellerTaxID))
        return differences
    }

    /// A date as `YYYY-MM-DD` when it reads as one, else trimmed as given; `nil` when blank.
    private static func date(_ value: String?) -> String? {
        guard let value else { return nil }
        let trimmed = PlatformCell.trimmed(value)
        guard !trimmed.isEmpty else { return nil }
        return PlatformCell.date(trimmed) ?? trimmed
    }
}
