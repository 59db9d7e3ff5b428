/// What the watcher knows of a file without opening it: its size and modification time.
public struct FileStamp: Sendable, Hashable {
    /// Size in bytes.
    public var size: Int64
    /// Modification time, seconds since 1970 (with fractions where the file system has them).
    public var modified: Double

    /// Creates a stamp.
    public init(size: Int64, modified: Double) {
        self.size = size
        self.modified = modified
    }
}
