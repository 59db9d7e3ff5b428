public import Foundation

/// Logistic regression from `ConfidenceFeatures` to the probability that a value is exactly right.
///
/// The weights are data, fitted by `invcap calibrate` on labelled documents and shipped in
/// `models/confidence.json`; the built-in weights are a hand-set fallback for when no file is found.
public struct ConfidenceModel: Sendable, Codable, Hashable {
    /// Format version of the file.
    public var version: Int
    /// Feature names the weights belong to, in order.
    public var features: [String]
    /// One weight per feature.
    public var weights: [Double]
    /// How the model was made (command, data, date): provenance for people reading the file.
    public var provenance: String?
    /// Calibration measured when the model was fitted, for people reading the file.
    public var fitted: [String: Double]?

    /// Creates a model.
    public init(features: [String], weights: [Double], provenance: String? = nil, fitted: [String: Double]? = nil) {
        version = 1
        self.features = features
        self.weights = weights
        self.provenance = provenance
        self.fitted = fitted
    }

    /// Hand-set weights: QR and confirmed values high, lone OCR reads by their engine confidence.
    public static let builtIn = ConfidenceModel(
        features: ConfidenceFeatures.names,
        weights: [
            -3.0, 3.0, 1.5, 3.0, 2.0, 2.0, 1.5, 2.5, 1.0, -2.5, 1.0, -3.0, -0.5, -0.5, -0.3, 0.5, 0.0, 0.0, 0.0, 0.0,
            0.0,
        ],
        provenance: "built-in defaults")

    /// The probability for a feature vector.
    public func probability(_ features: [Double]) -> Double {
        let z = zip(weights, features).reduce(0) { $0 + $1.0 * $1.1 }
        return 1 / (1 + exp(-z))
    }

    /// Reads a model file.
    ///
    /// - Throws: `ModelFileError` when the file cannot be read, is not a model, or its features differ
    ///   from this version's.
    public static func load(from url: URL) throws(ModelFileError) -> ConfidenceModel {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable(url.path, "\(error.localizedDescription)") }
        let model: ConfidenceModel
        do { model = try JSONDecoder().decode(ConfidenceModel.self, from: data) } catch {
            throw .malformed(url.path, "\(error)")
        }
        guard model.features == ConfidenceFeatures.names, model.weights.count == model.features.count else {
            throw .malformed(
                url.path, "its features do not match this version of invcap; refit it with invcap calibrate")
        }
        return model
    }

    /// The model as pretty-printed JSON.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}

/// Why a model or policy file could not be used.
public enum ModelFileError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(String, String)
    case malformed(String, String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
        case .malformed(let path, let reason): return "\(path) is not usable: \(reason)"
        }
    }
}
