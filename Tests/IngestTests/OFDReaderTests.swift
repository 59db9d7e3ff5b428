import Foundation
import Ingest
import InvoiceModel
import TestSupport
import Testing
import ZIPFoundation

/// OFD files: the data they carry, and hostile archives refused with clear errors.
@Suite struct OFDReaderTests {
    @Test func givenGeneratedOFD_whenRead_thenCustomDataTagsAndPageTextAgreeWithTheLabel() throws {
        let path = Paths.testdata("born-digital/tc-005.ofd")
        let label = try Label.of(document: path)
        guard case .ofd(let content) = try DocumentLoader().load(path: path).content else {
            Issue.record("not read as an OFD")
            return
        }
        let number = try #require(label.fields["invoiceNumber"])
        #expect(content.customData.contains { $0.name == "发票号码" && $0.value == number })
        let tagged = try #require(content.tagged.first { $0.name == "InvoiceNo" })
        #expect(tagged.value == number && tagged.page == 1)
        // The tag points at the printed value: in the header block at the top right (mm → 300 dpi).
        let box = try #require(tagged.box)
        #expect(box.x > 1800 && box.y < 200, "\(box)")
        let text = try #require(content.pages.first).text
        let seller = try #require(label.fields["sellerName"])
        #expect(text.contains("发票号码") && text.contains(seller))
    }

    @Test func givenEmptyTemplate_whenRead_thenNoInvoiceData() throws {
        guard
            case .ofd(let content) = try DocumentLoader().load(path: Paths.testdata("born-digital/empty-template.ofd"))
                .content
        else {
            Issue.record("not read as an OFD")
            return
        }
        #expect(!content.hasInvoiceData)
        #expect(content.pages.first?.text.contains("发票号码") == true)
    }

    /// Builds a zip in memory from `entries` (name → bytes), deflated.
    static func zip(_ entries: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, data) in entries {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        return try #require(archive.data)
    }

    static let manifest = Data(
        """
        <?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody>\
        <ofd:DocInfo><ofd:CustomDatas><ofd:CustomData Name="发票号码">12345678</ofd:CustomData></ofd:CustomDatas>\
        </ofd:DocInfo></ofd:DocBody></ofd:OFD>
        """.utf8)

    private func error(_ data: Data, limits: ArchiveLimits = ArchiveLimits()) throws -> DocumentError? {
        var ingest = IngestLimits.default
        ingest.archive = limits
        return try LoadAttempt.error(data, named: "invoice.ofd", limits: ingest)
    }

    @Test func givenMinimalOFD_whenRead_thenItsCustomDataIsReturned() throws {
        let data = try Self.zip([("OFD.xml", Self.manifest)])
        #expect(try error(data) == nil)
    }

    @Test func givenZipBomb_whenRead_thenUnsafeArchive() throws {
        // 64 MB of zeros deflates to about 64 KB: over the 32 MB entry limit and the 200:1 ratio.
        let zeros = Data(count: 64 << 20)
        // The document is only read when OFD.xml names it.
        let named = Data(
            String(decoding: Self.manifest, as: UTF8.self).replacingOccurrences(
                of: "</ofd:DocInfo>", with: "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
            ).utf8)
        let bomb = try #require(try self.error(Self.zip([("OFD.xml", named), ("Doc_0/Document.xml", zeros)])))
        #expect(bomb.code == .unsafeArchive, "\(bomb)")
        #expect(bomb.message.contains("zip bomb"))
    }

    /// The same bomb, its headers lying that the entry inflates to 1 000 bytes: what comes out is counted.
    @Test func givenZipBombWithLyingSizes_whenRead_thenUnsafeArchive() throws {
        let named = Data(
            String(decoding: Self.manifest, as: UTF8.self).replacingOccurrences(
                of: "</ofd:DocInfo>", with: "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
            ).utf8)
        var bytes = [UInt8](try Self.zip([("OFD.xml", named), ("Doc_0/Document.xml", Data(count: 64 << 20))]))
        let name = Array("Doc_0/Document.xml".utf8)
        func little(_ offset: Int, _ width: Int) -> Int {
            (0..<width).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        var patched = 0
        for offset in 0..<(bytes.count - 46) where bytes[offset] == 0x50 && bytes[offset + 1] == 0x4B {
            // Local header: size at +22, name at +30; central directory: size at +24, name at +46.
            let (sizeAt, nameAt, lengthAt): (Int, Int, Int)
            if bytes[offset + 2] == 3, bytes[offset + 3] == 4 {
                (sizeAt, nameAt, lengthAt) = (22, 30, 26)
            } else if bytes[offset + 2] == 1, bytes[offset + 3] == 2 {
                (sizeAt, nameAt, lengthAt) = (24, 46, 28)
            } else {
                continue
            }
            guard little(offset + lengthAt, 2) == name.count,
                Array(bytes[(offset + nameAt)..<(offset + nameAt + name.count)]) == name
            else { continue }
            for (index, byte) in [UInt8(0xE8), 0x03, 0, 0].enumerated() { bytes[offset + sizeAt + index] = byte }
            patched += 1
        }
        #expect(patched == 2)
        let error = try #require(try self.error(Data(bytes)))
        #expect(error.code == .unsafeArchive, "\(error)")
    }

    @Test(arguments: ["../evil.xml", "Doc_0/../../evil.xml", "/etc/passwd", "Doc_0\\..\\evil.xml"])
    func givenEntryNameLeavingTheArchive_whenRead_thenUnsafeArchive(name: String) throws {
        let error = try #require(try error(Self.zip([("OFD.xml", Self.manifest), (name, Data("x".utf8))])))
        #expect(error.code == .unsafeArchive, "\(error)")
        #expect(error.message.contains(name))
    }

    @Test func givenTooManyEntries_whenRead_thenUnsafeArchive() throws {
        var limits = ArchiveLimits()
        limits.maxEntries = 10
        let entries = [("OFD.xml", Self.manifest)] + (0..<10).map { ("Doc_0/Res/\($0).xml", Data("x".utf8)) }
        let error = try #require(try error(Self.zip(entries), limits: limits))
        #expect(error.code == .unsafeArchive)
        #expect(error.message.contains("more than 10 entries"))
    }

    @Test(arguments: [
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
        "<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><l>&b;</l>",
        "<!DOCTYPE x SYSTEM \"http://example.com/x.dtd\"><x/>",
    ])
    func givenXMLWithEntitiesOrDTD_whenRead_thenUnsafeXML(xml: String) throws {
        let data = Data(("<?xml version=\"1.0\"?>" + xml).utf8)
        let error = try #require(try error(Self.zip([("OFD.xml", data)])))
        #expect(error.code == .unsafeXML, "\(error)")
    }

    @Test func givenMalformedXML_whenRead_thenCorruptFileNamingTheEntry() throws {
        let error = try #require(try error(Self.zip([("OFD.xml", Data("<ofd:OFD><unclosed>".utf8))])))
        #expect(error.code == .corruptFile)
        #expect(error.message.contains("OFD.xml"))
    }

    @Test func givenZipWithoutOFDManifest_whenRead_thenUnsupportedFormat() throws {
        let error = try #require(try error(Self.zip([("readme.txt", Data("hello".utf8))])))
        #expect(error.code == .unsupportedFormat)
        #expect(error.message.contains("not an OFD"))
    }

    @Test func givenOFDThatIsNotAZip_whenRead_thenCorruptFile() throws {
        let error = try #require(try error(Data("PK\u{3}\u{4}this is not a zip archive at all".utf8)))
        #expect(error.code == .corruptFile, "\(error)")
    }
}
