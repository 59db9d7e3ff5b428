import Capture
import Foundation
import InvoiceModel

/// Counts of what `invcap ingest` did, and its lines of output.
struct IngestSummary {
    var accepted = 0
    var toReview = 0
    var duplicateInvoices = 0
    var duplicateFiles = 0
    var failed = 0
    var failures: [String] = []

    mutating func add(_ outcome: IngestOutcome) {
        switch outcome {
        case .stored(let document):
            if document.state == .accepted { accepted += 1 } else { toReview += 1 }
            if document.duplicateOf != nil { duplicateInvoices += 1 }
        case .duplicateFile:
            duplicateFiles += 1
        case .failed(let path, let error):
            failed += 1
            failures.append("  \(path): \(error.code.rawValue): \(error.message)")
        }
    }

    /// The closing summary.
    func text(database: String) -> String {
        var lines = [
            "ingested \(accepted + toReview): \(accepted) accepted, \(toReview) to review (\(duplicateInvoices) of them duplicate invoices); \(duplicateFiles) files already stored; \(failed) failed"
        ]
        if !failures.isEmpty { lines += ["failed:"] + failures }
        lines.append("ledger: \(database)")
        return lines.joined(separator: "\n")
    }

    /// One line per file for people.
    static func line(_ outcome: IngestOutcome) -> String {
        switch outcome {
        case .stored(let document):
            let reasons =
                document.reasons.isEmpty
                ? ""
                : " — " + document.reasons.prefix(3).joined(separator: "; ")
                    + (document.reasons.count > 3 ? "; …" : "")
            return "#\(document.id) \(document.state.rawValue) \(document.fileName)\(reasons)"
        case .duplicateFile(let path, let id):
            return "already stored as #\(id): \(path)"
        case .failed(let path, let error):
            return "failed \(path): \(error.code.rawValue): \(error.message)"
        }
    }

    /// One JSON object per file for scripts.
    static func json(_ outcome: IngestOutcome) -> String {
        let object: JSONValue
        switch outcome {
        case .stored(let document):
            object = .object([
                ("status", .string("stored")), ("file", .string(document.fileName)), ("id", .int(Int(document.id))),
                ("state", .string(document.state.rawValue)),
                ("duplicateOf", document.duplicateOf.map { .int(Int($0)) } ?? .null),
                ("reasons", .array(document.reasons.map { .string($0) })),
            ])
        case .duplicateFile(let path, let id):
            object = .object([("status", .string("duplicate-file")), ("file", .string(path)), ("id", .int(Int(id)))])
        case .failed(let path, let error):
            object = .object([
                ("status", .string("error")), ("file", .string(path)),
                ("error", .object([("code", .string(error.code.rawValue)), ("message", .string(error.message))])),
            ])
        }
        return object.serialized()
    }
}
