/// The outcome of comparing the ledger with a tax-platform list: what matched, and every finding.
public struct ReconciliationReport: Sendable, Hashable {
    /// How many invoices matched with no differences.
    public var matchedCount: Int
    /// Every finding, sorted by kind, then key, ledger id and platform line.
    public var findings: [ReconciliationFinding]

    /// Creates a report; `findings` are sorted into the report's order.
    public init(matchedCount: Int, findings: [ReconciliationFinding]) {
        self.matchedCount = matchedCount
        self.findings = findings.sorted(by: ReconciliationFinding.reportOrder)
    }

    /// The findings of one kind, in report order.
    ///
    /// - Parameter kind: the kind.
    public func findings(_ kind: ReconciliationFinding.Kind) -> [ReconciliationFinding] {
        findings.filter { $0.kind == kind }
    }

    /// Whether the two sides agree completely: no findings of any kind.
    public var isClean: Bool { findings.isEmpty }
}

/// One thing reconciliation found: an invoice on one side only, a matched pair that differs, a duplicate, or a
/// platform row that could not be read.
public struct ReconciliationFinding: Sendable, Hashable {
    /// What was found; the raw values are stable kebab-case words used in the CSV report.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
        /// In the ledger but not on the platform.
        case onlyInLedger = "only-in-ledger"
        /// On the platform but not in the ledger.
        case onlyOnPlatform = "only-on-platform"
        /// On both sides with different values.
        case different = "different"
        /// Two or more ledger invoices with the same key.
        case duplicateInLedger = "duplicate-in-ledger"
        /// Two or more platform rows with the same key.
        case duplicateOnPlatform = "duplicate-on-platform"
        /// A platform row that could not be read.
        case unreadablePlatformRow = "unreadable-platform-row"

        /// Orders kinds as declared.
        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
        }
    }

    /// What was found.
    public var kind: Kind
    /// The key the invoices matched on, or the invoice's own key; `nil` when it has none.
    public var key: InvoiceKey?
    /// The ledger invoice concerned, if any.
    public var ledger: LedgerInvoice?
    /// The platform row concerned, if any.
    public var platform: PlatformInvoice?
    /// For `different`: each field that differs.
    public var differences: [FieldDifference]
    /// For `unreadablePlatformRow`: why the row could not be read.
    public var rowError: PlatformRowError?
    /// A hint for people (e.g. that a spreadsheet may have dropped a leading zero), or `nil`.
    public var note: String?

    /// Creates a finding.
    public init(
        kind: Kind, key: InvoiceKey?, ledger: LedgerInvoice? = nil, platform: PlatformInvoice? = nil,
        differences: [FieldDifference] = [], rowError: PlatformRowError? = nil, note: String? = nil
    ) {
        self.kind = kind
        self.key = key
        self.ledger = ledger
        self.platform = platform
        self.differences = differences
        self.rowError = rowError
        self.note = note
    }

    /// The platform line concerned: the row's, or the unreadable row's.
    public var platformLine: Int? { platform?.line ?? rowError?.line }

    /// Report order: kind, key (keyless last), ledger id, platform line.
    static func reportOrder(_ lhs: ReconciliationFinding, _ rhs: ReconciliationFinding) -> Bool {
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        if lhs.key != rhs.key {
            guard let left = lhs.key else { return false }
            guard let right = rhs.key else { return true }
            return left < right
        }
        if lhs.ledger?.id != rhs.ledger?.id { return (lhs.ledger?.id ?? .max) < (rhs.ledger?.id ?? .max) }
        if lhs.platformLine != rhs.platformLine { return (lhs.platformLine ?? .max) < (rhs.platformLine ?? .max) }
        return (lhs.rowError?.message ?? "") < (rhs.rowError?.message ?? "")
    }
}

/// One field whose values differ between a ledger invoice and its platform row.
public struct FieldDifference: Sendable, Hashable {
    /// The fields reconciliation compares.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        /// 金额.
        case amountExcludingTax
        /// 税额.
        case taxAmount
        /// 价税合计.
        case totalAmount
        /// 开票日期.
        case issueDate
        /// 销方识别号.
        case sellerTaxID
    }

    /// The field.
    public var field: Field
    /// The ledger's value in the contract's format (empty when the ledger has none).
    public var ledgerValue: String
    /// The platform's value in the contract's format.
    public var platformValue: String

    /// Creates a difference.
    public init(field: Field, ledgerValue: String, platformValue: String) {
        self.field = field
        self.ledgerValue = ledgerValue
        self.platformValue = platformValue
    }
}
