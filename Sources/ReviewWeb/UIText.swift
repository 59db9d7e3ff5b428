import Foundation
import Hummingbird

/// The review UI's words in Chinese and English. The language comes from the `lang` cookie (set by the switch
/// in the header), else the browser's Accept-Language (Chinese when it prefers zh), else English.
struct UIText: Sendable {
    var code: String
    var other: (code: String, name: String)
    var signIn, name, password, signOut, wrongPassword: String
    var queue, toReview, accepted, rejected, all, reason, seller, duplicates, filter, shown: String
    var file, date, total, reasons: String
    var field, value, confidence, source, save, noImage, state, otherReasons, failedChecks: String
    var accept, reject, overrideReason, rejectReason, keys, keysHelp: String
    var saved, savedChecksFail, conflict: String

    static let zh = UIText(
        code: "zh-CN", other: ("en", "English"), signIn: "登录", name: "用户名", password: "密码", signOut: "退出",
        wrongPassword: "用户名或密码错误", queue: "复核队列", toReview: "待复核", accepted: "已接受", rejected: "已拒绝",
        all: "全部", reason: "原因", seller: "销售方", duplicates: "重复", filter: "筛选", shown: "条",
        file: "文件", date: "开票日期", total: "价税合计", reasons: "原因", field: "字段", value: "值",
        confidence: "置信度", source: "来源", save: "保存", noImage: "没有页面图像", state: "状态",
        otherReasons: "其他原因", failedChecks: "校验未通过", accept: "接受", reject: "拒绝",
        overrideReason: "覆盖原因（校验未通过时）", rejectReason: "拒绝原因", keys: "快捷键",
        keysHelp:
            "Tab / Shift+Tab：下一个/上一个字段 · Enter：保存并跳到下一个标记字段 · Ctrl+Enter：接受 · Alt+R：拒绝原因 · + / -：缩放 · ? / F1：快捷键 · Esc：关闭",
        saved: "已保存", savedChecksFail: "已保存，但校验未通过：", conflict: "冲突：其他人已修改此单据")

    static let en = UIText(
        code: "en", other: ("zh", "中文"), signIn: "Sign in", name: "Name", password: "Password", signOut: "Sign out",
        wrongPassword: "Wrong name or password", queue: "Review queue", toReview: "To review", accepted: "Accepted",
        rejected: "Rejected", all: "All", reason: "Reason", seller: "Seller", duplicates: "Duplicates",
        filter: "Filter", shown: "shown", file: "File", date: "Issue date", total: "Total", reasons: "Reasons",
        field: "Field", value: "Value", confidence: "Confidence", source: "Source", save: "Save",
        noImage: "No page image kept", state: "State", otherReasons: "Other reasons", failedChecks: "Failed checks",
        accept: "Accept", reject: "Reject", overrideReason: "override reason (if checks fail)",
        rejectReason: "reject reason", keys: "Keys",
        keysHelp:
            "Tab / Shift+Tab: next / previous field · Enter: save, go to the next flagged field · Ctrl+Enter: accept · Alt+R: reject reason · + / -: zoom · ? / F1: these keys · Esc: close",
        saved: "Saved", savedChecksFail: "Saved; checks fail:", conflict: "Conflict: someone else changed this document"
    )

    /// A failed check's name for people: in Chinese, what the rule checks; in English, the rule's own name.
    func checkName(_ rule: String) -> String {
        guard code != "en" else { return rule }
        let names: [String: String] = [
            "buyer-tax-id-checksum": "购买方税号校验位不符", "seller-tax-id-checksum": "销售方税号校验位不符",
            "invoice-code-structure": "发票代码结构不符", "digital-number-structure": "数电发票号码结构不符",
            "check-code-format": "校验码格式不符", "amount-plus-tax-equals-total": "金额加税额不等于价税合计",
            "words-match-figures": "大写金额与小写不符", "line-amounts-sum": "明细金额合计不符",
            "line-taxes-sum": "明细税额合计不符", "line-tax-rate": "明细税额与税率不符",
            "qr-matches-printed": "二维码与票面不符", "date-not-in-future": "开票日期晚于今天",
            "date-plausible": "开票日期不合理", "currency-code": "币种代码不符",
        ]
        return names[rule].map { "\($0) / \(rule)" } ?? rule
    }

    /// The language for `request`.
    static func of(_ request: Request) -> UIText {
        if let chosen = request.cookies["lang"]?.value { return chosen == "zh" ? zh : en }
        let accepted = request.headers[.acceptLanguage]?.lowercased() ?? ""
        let first = accepted.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return first.hasPrefix("zh") ? zh : en
    }
}
