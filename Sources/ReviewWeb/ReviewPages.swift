import Foundation
import InvoiceModel

/// The HTML of the review pages, in the reader's language (values escaped).
enum ReviewPages {
    static func login(csrf: String, error: String?, text: UIText) -> String {
        let message = error.map { "<p class=\"error\">\(HTML.escape($0))</p>" } ?? ""
        return HTML.page(
            title: text.signIn, user: nil, csrf: nil, text: text,
            body: """
                <h1>\(text.signIn)</h1>\(message)
                <form method="post" action="/login">
                <input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
                <p><label>\(text.name) <input name="name" autocomplete="username" required autofocus></label></p>
                <p><label>\(text.password) <input name="password" type="password" autocomplete="current-password" required></label></p>
                <p><button type="submit">\(text.signIn)</button></p></form>
                """)
    }

    static func rule(_ rule: ApprovalRule, user: String, csrf: String, notice: String?, text: UIText) -> String {
        let message = notice.map { "<p id=\"notice\">\(HTML.escape($0))</p>" } ?? ""
        let limit = rule.secondApprovalAbove.map(Money.format) ?? ""
        return HTML.page(
            title: "Approval rule", user: user, csrf: csrf, text: text,
            body: """
                <h1>\(text.code == "en" ? "Approval rule" : "审批规则")</h1>\(message)
                <form method="post" action="/admin/rule"><input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
                <label>\(text.code == "en" ? "Totals above this need a second approval by an approver" : "价税合计高于此金额需审批人二次审批")
                <input name="secondApprovalAbove" value="\(limit)"></label>
                <button type="submit">\(text.save)</button></form>
                """)
    }

    static func queue(
        _ rows: [DocumentSummary], counts: [DocumentState: Int], filter: QueueFilter, user: String, csrf: String,
        text: UIText
    ) -> String {
        func selected(_ state: DocumentState?) -> String { filter.state == state ? " selected" : "" }
        let filters = """
            <form method="get" action="/queue" id="filters">
            <select name="state"><option value="needs_review"\(selected(.needsReview))>\(text.toReview)</option>
            <option value="accepted"\(selected(.accepted))>\(text.accepted)</option>
            <option value="rejected"\(selected(.rejected))>\(text.rejected)</option>
            <option value="all"\(selected(nil))>\(text.all)</option></select>
            <input name="reason" placeholder="\(text.reason)" value="\(HTML.escape(filter.reason ?? ""))">
            <input name="seller" placeholder="\(text.seller)" value="\(HTML.escape(filter.seller ?? ""))">
            <input name="from" type="date" value="\(filter.from ?? "")"> – <input name="to" type="date" value="\(filter.to ?? "")">
            <label><input type="checkbox" name="duplicates" value="1"\(filter.duplicates ? " checked" : "")> \(text.duplicates)</label>
            <button type="submit">\(text.filter)</button></form>
            """
        let lines = rows.map { row in
            let reasons = row.reasons.prefix(3).map(HTML.escape).joined(separator: "<br>")
            return """
                <tr><td><a href="/documents/\(row.id)">#\(row.id)</a></td><td>\(HTML.escape(row.fileName))</td>
                <td>\(HTML.escape(row.sellerName ?? "–"))</td><td>\(HTML.escape(row.issueDate ?? "–"))</td>
                <td>\(HTML.escape(row.totalAmount ?? "–"))</td><td class="reason">\(reasons)</td></tr>
                """
        }
        var pager = ""
        if filter.page > 1 { pager += " · <a href=\"\(HTML.escape(filter.url(page: filter.page - 1)))\">‹</a>" }
        pager += " · \(filter.page)"
        if rows.count == QueueFilter.pageSize {
            pager += " · <a href=\"\(HTML.escape(filter.url(page: filter.page + 1)))\" id=\"next\">›</a>"
        }
        let summary =
            "\(text.toReview): \(counts[.needsReview] ?? 0) · \(text.accepted): \(counts[.accepted] ?? 0) · \(text.rejected): \(counts[.rejected] ?? 0)"
        return HTML.page(
            title: text.queue, user: user, csrf: csrf, text: text,
            body: """
                <h1>\(text.queue)</h1><p>\(summary)</p>\(filters)<p>\(rows.count) \(text.shown)\(pager)</p>
                <table id="queue"><thead><tr><th>#</th><th>\(text.file)</th><th>\(text.seller)</th><th>\(text.date)</th>
                <th>\(text.total)</th><th>\(text.reasons)</th></tr></thead>
                <tbody>\(lines.joined())</tbody></table>
                """)
    }

    static func document(
        _ document: StoredDocument, user: String, csrf: String, notice: String?, text: UIText, pageNumber: Int = 1
    ) -> String {
        let page = document.pages.first { $0.number == pageNumber } ?? document.pages.first
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
            ? """
            <div class="page" id="page"><img alt="page \(page?.number ?? 1)" src="/documents/\(document.id)/pages/\(page?.number ?? 1)/image">\(boxes)</div>
            """
            : "<div class=\"page\"><p>\(text.noImage)</p></div>"
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
                <button type="submit" tabindex="-1">\(text.save)</button></form>\(reasons)</td>
                <td>\(field.map { String(format: "%.2f", $0.confidence) } ?? "–")</td><td>\(field?.source.rawValue ?? "")</td></tr>
                """
        }
        let otherReasons = document.reasons.filter { reason in
            !FieldName.allCases.contains { reason.hasPrefix($0.rawValue + ":") }
        }.map { "<li>\(HTML.escape($0))</li>" }.joined()
        let failing = document.checks.filter { !$0.passed }.map {
            "<li><b>\(HTML.escape(text.checkName($0.rule)))</b>: \(HTML.escape($0.message ?? ""))</li>"
        }.joined()
        let pages =
            document.pages.count > 1
            ? "<p id=\"pages\">"
                + document.pages.map { other in
                    other.number == page?.number
                        ? "<b>\(other.number)</b>"
                        : "<a href=\"/documents/\(document.id)?page=\(other.number)\">\(other.number)</a>"
                }.joined(separator: " ") + "</p>" : ""
        let zoom =
            "<p class=\"zoom\"><button type=\"button\" id=\"zoom-out\" tabindex=\"-1\">−</button> <button type=\"button\" id=\"zoom-in\" tabindex=\"-1\">+</button></p>"
        let decisions =
            document.state == .needsReview
            ? """
            <form method="post" action="/documents/\(document.id)/accept"><input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
            <input name="reason" placeholder="\(text.overrideReason)"> <button type="submit" id="accept">\(text.accept)</button></form>
            <form method="post" action="/documents/\(document.id)/reject"><input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
            <input name="reason" id="reject-reason" placeholder="\(text.rejectReason)" required> <button type="submit" id="reject">\(text.reject)</button></form>
            """ : "<p>\(text.state): \(document.state.rawValue)</p>"
        let message = notice.map { "<p class=\"error\" id=\"notice\">\(HTML.escape($0))</p>" } ?? ""
        let shortcuts = """
            <div id="shortcuts" hidden><h2>\(text.keys)</h2><p>\(text.keysHelp)</p></div>
            <script src="/static/review.js" defer></script>
            """
        return HTML.page(
            title: "#\(document.id)", user: user, csrf: csrf, text: text,
            body: """
                <h1>#\(document.id) \(HTML.escape(document.fileName)) <small>\(document.state.rawValue) · v\(document.version)</small></h1>
                \(message)\(pages)\(zoom)<div class="doc">\(image)<div class="fields">
                <table><thead><tr><th>\(text.field)</th><th>\(text.value)</th><th>\(text.confidence)</th><th>\(text.source)</th></tr></thead>
                <tbody>\(rows.joined())</tbody></table>
                \(otherReasons.isEmpty ? "" : "<h2>\(text.otherReasons)</h2><ul>\(otherReasons)</ul>")
                \(failing.isEmpty ? "" : "<h2>\(text.failedChecks)</h2><ul>\(failing)</ul>")
                \(decisions)<p class="reason">? = \(text.keys)</p></div></div>\(shortcuts)
                """)
    }
}
