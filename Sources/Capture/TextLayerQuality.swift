import InvoiceModel

/// Whether a text layer can be trusted instead of OCR.
///
/// Unusable: no text (a scan saved as PDF), or text from fonts without a Unicode map — replacement
/// characters, private-use code points and control characters, or words none of which an invoice
/// prints (glyph codes mapped to arbitrary characters).
enum TextLayerQuality {
    /// Words one of which every invoice or receipt prints, in Chinese, English, German, French, Dutch,
    /// Spanish or Italian.
    static let commonWords = [
        "发票", "合计", "金额", "税额", "名称", "日期", "号码", "价税", "开票", "total", "invoice", "amount", "date",
        "receipt", "tax", "qty", "price", "cash", "subtotal", "bill", "rechnung", "betrag", "datum", "mwst",
        "facture", "montant", "tva", "factuur", "bedrag", "btw", "factura", "importe", "iva", "fattura", "importo",
    ]

    static func isUsable(_ page: TextPage) -> Bool {
        guard page.characterCount >= 20 else { return false }
        var garbage = 0
        var total = 0
        for line in page.lines {
            for scalar in line.text.unicodeScalars where !scalar.properties.isWhitespace {
                total += 1
                switch scalar.value {
                case 0xFFFD, 0xE000...0xF8FF, 0x00...0x1F, 0x7F...0x9F: garbage += 1
                default: break
                }
            }
        }
        guard total > 0, garbage * 20 < total else { return false }
        let text = page.lines.map(\.text).joined(separator: " ").lowercased()
        let compact = text.filter { !$0.isWhitespace }
        return commonWords.contains { compact.contains($0) }
    }
}
