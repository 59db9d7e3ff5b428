import Foundation

extension EnglishReader {
    /// The kind of an amount line labelled in German, French, Dutch, Spanish or Italian, or by an Indian
    /// GST invoice (`nil`: no such label; the English labels decide). Compounds are matched with the
    /// spaces taken out (OCR and the keyword repair may split "Gesamtbetrag" or "TotaalIncl"); OCR reads
    /// MwSt. as "MwsSt.".
    static func foreignKind(of text: String) -> AmountKind? {
        let joined = text.filter { $0 != " " }
        if joined.firstMatch(of: AmountWords.foreignTotal) != nil {
            return text.firstMatch(of: notTotals) == nil ? .strongTotal : nil
        }
        if joined.firstMatch(of: AmountWords.foreignSubtotal) != nil { return .subtotal }
        if text.firstMatch(of: AmountWords.foreignTax) != nil { return .tax }
        if text.firstMatch(of: AmountWords.foreignPlainTotal) != nil { return .total }
        return nil
    }
}
