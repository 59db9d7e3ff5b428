import Foundation
public import InvoiceModel
import ZIPFoundation

/// Limits on an OFD archive, which is untrusted input: a zip bomb or a million entries must be a
/// clear error, not an exhausted machine.
public struct ArchiveLimits: Sendable, Hashable {
    /// Most entries the archive may list.
    public var maxEntries = 10_000
    /// Most bytes one entry may inflate to.
    public var maxEntryBytes = 32 << 20
    /// Most bytes all entries read may inflate to together.
    public var maxTotalBytes = 128 << 20
    /// Largest ratio of inflated to compressed size accepted for one entry (ordinary XML: 5–20).
    public var maxCompressionRatio = 200

    /// The defaults.
    public init() {}
}

/// Reads entries of a zip archive held in memory, checking every name and size against `limits`.
///
/// Entry names are checked when the archive is opened: absolute names, `..` components, backslashes
/// and NUL characters are refused, even though nothing is ever written to disk — an archive built to
/// escape its folder is hostile and is reported as such.
struct OFDArchive {
    private let archive: Archive
    private let entries: [String: Entry]
    private let name: String
    private let limits: ArchiveLimits
    private var inflated = 0

    init(bytes: Data, name: String, limits: ArchiveLimits) throws(DocumentError) {
        self.name = name
        self.limits = limits
        let opened: Archive
        do {
            opened = try Archive(data: bytes, accessMode: .read)
        } catch {
            throw DocumentError(.corruptFile, "\(name) is a damaged ZIP archive (an OFD is a ZIP of XML files)")
        }
        archive = opened
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in opened {
            count += 1
            if count > limits.maxEntries {
                throw DocumentError(.unsafeArchive, "\(name) lists more than \(limits.maxEntries) entries")
            }
            let path = entry.path
            if path.hasPrefix("/") || path.contains("\\") || path.contains("\0")
                || path.split(separator: "/").contains("..")
            {
                throw DocumentError(.unsafeArchive, "\(name) has an entry named \"\(path)\" that leaves the archive")
            }
            guard entry.type == .file else { continue }
            entries[path.lowercased()] = entry
        }
        guard count > 0 else { throw DocumentError(.corruptFile, "\(name) is an empty ZIP archive") }
        self.entries = entries
    }

    /// Whether an entry exists (names compare without case, as OFD producers disagree on it).
    func contains(_ path: String) -> Bool { entries[Self.key(path)] != nil }

    /// The inflated bytes of the entry at `path`, or `nil` when there is none.
    ///
    /// - Throws: `unsafe-archive` when the entry or the archive so far inflates past the limits,
    ///   `corrupt-file` when the entry cannot be inflated.
    mutating func read(_ path: String) throws(DocumentError) -> Data? {
        guard let entry = entries[Self.key(path)] else { return nil }
        let declared = Int(clamping: entry.uncompressedSize)
        let compressed = max(1, Int(clamping: entry.compressedSize))
        if declared > limits.maxEntryBytes || declared / compressed > limits.maxCompressionRatio {
            throw bomb(entry.path)
        }
        var data = Data()
        let (entryLimit, totalLimit) = (limits.maxEntryBytes, limits.maxTotalBytes - inflated)
        let ratioLimit = compressed * limits.maxCompressionRatio
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                // The declared size can lie: count what actually comes out.
                if data.count > entryLimit || data.count > totalLimit || data.count > ratioLimit {
                    throw LimitExceeded()
                }
            }
        } catch is LimitExceeded {
            throw bomb(entry.path)
        } catch {
            throw DocumentError(.corruptFile, "\(name): the entry \(entry.path) cannot be inflated (\(error))")
        }
        inflated += data.count
        return data
    }

    private func bomb(_ path: String) -> DocumentError {
        DocumentError(
            .unsafeArchive,
            "\(name): the entry \(path) inflates past the limits (\(limits.maxEntryBytes >> 20) MB per entry, "
                + "\(limits.maxTotalBytes >> 20) MB in all, ratio \(limits.maxCompressionRatio):1) — a zip bomb?")
    }

    private struct LimitExceeded: Error {}

    /// Entry key: no leading slash, lower case.
    static func key(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        return trimmed.lowercased()
    }
}
