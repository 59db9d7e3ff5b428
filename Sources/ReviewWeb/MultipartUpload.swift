import Foundation

/// The first file part of a `multipart/form-data` body (RFC 7578): its name as sent and its bytes.
struct MultipartUpload {
    /// The file's name, reduced to a safe single name (no folders, no leading dots).
    var fileName: String
    /// The file's bytes.
    var bytes: [UInt8]

    /// Finds the first part with a `filename` in `body`, or `nil` when there is none or the body is malformed.
    init?(body: [UInt8], contentType: String) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundaryRange = contentType.range(of: "boundary=")
        else { return nil }
        var boundary = String(contentType[boundaryRange.upperBound...])
        if let end = boundary.firstIndex(of: ";") { boundary = String(boundary[..<end]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard !boundary.isEmpty else { return nil }
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var start: Int?
        var index = 0
        while let found = Self.find(delimiter, in: body, from: index) {
            if let start { parts.append(body[start..<found]) }
            start = found + delimiter.count
            index = found + delimiter.count
        }
        for part in parts {
            guard let headerEnd = Self.find(Array("\r\n\r\n".utf8), in: Array(part), from: 0) else { continue }
            let bytes = Array(part)
            let headers = String(decoding: bytes[..<headerEnd], as: UTF8.self)
            guard let match = headers.firstMatch(of: /filename="([^"]*)"/) else { continue }
            var content = Array(bytes[(headerEnd + 4)...])
            if content.suffix(2) == [0x0D, 0x0A] { content.removeLast(2) }
            fileName = Self.safeName(String(match.1))
            self.bytes = content
            return
        }
        return nil
    }

    /// A single file name: the last path component, without leading dots or control characters.
    static func safeName(_ sent: String) -> String {
        let last = sent.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(
            last.drop(while: { $0 == "." }).filter { !$0.isNewline && $0.asciiValue.map { $0 >= 32 } ?? true })
        return cleaned.isEmpty ? "upload" : String(cleaned.prefix(200))
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
            return nil
        }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], Array(haystack[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }
}
