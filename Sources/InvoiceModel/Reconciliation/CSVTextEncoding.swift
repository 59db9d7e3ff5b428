public import Foundation

/// The text encodings a CSV file is read in, and the decoding that detects them.
///
/// Chinese tax-platform exports are often GBK; Excel's "CSV UTF-8" adds a byte-order mark; "Unicode text" is
/// UTF-16 with one. GB18030 is a superset of GBK and GB2312, so one decoder reads all three.
public enum CSVTextEncoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "UTF-8"
    /// UTF-16 big-endian, recognised by its byte-order mark.
    case utf16BigEndian = "UTF-16BE"
    /// UTF-16 little-endian, recognised by its byte-order mark.
    case utf16LittleEndian = "UTF-16LE"
    /// GB18030 (and so GBK and GB2312), tried when the bytes are not valid UTF-8.
    case gb18030 = "GB18030"

    /// Foundation's GB18030 encoding: `CFStringConvertEncodingToNSStringEncoding(kCFStringEncodingGB_18030_2000)`,
    /// written out because that function is not available everywhere Foundation is.
    public static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Whether this Foundation can decode GB18030 (swift-corelibs-foundation on Linux can, through ICU).
    public static let isGB18030Available: Bool = String(data: Data([0xB7, 0xA2]), encoding: foundationGB18030) == "发"

    /// Decodes a CSV file's bytes, detecting the encoding.
    ///
    /// Order: a UTF-8 or UTF-16 byte-order mark decides; otherwise valid UTF-8 is UTF-8; otherwise GB18030. The
    /// byte-order mark is not part of the text.
    ///
    /// - Parameter bytes: the whole file.
    /// - Returns: the text and the encoding it was read in.
    /// - Throws: `ReconciliationError.undecodableText` when the bytes are none of these encodings, or decode to
    ///   text with NUL characters (usually UTF-16 without a byte-order mark).
    public static func decode(_ bytes: [UInt8]) throws(ReconciliationError) -> (text: String, encoding: Self) {
        let decoded: (text: String, encoding: Self)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw .undecodableText(detail: "it starts with a UTF-8 byte-order mark, but \(invalidUTF8(bytes))")
            }
            decoded = (text, .utf8)
        } else if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            let bigEndian = bytes[0] == 0xFE
            decoded = (
                try utf16(bytes.dropFirst(2), bigEndian: bigEndian), bigEndian ? .utf16BigEndian : .utf16LittleEndian
            )
        } else if let text = String(validating: bytes, as: UTF8.self) {
            decoded = (text, .utf8)
        } else if let text = String(data: Data(bytes), encoding: foundationGB18030) {
            decoded = (text, .gb18030)
        } else if isGB18030Available {
            throw .undecodableText(detail: "it is neither UTF-8 (\(invalidUTF8(bytes))) nor GB18030/GBK")
        } else {
            throw .undecodableText(
                detail: "it is not UTF-8 (\(invalidUTF8(bytes))), and this system cannot decode GB18030/GBK")
        }
        if decoded.text.unicodeScalars.contains("\0") {
            throw .undecodableText(
                detail: "it read as \(decoded.encoding.rawValue) but holds NUL characters, as UTF-16 without a "
                    + "byte-order mark does")
        }
        return decoded
    }

    /// Decodes a CSV file's bytes, detecting the encoding; see `decode(_:)` for `[UInt8]`.
    ///
    /// - Parameter data: the whole file.
    /// - Returns: the text and the encoding it was read in.
    /// - Throws: `ReconciliationError.undecodableText` when the bytes are not text in a known encoding.
    public static func decode(_ data: Data) throws(ReconciliationError) -> (text: String, encoding: Self) {
        try decode([UInt8](data))
    }

    /// UTF-16 code units from byte pairs, strictly validated (odd length and lone surrogates are errors).
    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) throws(ReconciliationError) -> String {
        guard bytes.count.isMultiple(of: 2) else {
            throw .undecodableText(detail: "it starts with a UTF-16 byte-order mark but has an odd number of bytes")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw .undecodableText(detail: "it starts with a UTF-16 byte-order mark but holds an unpaired surrogate")
        }
        return text
    }

    /// Where UTF-8 decoding fails, e.g. `byte 0xB7 at offset 12 is not valid UTF-8`.
    private static func invalidUTF8(_ bytes: [UInt8]) -> String {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                offset = consumed
            case .emptyInput:
                return "the bytes are not valid UTF-8"
            case .error:
                let byte = bytes[min(offset, bytes.count - 1)]
                return "byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset) is not valid UTF-8"
            }
        }
    }
}
