import Foundation
import Recognition
import TestSupport
import Testing

@Suite struct EngineInitTests {
    @Test func givenDirectoryWithoutModels_whenEngineCreated_thenErrorNamesPathLanguageAndPackage() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            _ = try TesseractEngine(languages: "chi_sim+eng", tessdata: Tessdata(path: directory.path))
            Issue.record("engine initialised without models")
        } catch {
            #expect(error == .languageUnavailable(language: "chi_sim", tessdata: directory.path, available: []))
            #expect(error.description.contains(directory.path))
            #expect(error.description.contains("tesseract-ocr-chi-sim"))
        }
    }

    @Test func givenDamagedModelFile_whenEngineCreated_thenInitializationFailedNamesPathAndLanguages() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) })
        try garbage.write(to: directory.appendingPathComponent("eng.traineddata"))
        do {
            _ = try TesseractEngine(languages: "eng", tessdata: Tessdata(path: directory.path))
            Issue.record("engine initialised from a damaged model")
        } catch {
            #expect(error == .initializationFailed(tessdata: directory.path, languages: "eng"))
            #expect(error.description.contains(directory.path) && error.description.contains("'eng'"))
        }
    }

    @Test func givenNoOSDModel_whenOrientationDetectorCreated_thenErrorNamesOSD() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: RecognitionError.languageUnavailable(language: "osd", tessdata: directory.path, available: []))
        {
            _ = try OrientationDetector(tessdata: Tessdata(path: directory.path))
        }
    }

    @Test func givenSystemModels_whenLocated_thenChineseEnglishAndOSDAreInstalled() throws {
        let tessdata = try Tessdata.locate()
        #expect(Set(["chi_sim", "eng", "osd"]).isSubset(of: tessdata.availableLanguages))
        #expect(throws: Never.self) { try tessdata.validate(languages: "chi_sim+eng") }
        #expect(throws: RecognitionError.self) { try tessdata.validate(languages: "eng+xyz") }
    }
}
