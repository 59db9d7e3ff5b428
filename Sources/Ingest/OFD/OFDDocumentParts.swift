import Foundation
import InvoiceModel

/// Walks one OFD document's parts.
struct OFDDocumentParts {
    var archive: OFDArchive
    let path: String
    /// Text objects by ID: page number, text and box, for tags that point at them.
    var objects: [String: (page: Int, text: String, box: PixelBox)] = [:]

    init(archive: OFDArchive, path: String) {
        self.archive = archive
        self.path = path
    }

    mutating func xml(_ location: String) throws(DocumentError) -> XMLElement? {
        guard let data = try archive.read(location) else { return nil }
        return try SafeXML.parse(data, name: "\(path): \(location)")
    }

    mutating func readDocument(at location: String, into content: inout OFDContent, maxPages: Int)
        throws(DocumentError)
    {
        guard let document = try xml(location) else {
            throw DocumentError(.corruptFile, "\(path): the document \(location) named by OFD.xml is missing")
        }
        let base = Self.directory(of: location)
        let common = document.child("CommonData")
        let defaultBox = Self.numbers(common?.child("PageArea")?.child("PhysicalBox")?.trimmedText)
        var templates: [String: String] = [:]
        for template in common?.children.filter({ $0.name == "TemplatePage" }) ?? [] {
            if let id = template.attributes["ID"], let loc = template.attributes["BaseLoc"] {
                templates[id] = Self.resolve(loc, against: base)
            }
        }
        let pages = document.child("Pages")?.children.filter { $0.name == "Page" } ?? []
        if pages.count > maxPages {
            throw DocumentError(.tooLarge, "\(path) has \(pages.count) pages, over the limit of \(maxPages)")
        }
        for (index, page) in pages.enumerated() {
            guard let loc = page.attributes["BaseLoc"] else { continue }
            let pageLocation = Self.resolve(loc, against: base)
            guard let pageXML = try xml(pageLocation) else { continue }
            let box = Self.numbers(pageXML.child("Area")?.child("PhysicalBox")?.trimmedText) ?? defaultBox
            var characters: [PlacedCharacter] = []
            for reference in pageXML.children where reference.name == "Template" {
                if let id = reference.attributes["TemplateID"], let templateLocation = templates[id],
                    let template = try xml(templateLocation)
                {
                    characters += place(template, page: index + 1)
                }
            }
            characters += place(pageXML, page: index + 1)
            let (width, height) = (box?[safe: 2] ?? 210, box?[safe: 3] ?? 140)
            content.pages.append(
                TextPage(
                    width: Int(width * OFDReader.scale), height: Int(height * OFDReader.scale), dpi: 300,
                    characters: characters))
        }
        if let tagsLocation = document.child("CustomTags")?.trimmedText, !tagsLocation.isEmpty {
            try readTags(Self.resolve(tagsLocation, against: base), into: &content)
        }
        if let attachLocation = document.child("Attachments")?.trimmedText, !attachLocation.isEmpty {
            try readAttachments(Self.resolve(attachLocation, against: base), into: &content)
        }
    }

    /// Places every character of every text object under `element` (mm → pixels at 300 dpi).
    mutating func place(_ element: XMLElement, page: Int) -> [PlacedCharacter] {
        var placed: [PlacedCharacter] = []
        for object in element.descendants("TextObject") {
            guard let boundary = Self.numbers(object.attributes["Boundary"]), boundary.count >= 2 else { continue }
            let size = Double(object.attributes["Size"] ?? "") ?? 3.5
            var x = 0.0
            var y = size
            var objectText = ""
            var objectBox: PixelBox?
            for code in object.children where code.name == "TextCode" {
                x = Double(code.attributes["X"] ?? "") ?? x
                y = Double(code.attributes["Y"] ?? "") ?? y
                let deltaX = Self.deltas(code.attributes["DeltaX"])
                let deltaY = Self.deltas(code.attributes["DeltaY"])
                for (offset, character) in code.text.enumerated() {
                    let left = boundary[0] + x
                    let baseline = boundary[1] + y
                    // Fewer advances than characters: the last one repeats; none at all: one em, unless
                    // the text runs vertically.
                    let vertical = deltaY.contains { $0 != 0 }
                    let advance = deltaX[safe: offset] ?? deltaX.last ?? (vertical ? 0 : size)
                    let width = advance > 0 ? min(advance, size) : size
                    let box = PixelBox(
                        left: Int(left * OFDReader.scale), top: Int((baseline - size * 0.88) * OFDReader.scale),
                        right: Int((left + width) * OFDReader.scale),
                        bottom: Int((baseline + size * 0.12) * OFDReader.scale))
                    placed.append(PlacedCharacter(character, box))
                    if !character.isWhitespace { objectBox = objectBox.map { $0.union(box) } ?? box }
                    x += advance
                    y += deltaY[safe: offset] ?? deltaY.last ?? 0
                }
                objectText += code.text
                placed.append(PlacedCharacter(" ", PixelBox(x: 0, y: 0, width: 0, height: 0)))
            }
            if let id = object.attributes["ID"], let objectBox {
                objects[id] = (page, objectText.trimmingCharacters(in: .whitespacesAndNewlines), objectBox)
            }
        }
        return placed
    }

    /// Semantic tags: each element with `ObjectRef` children names the text objects holding its value.
    mutating func readTags(_ location: String, into content: inout OFDContent) throws(DocumentError) {
        guard let index = try xml(location) else { return }
        let base = Self.directory(of: location)
        for tag in index.descendants("CustomTag") {
            guard let file = tag.child("FileLoc")?.trimmedText, !file.isEmpty,
                let tags = try xml(Self.resolve(file, against: base))
            else { continue }
            var stack = [tags]
            while let element = stack.popLast() {
                let references = element.children.filter { $0.name == "ObjectRef" }
                if references.isEmpty {
                    stack.append(contentsOf: element.children.reversed())
                    continue
                }
                let found = references.compactMap { objects[$0.trimmedText] }
                guard let first = found.first else { continue }
                let value = found.map(\.text).joined()
                guard !value.isEmpty else { continue }
                let box = found.dropFirst().reduce(first.box) { $0.union($1.box) }
                content.tagged.append(OFDContent.Value(name: element.name, value: value, page: first.page, box: box))
            }
        }
    }

    /// The attached e-invoice XML: leaf elements with text, and its goods lines.
    mutating func readAttachments(_ location: String, into content: inout OFDContent) throws(DocumentError) {
        guard let index = try xml(location) else { return }
        let base = Self.directory(of: location)
        for attachment in index.descendants("Attachment") {
            guard let file = attachment.child("FileLoc")?.trimmedText, file.lowercased().hasSuffix(".xml"),
                let invoice = try xml(Self.resolve(file, against: base)), invoice.name == "eInvoice"
            else { continue }
            var stack = [invoice]
            while let element = stack.popLast() {
                if element.name == "GoodsInfo" {
                    var item: [String: String] = [:]
                    for child in element.children where !child.trimmedText.isEmpty {
                        item[child.name] = child.trimmedText
                    }
                    if !item.isEmpty { content.attachmentItems.append(item) }
                } else if element.children.isEmpty {
                    if !element.trimmedText.isEmpty {
                        content.attachment.append(OFDContent.Value(name: element.name, value: element.trimmedText))
                    }
                } else {
                    stack.append(contentsOf: element.children.reversed())
                }
            }
            return
        }
    }

    /// `"1 2.5 3"` → numbers; `nil` when absent.
    static func numbers(_ text: String?) -> [Double]? {
        guard let text else { return nil }
        let values = text.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        return values.isEmpty ? nil : values
    }

    /// OFD glyph advances: numbers, with `g N value` meaning `value` repeated N times.
    static func deltas(_ text: String?) -> [Double] {
        guard let text else { return [] }
        let tokens = text.split(whereSeparator: \.isWhitespace)
        var values: [Double] = []
        var index = 0
        while index < tokens.count, values.count < 100_000 {
            if tokens[index] == "g", index + 2 < tokens.count, let count = Int(tokens[index + 1]),
                let value = Double(tokens[index + 2])
            {
                values += Array(repeating: value, count: min(max(count, 0), 10_000))
                index += 3
            } else {
                if let value = Double(tokens[index]) { values.append(value) }
                index += 1
            }
        }
        return values
    }

    /// The folder of an entry (`Doc_0/Document.xml` → `Doc_0`).
    static func directory(of location: String) -> String {
        let parts = OFDArchive.key(location).split(separator: "/")
        return parts.dropLast().joined(separator: "/")
    }

    /// A location relative to `base`, or from the package root when it starts with `/`.
    static func resolve(_ location: String, against base: String) -> String {
        if location.hasPrefix("/") { return OFDArchive.key(location) }
        return base.isEmpty ? location : "\(base)/\(location)"
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
