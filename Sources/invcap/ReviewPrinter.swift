import Foundation
import InvoiceModel
import Storage

/// How review commands print documents for people and scripts.
enum ReviewPrinter {
    /// One queue line: `#12  needs_review  2024-03-15  1234.50  Seller  file.png — first reason (+2)`.
    static func line(_ row: DocumentSummary) -> String {
        let first =
            row.reasons.first.map { " — \($0)" + (row.reasons.count > 1 ? " (+\(row.reasons.count - 1))" : "") } ?? ""
        let parts = [
            "#\(row.id)", row.state.rawValue, row.issueDate ?? "-", row.totalAmount ?? "-", row.sellerName ?? "-",
            row.fileName,
        ]
        return parts.joined(separator: "  ") + first
    }

    /// The whole document for a reviewer.
    static func document(_ document: StoredDocument, ledger: any Ledger) -> String {
        var lines = [
            "#\(document.id) \(document.state.rawValue)  \(document.documentType ?? "unknown type")"
                + (document.invoiceKind.map { " (\($0))" } ?? "")
                + "  \(document.fileName)  version \(document.version)"
        ]
        if let duplicateOf = document.duplicateOf { lines.append("duplicate of #\(duplicateOf) (该发票已存在)") }
        if let creditOf = document.creditOf { lines.append("red-letter invoice of #\(creditOf)") }
        lines.append("original: \(ledger.blobLocation(document.sha256))")
        for page in document.pages {
            let image = page.imageSHA256.map { ledger.blobLocation($0) } ?? "(no image kept)"
            lines.append("page \(page.number): \(page.width)×\(page.height) \(image)")
        }
        lines.append("fields:")
        for name in FieldName.allCases {
            guard let field = document.fields[name] else { continue }
            lines.append(fieldLine(name.rawValue, field))
        }
        for (index, item) in document.lineItems.enumerated() {
            lines.append("line \(index + 1):")
            for name in LineItemFieldName.allCases {
                guard let field = item[name] else { continue }
                lines.append("  " + fieldLine(name.rawValue, field))
            }
        }
        let failed = document.checks.filter { !$0.passed }
        lines.append("checks: \(document.checks.count - failed.count) of \(document.checks.count) pass")
        for check in failed { lines.append("  FAIL \(check.rule): \(check.message ?? "")") }
        if !document.reasons.isEmpty {
            lines.append("needs review because:")
            lines += document.reasons.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    static func fieldLine(_ name: String, _ field: ExtractedField) -> String {
        let mark = field.flagged ? "!" : " "
        let confidence = String(format: "%.2f", field.confidence)
        return
            "\(mark) \(name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(field.value)  (\(confidence), \(field.source.rawValue))"
    }

    /// What a correction did and what the checks now say.
    static func correction(_ correction: Correction, path: FieldPath) -> String {
        let document = correction.document
        var lines: [String] = []
        if !correction.changed {
            lines.append("#\(document.id) \(path): unchanged")
        } else {
            let value: String =
                switch path {
                case .document(let name): document.fields[name]?.value ?? "(removed)"
                case .lineItem(let index, let name): document.lineItems[index][name]?.value ?? "(removed)"
                }
            lines.append("#\(document.id) \(path) = \(value)")
        }
        for check in correction.checks {
            lines.append("  \(check.passed ? "ok  " : "FAIL") \(check.rule): \(check.message ?? "")")
        }
        lines.append(
            document.reasons.isEmpty
                ? "nothing left to review: accept it with invcap review accept \(document.id)"
                : "still to review: " + document.reasons.joined(separator: "; "))
        return lines.joined(separator: "\n")
    }
}
