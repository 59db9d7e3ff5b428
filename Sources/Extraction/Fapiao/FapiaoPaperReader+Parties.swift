import Foundation
import InvoiceModel

/// A party's name and tax ID on a paper form.
extension FapiaoPaperReader {
    /// A party's name and tax ID between `top` and `bottom`: the ID is the run of 15–20 capitals and
    /// digits (a valid USCC preferred); the name is what follows the 名称 label, on its line or on the
    /// line printed just beside it.
    mutating func readParty(top: Int, bottom: Int, name: FieldName, taxID: FieldName) {
        let block = lines.indices.filter { lines[$0].box.maxY > top && lines[$0].box.y < bottom }
        var ids: [(token: Token, valid: Bool)] = []
        for index in block {
            for token in taxIDRuns(onLine: index) {
                let id = token.value
                guard (15...20).contains(id.count), id.filter({ $0.isASCIIDigit }).count >= 6 else { continue }
                ids.append((token, TaxID.check(id) == .validUSCC))
            }
        }
        // The ID printed after or just beside the 识别号 label wins (a 代开 invoice also prints the
        // issuing firm's ID in its name line); then a valid USCC; then 18 characters.
        let labels = block.compactMap { index -> PixelBox? in
            let line = lines[index]
            guard let range = line.compactText.range(of: "识别号") else { return nil }
            let start = line.compactText.distance(from: line.compactText.startIndex, to: range.lowerBound)
            return line.region(of: start..<(start + 3))
        }
        /// How many label heights the token lies above or below a label it is right of (0: on its line);
        /// 9 when it is beside none.
        func offLabel(_ token: Token) -> Int {
            labels.compactMap { label -> Int? in
                let box = token.text.box
                let dy = abs((box.y + box.height / 2) - (label.y + label.height / 2))
                return box.x >= label.x && dy < label.height * 2 ? dy * 2 / max(1, label.height) : nil
            }.min() ?? 9
        }
        // Where the ID's first character is printed: the form's value column.
        var idStart: Int?
        if let best = ids.max(by: { a, b in
            (-offLabel(a.token), a.valid ? 1 : 0, a.token.value.count == 18 ? 1 : 0)
                < (-offLabel(b.token), b.valid ? 1 : 0, b.token.value.count == 18 ? 1 : 0)
        }) {
            fields[taxID] = evidence(taxID, best.token)
            idStart = best.token.text.glyphs.first?.box.x
        }
        // Seals (tall, curved print) are not where a name is printed.
        let heights = lines.map(\.box.height).sorted()
        let usual = heights.isEmpty ? 0 : heights[heights.count / 2]
        for index in block {
            let line = lines[index]
            let text = line.glyphs.map(\.character)
            guard let label = text.indices.first(where: { text[$0] == "称" && ($0 == 0 || text[$0 - 1] == "名" || text[$0 - 1] == " " || $0 <= 2) })
            else { continue }
            var start = label + 1
            while start < text.count, "：:;；. ".contains(text[start]) { start += 1 }
            let labelBox = line.glyphs[label].box
            var value = line.slice(start..<Self.valueEnd(in: line, from: start))
            // Printed off its label's line: the nearest line beside the label, to its right, whose text
            // there can be a name (Chinese, no form label; not the cipher area) — taken when nothing
            // follows the label, or only a piece of that line's text (a box that caught the label and
            // the end of the name printed across it).
            let besideValue = block.filter { $0 != index }.map { lines[$0] }.filter { other in
                other.box.height <= usual * 2
                    && abs((other.box.y + other.box.height / 2) - (labelBox.y + labelBox.height / 2))
                    < max(labelBox.height, other.box.height) * 2
                    && other.box.maxX > labelBox.maxX
            }.sorted { abs($0.box.y - labelBox.y) < abs($1.box.y - labelBox.y) }.lazy.compactMap { other -> LineText? in
                let right = other.within(
                    PixelBox(left: labelBox.maxX, top: other.box.y, right: other.box.maxX, bottom: other.box.maxY))
                guard !right.isEmpty else { return nil }
                let part = right.slice(0..<Self.valueEnd(in: right, from: 0))
                let text = part.compactText
                guard text.filter(\.isCJK).count >= 2,
                    !["识别号", "地址", "电话", "开户行", "账号", "名称"].contains(where: { text.contains($0) })
                else { return nil }
                return part
            }.first
            if value.compactText.count < 2 {
                guard let besideValue else { continue }
                value = besideValue
            } else if let besideValue, besideValue.compactText.count > value.compactText.count,
                besideValue.compactText.contains(value.compactText)
            {
                value = besideValue
            }
            guard let cleaned = ValueKind.name.clean(value, exact: false), cleaned.count >= 2,
                !cleaned.contains("纳税人"), !cleaned.contains("识别号"), !FieldText.looksLikeAddress(cleaned)
            else { continue }
            fields[name] = evidence(name, Token(line: index, range: 0..<0, text: value, value: cleaned))
            return
        }
        // No name beside a 名称 label: the text just above the tax ID that starts where the ID starts (the
        // form prints both in its value column), the nearest first, for review.
        guard fields[name] == nil, let id = fields[taxID], let idBox = id.box else { return }
        let reach = max(1, idBox.height) * 4
        let column = idStart ?? idBox.x
        // A form label read into the same box (价税合计（小写）beside a name printed over it) ends the name.
        let labelWords = ["价税合计", "合计", "小写", "大写", "识别号", "地址", "电话", "开户行", "账号", "名称", "发票"]
        let candidates = lines.filter { other in
            other.box.maxY <= idBox.y + idBox.height / 2 && idBox.y - other.box.maxY < idBox.height * 3
                && other.box.maxX > idBox.x && other.box.x < idBox.maxX
        }.sorted { $0.box.y > $1.box.y }
        for other in candidates {
            let inColumn = other.within(
                PixelBox(left: column - reach, top: other.box.y, right: other.box.maxX, bottom: other.box.maxY))
            guard let first = inColumn.glyphs.first, abs(first.box.x - column) <= reach else { continue }
            var part = inColumn.slice(0..<Self.valueEnd(in: inColumn, from: 0))
            let compact = part.compactText
            if let cut = labelWords.compactMap({ compact.range(of: $0)?.lowerBound }).min() {
                part = part.slice(0..<compact.distance(from: compact.startIndex, to: cut))
            }
            guard part.compactText.filter(\.isCJK).count >= 4,
                let cleaned = ValueKind.name.clean(part, exact: false), cleaned.count >= 4,
                !FieldText.looksLikeAddress(cleaned)
            else { continue }
            var found = evidence(name, Token(line: 0, range: 0..<0, text: part, value: cleaned))
            found.inferredFrom = "the line above the tax ID (no name was read beside a 名称 label)"
            fields[name] = found
            return
        }
    }

    /// The runs of digits and capital letters on line `index`, each with the tax ID it reads as.
    func taxIDRuns(onLine index: Int) -> [Token] {
        let line = lines[index]
        return line.runs(gapRatio: 0.9, where: { FieldText.halfWidth($0).isASCIIDigit || ("A"..."Z").contains(FieldText.halfWidth($0)) })
            .map { range in
                let part = line.slice(range)
                return Token(line: index, range: range, text: part, value: FieldText.taxID(part.compactText))
            }
    }

    /// Where a value starting at `start` ends: at the first gap wider than two and a half glyph heights.
    static func valueEnd(in line: LineText, from start: Int) -> Int {
        guard start < line.glyphs.count else { return start }
        let height = max(1, line.glyphs[start].box.height)
        var stop = start + 1
        while stop < line.glyphs.count {
            if line.glyphs[stop].box.x - line.glyphs[stop - 1].box.maxX > height * 5 / 2 { break }
            stop += 1
        }
        return stop
    }
}

/// The issuer of a ticket (通用机打发票 and the like print no 销售方 block).
extension FapiaoPaperReader {
    /// Endings of the names of firms that issue tickets.
    static let firmEndings = ["有限责任公司", "有限公司", "公司", "商行", "商店", "酒店", "饭店", "超市", "医院", "药房", "加油站"]
    /// Labels after which a name is the customer's, not the issuer's.
    static let customerLabels = ["顾客", "付款", "购买方", "购货", "客户", "名称"]

    /// The ticket's issuer: the only valid USCC on the page (printed in the issuer's seal, or beside its
    /// name) and the first line, from the top, that is a firm's name on its own; both for review.
    mutating func readTicketSeller() {
        var ids: Set<String> = []
        var first: Token?
        for index in lines.indices {
            for token in taxIDRuns(onLine: index) where token.value.count == 18 && TaxID.check(token.value) == .validUSCC {
                if ids.insert(token.value).inserted, first == nil { first = token }
            }
        }
        if fields[.sellerTaxID] == nil, ids.count == 1, let first {
            var found = evidence(.sellerTaxID, first)
            found.inferredFrom = "the only valid tax ID on the ticket (its issuer's)"
            fields[.sellerTaxID] = found
        }
        guard fields[.sellerName] == nil else { return }
        for line in lines {
            let text = line.compactText
            guard !Self.customerLabels.contains(where: { text.contains($0) }), !text.contains("："), !text.contains(":"),
                Self.firmEndings.contains(where: { text.hasSuffix($0) }), text.filter(\.isCJK).count >= 6,
                let cleaned = ValueKind.name.clean(line, exact: false), cleaned.count >= 6,
                !FieldText.looksLikeAddress(cleaned)
            else { continue }
            var found = evidence(.sellerName, Token(line: 0, range: 0..<line.glyphs.count, text: line, value: cleaned))
            found.inferredFrom = "the firm's name printed on the ticket (no 销售方 block)"
            fields[.sellerName] = found
            return
        }
    }
}
