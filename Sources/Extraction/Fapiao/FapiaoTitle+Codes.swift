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

    /// The province or city (计划单列市) a 10- or 12-digit invoice code was issued in: digits 1–4 of a
    /// 10-digit code, 2–5 of a 12-digit one starting with `0` (administrative-division codes, GB/T 2260).
    static func region(ofInvoiceCode code: String) -> String? {
        let digits = Array(code)
        guard digits.allSatisfy(\.isASCIIDigit) else { return nil }
        let division: String
        switch digits.count {
        case 10: division = String(digits[0..<4])
        case 12 where digits[0] == "0": division = String(digits[1..<5])
        default: return nil
        }
        return citiesWithOwnCodes[division] ?? provinces[String(division.prefix(2))]
    }

    private static let citiesWithOwnCodes = [
        "2102": "大连", "3302": "宁波", "3502": "厦门", "3702": "青岛", "4403": "深圳",
    ]

    private static let provinces = [
        "11": "北京", "12": "天津", "13": "河北", "14": "山西", "15": "内蒙古", "21": "辽宁", "22": "吉林", "23": "黑龙江",
        "31": "上海", "32": "江苏", "33": "浙江", "34": "安徽", "35": "福建", "36": "江西", "37": "山东", "41": "河南",
        "42": "湖北", "43": "湖南", "44": "广东", "45": "广西", "46": "海南", "50": "重庆", "51": "四川", "52": "贵州",
        "53": "云南", "54": "西藏", "61": "陕西", "62": "甘肃", "63": "青海", "64": "宁夏", "65": "新疆",
    ]
}
