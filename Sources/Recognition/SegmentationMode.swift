import CTesseract

/// How Tesseract should segment the image it is given (its page-segmentation modes that matter here).
public enum SegmentationMode: Sendable, Hashable {
    /// Full automatic layout analysis (whole pages).
    case automatic
    /// One uniform block of text.
    case singleBlock
    /// One text line (a value beside a label).
    case singleLine
    /// One word.
    case singleWord
    /// As much text as possible in no particular order.
    case sparseText

    var tesseractMode: TessPageSegMode {
        switch self {
        case .automatic: return PSM_AUTO
        case .singleBlock: return PSM_SINGLE_BLOCK
        case .singleLine: return PSM_SINGLE_LINE
        case .singleWord: return PSM_SINGLE_WORD
        case .sparseText: return PSM_SPARSE_TEXT
        }
    }
}
