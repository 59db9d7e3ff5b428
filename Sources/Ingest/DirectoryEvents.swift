import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Wake-ups when files appear or change in watched folders (Linux inotify). Only a signal that something
/// changed: the watcher then lists the folder, which stays the source of truth.
///
/// - Important: one owner of the inotify descriptor, closed in `deinit`. `wait` blocks: call it on a thread
///   of its own, one caller at a time.
public final class DirectoryEvents: @unchecked Sendable {
    private let descriptor: Int32
    private var watched: Set<String> = []
    private let lock = NSLock()

    /// Starts watching `folder`.
    ///
    /// - Throws: `DirectoryEventsError` when inotify is unavailable (too many watches, not Linux): poll instead.
    public init(folder: String) throws(DirectoryEventsError) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { throw DirectoryEventsError(reason: String(cString: strerror(errno))) }
        do {
            try watch(folder)
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit {
        close(descriptor)
    }

    /// Also watches `folder` (a subfolder found later); watching a folder twice is harmless.
    public func watch(_ folder: String) throws(DirectoryEventsError) {
        lock.lock()
        defer { lock.unlock() }
        guard !watched.contains(folder) else { return }
        let mask = UInt32(IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_ATTRIB)
        guard inotify_add_watch(descriptor, folder, mask) >= 0 else {
            throw DirectoryEventsError(reason: "\(folder): \(String(cString: strerror(errno)))")
        }
        watched.insert(folder)
    }

    /// Waits until something changes in a watched folder or `timeout` passes.
    ///
    /// - Returns: whether something changed (the pending events are consumed).
    public func wait(timeout: Duration) -> Bool {
        let (seconds, attoseconds) = timeout.components
        let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, max(0, milliseconds)) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var changed = false
        while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 { changed = true }
        return changed
    }
}

/// inotify could not be set up.
public struct DirectoryEventsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why.
    public var reason: String
    public var description: String { "cannot watch the folder for changes (\(reason)); use --poll SECONDS" }
}
