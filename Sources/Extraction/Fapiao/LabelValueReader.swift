import InvoiceModel

/// Reads a Chinese invoice whose layout has no profile (railway and air tickets, other special
/// invoices): one OCR pass of the page, then each known label's value — after it on the same line, or
/// right below it when the label heads a table column.
struct LabelValueReader {
    let reader: any PageReader
    /// 1-based page number.
    let page: Int
    var fields: [FieldName: FieldEvidence] = [:]
    /// Fields whose label is printed on the page.
    private var labelled: Set<FieldName> = []

    /// Fields whose label is printed but whose value was not read: a person must look.
    var unread: [FieldName] { labelled.filter { fields[$0] == nil }.sorted { $0.rawValue < $1.rawValue } }

    typealias Kind = ValueKind

    /// Labels printed on tickets and special invoices, with the field each one names.
    static let labels: [(label: String, field: FieldName, kind: Kind)] = [
        ("发票号码", .invoiceNumber, .digits), ("开票日期", .issueDate, .date), ("填开日期", .issueDate, .date),
        ("购买方名称", .buyerName, .name), ("统一社会信用代码/纳税人识别号", .buyerTaxID, .taxID),
        ("统一社会信用代码", .buyerTaxID, .taxID), ("销售方名称", .sellerName, .name), ("填开单位", .sellerName, .name),
        ("价税合计", .totalAmount, .amount), ("票价", .totalAmount, .amount), ("合计", .totalAmount, .amount),
        ("增值税税额", .taxAmount, .amount),
    ]

    init(reader: any PageReader, page: Int) {
        self.reader = reader
        self.page = page
    }

    mutating func readAll() {
        let lines = LineText.read(reader, nil, ReadRequest(.page, .chinese))
        readTitle(lines)
        for (index, line) in lines.enumerated() {
            for entry in Self.labels where fields[entry.field] == nil {
                guard
                    let range = LabelMatcher.locate(
                        entry.label, in: line, minimumScore: entry.label.count <= 2 ? 1 : 0.75)
                else { continue }
                labelled.insert(entry.field)
                var start = range.upperBound
                while start < line.glyphs.count, LabelMatcher.separators.contains(line.glyphs[start].character) {
                    start += 1
                }
                // The value runs to the next label on the line (or its end).
                let end =
                    Self.labels.compactMap {
                        LabelMatcher.locate($0.label, in: line, from: start, minimumScore: 0.9)?.lowerBound
                    }.min() ?? line.glyphs.count
                var value = line.slice(start..<max(start, end))
                var cleaned = value.isEmpty ? nil : entry.kind.clean(value, exact: reader.source != .ocr)
                if cleaned == nil, index + 1 < lines.count {
                    // A column heading: the value is printed under it (the same line holds other headings).
                    let label = line.region(of: range) ?? line.box
                    let margin = value.isEmpty ? label.width : label.width / 2
                    let below = lines[index + 1].wordsWithin(
                        PixelBox(
                            left: label.x - margin, top: lines[index + 1].box.y, right: label.maxX + margin,
                            bottom: lines[index + 1].box.maxY))
                    if !below.isEmpty, let found = entry.kind.clean(below, exact: reader.source != .ocr) {
                        value = below
                        cleaned = found
                    }
                }
                guard let cleaned else { continue }
                fields[entry.field] = FieldEvidence(
                    entry.field, cleaned, source: reader.source, page: page, from: value)
            }
        }
    }

    /// The title: the tallest line near the top that mentions 发票.
    private mutating func readTitle(_ lines: [LineText]) {
        let top = lines.filter { $0.box.y < reader.height / 5 && $0.compactText.contains("票") }
        guard let line = top.max(by: { $0.box.height < $1.box.height }) else { return }
        let printed = String(line.compactText.filter { $0.isCJK || "（）()".contains($0) })
        // Seal text (全国统一发票监制章) can share the title's line: the title ends at 发票 or its （…）.
        let cut = FapiaoTextReader.title(in: printed).map(FapiaoTitle.normalized)
        let whole = FapiaoTitle.normalized(printed)
        let title =
            cut.flatMap { FapiaoTitle.isKnownForm($0) ? $0 : nil }
            ?? (FapiaoTitle.isKnownForm(whole) ? whole : cut ?? whole)
        fields[.invoiceTitle] = FieldEvidence(
            value: title, source: reader.source, page: page, box: line.box, readConfidence: line.minimumConfidence,
            formatValid: true)
    }
}
