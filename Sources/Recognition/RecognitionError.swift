import Foundation

/// Why an OCR engine could not be created or could not read a page.
public enum RecognitionError: Error, Sendable, Hashable {
    /// No tessdata directory was found in any of the places searched.
    case tessdataNotFound(searched: [String])
    /// A requested language has no `.traineddata` file in the tessdata directory.
    case languageUnavailable(language: String, tessdata: String, available: [String])
    /// Tesseract refused to initialise with these languages from this directory.
    case initializationFailed(tessdata: String, languages: String)
    /// Tesseract failed while recognising a page.
    case recognitionFailed(String)
    /// Out of memory or a Leptonica failure while preparing a page.
    case imageUnavailable(String)
    /// The line recognizer (ONNX Runtime and its model) could not be loaded.
    case modelUnavailable(String)
}

extension RecognitionError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .tessdataNotFound(let searched):
            return "no Tesseract language data found (looked in \(searched.joined(separator: ", "))); "
                + "install tesseract-ocr-chi-sim and tesseract-ocr-eng, or pass --tessdata DIR / set TESSDATA_PREFIX"
        case .languageUnavailable(let language, let tessdata, let available):
            let package = "tesseract-ocr-" + language.lowercased().replacingOccurrences(of: "_", with: "-")
            return "language '\(language)' is not installed in \(tessdata) (installed: "
                + "\(available.joined(separator: ", "))); install \(package) or choose another --lang"
        case .initializationFailed(let tessdata, let languages):
            return "Tesseract could not initialise languages '\(languages)' from \(tessdata); "
                + "the .traineddata files may be damaged or from an incompatible Tesseract version"
        case .recognitionFailed(let detail):
            return "Tesseract failed to recognise the page: \(detail)"
        case .imageUnavailable(let detail):
            return "the page image could not be prepared for OCR: \(detail)"
        case .modelUnavailable(let detail):
            return "the line recognizer could not be loaded: \(detail); run scripts/fetch-line-recognizer"
        }
    }
}
