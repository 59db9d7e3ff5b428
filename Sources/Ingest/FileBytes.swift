import Foundation
import Glibc
import InvoiceModel

/// Reads a whole regular file into memory, turning every way that can fail into a `DocumentError`.
enum FileBytes {
    /// Reads `path` after checking that it is an existing, non-empty regular file within `maxBytes`.
    ///
    /// - Throws: `DocumentError` with `file-not-found`, `is-directory`, `unreadable-file`, `empty-file`
    ///   or `too-large`.
    static func read(path: String, maxBytes: Int) throws(DocumentError) -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw error(errno: errno, path: path)
        }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR {
            throw DocumentError(.isDirectory, "\(path) is a directory, not a file; pass the files inside it")
        }
        guard kind == S_IFREG else {
            throw DocumentError(.unreadableFile, "\(path) is not a regular file (device, pipe or socket)")
        }
        if info.st_size == 0 {
            throw DocumentError(.emptyFile, "\(path) is empty (0 bytes); was the scan or download interrupted?")
        }
        if info.st_size > maxBytes {
            throw DocumentError(
                .tooLarge, "\(path) is \(megabytes(Int(info.st_size))) MB, over the \(megabytes(maxBytes)) MB limit")
        }

        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw error(errno: errno, path: path) }
        defer { close(descriptor) }

        let expected = Int(info.st_size)
        var data = Data(count: expected)
        var filled = 0
        var readError: Int32 = 0
        data.withUnsafeMutableBytes { buffer in
            while filled < expected {
                let count = Glibc.read(descriptor, buffer.baseAddress! + filled, expected - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    readError = errno
                    return
                }
                if count == 0 { break }
                filled += count
            }
        }
        if readError != 0 { throw error(errno: readError, path: path) }
        if filled == 0 {
            throw DocumentError(.emptyFile, "\(path) is empty (0 bytes); was the scan or download interrupted?")
        }
        data.count = filled
        return data
    }

    private static func error(errno code: Int32, path: String) -> DocumentError {
        let reason = String(cString: strerror(code))
        switch code {
        case ENOENT, ENOTDIR:
            return DocumentError(.fileNotFound, "\(path) does not exist")
        case EACCES, EPERM:
            return DocumentError(.unreadableFile, "\(path) cannot be read: \(reason); check its permissions")
        case EISDIR:
            return DocumentError(.isDirectory, "\(path) is a directory, not a file; pass the files inside it")
        default:
            return DocumentError(.unreadableFile, "\(path) cannot be read: \(reason)")
        }
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }
}
