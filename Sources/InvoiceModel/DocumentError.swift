/// Stable, machine-readable reasons a document could not be read (CONTRACT.md: kebab-case `error.code`).
///
/// Scripts match on these codes: never rename one, only add new ones.
public enum DocumentErrorCode: String, Sendable, CaseIterable, Codable {
    /// The path does not exist.
    case fileNotFound = "file-not-found"
    /// The path is a directory, not a file.
    case isDirectory = "is-directory"
    /// The file exists but cannot be read (permissions, I/O error, not a regular file).
    case unreadableFile = "unreadable-file"
    /// The file has no bytes.
    case emptyFile = "empty-file"
    /// The bytes are not a format this tool reads (detected from the content, not the extension).
    case unsupportedFormat = "unsupported-format"
    /// The format is recognised but the data is damaged or truncated.
    case corruptFile = "corrupt-file"
    /// The file, an image's pixel count or its page count is over a configured limit.
    case tooLarge = "too-large"
    /// The document was read but no text was found on any page.
    case noTextFound = "no-text-found"
    /// The OCR engine failed on this document.
    case recognitionFailed = "recognition-failed"
    /// The file is encrypted (a password-protected PDF).
    case encryptedFile = "encrypted-file"
    /// An archive (OFD) that could harm the reader: a zip bomb, too many entries, entry names that
    /// leave the archive.
    case unsafeArchive = "unsafe-archive"
    /// XML the reader refuses: document type declarations, entities (external or expanding).
    case unsafeXML = "unsafe-xml"
    /// The document is well formed but carries no invoice data (an empty OFD template).
    case noInvoiceData = "no-invoice-data"
    /// One file holds several invoices; split it into one file per invoice.
    case multipleInvoices = "multiple-invoices"
}

/// Why one document failed: a stable code and a message for people.
public struct DocumentError: Error, Sendable, Hashable {
    /// The stable code.
    public var code: DocumentErrorCode
    /// What happened and, where it helps, what to do about it.
    public var message: String

    /// Creates an error.
    public init(_ code: DocumentErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }
}

extension DocumentError: CustomStringConvertible {
    public var description: String { "\(code.rawValue): \(message)" }
}
