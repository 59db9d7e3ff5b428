extension StoredDocument {
    /// The document as the ledger side of a reconciliation with the tax platform.
    public var ledgerInvoice: LedgerInvoice {
        LedgerInvoice(
            id: id, invoiceCode: value(.invoiceCode), invoiceNumber: value(.invoiceNumber),
            issueDate: value(.issueDate), sellerTaxID: value(.sellerTaxID), sellerName: value(.sellerName),
            amountExcludingTax: value(.amountExcludingTax).flatMap(Money.parse),
            taxAmount: value(.taxAmount).flatMap(Money.parse), totalAmount: value(.totalAmount).flatMap(Money.parse))
    }
}
