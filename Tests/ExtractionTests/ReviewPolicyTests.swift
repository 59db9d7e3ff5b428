import Foundation
import InvoiceModel
import TestSupport
import Testing

@testable import Extraction

@Suite struct ReviewPolicyTests {
    /// A `TYPE.FIELD` threshold applies to that document type only and wins over the field's own.
    @Test func givenTypedThreshold_whenLookedUp_thenOnlyForThatType() {
        let typed = ReviewPolicy(
            version: 2, defaultThreshold: 0.9, thresholds: ["total": 0.8, "invoice.total": 0.99], requiredFields: [:])
        #expect(typed.threshold(for: "total", documentType: "invoice") == 0.99)
        #expect(typed.threshold(for: "total", documentType: "receipt") == 0.8)
        #expect(typed.threshold(for: "total") == 0.8)
        #expect(typed.threshold(for: "other", documentType: "invoice") == 0.9)
    }

    /// Every key of the shipped policy names a field (or `lineItem.` column) the scorer produces, alone or
    /// after a document type the extractor reports, and every threshold is a probability: a misspelt key
    /// would be silently ignored.
    @Test func givenTheShippedPolicy_whenRead_thenEveryKeyNamesAFieldAndEveryThresholdIsAProbability() throws {
        let policy = try ReviewPolicy.load(from: Paths.repository.appendingPathComponent("models/review-policy.json"))
        let fields = Set(
            FieldName.allCases.map(\.rawValue) + LineItemFieldName.allCases.map { "lineItem." + $0.rawValue })
        let types: Set<String> = ["fapiao", "invoice", "receipt"]
        #expect(policy.defaultThreshold > 0.5 && policy.defaultThreshold < 1)
        for (key, threshold) in policy.thresholds {
            #expect(threshold > 0.5 && threshold < 1, "\(key)")
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            let known =
                fields.contains(key) || (parts.count == 2 && types.contains(parts[0]) && fields.contains(parts[1]))
            #expect(known, "\(key) names no field the scorer produces")
        }
        for (type, required) in policy.requiredFields {
            #expect(types.contains(type), "\(type)")
            #expect(required.allSatisfy(fields.contains), "\(required)")
        }
    }

    /// A confidence just under its threshold never reads as equal to it in the reason ("0.97 below 0.97").
    @Test func givenAConfidenceJustUnderTheThreshold_whenNamed_thenItReadsBelowIt() {
        #expect(DocumentScorer.format(0.968, cut: true) == "0.96")
        #expect(DocumentScorer.format(0.29, cut: true) == "0.29")
        #expect(DocumentScorer.format(0.968) == "0.97")
    }
}
