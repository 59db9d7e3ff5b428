import Foundation
import InvoiceModel

/// Writes reports to stdout as JSON Lines or as a readable summary.
struct ReportPrinter {
    let json: Bool
    let words: Bool

    func print(_ report: DocumentReport, totalMilliseconds: Int) {
        if json {
            write(report.contractJSON(totalMilliseconds: totalMilliseconds, includeWords: words).serialized() + "\n")
        } else {
            write(summary(report, totalMilliseconds: totalMilliseconds))
        }
    }

    func printTotals(files: Int, failed: Int) {
        guard files > 1 else { return }
        write("\(files) files: \(files - failed) read, \(failed) failed\n")
    }

    private func summary(_ report: DocumentReport, totalMilliseconds: Int) -> String {
        var out = ""
        switch report.outcome {
        case .failed(let error, _):
            out += "\(report.file): error \(error.code.rawValue): \(error.message)\n"
        case .recognized(let document):
            let pages = document.pages.count == 1 ? "1 page" : "\(document.pages.count) pages"
            out += "\(report.file): ok, \(pages), \(totalMilliseconds) ms\n"
            let kind = [document.documentType, document.invoiceKind].compactMap { $0 }.joined(separator: ", ")
            if !kind.isEmpty { out += "  document: \(kind)\n" }
            for name in FieldName.allCases {
                guard let field = document.fields[name] else { continue }
                let mark = field.flagged ? "  ⚑ review" : ""
                let label = name.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
                out += "  \(label) \(field.value)  ("
                out += String(format: "%.2f", field.confidence) + ", \(field.source.rawValue))\(mark)\n"
            }
            for check in document.checks where !check.passed {
                out += "  check failed: \(check.message ?? check.rule)\n"
            }
            out +=
                document.review.required
                ? "  review required: \(document.review.reasons.joined(separator: "; "))\n"
                : "  no review needed\n"
            for page in document.pages {
                out += "  page \(page.number): \(page.width)×\(page.height) px at \(page.dpi) dpi"
                out += page.rotation == 0 ? ", upright" : ", turned \(page.rotation)°"
                out += String(format: ", skew %.2f°, %d words", page.skewDegrees, page.words.count)
                if let mean = page.meanConfidence { out += String(format: ", mean confidence %.2f", mean) }
                out += "\n"
                for line in page.lines {
                    out += "    \(line.text)\n"
                    guard words else { continue }
                    for word in line.words {
                        let box = word.box
                        out += String(
                            format: "      %@  %.2f  [%d, %d, %d, %d]\n", word.text, word.confidence, box.x, box.y,
                            box.width, box.height)
                    }
                }
            }
        }
        return out
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
