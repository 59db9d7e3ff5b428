/// Compares the invoices in the ledger with a tax platform's list of the invoices issued to the company.
///
/// Users' commonest problem: an invoice they hold is missing from the platform (not yet issued, red-lettered,
/// or captured wrong), or the platform lists one they never captured.
///
/// Matching runs in three passes, each over what earlier passes left unmatched:
/// 1. the 20-digit 数电 number;
/// 2. 发票代码 + 发票号码, when both sides have both;
/// 3. 发票号码 + seller tax ID, when at least one side has no 发票代码 (two different codes never match).
///
/// Invoice numbers are compared exactly, leading zeros included: a number a spreadsheet shortened
/// (`2708659` for `02708659`) does not match, and the report says why it may not have.
public enum Reconciliation {
    /// Compares ledger invoices with platform rows.
    ///
    /// Duplicated keys on either side are reported, and then matched one to one in id / line order, so an extra
    /// copy also shows as unmatched. Matched pairs are compared on amounts (as decimals, to the cent), issue date
    /// and seller tax ID (upper case, no spaces); a value the platform row lacks is not compared, one the ledger
    /// lacks is a difference.
    ///
    /// - Parameters:
    ///   - ledger: the ledger's invoices.
    ///   - platform: the platform's rows.
    /// - Returns: the report, sorted deterministically.
    public static func compare(ledger: [LedgerInvoice], platform: [PlatformInvoice]) -> ReconciliationReport {
        let ledgerSide = ledger.sorted { $0.id < $1.id }.map { (invoice: $0, keys: KeyFields($0)) }
        let platformSide = platform.sorted { $0.line < $1.line }.map { (invoice: $0, keys: KeyFields($0)) }
        var matcher = Matcher(ledger: ledgerSide.map(\.keys), platform: platformSide.map(\.keys))
        matcher.pass({ $0.digital.map(InvoiceKey.digital) }, compatible: { _, _ in true })
        matcher.pass(
            { fields in fields.code.flatMap { code in fields.number.map { .codeAndNumber(code: code, number: $0) } } },
            compatible: { _, _ in true })
        matcher.pass(
            { fields in
                fields.number.flatMap { number in
                    fields.sellerTaxID.map { .numberAndSeller(number: number, sellerTaxID: $0) }
                }
            },
            compatible: { $0.code == nil || $1.code == nil })

        var findings: [ReconciliationFinding] = []
        var matchedCount = 0
        for pair in matcher.pairs {
            let ledgerInvoice = ledgerSide[pair.ledger].invoice
            let platformInvoice = platformSide[pair.platform].invoice
            let differences = FieldComparer.differences(ledgerInvoice, platformInvoice)
            if differences.isEmpty {
                matchedCount += 1
            } else {
                findings.append(
                    ReconciliationFinding(
                        kind: .different, key: pair.key, ledger: ledgerInvoice, platform: platformInvoice,
                        differences: differences))
            }
        }
        for (index, side) in ledgerSide.enumerated() where !matcher.ledgerMatched[index] {
            findings.append(
                ReconciliationFinding(
                    kind: .onlyInLedger, key: side.keys.primaryKey, ledger: side.invoice,
                    note: ReconciliationNotes.unmatched(side.keys)))
        }
        for (index, side) in platformSide.enumerated() where !matcher.platformMatched[index] {
            findings.append(
                ReconciliationFinding(
                    kind: .onlyOnPlatform, key: side.keys.primaryKey, platform: side.invoice,
                    note: ReconciliationNotes.unmatched(side.keys)))
        }
        findings += duplicates(ledgerSide) {
            ReconciliationFinding(kind: .duplicateInLedger, key: nil, ledger: $0)
        } label: {
            "ledger invoices (ids \($0.map { String($0.id) }.joined(separator: ", ")))"
        }
        findings += duplicates(platformSide) {
            ReconciliationFinding(kind: .duplicateOnPlatform, key: nil, platform: $0)
        } label: {
            "platform rows (lines \($0.map { String($0.line) }.joined(separator: ", ")))"
        }
        return ReconciliationReport(matchedCount: matchedCount, findings: findings)
    }

    /// Compares ledger invoices with a platform list, reporting its unreadable rows as findings too: an
    /// unreadable row may be the invoice the ledger misses, and a ledger invoice whose key an unreadable row
    /// carries says so in its note.
    ///
    /// - Parameters:
    ///   - ledger: the ledger's invoices.
    ///   - platform: the platform list as read.
    /// - Returns: the report, sorted deterministically.
    public static func compare(ledger: [LedgerInvoice], platform: PlatformList) -> ReconciliationReport {
        let report = compare(ledger: ledger, platform: platform.invoices)
        let unreadable = platform.rowErrors.map {
            ReconciliationFinding(
                kind: .unreadablePlatformRow, key: $0.partialInvoice.flatMap { KeyFields($0).primaryKey },
                rowError: $0, note: $0.message)
        }
        var findings = report.findings
        for index in findings.indices where findings[index].kind == .onlyInLedger {
            guard let key = findings[index].key else { continue }
            let lines = unreadable.filter { $0.key == key }.compactMap(\.platformLine)
            guard !lines.isEmpty else { continue }
            let hint =
                "platform line \(lines.map(String.init).joined(separator: ", ")) has this key but could not be read"
            findings[index].note = [findings[index].note, hint].compactMap { $0 }.joined(separator: "; ")
        }
        return ReconciliationReport(matchedCount: report.matchedCount, findings: findings + unreadable)
    }

    /// One finding per member of each group of invoices sharing a primary key, noting the whole group.
    private static func duplicates<Invoice>(
        _ side: [(invoice: Invoice, keys: KeyFields)], finding: (Invoice) -> ReconciliationFinding,
        label: ([Invoice]) -> String
    ) -> [ReconciliationFinding] {
        var groups: [InvoiceKey: [Invoice]] = [:]
        for member in side {
            if let key = member.keys.primaryKey { groups[key, default: []].append(member.invoice) }
        }
        var findings: [ReconciliationFinding] = []
        for (key, members) in groups where members.count > 1 {
            for member in members {
                var duplicate = finding(member)
                duplicate.key = key
                duplicate.note = "\(members.count) \(label(members)) share this key"
                findings.append(duplicate)
            }
        }
        return findings
    }
}
