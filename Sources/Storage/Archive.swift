import Crypto
public import Foundation
public import InvoiceModel

/// A content-addressed folder of files (originals and page images): each is stored once, under its
/// SHA-256, as `ab/abcdef…`. Files are written to a temporary name and renamed, so a reader never sees a
/// partial file and a crash leaves at most an unused temporary.
public struct Archive: Sendable {
    /// The folder.
    public let root: URL

    /// An archive in `root` (created on the first write).
    public init(root: URL) {
        self.root = root
    }

    /// Where the file named `sha256` lives (whether or not it exists).
    public func url(for sha256: String) -> URL {
        root.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(sha256)
    }

    /// Stores `bytes` and returns their SHA-256; a file already there is left alone.
    ///
    /// - Throws: `LedgerError.archive` when the folder or file cannot be written.
    @discardableResult
    public func put(_ bytes: [UInt8]) throws(LedgerError) -> String {
        let name = Self.sha256(of: bytes)
        try put(bytes, named: name)
        return name
    }

    /// The lower-case hex SHA-256 of `bytes`: the name they have in an archive.
    public static func sha256(of bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// Stores `bytes` under the SHA-256 the caller already computed.
    public func put(_ bytes: [UInt8], named sha256: String) throws(LedgerError) {
        let target = url(for: sha256)
        let manager = FileManager.default
        if manager.fileExists(atPath: target.path) { return }
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(sha256).\(UUID().uuidString).tmp")
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: temporary, options: .atomic)
            if rename(temporary.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(at: temporary)
                throw LedgerError.archive(path: target.path, reason: reason)
            }
        } catch let error as LedgerError {
            throw error
        } catch {
            try? manager.removeItem(at: temporary)
            throw .archive(path: target.path, reason: error.localizedDescription)
        }
    }

    /// The bytes of the file named `sha256`.
    public func get(_ sha256: String) throws(LedgerError) -> [UInt8] {
        let target = url(for: sha256)
        do {
            return [UInt8](try Data(contentsOf: target))
        } catch {
            throw .archive(path: target.path, reason: "missing or unreadable (\(error.localizedDescription))")
        }
    }

    /// Copies every file of this archive that `other` lacks into `other`; returns how many were copied.
    public func copyMissing(to other: Archive) throws(LedgerError) -> Int {
        let manager = FileManager.default
        guard let folders = try? manager.contentsOfDirectory(atPath: root.path) else { return 0 }
        var copied = 0
        for folder in folders where folder.count == 2 {
            let names = (try? manager.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            for name in names where name.count == 64 && !manager.fileExists(atPath: other.url(for: name).path) {
                try other.put(try get(name), named: name)
                copied += 1
            }
        }
        return copied
    }
}
