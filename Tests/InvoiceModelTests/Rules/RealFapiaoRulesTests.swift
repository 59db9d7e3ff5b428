import Foundation
import InvoiceModel
import Testing

/// The real invoices of ../shared/data/fapiao-dev (labels only): the rules must accept them, except the tax-id
/// checks of the two vendor-sandbox files, whose fake parties' ids do not verify.
@Suite(.enabled(if: SharedFapiaoData.directory != nil, "../shared/data is absent beside the checkout; skipping"))
struct RealFapiaoRulesTests {
    static let labelNames: [String] = {
        guard let directory = SharedFapiaoData.directory else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    /// Failures expected on the sandbox invoices (file → rules).
    static let expectedFailures: [String: Set<String>] = [
        "fp010.json": ["seller-tax-id-checksum"], "fp048.json": ["seller-tax-id-checksum", "buyer-tax-id-checksum"],
    ]

    struct LabelFile: Decodable {
        var fields: [String: String]
    }

    @Test(arguments: labelNames)
    func givenRealInvoiceLabel_whenAllRulesRun_thenOnlyTheKnownSandboxIDsFail(name: String) throws {
        let directory = try #require(SharedFapiaoData.directory)
        let label = try JSONDecoder().decode(
            LabelFile.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
        var fields: [FieldName: String] = [:]
        for (key, value) in label.fields {
            fields[try #require(FieldName(rawValue: key), "unknown field \(key)")] = value
        }
        let checks = ValidationRules.run(ValidationInput(fields: fields, today: "2026-11-22"))
        #expect(Set(checks.filter { !$0.passed }.map(\.rule)) == Self.expectedFailures[name] ?? [], "\(checks)")
    }
}

/// Where ../shared/data/fapiao-dev is, beside the checkout.
enum SharedFapiaoData {
    static let directory: URL? = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { url.deleteLastPathComponent() }
        url.appendPathComponent("shared/data/fapiao-dev")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()
}
