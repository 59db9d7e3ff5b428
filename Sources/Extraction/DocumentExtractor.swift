public import InvoiceModel

/// A QR code found on a page, as the extractor needs it.
public struct PageQRCode: Sendable, Hashable {
    /// The payload.
    public var text: String
    /// Where it is printed.
    public var box: PixelBox

    /// Creates a QR code reading.
    public init(text: String, box: PixelBox) {
        self.text = text
        self.box = box
    }
}

/// One prepared page, ready for extraction.
public struct PageInput {
    /// 1-based page number.
    public var number: Int
    /// Reads text from the page.
    public var reader: any PageReader
    /// QR codes decoded on the page.
    public var qrCodes: [PageQRCode]
    /// The same page read whole by a second, independent OCR (PP-OCR detection and recognition), when
    /// one is installed: its words, found anywhere on the page, in the same page pixels.
    public var detected: (any PageReader)?

    /// Creates a page input.
    public init(number: Int, reader: any PageReader, qrCodes: [PageQRCode], detected: (any PageReader)? = nil) {
        self.number = number
        self.reader = reader
        self.qrCodes = qrCodes
        self.detected = detected
    }
}

/// Decides what kind of document the pages hold and reads its fields with the matching layout profile:
/// fapiao (tax-control or 数电) by their ruled grid, anything else as an English invoice or receipt.
public struct DocumentExtractor: Sendable {
    /// Creates an extractor.
    public init() {}

    /// Extracts the fields of a document.
    ///
    /// - Important: Runs synchronously on the caller's thread and uses the pages' readers (OCR engines).
    public func extract(_ pages: [PageInput]) -> ExtractedDocument {
        let qr = pages.lazy.flatMap { page in
            page.qrCodes.lazy.compactMap { code in
                FapiaoQRPayload.parse(code.text).map { (payload: $0, page: page.number, box: code.box) }
            }
        }.first
        guard let first = pages.first else {
            return ExtractedDocument(documentType: nil, invoiceKind: nil, fields: [:], lineItems: [], qr: nil)
        }
        let grid = FapiaoGrid.detect(in: first.reader.rules)
        if let grid, qr.map({ Self.hasStandardGrid($0.payload) }) ?? true {
            let layout = qr.map { Self.layout(of: $0.payload) } ?? FapiaoLayout.guess(from: grid)
            var reader = FapiaoReader(
                reader: first.reader, page: first.number, grid: grid, layout: layout,
                qrBox: qr.flatMap { $0.page == first.number ? $0.box : nil })
            reader.expectedTitle = qr.flatMap { FapiaoTitle.expected(for: $0.payload) }
            reader.readAll()
            var merged = FapiaoMerge(
                fields: Self.withDetected(reader.fields, first), lineItems: reader.lineItems)
            if let qr { merged.apply(qr.payload, page: qr.page) }
            merged.completeDerived()
            let kind = Self.kind(qr?.payload, layout: layout, title: merged.fields[.invoiceTitle]?.value)
            var document = ExtractedDocument(
                documentType: "fapiao", invoiceKind: kind, fields: merged.fields, lineItems: merged.lineItems,
                qr: qr?.payload, expectedFields: layout.printedFields(special: kind?.hasSuffix("special") ?? false))
            document.unreadFields = reader.unread.filter { merged.fields[$0] == nil }.sorted {
                $0.rawValue < $1.rawValue
            }
            document.unlocatedFields = reader.unlocated.filter { merged.fields[$0] == nil }.sorted {
                $0.rawValue < $1.rawValue
            }
            return document
        }
        if qr == nil, let detected = detectedFapiao(first) {
            return detected
        }
        if qr == nil {
            var english = EnglishReader(reader: first.reader, page: first.number)
            english.readAll()
            var document = ExtractedDocument(
                documentType: english.documentType, invoiceKind: nil, fields: english.fields, lineItems: [], qr: nil,
                expectedFields: english.expectedFields([.sellerName, .sellerAddress, .issueDate, .totalAmount]))
            document.unreadFields = english.unreadFields
            document.rounding = english.rounding
            return document
        }
        if let qr {
            var labelled = LabelValueReader(reader: first.reader, page: first.number)
            labelled.readAll()
            // A label Tesseract found whose value it could not read (a column's value under its heading
            // in small print): the second reader's words are read the same way for it.
            if let detected = first.detected, !labelled.unread.isEmpty {
                var second = LabelValueReader(reader: detected, page: first.number)
                second.readAll()
                for field in labelled.unread {
                    if let value = second.fields[field] { labelled.fields[field] = value }
                }
            }
            var merged = FapiaoMerge(fields: Self.withDetected(labelled.fields, first), lineItems: [])
            merged.apply(qr.payload, page: qr.page)
            merged.completeDerived()
            // A fapiao whose grid was not found (a photo taken at an angle, a torn frame) still prints the
            // fields of its layout, and the blocks that may be empty were not looked at: those not read are
            // named for review. Tickets print others.
            let kind = Self.kind(qr.payload, layout: nil, title: nil)
            let standard = Self.hasStandardGrid(qr.payload)
            let expected =
                standard ? Self.layout(of: qr.payload).printedFields(special: kind?.hasSuffix("special") ?? false) : []
            var document = ExtractedDocument(
                documentType: "fapiao", invoiceKind: kind, fields: merged.fields, lineItems: [], qr: qr.payload,
                expectedFields: expected)
            document.unreadFields = labelled.unread.filter { merged.fields[$0] == nil }
            document.unlocatedFields = standard ? FapiaoLayout.mayBeEmpty : []
            return document
        }
        return ExtractedDocument(documentType: nil, invoiceKind: nil, fields: [:], lineItems: [], qr: nil)
    }

    /// Railway and air tickets (QR types 51, 61) are printed in layouts of their own.
    static func hasStandardGrid(_ payload: FapiaoQRPayload) -> Bool {
        !["51", "61"].contains(payload.typeCode ?? "")
    }

    static func layout(of payload: FapiaoQRPayload) -> FapiaoLayout {
        payload.kind == .digital ? .digital : .taxControl
    }

    /// The `invoiceKind` reported for a fapiao.
    static func kind(_ payload: FapiaoQRPayload?, layout: FapiaoLayout?, title: String?) -> String? {
        switch payload?.typeCode {
        case "01": return "vat-special"
        case "04": return "vat-ordinary"
        case "08": return "vat-electronic-special"
        case "10": return "vat-electronic-ordinary"
        case "11": return "vat-roll"
        case "14": return "vat-electronic-toll"
        case "31": return "digital-special"
        case "32": return "digital-ordinary"
        case "51": return "railway-ticket"
        case "61": return "air-itinerary"
        default: break
        }
        if payload?.kind == .shenzhenBlockchain { return "shenzhen-blockchain" }
        guard let title else { return layout == .digital ? "digital" : nil }
        // Forms known by their printed titles alone: roll tickets, the vehicle and freight forms,
        // and the machine-printed and fixed-amount tickets.
        let titled: [(String, String)] = [
            ("卷票", "vat-roll"), ("货物运输业", "freight-vat-special"), ("机动车销售统一发票", "motor-vehicle-sales"),
            ("二手车销售统一发票", "used-vehicle-sales"), ("出租汽车", "taxi-ticket"),
            ("通用机打发票", "general-machine-printed"), ("定额发票", "fixed-amount"),
        ]
        if let kind = titled.first(where: { title.contains($0.0) })?.1 { return kind }
        if title.contains("专用") { return layout == .digital ? "digital-special" : "vat-special" }
        if title.contains("电子普通") { return "vat-electronic-ordinary" }
        if title.contains("普通发票") { return layout == .digital ? "digital-ordinary" : "vat-ordinary" }
        return nil
    }
}
