import Foundation
import InvoiceModel

/// The names of Chinese banks, to repair one-character OCR errors in 开户行及账号 (a closed vocabulary:
/// the value always starts with a bank's registered name).
enum BankNames {
    /// Registered short names, as printed before 股份有限公司 / the branch.
    static let names = [
        "中国工商银行", "中国农业银行", "中国银行", "中国建设银行", "交通银行", "中国邮政储蓄银行", "招商银行", "上海浦东发展银行",
        "中信银行", "中国光大银行", "华夏银行", "中国民生银行", "广发银行", "兴业银行", "平安银行", "浙商银行", "恒丰银行", "渤海银行",
        "北京银行", "上海银行", "江苏银行", "南京银行", "宁波银行", "杭州银行", "徽商银行", "长沙银行", "成都银行", "重庆银行",
        "贵阳银行", "西安银行", "郑州银行", "青岛银行", "苏州银行", "厦门银行", "天津银行", "大连银行", "哈尔滨银行", "盛京银行",
        "广州银行", "东莞银行", "汉口银行", "富滇银行", "昆仑银行", "齐鲁银行", "北京农村商业银行", "上海农村商业银行",
        "重庆农村商业银行", "广州农村商业银行", "深圳农村商业银行", "中国进出口银行", "国家开发银行", "中国农业发展银行",
        "汇丰银行（中国）有限公司", "渣打银行（中国）有限公司", "花旗银行（中国）有限公司",
    ]

    /// `value` with its leading bank name corrected when it is exactly one character away from a known
    /// name (and closer to it than to any other); `nil` when nothing was changed.
    static func repair(_ value: String) -> String? {
        guard let end = value.range(of: "银行") else { return nil }
        let head = String(value[..<end.upperBound])
        if names.contains(head) { return nil }
        let scored = names.map { ($0, EditDistance.between(Array(head), Array($0))) }.sorted { $0.1 < $1.1 }
        guard let best = scored.first, best.1 == 1, scored.dropFirst().first.map({ $0.1 > 1 }) ?? true else {
            return nil
        }
        return best.0 + value[end.upperBound...]
    }
}
