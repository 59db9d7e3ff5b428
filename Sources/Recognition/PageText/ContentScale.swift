/// The page's real resolution estimated from what is printed on it rather than from the file's metadata
/// (phone photos declare 72 dpi, scans declare none, a 5616-pixel photo of a fapiao is not 300 dpi).
public enum ContentScale {
    /// Median height of the print's core (what the detector marks, without its room) on a fapiao at
    /// 300 dpi: 17–19 px on the generator's 300-dpi renders of 240 × 140 mm forms.
    static let referenceHeight = 18.0
    /// Scales within this range of 1 are left alone (resampling costs time and sharpness).
    static let tolerance = 0.75...1.33

    /// The factor that brings `reading`'s page to 300 dpi, or `nil` when it is there already or too
    /// little text was found to tell.
    public static func factor(for reading: DetectedPage) -> Double? {
        guard let height = reading.textHeight, height > 0 else { return nil }
        let factor = referenceHeight / height
        guard !tolerance.contains(factor) else { return nil }
        return min(2.5, max(0.35, factor))
    }
}
