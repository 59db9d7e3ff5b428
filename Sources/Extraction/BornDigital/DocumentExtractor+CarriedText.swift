public import InvoiceModel

/// Data a born-digital file carries beside its text: structured values and the QR payload.
public struct EmbeddedData: Sendable, Hashable {
    /// Groups of values, least trusted first (e.g. OFD custom data, the attached e-invoice, semantic
    /// tags); agreement between groups confirms a value.
    public var groups: [[EmbeddedValue]]
    /// The fapiao QR payload the file states as text (an e-invoice's `GraphCode`).
    public var qrPayload: String?
    /// Line items (attached e-invoice `GoodsInfo`), element name → value.
    public var items: [[String: String]]

    /// Creates embedded data.
    public init(groups: [[EmbeddedValue]] = [], qrPayload: String? = nil, items: [[String: String]] = []) {
        self.groups = groups
        self.qrPayload = qrPayload
        self.items = items
    }

    /// No embedded data (a PDF).
    public static let none = EmbeddedData()
}

extension ExtractedDocument {
    /// Lays `trusted` (read from a more reliable source, e.g. the text layer) over this document: its
    /// fields win, agreement confirms, disagreement is recorded as a conflict.
    public mutating func overlay(_ trusted: ExtractedDocument) {
        fields = SourceOverlay.overlay(trusted.fields, on: fields)
        if lineItems.isEmpty { lineItems = trusted.lineItems }
        // What either reading knows the layout prints stays expected: missing, it is named for review.
        expectedFields += trusted.expectedFields.filter { !expectedFields.contains($0) }
        documentType = documentType ?? trusted.documentType
        invoiceKind = invoiceKind ?? trusted.invoiceKind
        qr = qr ?? trusted.qr
    }
}

extension DocumentExtractor {
    /// Extracts a document whose text the file carried (PDF text layer, OFD text objects: the pages'
    /// readers return exact text), with the file's embedded data laid over what the text says.
    ///
    /// Trust, highest first: embedded data → QR code → text. Agreement confirms a field; disagreement
    /// keeps the more trusted value and records the conflict, which flags the field.
    public func extractCarriedText(_ pages: [PageInput], embedded: EmbeddedData = .none) -> ExtractedDocument {
        let embeddedFields = embedded.groups.reduce(into: [FieldName: FieldEvidence]()) { fields, group in
            fields = SourceOverlay.overlay(EmbeddedFields.fields(group), on: fields)
        }
        let stated = embedded.qrPayload.flatMap(FapiaoQRPayload.parse).map { (payload: $0, page: 1) }
        let scanned = pages.lazy.flatMap { page in
            page.qrCodes.lazy.compactMap { FapiaoQRPayload.parse($0.text).map { (payload: $0, page: page.number) } }
        }.first
        let qr = stated ?? scanned
        guard let first = pages.first else {
            return ExtractedDocument(documentType: nil, invoiceKind: nil, fields: [:], lineItems: [], qr: nil)
        }
        let text = ((try? first.reader.read(nil, ReadRequest(.page, .mixed))) ?? []).map(\.text).joined()
        let isFapiao = qr != nil || !embeddedFields.isEmpty || text.contains("发票") || text.contains("发 票")
        guard isFapiao else {
            var english = EnglishReader(reader: first.reader, page: first.number)
            english.readAll()
            var document = ExtractedDocument(
                documentType: english.documentType, invoiceKind: nil, fields: english.fields, lineItems: [], qr: nil,
                expectedFields: english.expectedFields([.sellerName, .issueDate, .totalAmount]))
            document.unreadFields = english.unreadFields
            return document
        }

        let isTicket =
            qr.map { !Self.hasStandardGrid($0.payload) } ?? false || text.contains("客票") || text.contains("行程单")
        // Later pages, read once: a 销货清单 continuation carries the items the invoice page refers to;
        // another invoice number means the file holds several invoices.
        let later = pages.dropFirst().map { page in
            var reader = FapiaoTextReader(reader: page.reader, page: page.number)
            reader.readAll()
            return (page: page, reader: reader)
        }
        var merged: FapiaoMerge
        if isTicket {
            var labelled = LabelValueReader(reader: first.reader, page: first.number)
            labelled.readAll()
            merged = FapiaoMerge(fields: labelled.fields, lineItems: [])
        } else {
            var reader = FapiaoTextReader(reader: first.reader, page: first.number)
            reader.readAll()
            merged = FapiaoMerge(fields: reader.fields, lineItems: reader.lineItems + later.flatMap(\.reader.lineItems))
        }
        if let qr { merged.apply(qr.payload, page: qr.page) }
        merged.fields = SourceOverlay.overlay(embeddedFields, on: merged.fields)
        if merged.lineItems.isEmpty { merged.lineItems = EmbeddedFields.lineItems(embedded.items) }
        merged.completeDerived()

        let number = merged.fields[.invoiceNumber]?.value ?? ""
        let layout: FapiaoLayout =
            qr.map { Self.layout(of: $0.payload) } ?? (number.count == 20 ? .digital : .taxControl)
        let kind = Self.kind(qr?.payload, layout: layout, title: merged.fields[.invoiceTitle]?.value)
        let expected =
            isTicket
            ? [FieldName.invoiceNumber, .issueDate, .totalAmount]
            : layout.printedFields(special: kind?.hasSuffix("special") ?? false)
        var document = ExtractedDocument(
            documentType: "fapiao", invoiceKind: kind, fields: merged.fields, lineItems: merged.lineItems,
            qr: qr?.payload, expectedFields: expected)
        // A later page's own invoice number (printed, or in its QR code) that differs from the first's.
        document.otherInvoices = later.compactMap { page, reader in
            let other =
                reader.fields[.invoiceNumber]?.value
                ?? page.qrCodes.lazy.compactMap { FapiaoQRPayload.parse($0.text)?.invoiceNumber }.first
            guard let other, other != number else { return nil }
            return page.number
        }
        return document
    }
}
