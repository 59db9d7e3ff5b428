public import Foundation
public import InvoiceModel

/// Reads an OFD file: `OFD.xml` custom data, the first document's pages (text objects, templates
/// included), its semantic tags and its attached e-invoice XML. Nothing is rendered.
public enum OFDReader {
    /// Pixels per millimetre at 300 dpi (OFD measures in millimetres).
    static let scale = 300 / 25.4

    /// Reads `bytes` (the content of `path`, named in messages).
    ///
    /// - Throws: `DocumentError`: `corrupt-file` (not a zip, no `OFD.xml`, broken XML), `unsafe-archive`,
    ///   `unsafe-xml`, `too-large` (pages), `multiple-invoices` (several documents in one file).
    public static func read(
        _ bytes: Data, path: String, limits: ArchiveLimits = ArchiveLimits(), maxPages: Int
    ) throws(DocumentError) -> OFDContent {
        var archive = try OFDArchive(bytes: bytes, name: path, limits: limits)
        guard let manifest = try archive.read("OFD.xml") else {
            throw DocumentError(.unsupportedFormat, "\(path) is a ZIP archive but not an OFD document (no OFD.xml)")
        }
        let root = try SafeXML.parse(manifest, name: "\(path): OFD.xml")
        let bodies = root.descendants("DocBody")
        guard let body = bodies.first else {
            throw DocumentError(.corruptFile, "\(path): OFD.xml has no DocBody")
        }
        if bodies.count > 1 {
            throw DocumentError(
                .multipleInvoices, "\(path) holds \(bodies.count) documents; split it into one file per invoice")
        }
        var content = OFDContent()
        content.customData = body.descendants("CustomData").compactMap { element in
            guard let name = element.attributes["Name"], !element.trimmedText.isEmpty else { return nil }
            return OFDContent.Value(name: name, value: element.trimmedText)
        }
        guard let rootPath = body.child("DocRoot")?.trimmedText, !rootPath.isEmpty else { return content }
        var reader = OFDDocumentParts(archive: archive, path: path)
        try reader.readDocument(at: rootPath, into: &content, maxPages: maxPages)
        return content
    }
}
