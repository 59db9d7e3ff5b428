/// One line of a rendered report: a finding, or one difference of a `different` finding.
struct ReportLine {
    var finding: ReconciliationFinding
    var difference: FieldDifference?

    /// The platform row: the matched or unmatched one, or what could be read of an unreadable one.
    var platform: PlatformInvoice? { finding.platform ?? finding.rowError?.partialInvoice }
    /// 发票代码 from the ledger, else the platform.
    var invoiceCode: String { finding.ledger?.invoiceCode ?? platform?.invoiceCode ?? "" }
    /// 发票号码 (or the 数电 number) from the ledger, else the platform.
    var invoiceNumber: String {
        finding.ledger?.invoiceNumber ?? platform?.digitalInvoiceNumber ?? platform?.invoiceNumber ?? ""
    }
    /// The ledger id, or empty.
    var ledgerID: String { finding.ledger.map { String($0.id) } ?? "" }
    /// The platform line, or empty.
    var platformLine: String { finding.platformLine.map(String.init) ?? "" }
    /// 开票日期 from the ledger, else the platform.
    var issueDate: String { finding.ledger?.issueDate ?? platform?.issueDate ?? "" }
    /// 销方名称 from the ledger, else the platform.
    var sellerName: String { finding.ledger?.sellerName ?? platform?.sellerName ?? "" }
    /// 价税合计 from the ledger, else the platform, in the contract's format.
    var totalAmount: String { (finding.ledger?.totalAmount ?? platform?.totalAmount).map(Money.format) ?? "" }
}

extension ReconciliationReport {
    /// The report's lines: one per finding, one per difference for `different` findings.
    var lines: [ReportLine] {
        findings.flatMap { finding in
            finding.differences.isEmpty
                ? [ReportLine(finding: finding)]
                : finding.differences.map { ReportLine(finding: finding, difference: $0) }
        }
    }

    /// Counts for the summary line, e.g. `3 matched, 1 different, 2 only in ledger, …`.
    public var summary: String {
        let counts: [(Int, String)] = [
            (matchedCount, "matched"),
            (findings(.different).count, "different"),
            (findings(.onlyInLedger).count, "only in ledger"),
            (findings(.onlyOnPlatform).count, "only on platform"),
            (findings(.duplicateInLedger).count, "duplicated in ledger"),
            (findings(.duplicateOnPlatform).count, "duplicated on platform"),
            (findings(.unreadablePlatformRow).count, "unreadable platform rows"),
        ]
        return counts.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }
}

extension ReconciliationFinding.Kind {
    /// The kind in words for people.
    var label: String {
        switch self {
        case .onlyInLedger: return "only in ledger"
        case .onlyOnPlatform: return "only on platform"
        case .different: return "different"
        case .duplicateInLedger: return "duplicate in ledger"
        case .duplicateOnPlatform: return "duplicate on platform"
        case .unreadablePlatformRow: return "unreadable row"
        }
    }
}
