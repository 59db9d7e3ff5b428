import Foundation
import Testing

@testable import Extraction

@Suite struct LogisticFitTests {
    /// Data drawn from a known logistic model with a seeded generator.
    private func sample(count: Int, weights: [Double]) -> [LogisticFit.Example] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        return (0..<count).map { _ in
            let x = [1, next() * 2 - 1, next() < 0.5 ? 1 : 0]
            return (x, next() < LogisticFit.probability(weights, x))
        }
    }

    @Test func givenDataFromAKnownModel_whenFitted_thenWeightsAreRecoveredAndCalibrated() {
        let truth = [0.5, 2.0, -1.5]
        let examples = sample(count: 4000, weights: truth)
        let fitted = LogisticFit.fit(examples, penalty: 0.01)
        for (got, want) in zip(fitted, truth) { #expect(abs(got - want) < 0.25, "\(fitted)") }
        let predictions = LogisticFit.crossValidated(examples, penalty: 0.01)
        #expect(LogisticFit.expectedCalibrationError(predictions) < 0.03)
    }

    @Test func givenExamples_whenCrossValidated_thenPredictionsKeepTheExamplesOrder() {
        let examples = sample(count: 100, weights: [0.2, 1.0, -1.0])
        let predictions = LogisticFit.crossValidated(examples, folds: 5, penalty: 0.1)
        #expect(predictions.map(\.correct) == examples.map(\.correct))
    }

    /// Twenty documents of four fields each; a document's fields are all right or all wrong, and only a
    /// feature of its own (its "page") tells them apart. Cross-validated by example, three of a document's
    /// fields teach the model the fourth's answer; by document, the page is unseen and the prediction can
    /// only be the base rate.
    @Test func givenFieldsOfOneDocument_whenCrossValidatedByDocument_thenNoFoldSeesItsOwnPage() {
        let documents = 20
        var examples: [LogisticFit.Example] = []
        var groups: [Int] = []
        for document in 0..<documents {
            var page = [Double](repeating: 0, count: documents)
            page[document] = 1
            for _ in 0..<4 {
                examples.append(([1] + page, document % 2 == 0))
                groups.append(document)
            }
        }
        func meanError(_ predictions: [(probability: Double, correct: Bool)]) -> Double {
            predictions.map { abs($0.probability - ($0.correct ? 1 : 0)) }.reduce(0, +) / Double(predictions.count)
        }
        let leaky = meanError(LogisticFit.crossValidated(examples, penalty: 0.01))
        let honest = meanError(LogisticFit.crossValidated(examples, groups: groups, penalty: 0.01))
        #expect(leaky < 0.1, "by example: \(leaky)")
        #expect(honest > 0.4, "by document: \(honest)")
    }

    @Test func givenSmallSystem_whenSolved_thenExact() throws {
        let x = try #require(LogisticFit.solve([[2, 1], [1, 3]], [3, 5]))
        #expect(abs(x[0] - 0.8) < 1e-9 && abs(x[1] - 1.4) < 1e-9)
        #expect(LogisticFit.solve([[1, 2], [2, 4]], [1, 2]) == nil)
    }

    @Test func givenPredictions_whenScored_thenLogLossRewardsSeparationPunishesConfidentErrorsAndWrongAboveCountsThem() {
        let sharp: [(probability: Double, correct: Bool)] = [(0.99, true), (0.98, true), (0.02, false), (0.95, false)]
        let vague: [(probability: Double, correct: Bool)] = [(0.6, true), (0.6, true), (0.4, false), (0.6, false)]
        // Per example: -log(0.99), -log(0.98), -log(0.98), -log(0.05).
        let expected = -(log(0.99) + log(0.98) + log(0.98) + log(0.05)) / 4
        #expect(abs(LogisticFit.logLoss(sharp) - expected) < 1e-12)
        // Telling right from wrong apart lowers it; one confident error costs more than vagueness everywhere.
        let separated: [(probability: Double, correct: Bool)] = [(0.99, true), (0.98, true), (0.02, false), (0.1, false)]
        #expect(LogisticFit.logLoss(separated) < LogisticFit.logLoss(vague))
        #expect(LogisticFit.logLoss(sharp) > LogisticFit.logLoss(vague))
        // A certain wrong answer costs a bounded amount, not infinity.
        #expect(LogisticFit.logLoss([(1.0, false)]).isFinite)
        #expect(LogisticFit.wrongAbove(0.9, sharp) == 0.25)
        #expect(LogisticFit.wrongAbove(0.9, vague) == 0)
        #expect(LogisticFit.wrongAbove(0.5, vague) == 0.25)
    }
}
