public import Foundation

/// Where the tests find the repository, its test data, the shared data set and the built binary.
public enum Paths {
    /// The repository root (found from this source file's location).
    public static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `testdata/` in the repository.
    public static let testdata = repository.appendingPathComponent("testdata")

    /// A file under `testdata/`.
    public static func testdata(_ relative: String) -> String {
        testdata.appendingPathComponent(relative).path
    }

    /// `../shared/data` beside the checkout, or `nil` when it is absent (tests that need it skip, saying why).
    public static let sharedData: URL? = {
        let url = repository.deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    /// The reason printed by tests skipped for want of `../shared/data`.
    public static let sharedDataMissing = "../shared/data is absent beside the checkout; skipping tests that need it"

    /// The `invcap` executable built beside the test bundle (or `$INVCAP_BIN`).
    public static let invcap: String = {
        if let explicit = ProcessInfo.processInfo.environment["INVCAP_BIN"] { return explicit }
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        // The test binary sits in the products directory, or inside an .xctest bundle within it.
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("invcap").path),
            directory.path != "/"
        {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("invcap").path
    }()

    /// A new empty temporary directory.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("invcap-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
