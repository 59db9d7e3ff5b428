import Foundation
public import InvoiceModel

/// The numbers the confidence model sees for one field value.
public enum ConfidenceFeatures {
    /// Feature names, in vector order (the model file lists them to guard against mismatched versions).
    public static let names = [
        "bias", "source-qr", "source-derived", "source-embedded", "read-confidence", "read-confidence-squared",
        "format-valid", "confirmed", "confirmed-twice", "conflict", "check-passed", "check-failed", "repaired",
        "free-text", "free-text-length", "free-text-read-confidence", "latin-document", "latin-free-text",
        "latin-read-confidence", "page-quality", "latin-page-quality", "receipt", "receipt-free-text-lower-case",
        "free-text-mean-read-confidence",
    ]

    /// Fields whose values are free text (names, addresses) rather than codes, dates or amounts.
    public static let freeTextFields: Set<String> = [
        FieldName.invoiceTitle, .buyerName, .buyerAddressPhone, .buyerBankAccount, .sellerName, .sellerAddress,
        .sellerAddressPhone, .sellerBankAccount, .remarks, .payee, .reviewer, .drawer, .totalAmountInWords,
    ].map(\.rawValue).reduce(into: Set<String>()) { $0.insert($1) }
        .union([LineItemFieldName.name, .specification, .unit].map { "lineItem." + $0.rawValue })

    /// The checks that bear on an item column: a line's amount, tax and rate are corroborated by the line
    /// sums and by tax ≈ amount × rate on every line (names, units and quantities by none).
    public static func lineChecks(for column: LineItemFieldName, in checks: [CheckResult]) -> [CheckResult] {
        let rules: Set<String>
        switch column {
        case .amount: rules = ["line-amounts-sum", "line-tax-rate"]
        case .tax: rules = ["line-taxes-sum", "line-tax-rate"]
        case .taxRate: rules = ["line-tax-rate"]
        default: return []
        }
        return checks.filter { rules.contains($0.rule) }
    }

    /// The feature vector of `evidence` for the field named `field` (`lineItem.name` for item fields), given
    /// the outcomes of the checks that involve it, the document type (`fapiao`, `invoice`, `receipt`) and
    /// how well the page read as a whole (`ExtractedDocument.pageQuality`).
    public static func vector(
        field: String, evidence: FieldEvidence, checks: [CheckResult], documentType: String?, pageQuality: Double = 1
    ) -> [Double] {
        let freeText = freeTextFields.contains(field) ? 1.0 : 0.0
        let latin = documentType == "fapiao" ? 0.0 : 1.0
        let read = evidence.readConfidence
        let length = Double(evidence.value.count)
        // Receipt labels (SROIE's among them) often write names and addresses in capitals whatever the
        // print: a mixed-case reading of a receipt's name or address is judged against that. (Invoices
        // are labelled as printed.)
        let lowerCase = evidence.value.contains { $0.isLowercase && $0.isASCII } ? 1.0 : 0.0
        return [
            1,
            evidence.source == .qr ? 1 : 0,
            evidence.source == .derived ? 1 : 0,
            evidence.source == .embedded || evidence.source == .textLayer ? 1 : 0,
            read,
            read * read,
            evidence.formatValid ? 1 : 0,
            evidence.confirmations >= 1 ? 1 : 0,
            evidence.confirmations >= 2 ? 1 : 0,
            evidence.conflicts > 0 ? 1 : 0,
            checks.contains { $0.passed } ? 1 : 0,
            checks.contains { !$0.passed } ? 1 : 0,
            evidence.repaired ? 1 : 0,
            freeText,
            freeText * log(1 + length),
            freeText * read,
            latin,
            latin * freeText,
            latin * read,
            pageQuality,
            latin * pageQuality,
            documentType == "receipt" ? 1 : 0,
            (documentType == "receipt" ? 1 : 0) * freeText * lowerCase,
            freeText * (evidence.meanReadConfidence ?? read),
        ]
    }
}
