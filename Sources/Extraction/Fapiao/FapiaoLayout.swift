import InvoiceModel

/// The two printed fapiao layouts (FAPIAO.md §5).
enum FapiaoLayout: Sendable, Hashable {
    /// 税控 invoices (增值税电子普通发票, 普通发票, 专用发票): 发票代码 + 8-digit 发票号码, 密码区, seller block
    /// in the last row, 收款人/复核/开票人 footer.
    case taxControl
    /// 数电 invoices (电子发票（普通发票）/（增值税专用发票）): 20-digit 发票号码, buyer and seller side by side.
    case digital

    /// Fields every invoice of this layout prints: when one is not read, a person must look.
    func printedFields(special: Bool) -> [FieldName] {
        switch self {
        case .taxControl:
            return [
                .invoiceTitle, .invoiceCode, .invoiceNumber, .issueDate, .machineNumber, .buyerName, .sellerName,
                .sellerTaxID, .amountExcludingTax, .taxAmount, .totalAmount, .totalAmountInWords, .drawer,
            ] + (special ? [] : [.checkCode])
        case .digital:
            return [
                .invoiceTitle, .invoiceNumber, .issueDate, .buyerName, .sellerName, .sellerTaxID, .amountExcludingTax,
                .taxAmount, .totalAmount, .totalAmountInWords, .drawer,
            ]
        }
    }

    /// Fields of both layouts whose boxes may be left empty (a private buyer has no tax ID).
    static let mayBeEmpty: [FieldName] = [
        .buyerTaxID, .buyerAddressPhone, .buyerBankAccount, .sellerAddressPhone, .sellerBankAccount, .remarks, .payee,
        .reviewer,
    ]

    /// The layout implied by the grid: the tax-control last row holds the seller block and 备注 (three
    /// inner rules); the 数电 last row holds only 备注 (one).
    static func guess(from grid: FapiaoGrid) -> FapiaoLayout {
        let last = grid.rows.count - 1
        return grid.columns(ofRow: last).count >= 3 ? .taxControl : .digital
    }
}
