import Foundation
import Ingest
import Recognition
import TestSupport

/// Shared, lazily created models and pages for the recognition tests.
enum EngineFixtures {
    static let tessdata: Tessdata = {
        do { return try Tessdata.locate() } catch { preconditionFailure("tests need Tesseract models: \(error)") }
    }()

    static func engine(_ languages: String = "chi_sim+eng") throws -> TesseractEngine {
        try TesseractEngine(languages: languages, tessdata: tessdata)
    }

    static func page(_ relative: String) throws -> PageImage {
        let document = try DocumentLoader().load(path: Paths.testdata(relative))
        guard let first = document.pages.first else { throw FixtureError.noPage(relative) }
        return first.image
    }

    enum FixtureError: Error { case noPage(String) }
}
