/// Guards against inputs that would exhaust memory or time.
public struct IngestLimits: Sendable, Hashable {
    /// Largest file read, in bytes.
    public var maxFileBytes: Int
    /// Largest page image, in pixels (width × height), checked from the header before decoding.
    public var maxPixelsPerPage: Int
    /// Most pages read from one file (multi-page TIFF).
    public var maxPages: Int
    /// Limits on archives (OFD).
    public var archive = ArchiveLimits()

    /// Creates limits.
    public init(maxFileBytes: Int, maxPixelsPerPage: Int, maxPages: Int) {
        self.maxFileBytes = maxFileBytes
        self.maxPixelsPerPage = maxPixelsPerPage
        self.maxPages = maxPages
    }

    /// 256 MB files, 80 megapixel pages, 200 pages.
    public static let `default` = IngestLimits(
        maxFileBytes: 256 * 1024 * 1024, maxPixelsPerPage: 80_000_000, maxPages: 200)
}
