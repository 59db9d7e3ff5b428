/// Server-rendered HTML: escaping and the page frame.
enum HTML {
    /// `text` with `& < > " '` escaped, safe inside elements and quoted attributes.
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A whole page in the reader's language, with the switch to the other one.
    static func page(title: String, user: String?, csrf: String?, text: UIText, body: String) -> String {
        let signedIn =
            user.map { name in
                """
                <form method="post" action="/logout" class="logout"><span>\(escape(name))</span>
                <input type="hidden" name="csrf" value="\(escape(csrf ?? ""))">
                <button type="submit">\(text.signOut)</button></form>
                """
            } ?? ""
        return """
            <!doctype html>
            <html lang="\(text.code)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · InvoiceCapture</title>
            <style>
            body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0;color:#222}
            header{display:flex;justify-content:space-between;align-items:center;padding:.5rem 1rem;background:#24466b;color:#fff}
            header a{color:#fff;text-decoration:none;font-weight:600} main{padding:1rem}
            table{border-collapse:collapse;width:100%} td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
            .flagged{background:#fff3cd} .reason{color:#8a5300;font-size:.9em} .error{color:#b00020}
            .doc{display:flex;gap:1rem;align-items:flex-start} .page{position:relative;max-width:55%}
            .page img{width:100%;display:block;border:1px solid #ccc} .box{position:absolute;border:2px solid #d9822b}
            .box.flagged{border-color:#d00;background:rgba(255,0,0,.08)} .box.focus{border:3px solid #0a58ca;background:rgba(10,88,202,.15)}
            .fields{flex:1} #shortcuts{position:fixed;right:1rem;bottom:1rem;background:#fff;border:1px solid #888;padding:.5rem 1rem}
            </style></head>
            <body><header><a href="/queue">InvoiceCapture · \(text.queue)</a>
            <a href="/lang/\(text.other.code)" id="language">\(text.other.name)</a>\(signedIn)</header>
            <main>\(body)</main></body></html>
            """
    }
}
