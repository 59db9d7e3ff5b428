import Foundation
import InvoiceModel
import Testing

@Suite struct CSVTextEncodingTests {
    /// 发票代码 in GBK, from the GB2312 code chart: the bytes a GBK export starts its header with.
    static let gbkHeader: [UInt8] = [0xB7, 0xA2, 0xC6, 0xB1, 0xB4, 0xFA, 0xC2, 0xEB]

    @Test func givenThisFoundation_whenAskedForGB18030_thenItDecodesGBK() {
        #expect(CSVTextEncoding.isGB18030Available)
    }

    @Test func givenGBKBytes_whenDecoded_thenTheChineseTextAndGB18030() throws {
        let bytes = Self.gbkHeader + Array(",金额\r\n".data(using: CSVTextEncoding.foundationGB18030) ?? Data())
        let decoded = try CSVTextEncoding.decode(bytes)
        #expect(decoded.text == "发票代码,金额\r\n")
        #expect(decoded.encoding == .gb18030)
    }

    @Test func givenUTF8WithAndWithoutBOM_whenDecoded_thenTheSameTextWithoutTheBOM() throws {
        let plain = Array("发票代码,金额".utf8)
        #expect(try CSVTextEncoding.decode(plain) == ("发票代码,金额", .utf8))
        let withBOM = try CSVTextEncoding.decode([0xEF, 0xBB, 0xBF] + plain)
        #expect(withBOM.text == "发票代码,金额")
        #expect(withBOM.encoding == .utf8)
    }

    @Test func givenUTF16WithEitherBOM_whenDecoded_thenTheText() throws {
        let text = "发票号码,金额\r\n𠀀"
        let littleEndian: [UInt8] =
            [0xFF, 0xFE] + text.utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let bigEndian: [UInt8] =
            [0xFE, 0xFF] + text.utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try CSVTextEncoding.decode(littleEndian) == (text, .utf16LittleEndian))
        #expect(try CSVTextEncoding.decode(Data(bigEndian)) == (text, .utf16BigEndian))
    }

    @Test func givenBytesThatAreNeitherUTF8NorGB18030_whenDecoded_thenAnErrorSayingSaveAsUTF8() {
        do {
            _ = try CSVTextEncoding.decode([0x41, 0x2C, 0xFF, 0xFF, 0xFF])
            Issue.record("decoding should have failed")
        } catch {
            let message = "\(error)"
            #expect(message.contains("byte 0xFF at offset 2 is not valid UTF-8"), "\(message)")
            #expect(message.contains("GB18030"))
            #expect(message.contains("Save it as \"CSV UTF-8\""))
        }
    }

    @Test func givenUTF16WithoutBOM_whenDecoded_thenAnErrorAboutNULCharacters() {
        let bytes = "ab,cd".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        do {
            _ = try CSVTextEncoding.decode(bytes)
            Issue.record("decoding should have failed")
        } catch {
            #expect("\(error)".contains("NUL characters"))
        }
    }

    @Test func givenBrokenUTF16_whenDecoded_thenErrorsNotCrashes() {
        #expect(throws: ReconciliationError.self) { try CSVTextEncoding.decode([0xFF, 0xFE, 0x41]) }
        #expect(throws: ReconciliationError.self) { try CSVTextEncoding.decode([0xFF, 0xFE, 0x00, 0xD8]) }
        #expect(throws: ReconciliationError.self) { try CSVTextEncoding.decode([0xEF, 0xBB, 0xBF, 0xC3]) }
    }

    @Test func givenEmptyBytes_whenDecoded_thenEmptyUTF8() throws {
        #expect(try CSVTextEncoding.decode([]) == ("", .utf8))
    }
}
