import Foundation
import InvoiceModel

/// The HTML of the review pages (bilingual labels; values escaped).
enum ReviewPages {
    static func login(csrf: String, error: String?) -> String {
        let message = error.map { "<p class=\"error\">\(HTML.escape($0))</p>" } ?? ""
        return HTML.page(
            title: "登录 Sign in", user: nil, csrf: nil,
            body: """
                <h1>登录 / Sign in</h1>\(message)
                <form method="post" action="/login">
                <input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
                <p><label>用户名 / Name <input name="name" autocomplete="username" required autofocus></label></p>
                <p><label>密码 / Password <input name="password" type="password" autocomplete="current-password" required></label></p>
                <p><button type="submit">登录 / Sign in</button></p></form>
                """)
    }

    static func queue(
        _ rows: [DocumentSummary], counts: [DocumentState: Int], filter: QueueFilter, user: String, csrf: String
    ) -> String {
        func selected(_ state: DocumentState?) -> String { filter.state == state ? " selected" : "" }
        let filters = """
            <form method="get" action="/queue" id="filters">
            <select name="state"><option value="needs_review"\(selected(.needsReview))>待复核 to review</option>
            <option value="accepted"\(selected(.accepted))>已接受 accepted</option>
            <option value="rejected"\(selected(.rejected))>已拒绝 rejected</option>
            <option value="all"\(selected(nil))>全部 all</option></select>
            <input name="reason" placeholder="原因 reason" value="\(HTML.escape(filter.reason ?? ""))">
            <input name="seller" placeholder="销售方 seller" value="\(HTML.escape(filter.seller ?? ""))">
            <input name="from" type="date" value="\(filter.from ?? "")"> – <input name="to" type="date" value="\(filter.to ?? "")">
            <label><input type="checkbox" name="duplicates" value="1"\(filter.duplicates ? " checked" : "")> 重复 duplicates</label>
            <button type="submit">筛选 Filter</button></form>
            """
        let lines = rows.map { row in
            let reasons = row.reasons.prefix(3).map(HTML.escape).joined(separator: "<br>")
            return """
                <tr><td><a href="/documents/\(row.id)">#\(row.id)</a></td><td>\(HTML.escape(row.fileName))</td>
                <td>\(HTML.escape(row.sellerName ?? "–"))</td><td>\(HTML.escape(row.issueDate ?? "–"))</td>
                <td>\(HTML.escape(row.totalAmount ?? "–"))</td><td class="reason">\(reasons)</td></tr>
                """
        }
        let summary =
            "待复核 to review: \(counts[.needsReview] ?? 0) · 已接受 accepted: \(counts[.accepted] ?? 0) · 已拒绝 rejected: \(counts[.rejected] ?? 0)"
        return HTML.page(
            title: "复核队列 Review queue", user: user, csrf: csrf,
            body: """
                <h1>复核队列 / Review queue</h1><p>\(summary)</p>\(filters)<p>\(rows.count) 条 shown</p>
                <table id="queue"><thead><tr><th>#</th><th>文件 File</th><th>销售方 Seller</th><th>开票日期 Date</th>
                <th>价税合计 Total</th><th>原因 Reasons</th></tr></thead>
                <tbody>\(lines.joined())</tbody></table>
                """)
    }

    static func document(_ document: StoredDocument, user: String, csrf: String, notice: String?) -> String {
        let page = document.pages.first
        var boxes = ""
        if let page, page.width > 0, page.height > 0 {
            for name in FieldName.allCases {
                guard let field = document.fields[name], field.page == page.number, let box = field.box else {
                    continue
                }
                let style = String(
                    format: "left:%.2f%%;top:%.2f%%;width:%.2f%%;height:%.2f%%",
                    Double(box.x) * 100 / Double(page.width), Double(box.y) * 100 / Double(page.height),
                    Double(box.width) * 100 / Double(page.width), Double(box.height) * 100 / Double(page.height))
                boxes +=
                    "<div class=\"box\(field.flagged ? " flagged" : "")\" data-field=\"\(name.rawValue)\" style=\"\(style)\"></div>"
            }
        }
        let image =
            page?.imageSHA256 != nil
            ? "<div class=\"page\"><img alt=\"page 1\" src=\"/documents/\(document.id)/pages/1/image\">\(boxes)</div>"
            : "<div class=\"page\"><p>没有页面图像 / No page image kept</p></div>"
        let rows = FieldName.allCases.compactMap { name -> String? in
            let field = document.fields[name]
            guard field != nil || document.reasons.contains(where: { $0.hasPrefix(name.rawValue + ":") }) else {
                return nil
            }
            let reasons = document.reasons.filter { $0.hasPrefix(name.rawValue + ":") }
                .map { "<div class=\"reason\">\(HTML.escape($0))</div>" }.joined()
            return """
                <tr class="\(field?.flagged == true ? "flagged" : "")"><th><label for="f-\(name.rawValue)">\(name.rawValue)</label></th>
                <td><form method="post" action="/documents/\(document.id)/fields">
                <input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
                <input type="hidden" name="field" value="\(name.rawValue)">
                <input type="hidden" name="version" value="\(document.version)">
                <input id="f-\(name.rawValue)" class="field" data-field="\(name.rawValue)" name="value" value="\(HTML.escape(field?.value ?? ""))" size="40">
                <button type="submit" tabindex="-1">保存 Save</button></form>\(reasons)</td>
                <td>\(field.map { String(format: "%.2f", $0.confidence) } ?? "–")</td><td>\(field?.source.rawValue ?? "")</td></tr>
                """
        }
        let otherReasons = document.reasons.filter { reason in
            !FieldName.allCases.contains { reason.hasPrefix($0.rawValue + ":") }
        }.map { "<li>\(HTML.escape($0))</li>" }.joined()
        let failing = document.checks.filter { !$0.passed }.map {
            "<li>\(HTML.escape($0.rule)): \(HTML.escape($0.message ?? ""))</li>"
        }.joined()
        let decisions =
            document.state == .needsReview
            ? """
            <form method="post" action="/documents/\(document.id)/accept"><input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
            <input name="reason" placeholder="override reason (if checks fail)"> <button type="submit" id="accept">接受 Accept</button></form>
            <form method="post" action="/documents/\(document.id)/reject"><input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
            <input name="reason" id="reject-reason" placeholder="reject reason" required> <button type="submit" id="reject">拒绝 Reject</button></form>
            """ : "<p>状态 / State: \(document.state.rawValue)</p>"
        let message = notice.map { "<p class=\"error\" id=\"notice\">\(HTML.escape($0))</p>" } ?? ""
        let shortcuts = """
            <div id="shortcuts" hidden><h2>快捷键 / Keys</h2><ul>
            <li>Tab / Shift+Tab: 下一个/上一个字段 next / previous field</li>
            <li>Enter: 保存字段，跳到下一个标记字段 save the field, go to the next flagged one</li>
            <li>Ctrl+Enter: 接受单据 accept the document</li><li>Alt+R: 拒绝原因 reject reason</li>
            <li>? / F1: 显示快捷键 show these keys · Esc: 关闭 close</li></ul></div>
            <script src="/static/review.js" defer></script>
            """
        return HTML.page(
            title: "#\(document.id)", user: user, csrf: csrf,
            body: """
                <h1>#\(document.id) \(HTML.escape(document.fileName)) <small>\(document.state.rawValue) · v\(document.version)</small></h1>
                \(message)<div class="doc">\(image)<div class="fields">
                <table><thead><tr><th>字段 Field</th><th>值 Value</th><th>置信度 Conf.</th><th>来源 Source</th></tr></thead>
                <tbody>\(rows.joined())</tbody></table>
                \(otherReasons.isEmpty ? "" : "<h2>其他原因 / Other reasons</h2><ul>\(otherReasons)</ul>")
                \(failing.isEmpty ? "" : "<h2>校验未通过 / Failed checks</h2><ul>\(failing)</ul>")
                \(decisions)<p class="reason">? = 快捷键 / keys</p></div></div>\(shortcuts)
                """)
    }
}
