import CTesseract
import Foundation
import InvoiceModel

/// Page dimensions read from an image's header, before any pixel is decoded.
struct RasterHeader: Sendable, Hashable {
    var width: Int
    var height: Int

    var pixels: Int { width * height }

    /// Reads the header of every page of `data` without decoding pixels.
    ///
    /// - Throws: `corrupt-file` when the header cannot be parsed.
    static func read(_ data: Data, format: InputFormat.RasterFormat) throws(DocumentError) -> [RasterHeader] {
        switch format {
        case .gif:
            // Leptonica decodes the whole GIF to answer a header query; read the sizes ourselves.
            return [try gifHeader(data)]
        case .tiff:
            return try tiffHeaders(data)
        default:
            var lepFormat: Int32 = 0
            var width: Int32 = 0
            var height: Int32 = 0
            var bps: Int32 = 0
            var spp: Int32 = 0
            var colormap: Int32 = 0
            let status = data.withUnsafeBytes { raw in
                pixReadHeaderMem(
                    raw.bindMemory(to: UInt8.self).baseAddress, raw.count, &lepFormat, &width, &height, &bps, &spp,
                    &colormap)
            }
            guard status == 0, width > 0, height > 0 else {
                throw DocumentError(.corruptFile, "the \(format.rawValue) header is damaged or incomplete")
            }
            return [RasterHeader(width: Int(width), height: Int(height))]
        }
    }

    /// The number of pages (directories) in a TIFF.
    static func tiffPageCount(_ data: Data) -> Int? {
        var copy = data
        return copy.withUnsafeMutableBytes { raw -> Int? in
            guard let stream = fmemopen(raw.baseAddress, raw.count, "r") else { return nil }
            defer { fclose(stream) }
            var count: Int32 = 0
            guard tiffGetCount(stream, &count) == 0 else { return nil }
            return Int(count)
        }
    }

    private static func tiffHeaders(_ data: Data) throws(DocumentError) -> [RasterHeader] {
        guard let count = tiffPageCount(data), count > 0 else {
            throw DocumentError(.corruptFile, "the TIFF structure is damaged: no readable page directory")
        }
        var headers: [RasterHeader] = []
        for index in 0..<count {
            var width: Int32 = 0
            var height: Int32 = 0
            var bps: Int32 = 0
            var spp: Int32 = 0
            var resolution: Int32 = 0
            var colormap: Int32 = 0
            var compression: Int32 = 0
            let status = data.withUnsafeBytes { raw in
                readHeaderMemTiff(
                    raw.bindMemory(to: UInt8.self).baseAddress, raw.count, Int32(index), &width, &height, &bps,
                    &spp, &resolution, &colormap, &compression)
            }
            guard status == 0, width > 0, height > 0 else {
                throw DocumentError(.corruptFile, "the header of TIFF page \(index + 1) is damaged")
            }
            headers.append(RasterHeader(width: Int(width), height: Int(height)))
        }
        return headers
    }

    /// Logical screen and first image descriptor of a GIF (GIF89a spec, little-endian 16-bit sizes).
    private static func gifHeader(_ data: Data) throws(DocumentError) -> RasterHeader {
        let bytes = [UInt8](data)
        func u16(_ offset: Int) -> Int { Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 }
        guard bytes.count >= 13 else { throw DocumentError(.corruptFile, "the GIF header is incomplete") }
        var width = u16(6)
        var height = u16(8)
        var offset = 13
        if bytes[10] & 0x80 != 0 { offset += 3 << (Int(bytes[10] & 0x07) + 1) }  // global colour table
        // Skip extension blocks up to the first image descriptor and take the larger extent.
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x21:  // extension: label, then sub-blocks
                offset += 2
                while offset < bytes.count, bytes[offset] != 0 { offset += Int(bytes[offset]) + 1 }
                offset += 1
            case 0x2C:  // image descriptor
                guard offset + 9 < bytes.count else {
                    throw DocumentError(.corruptFile, "the GIF image descriptor is incomplete")
                }
                width = max(width, u16(offset + 1) + u16(offset + 5))
                height = max(height, u16(offset + 3) + u16(offset + 7))
                offset = bytes.count
            default:
                offset = bytes.count
            }
        }
        guard width > 0, height > 0 else { throw DocumentError(.corruptFile, "the GIF declares an empty image") }
        return RasterHeader(width: width, height: height)
    }
}
