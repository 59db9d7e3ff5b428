import Foundation

/// A directory of Tesseract models (`*.traineddata`).
public struct Tessdata: Sendable, Hashable {
    /// The directory path.
    public let path: String

    /// Places searched, in order, when neither `--tessdata` nor `TESSDATA_PREFIX` says where the models are.
    public static let standardLocations = [
        "/usr/share/tesseract-ocr/5/tessdata",
        "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata",
        "/usr/local/share/tessdata",
        "/opt/homebrew/share/tessdata",
    ]

    /// Uses `path` as given, without checking it.
    public init(path: String) {
        self.path = path
    }

    /// Finds the models: `explicitPath` if given, else `TESSDATA_PREFIX`, else the standard locations.
    ///
    /// - Throws: `RecognitionError.tessdataNotFound` naming every place looked at.
    public static func locate(explicitPath: String? = nil) throws(RecognitionError) -> Tessdata {
        if let explicitPath { return Tessdata(path: explicitPath) }
        var searched: [String] = []
        if let prefix = ProcessInfo.processInfo.environment["TESSDATA_PREFIX"], !prefix.isEmpty {
            for candidate in [prefix, (prefix as NSString).appendingPathComponent("tessdata")] {
                searched.append(candidate)
                if Tessdata(path: candidate).hasModels { return Tessdata(path: candidate) }
            }
        }
        for candidate in standardLocations {
            searched.append(candidate)
            if Tessdata(path: candidate).hasModels { return Tessdata(path: candidate) }
        }
        throw .tessdataNotFound(searched: searched)
    }

    /// The languages installed here (file names without `.traineddata`), sorted.
    public var availableLanguages: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".traineddata") }.map { String($0.dropLast(".traineddata".count)) }.sorted()
    }

    /// Whether the directory holds at least one model.
    public var hasModels: Bool { !availableLanguages.isEmpty }

    /// Checks that every language of a `chi_sim+eng`-style specification is installed.
    ///
    /// - Throws: `RecognitionError.languageUnavailable` for the first missing one.
    public func validate(languages: String) throws(RecognitionError) {
        let available = availableLanguages
        for language in languages.split(separator: "+").map(String.init) where !available.contains(language) {
            throw .languageUnavailable(language: language, tessdata: path, available: available)
        }
    }
}
