/// Region codes used in invoice codes and 数电 invoice numbers (FAPIAO.md §3).
public enum RegionCodes {
    /// Whether `code` is a two-digit province-level code (the start of every administrative-division code).
    public static func isProvince(_ code: String) -> Bool { provinces[code] != nil }

    /// Two-digit province-level codes (GB/T 2260), as in positions 3–4 of a 20-digit 数电 number.
    static let provinces: [String: String] = [
        "11": "北京", "12": "天津", "13": "河北", "14": "山西", "15": "内蒙古",
        "21": "辽宁", "22": "吉林", "23": "黑龙江",
        "31": "上海", "32": "江苏", "33": "浙江", "34": "安徽", "35": "福建", "36": "江西", "37": "山东",
        "41": "河南", "42": "湖北", "43": "湖南", "44": "广东", "45": "广西", "46": "海南",
        "50": "重庆", "51": "四川", "52": "贵州", "53": "云南", "54": "西藏",
        "61": "陕西", "62": "甘肃", "63": "青海", "64": "宁夏", "65": "新疆",
    ]

    /// The cities with separate tax administration (计划单列市) and their four-digit codes.
    static let separatelyPlannedCities: [String: String] = [
        "2102": "大连", "3302": "宁波", "3502": "厦门", "3702": "青岛", "4403": "深圳",
    ]

    /// The name for a four-digit invoice-code region: the 计划单列市 for its code, else the province of the first
    /// two digits (`3200` 江苏, and also city-level codes such as `3402` → 安徽, seen on a real 芜湖 invoice),
    /// else `nil`.
    static func name(ofInvoiceRegion region: String) -> String? {
        if let city = separatelyPlannedCities[region] { return city }
        guard region.count == 4 else { return nil }
        return provinces[String(region.prefix(2))]
    }
}
