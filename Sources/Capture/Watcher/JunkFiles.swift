/// Names that are never documents: desktop and NAS clutter, and files still being written by a download,
/// an editor or a copy (DESIGN.md's folder contract).
public enum JunkFiles {
    /// Whether a file or folder named `name` is left alone.
    public static func isJunk(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("._") || name.hasPrefix("~$") || name == "Thumbs.db"
            || name == "desktop.ini" || name == "@eaDir" || name.hasSuffix(".part") || name.hasSuffix(".tmp")
            || name.hasSuffix(".crdownload") || name.hasSuffix(".partial")
    }
}
