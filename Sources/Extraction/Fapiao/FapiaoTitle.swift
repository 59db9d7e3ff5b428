import Foundation

/// Printed fapiao titles: repairs for what the red seal over the title does to OCR.
enum FapiaoTitle {
    /// Known endings of titles, longest first; an OCR'd title ending in a near miss is completed.
    static let endings = [
        "增值税电子普通发票", "增值税电子专用发票", "增值税普通发票（卷票）", "增值税普通发票", "增值税专用发票",
        "货物运输业增值税专用发票",
        "电子发票（普通发票）", "电子发票（增值税专用发票）", "电子发票（铁路电子客票）", "电子发票（航空运输电子客票行程单）",
        "机动车销售统一发票", "二手车销售统一发票",
        "出租汽车通用机打发票", "通用机打发票", "通用定额发票",
    ]

    /// Titles printed the same all over the country, with no province or city in front.
    static func isNational(_ ending: String) -> Bool {
        ending.hasPrefix("电子发票") || ending.hasSuffix("销售统一发票")
    }

    /// Province and city names that start tax-control titles.
    static let regions = [
        "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "大连", "吉林", "黑龙江", "上海", "江苏", "浙江", "宁波", "安徽", "福建",
        "厦门", "江西", "山东", "青岛", "河南", "湖北", "湖南", "广东", "深圳", "广西", "海南", "重庆", "四川", "贵州", "云南",
        "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆",
    ]

    /// `title` with ASCII parentheses made full-width and, when it is one character off a known title
    /// form, the known form.
    static func normalized(_ title: String) -> String {
        let text = title.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
        var best: (form: String, distance: Int)?
        for ending in endings {
            let form: String
            if isNational(ending) {
                form = ending
            } else {
                // Tax-control titles: the region printed before the ending, repaired when one character off.
                guard let (start, _) = bestSuffix(of: text, matching: ending) else { continue }
                let prefix = String(text.prefix(start))
                let region = regions.min {
                    EditDistance.between(Array(prefix), Array($0))
                        < EditDistance.between(Array(prefix), Array($1))
                }
                let regionDistance = region.map { EditDistance.between(Array(prefix), Array($0)) } ?? Int.max
                // Without a province or city in front it is not this form.
                guard let region, regionDistance <= 1 else { continue }
                form = region + ending
            }
            let distance = EditDistance.between(Array(text), Array(form))
            if distance < best?.distance ?? Int.max { best = (form, distance) }
        }
        guard let best, best.distance <= max(1, best.form.count / 3) else { return text }
        return best.form
    }

    /// `text` when it ends one character off a known ending of five or more characters (出租汽车通用机打宠票),
    /// for a title whose 发票 was misread.
    static func nearForm(_ text: String) -> String? {
        endings.contains { ending in
            ending.count >= 5 && !isNational(ending) && (bestSuffix(of: text, matching: ending)?.1 ?? 2) <= 1
        } ? text : nil
    }

    /// Whether `text` names only a place: a province or city that starts titles, or a name ending in
    /// 省, 市, 自治区, 州 or 盟.
    static func isPlace(_ text: String) -> Bool {
        let place = repairedPlace(text)
        return regions.contains(place) || (regions.contains { place.hasPrefix($0) } && "省市区州盟".contains(place.last ?? " "))
            || (place.count <= 6 && "省市".contains(place.last ?? " "))
    }

    /// `text` with a province or city of three or more characters at its start repaired when one
    /// character off (内蒙苦鄂尔多斯市 → 内蒙古鄂尔多斯市).
    static func repairedPlace(_ text: String) -> String {
        guard !regions.contains(where: { text.hasPrefix($0) }),
            let region = regions.first(where: { region in
                region.count >= 3 && text.count >= region.count
                    && EditDistance.between(Array(text.prefix(region.count)), Array(region)) == 1
            })
        else { return text }
        return region + text.dropFirst(region.count)
    }

    /// Whether `title` is one of the known forms (a region and a tax-control ending, or a 数电 title).
    static func isKnownForm(_ title: String) -> Bool {
        endings.contains { ending in
            isNational(ending)
                ? title == ending : (title.hasSuffix(ending) && regions.contains(String(title.dropLast(ending.count))))
        }
    }

    /// The start of the suffix of `text` closest to `target` and its edit distance.
    private static func bestSuffix(of text: String, matching target: String) -> (Int, Int)? {
        let characters = Array(text)
        var best: (Int, Int)?
        for length in max(1, target.count - 2)...(target.count + 2) where length <= characters.count {
            let start = characters.count - length
            let distance = EditDistance.between(Array(characters[start...]), Array(target))
            if best == nil || distance < best!.1 { best = (start, distance) }
        }
        return best
    }
}
