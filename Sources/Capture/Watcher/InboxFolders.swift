public import Foundation

/// The folder contract of DESIGN.md: files dropped in `inbox/` are moved to `processing/` when taken, then to
/// `done/` once their record is committed, or to `failed/` beside a `NAME.error.txt` saying why.
///
/// Moves are renames inside one file system, so a file is always in exactly one of the folders; a crash
/// between two steps leaves it in `processing/`, where the next start resumes it.
public struct InboxFolders: Sendable {
    /// The folder holding `inbox/`, `processing/`, `done/` and `failed/`.
    public let root: URL
    /// Whether files in folders under `inbox/` are taken too (their relative paths are kept).
    public let recursive: Bool

    /// The four folders.
    public var inbox: URL { root.appendingPathComponent("inbox") }
    public var processing: URL { root.appendingPathComponent("processing") }
    public var done: URL { root.appendingPathComponent("done") }
    public var failed: URL { root.appendingPathComponent("failed") }

    /// Opens (creating what is missing) the folders under `root`.
    ///
    /// - Throws: `WatcherError.folder` when one cannot be created.
    public init(root: URL, recursive: Bool = false) throws(WatcherError) {
        self.root = root
        self.recursive = recursive
        for folder in [inbox, processing, done, failed] {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw .folder(path: folder.path, reason: error.localizedDescription)
            }
        }
    }

    /// Every candidate file in `inbox/` (relative path → stamp), junk left out.
    public func listInbox() -> [String: FileStamp] {
        list(inbox, recursive: recursive)
    }

    /// Every folder under `inbox/` (for watching them too), junk left out.
    public func inboxSubfolders() -> [String] {
        var found: [String] = []
        var pending = [inbox]
        while let folder = pending.popLast() {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            where !JunkFiles.isJunk(name) {
                let url = folder.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    found.append(url.path)
                    pending.append(url)
                }
            }
        }
        return found
    }

    /// Files left in `processing/` (by a crash or a stop), to resume first.
    public func listProcessing() -> [String] {
        list(processing, recursive: true).keys.sorted()
    }

    /// Moves an inbox file to `processing/` and returns its name there (made unique if taken).
    public func take(_ relative: String) throws(WatcherError) -> String {
        try move(relative, from: inbox, to: processing)
    }

    /// Moves a processed file to `done/`.
    public func finish(_ name: String) throws(WatcherError) {
        _ = try move(name, from: processing, to: done)
    }

    /// Moves a file to `failed/` and writes `NAME.error.txt` beside it: code, message, time, attempts.
    public func fail(_ name: String, code: String, message: String, attempts: Int, at time: Date) throws(WatcherError) {
        let moved = try move(name, from: processing, to: failed)
        let report = """
            file: \(moved)
            code: \(code)
            message: \(message)
            time: \(time.formatted(.iso8601))
            attempts: \(attempts)

            """
        let url = failed.appendingPathComponent(moved + ".error.txt")
        do {
            try Data(report.utf8).write(to: url, options: .atomic)
        } catch {
            throw .folder(path: url.path, reason: error.localizedDescription)
        }
    }

    /// The full path of a file in `processing/`.
    public func processingPath(_ name: String) -> String {
        processing.appendingPathComponent(name).path
    }

    // MARK: - Helpers

    func list(_ folder: URL, recursive: Bool) -> [String: FileStamp] {
        var found: [String: FileStamp] = [:]
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder.path) else { return found }
        for name in names where !JunkFiles.isJunk(name) {
            let path = folder.appendingPathComponent(name).path
            guard let attributes = try? manager.attributesOfItem(atPath: path),
                let type = attributes[.type] as? FileAttributeType
            else { continue }
            if type == .typeDirectory {
                guard recursive else { continue }
                for (inner, stamp) in list(folder.appendingPathComponent(name), recursive: true) {
                    found[name + "/" + inner] = stamp
                }
            } else if type == .typeRegular {
                let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                found[name] = FileStamp(size: size, modified: modified)
            }
        }
        return found
    }

    /// Renames `relative` from one folder to another, keeping subfolders and adding `~2`, `~3` … to the name
    /// when the target exists. Returns the name in the target folder.
    func move(_ relative: String, from source: URL, to target: URL) throws(WatcherError) -> String {
        let from = source.appendingPathComponent(relative)
        var name = relative
        var counter = 1
        while FileManager.default.fileExists(atPath: target.appendingPathComponent(name).path) {
            counter += 1
            let url = URL(fileURLWithPath: relative)
            let ext = url.pathExtension
            let stem = ext.isEmpty ? relative : String(relative.dropLast(ext.count + 1))
            name = "\(stem)~\(counter)" + (ext.isEmpty ? "" : ".\(ext)")
        }
        let to = target.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(
                at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .folder(path: to.deletingLastPathComponent().path, reason: error.localizedDescription)
        }
        guard rename(from.path, to.path) == 0 else {
            throw .move(from: from.path, to: to.path, reason: String(cString: strerror(errno)))
        }
        return name
    }
}

/// Failures of the folder watcher, with the paths involved.
public enum WatcherError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A folder cannot be created or a file in it written.
    case folder(path: String, reason: String)
    /// A file cannot be moved between the folders.
    case move(from: String, to: String, reason: String)

    public var description: String {
        switch self {
        case .folder(let path, let reason): return "folder \(path): \(reason)"
        case .move(let from, let to, let reason): return "cannot move \(from) to \(to): \(reason)"
        }
    }
}
