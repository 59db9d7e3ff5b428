import Foundation

/// The key that names one invoice whatever file it arrives in (DESIGN.md: duplicates by business key).
///
/// - a 20-digit 数电 number alone: `digital:24312000000012345678`;
/// - 发票代码 + 发票号码: `code:032002100611:27086599`;
/// - otherwise the seller's tax ID + the invoice number: `seller:91320594MA1MFD7F31:INV-001`.
public enum BusinessKey {
    /// The key the fields give, or `nil` when they give none (no number, or neither a code nor a seller ID).
    ///
    /// - Parameter fields: contract-format values.
    public static func of(_ fields: [FieldName: String]) -> String? {
        guard let number = compact(fields[.invoiceNumber]) else { return nil }
        if number.count == 20, number.allSatisfy(\.isASCIIDigit) { return "digital:\(number)" }
        if let code = compact(fields[.invoiceCode]) { return "code:\(code):\(number)" }
        if let seller = compact(fields[.sellerTaxID]) { return "seller:\(seller.uppercased()):\(number.uppercased())" }
        return nil
    }

    /// The key of the original invoice a red-letter (负数) invoice's remarks name, or `nil`.
    ///
    /// Invoicing software prints `对应正数发票代码:032001900111号码:12345678` on red-letter tax-control
    /// invoices and `被红冲蓝字数电发票号码:24312000000012345678` (or 全电) on red-letter 数电 invoices.
    ///
    /// - Parameter remarks: the 备注 text.
    public static func creditedKey(remarks: String) -> String? {
        let text = String(remarks.filter { !$0.isWhitespace })
        if let range = text.range(of: "蓝字"), let digits = digitRun(in: text[range.upperBound...], length: 20) {
            return "digital:\(digits)"
        }
        guard let codeLabel = text.range(of: "正数发票代码") ?? text.range(of: "原发票代码") else { return nil }
        let afterCode = text[codeLabel.upperBound...]
        guard let code = digitRun(in: afterCode, lengths: [12, 10]), let numberLabel = afterCode.range(of: "号码"),
            let number = digitRun(in: afterCode[numberLabel.upperBound...], lengths: [8, 20])
        else { return nil }
        return "code:\(code):\(number)"
    }

    /// The value without spaces, or `nil` when blank.
    static func compact(_ value: String?) -> String? {
        guard let value else { return nil }
        let compacted = String(value.filter { !$0.isWhitespace })
        return compacted.isEmpty ? nil : compacted
    }

    /// The first run of ASCII digits in `text` (skipping `:` `：` and the like before it) if its length is one
    /// of `lengths`.
    static func digitRun(in text: Substring, lengths: [Int]) -> String? {
        guard let start = text.firstIndex(where: \.isASCIIDigit) else { return nil }
        guard text[text.startIndex..<start].allSatisfy({ !$0.isLetter && !$0.isNumber }) else { return nil }
        let run = text[start...].prefix(while: \.isASCIIDigit)
        return lengths.contains(run.count) ? String(run) : nil
    }

    /// As `digitRun(in:lengths:)` with one length.
    static func digitRun(in text: Substring, length: Int) -> String? {
        guard let start = text.firstIndex(where: \.isASCIIDigit) else { return nil }
        let run = text[start...].prefix(while: \.isASCIIDigit)
        return run.count == length ? String(run) : nil
    }
}
