public import Foundation
public import InvoiceModel
public import Storage

/// Ledgers in temporary folders and documents made from testdata files and their labels.
public enum LedgerFixtures {
    /// A new ledger in a new temporary folder.
    public static func ledger() throws -> SQLiteStore {
        try SQLiteStore(path: try Paths.temporaryDirectory().appendingPathComponent("ledger.sqlite").path)
    }

    /// The databases a ledger can live in.
    public enum Engine: String, CaseIterable, Sendable, CustomStringConvertible {
        case sqlite, postgres
        public var description: String { rawValue }
    }

    /// A new, empty ledger on `engine`: an SQLite file in a new temporary folder, or a new database on the
    /// tests' PostgreSQL server.
    public static func ledger(_ engine: Engine) async throws -> any Ledger {
        try await Ledgers.open(try newLocation(engine))
    }

    /// Where a new, empty ledger on `engine` can be opened: a file path or a `postgres://` URL.
    public static func newLocation(_ engine: Engine) throws -> String {
        switch engine {
        case .sqlite: return try Paths.temporaryDirectory().appendingPathComponent("ledger.sqlite").path
        case .postgres: return try PostgresTestServer.newDatabase()
        }
    }

    /// The testdata file at `relative` as the pipeline would hand it over: its bytes, and its label's values
    /// as fields (confidence 0.99, not flagged) with the checks the rules give them.
    ///
    /// - Parameters:
    ///   - flagged: fields to flag with a low confidence, as recognition does when unsure.
    ///   - overrides: values to use instead of the label's.
    public static func document(
        _ relative: String, flagged: [FieldName: String] = [:], overrides: [FieldName: String] = [:]
    ) throws -> NewDocument {
        let path = Paths.testdata(relative)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let label = try Label.of(document: path)
        var values: [FieldName: String] = [:]
        for (key, value) in label.fields { if let name = FieldName(rawValue: key) { values[name] = value } }
        for (name, value) in overrides { values[name] = value }
        for (name, value) in flagged { values[name] = value }
        var fields: [FieldName: ExtractedField] = [:]
        for (name, value) in values {
            let unsure = flagged[name] != nil
            fields[name] = ExtractedField(
                value: value, confidence: unsure ? 0.6 : 0.99, flagged: unsure, source: .ocr, page: 1,
                box: PixelBox(x: 10, y: 10, width: 100, height: 20))
        }
        let checks = ValidationRules.run(ValidationInput(fields: values, today: "2026-11-23"))
        var reasons = flagged.keys.map { "\($0.rawValue): confidence 0.60 below 0.90" }.sorted()
        reasons += checks.filter { !$0.passed }.map { "\($0.fields.first?.rawValue ?? ""): \($0.message ?? $0.rule)" }
        let document = RecognizedDocument(
            documentType: "fapiao",
            pages: [
                PageSummary(
                    number: 1, width: 2480, height: 1650, dpi: 300, declaredDPI: nil, rotation: 0,
                    orientationConfidence: nil, skewDegrees: 0, lines: [])
            ], fields: fields, checks: checks, review: ReviewDecision(required: !reasons.isEmpty, reasons: reasons))
        return NewDocument(
            sha256: Archive.sha256(of: bytes), fileName: URL(fileURLWithPath: path).lastPathComponent, original: bytes,
            document: document, pageImages: [Array("page image of \(relative)".utf8)])
    }

    /// The stored document of an outcome, or a failure naming what happened instead.
    public static func stored(_ outcome: StoreOutcome) throws -> StoredDocument {
        guard case .stored(let document) = outcome else {
            throw FixtureError("expected a stored document, got \(outcome)")
        }
        return document
    }
}

public struct FixtureError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
