public import InvoiceModel

/// What an OFD document (GB/T 33190) carries, read without rendering anything.
public struct OFDContent: Sendable, Hashable {
    /// A named value from the file's structured data.
    public struct Value: Sendable, Hashable {
        /// The name: a `CustomData` name (e.g. 发票号码) or an e-invoice element (e.g. `InvoiceNo`).
        public var name: String
        /// The value as written, whitespace trimmed.
        public var value: String
        /// 1-based page where the value is printed, when known.
        public var page: Int?
        /// Where it is printed, when known (pixels at 300 dpi).
        public var box: PixelBox?

        /// Creates a value.
        public init(name: String, value: String, page: Int? = nil, box: PixelBox? = nil) {
            self.name = name
            self.value = value
            self.page = page
            self.box = box
        }
    }

    /// `OFD.xml` `DocInfo/CustomDatas` (发票代码, 发票号码, 价税合计 …).
    public var customData: [Value] = []
    /// Semantic tags (`Doc_0/Tags`): e-invoice element names resolved to the text objects they point at.
    public var tagged: [Value] = []
    /// The e-invoice XML attached to the document (`original_invoice.xml`): its leaf elements.
    public var attachment: [Value] = []
    /// The attached e-invoice's goods lines, each as element name → value.
    public var attachmentItems: [[String: String]] = []
    /// The pages' text objects (template text included), placed at 300 dpi.
    public var pages: [TextPage] = []

    /// Whether the file carries any invoice data at all (an empty template does not).
    public var hasInvoiceData: Bool {
        !customData.isEmpty || !tagged.isEmpty || !attachment.isEmpty
            || pages.contains { page in page.lines.contains { $0.text.contains { $0.isNumber } } }
    }
}
