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
        "free-text-mean-read-confidence", "field-name", "field-address", "field-amount", "field-date",
        "receipt-name", "receipt-address",
    ]

    /// Fields whose values are free text (names, addresses) rather than codes, dates or amounts.
    public static let freeTextFields: Set<String> = [
        FieldName.invoiceTitle, .buyerName, .buyerAddressPhone, .buyerBankAccount, .sellerName, .sellerAddress,
        .sellerAddressPhone, .sellerBankAccount, .remarks, .payee, .reviewer, .drawer, .totalAmountInWords,
    ].map(\.rawValue).reduce(into: Set<String>()) { $0.insert($1) }
        .union([LineItemFieldName.name, .specification, .unit].map { "lineItem." + $0.rawValue })

    /// Names of parties and people: read as often wrong as free text is, and checked by nothing.
    static let nameFields: Set<String> = Set(DocumentScorer.nameFields.map(\.rawValue)).union(["lineItem.name"])

    /// Addresses and bank lines: the longest free text, over several printed lines on receipts.
    static let addressFields: Set<String> = [
        FieldName.buyerAddressPhone, .buyerBankAccount, .sellerAddress, .sellerAddressPhone, .sellerBankAccount,
    ].map(\.rawValue).reduce(into: Set<String>()) { $0.insert($1) }

    /// Money: found among other amounts (subtotals, tax lines, change), so picking the wrong one is the risk.
    static let amountFields: Set<String> = [
        FieldName.amountExcludingTax, .taxAmount, .totalAmount,
    ].map(\.rawValue).reduce(into: Set<String>()) { $0.insert($1) }
        .union([LineItemFieldName.amount, .tax, .unitPrice, .quantity].map { "lineItem." + $0.rawValue })

    /// The checks that count as evidence for the fields of `document`: all but a check whose equation
    /// produced one of the document's values — it holds by construction (a tax derived as total − amount
    /// does not confirm amount + tax = total). The scorer and the calibration both use this, once a
    /// document, then `checks(for:in:)` per field.
    public static func independentChecks(of document: ExtractedDocument, in checks: [CheckResult]) -> [CheckResult] {
        let circular = Set(document.fields.values.compactMap(\.derivedBy))
        return checks.filter { !circular.contains($0.rule) }
    }

    /// The checks among `independent` (see `independentChecks(of:in:)`) that involve `field`.
    public static func checks(for field: FieldName, in independent: [CheckResult]) -> [CheckResult] {
        independent.filter { $0.fields.contains(field) }
    }

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
        vector(
            FeatureInput(
                field: field, evidence: evidence, checks: checks, documentType: documentType, pageQuality: pageQuality))
    }

    /// The feature vector of one value's evidence.
    public static func vector(_ input: FeatureInput) -> [Double] {
        let field = input.field
        let freeText = freeTextFields.contains(field) ? 1.0 : 0.0
        let latin = input.documentType == "fapiao" ? 0.0 : 1.0
        let read = input.readConfidence
        let length = Double(input.value.count)
        // Receipt labels (SROIE's among them) often write names and addresses in capitals whatever the
        // print: a mixed-case reading of a receipt's name or address is judged against that. (Invoices
        // are labelled as printed.)
        let lowerCase = input.value.contains { $0.isLowercase && $0.isASCII } ? 1.0 : 0.0
        let receipt = input.documentType == "receipt" ? 1.0 : 0.0
        // Each kind of field has its own base rate of error (a receipt's address is right about half as
        // often as its total); identifiers, codes and the rest share the intercept.
        let name = nameFields.contains(field) ? 1.0 : 0.0
        let address = addressFields.contains(field) ? 1.0 : 0.0
        return [
            1,
            input.source == .qr ? 1 : 0,
            input.source == .derived ? 1 : 0,
            input.source == .embedded || input.source == .textLayer ? 1 : 0,
            read,
            read * read,
            input.formatValid ? 1 : 0,
            input.confirmations >= 1 ? 1 : 0,
            input.confirmations >= 2 ? 1 : 0,
            input.conflicts > 0 ? 1 : 0,
            input.checkPassed ? 1 : 0,
            input.checkFailed ? 1 : 0,
            input.repaired ? 1 : 0,
            freeText,
            freeText * log(1 + length),
            freeText * read,
            latin,
            latin * freeText,
            latin * read,
            input.pageQuality,
            latin * input.pageQuality,
            receipt,
            receipt * freeText * lowerCase,
            freeText * (input.meanReadConfidence ?? read),
            name,
            address,
            amountFields.contains(field) ? 1 : 0,
            field == FieldName.issueDate.rawValue ? 1 : 0,
            receipt * name,
            receipt * address,
        ]
    }
}
