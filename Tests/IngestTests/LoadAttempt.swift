import Foundation
import Ingest
import InvoiceModel
import TestSupport

/// Writing bytes the tests built to a file and loading it, as a user's file would be.
enum LoadAttempt {
    /// The error loading `data` saved as `name` gives, or `nil` when it loads.
    static func error(_ data: Data, named name: String, limits: IngestLimits = .default) throws -> DocumentError? {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        do {
            _ = try DocumentLoader(limits: limits).load(path: url.path)
            return nil
        } catch {
            return error
        }
    }
}
