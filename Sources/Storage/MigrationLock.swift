import Foundation
import InvoiceModel

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive lock between processes (`flock` on `LEDGER.migrate-lock` beside the ledger) held while the
/// schema is brought up to date.
enum MigrationLock {
    /// Runs `body` while holding the lock of the ledger at `path`.
    ///
    /// - Throws: `LedgerError.cannotOpen` when the lock file cannot be opened, or what `body` throws.
    static func holding<T>(besides path: String, _ body: () throws -> T) throws -> T {
        let lockPath = path + ".migrate-lock"
        let descriptor = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw LedgerError.cannotOpen(
                path: path, reason: "cannot open \(lockPath): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw LedgerError.cannotOpen(
                    path: path, reason: "cannot lock \(lockPath): \(String(cString: strerror(errno)))")
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
