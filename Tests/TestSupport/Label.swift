import Foundation

/// A document's label (CONTRACT.md §2), as written beside `testdata/` and `../shared/data` documents.
public struct Label: Decodable, Sendable {
    /// Expected field values by contract name.
    public var fields: [String: String]
    /// Expected line items.
    public var lineItems: [[String: String]]?
    /// Generator metadata (testdata only).
    public var meta: Meta?

    /// What the generator says about a synthetic document.
    public struct Meta: Decodable, Sendable {
        public var layout: String?
        public var qr: String?
        public var degradations: [String]?
        public var dpi: Int?
        public var rotation: Int?
        public var pages: Int?
    }

    /// Reads the label of `document` (the same name with `.json`).
    public static func of(document path: String) throws -> Label {
        let url = URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension("json")
        return try JSONDecoder().decode(Label.self, from: Data(contentsOf: url))
    }
}

/// Labelled documents in a directory.
public enum LabelledDocuments {
    /// Image and document files in `directory` that have a `.json` label beside them, sorted by name.
    public static func list(
        _ directory: String,
        extensions: Set<String> = ["png", "jpg", "jpeg", "tif", "tiff", "bmp", "webp", "gif", "pdf", "ofd"]
    ) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().compactMap { name in
            let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
            guard extensions.contains(url.pathExtension.lowercased()) else { return nil }
            let label = url.deletingPathExtension().appendingPathExtension("json").path
            return FileManager.default.fileExists(atPath: label) ? url.path : nil
        }
    }
}
