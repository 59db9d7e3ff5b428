import InvoiceModel

extension FapiaoTitle {
    /// The title a fapiao with this QR payload prints, when the payload determines it: the 数电 and
    /// e-ticket titles by type (FAPIAO.md §1b), the tax-control titles by type and the province or city of
    /// the invoice code (§3a, §3b). `nil` for other types and for Shenzhen blockchain invoices.
    static func expected(for payload: FapiaoQRPayload) -> String? {
        switch payload.kind {
        case .digital:
            switch payload.typeCode {
            case "31": return "电子发票（增值税专用发票）"
            case "32": return "电子发票（普通发票）"
            case "51": return "电子发票（铁路电子客票）"
            case "61": return "电子发票（航空运输电子客票行程单）"
            default: return nil
            }
        case .taxControl:
            let ending: String
            switch payload.typeCode {
            case "01": ending = "增值税专用发票"
            case "04": ending = "增值税普通发票"
            case "08": ending = "增值税电子专用发票"
            case "10": ending = "增值税电子普通发票"
            default: return nil
            }
            guard let code = payload.invoiceCode, let region = region(ofInvoiceCode: code) else { return nil }
            return region + ending
        case .shenzhenBlockchain:
            return nil
        }
    }

    /// The province or city (计划单列市) a 10- or 12-digit invoice code was issued in (`InvoiceCode`); a
    /// 12-digit code must start with `0` (the Shenzhen blockchain series prints titles of its own).
    static func region(ofInvoiceCode code: String) -> String? {
        guard let info = InvoiceCode.analyze(code), info.length == 10 || code.hasPrefix("0") else { return nil }
        return info.provinceName
    }

    /// The title of a page whose title no reading gave: the form for the invoice code's province or city
    /// (the code is an independent witness of where the form was printed) whose ending is nearest to a
    /// line read in `texts` (the top of the page), within two characters in five (a seal over the title:
    /// 波通用机报发 → 宁波通用机打发票). `nil` when the code names no region or nothing is that near.
    static func nearTitle(code: String, texts: [String]) -> String? {
        guard let region = InvoiceCode.analyze(code)?.provinceName else { return nil }
        var best: (form: String, distance: Int)?
        for text in texts where text.count >= 4 {
            let compact = Array(text.filter { !$0.isWhitespace })
            for ending in endings where !isNational(ending) {
                let form = region + ending
                let distance = EditDistance.between(compact, Array(form))
                guard distance <= form.count * 2 / 5, distance < best?.distance ?? Int.max else { continue }
                best = (form, distance)
            }
        }
        return best?.form
    }
}
