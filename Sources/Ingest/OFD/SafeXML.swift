public import Foundation
public import InvoiceModel

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An XML element: local name (namespace prefix dropped), attributes, children and text.
public final class XMLElement: @unchecked Sendable {
    /// Local name, e.g. `TextObject` for `ofd:TextObject`.
    public let name: String
    /// Attributes by local name.
    public let attributes: [String: String]
    /// Child elements in document order.
    public fileprivate(set) var children: [XMLElement] = []
    /// The element's own character data (not its children's), as written.
    public fileprivate(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The first child called `name`.
    public func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    /// Every descendant called `name`, in document order.
    public func descendants(_ name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        var stack = Array(children.reversed())
        while let element = stack.popLast() {
            if element.name == name { found.append(element) }
            stack.append(contentsOf: element.children.reversed())
        }
        return found
    }

    /// The element's text with surrounding whitespace removed.
    public var trimmedText: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// Parses untrusted XML into `XMLElement`s.
///
/// Refuses document type declarations outright (no DTD, hence no external entities and no entity
/// expansion — "billion laughs"), XML not in UTF-8, nesting deeper than 256 and more than 500 000
/// elements. OFD and e-invoice XML never need any of these.
public enum SafeXML {
    static let maxDepth = 256
    static let maxElements = 500_000

    /// Parses `data`, naming `name` (the entry or file) in errors.
    ///
    /// - Throws: `DocumentError` `unsafe-xml` for refused constructs, `corrupt-file` for malformed XML.
    public static func parse(_ data: Data, name: String) throws(DocumentError) -> XMLElement {
        let head = Array(data.prefix(4))
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0, 0x3C])
            || head.starts(with: [0x3C, 0])
        {
            throw DocumentError(.unsafeXML, "\(name) is UTF-16 XML; only UTF-8 XML is read")
        }
        for construct in ["<!DOCTYPE", "<!ENTITY"] where data.range(of: Data(construct.utf8)) != nil {
            throw DocumentError(
                .unsafeXML, "\(name) declares \(construct.dropFirst(2)) (entities are refused: external or expanding)")
        }
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = builder
        let parsed = parser.parse()
        if let limit = builder.limitHit {
            throw DocumentError(.unsafeXML, "\(name): \(limit)")
        }
        guard parsed, let root = builder.root else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "not well-formed"
            throw DocumentError(
                .corruptFile, "\(name) is not well-formed XML (line \(parser.lineNumber): \(reason))")
        }
        return root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: XMLElement?
        var stack: [XMLElement] = []
        var count = 0
        var limitHit: String?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            count += 1
            if stack.count >= SafeXML.maxDepth || count > SafeXML.maxElements {
                limitHit =
                    stack.count >= SafeXML.maxDepth
                    ? "elements nested deeper than \(SafeXML.maxDepth)" : "more than \(SafeXML.maxElements) elements"
                parser.abortParsing()
                return
            }
            var local: [String: String] = [:]
            for (key, value) in attributes { local[Self.localName(key)] = value }
            let element = XMLElement(name: Self.localName(elementName), attributes: local)
            if let parent = stack.last { parent.children.append(element) } else if root == nil { root = element }
            stack.append(element)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            stack.last?.text += String(decoding: block, as: UTF8.self)
        }

        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            limitHit = "declares the entity \(name)"
            parser.abortParsing()
        }

        static func localName(_ name: String) -> String {
            name.split(separator: ":").last.map(String.init) ?? name
        }
    }
}
