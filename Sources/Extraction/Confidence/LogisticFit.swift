import Foundation

/// Fits logistic regression by Newton's method (iteratively reweighted least squares) with an L2
/// penalty on every weight but the first (the intercept).
public enum LogisticFit {
    /// One training example: features and whether the value was right.
    public typealias Example = (features: [Double], correct: Bool)

    /// Weights minimising log-loss + `penalty`/2 · |w|² over `examples`.
    public static func fit(_ examples: [Example], penalty: Double = 1.0, iterations: Int = 50) -> [Double] {
        guard let width = examples.first?.features.count else { return [] }
        var weights = [Double](repeating: 0, count: width)
        for _ in 0..<iterations {
            var gradient = [Double](repeating: 0, count: width)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: width), count: width)
            for (x, correct) in examples {
                let p = probability(weights, x)
                let error = p - (correct ? 1 : 0)
                let weight = max(p * (1 - p), 1e-9)
                for i in 0..<width {
                    gradient[i] += error * x[i]
                    for j in 0..<width { hessian[i][j] += weight * x[i] * x[j] }
                }
            }
            for i in 1..<width {
                gradient[i] += penalty * weights[i]
                hessian[i][i] += penalty
            }
            for i in 0..<width { hessian[i][i] += 1e-9 }
            guard let step = solve(hessian, gradient) else { break }
            var change = 0.0
            for i in 0..<width {
                weights[i] -= step[i]
                change = max(change, abs(step[i]))
            }
            if change < 1e-8 { break }
        }
        return weights
    }

    /// σ(w · x).
    public static func probability(_ weights: [Double], _ x: [Double]) -> Double {
        let z = zip(weights, x).reduce(0) { $0 + $1.0 * $1.1 }
        return 1 / (1 + exp(-max(-40, min(40, z))))
    }

    /// Solves `a · x = b` by Gaussian elimination with partial pivoting; `nil` when singular.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var m = a
        var v = b
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }),
                abs(m[pivot][column]) > 1e-12
            else { return nil }
            m.swapAt(column, pivot)
            v.swapAt(column, pivot)
            for row in (column + 1)..<n {
                let factor = m[row][column] / m[column][column]
                guard factor != 0 else { continue }
                for k in column..<n { m[row][k] -= factor * m[column][k] }
                v[row] -= factor * v[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = v[row]
            for k in (row + 1)..<n { sum -= m[row][k] * x[k] }
            x[row] = sum / m[row][row]
        }
        return x
    }

    /// Expected calibration error (10 equal-width bins) of `predictions` against outcomes.
    public static func expectedCalibrationError(_ predictions: [(probability: Double, correct: Bool)]) -> Double {
        guard !predictions.isEmpty else { return 0 }
        var total = 0.0
        for bin in 0..<10 {
            let members = predictions.filter { min(9, Int($0.probability * 10)) == bin }
            guard !members.isEmpty else { continue }
            let confidence = members.map(\.probability).reduce(0, +) / Double(members.count)
            let accuracy = Double(members.filter(\.correct).count) / Double(members.count)
            total += Double(members.count) / Double(predictions.count) * abs(confidence - accuracy)
        }
        return total
    }

    /// Mean negative log-likelihood of the outcomes (probabilities kept within 1e-6 of 0 and 1): lower
    /// is better; unlike the calibration error it also rewards telling right from wrong values apart.
    public static func logLoss(_ predictions: [(probability: Double, correct: Bool)]) -> Double {
        guard !predictions.isEmpty else { return 0 }
        let total = predictions.reduce(0.0) { sum, prediction in
            let p = min(1 - 1e-6, max(1e-6, prediction.probability))
            return sum - log(prediction.correct ? p : 1 - p)
        }
        return total / Double(predictions.count)
    }

    /// The share of `predictions` that are wrong although their probability reaches `threshold`: the
    /// fields a review threshold there would let through wrong (before any check flags them).
    public static func wrongAbove(_ threshold: Double, _ predictions: [(probability: Double, correct: Bool)]) -> Double {
        guard !predictions.isEmpty else { return 0 }
        return Double(predictions.filter { $0.probability >= threshold && !$0.correct }.count) / Double(predictions.count)
    }

    /// Out-of-sample predictions by `folds`-fold cross-validation, in the order of `examples`.
    ///
    /// `groups[i]` names the document example `i` came from: a document's fields go to one fold together,
    /// so no fold is judged by a model that saw other fields of the same page (they share its print, its
    /// light and its layout). Without groups, examples go to the folds in turn.
    public static func crossValidated(
        _ examples: [Example], groups: [Int]? = nil, folds: Int = 5, penalty: Double = 1.0
    ) -> [(probability: Double, correct: Bool)] {
        let foldOf = examples.indices.map { index in
            let group = groups.map { $0.indices.contains(index) ? $0[index] : index } ?? index
            return ((group % folds) + folds) % folds
        }
        var predictions = examples.map { (probability: 0.0, correct: $0.correct) }
        for fold in 0..<folds {
            let training = examples.indices.filter { foldOf[$0] != fold }.map { examples[$0] }
            let weights = fit(training, penalty: penalty)
            for index in examples.indices where foldOf[index] == fold {
                predictions[index].probability = probability(weights, examples[index].features)
            }
        }
        return predictions
    }
}
