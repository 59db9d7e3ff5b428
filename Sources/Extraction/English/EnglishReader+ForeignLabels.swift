import Foundation

extension EnglishReader {
    /// The kind of an amount line labelled in German, French, Dutch, Spanish or Italian, or by an Indian
    /// GST invoice (`nil`: no such label; the English labels decide). Compounds are matched with the
    /// spaces taken out (OCR and the keyword repair may split "Gesamtbetrag" or "TotaalIncl"); OCR reads
    /// MwSt. as "MwsSt.".
    static func foreignKind(of text: String) -> AmountKind? {
        let joined = text.filter { $0 != " " }
        if joined.firstMatch(
            of:
                /GESAMTBETRAG|RECHNUNGSBETRAG|ENDBETRAG|ZAHLBETRAG|BRUTTOBETRAG|SUMMEBRUTTO|GESAMTBRUTTO|INKL\.?(?:MWST|UST)|TOTALTTC|MONTANTTTC|NETÀPAYER|NETAPAYER|TOTALÀPAYER|TOTALAPAYER|TEBETALEN|TOTAALINCL|TOTAALBEDRAG|INCL\.?BTW|IMPORTETOTAL|TOTALAPAGAR|TOTALFACTURA|IVAINCLUID|TOTALEFATTURA|TOTALEDOCUMENTO|DAPAGARE|IVAINCLUSA/
        ) != nil {
            return text.firstMatch(of: notTotals) == nil ? .strongTotal : nil
        }
        if joined.firstMatch(
            of:
                /NETTO|ZWISCHENSUMME|TOTALHT|MONTANTHT|SOUS-?TOTAL|SUBTOTAAL|TOTAALEXCL|EXCL\.?BTW|BASEIMPONIBLE|IMPONIBILE|SUBTOTALE|TAXABLEVALUE/
        ) != nil {
            return .subtotal
        }
        if text.firstMatch(
            of: /\b(?:C|S|I|UT)GST\b|M[WV]\.?S{1,2}T|MEHRWERTSTEUER|UMSATZSTEUER|\bUST\b|\bTVA\b|\bBTW\b|\bIVA\b/) != nil
        {
            return .tax
        }
        if text.firstMatch(of: /\bTOTAAL\b|\bTOTALE\b|\bSUMME\b|\bGESAMT\b/) != nil {
            return .total
        }
        return nil
    }
}
