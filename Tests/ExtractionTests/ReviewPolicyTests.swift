import Foundation
import TestSupport
import Testing

@testable import Extraction

@Suite struct ReviewPolicyTests {
    /// A `TYPE.FIELD` threshold applies to that document type only and wins over the field's own; the
    /// shipped policy holds a fapiao's company names to 0.95 and a receipt's to the default.
    @Test func givenTypedThreshold_whenLookedUp_thenOnlyForThatType() throws {
        let url = Paths.repository.appendingPathComponent("models/review-policy.json")
        let policy = try ReviewPolicy.load(from: url)
        #expect(policy.threshold(for: "sellerName", documentType: "fapiao") == 0.95)
        #expect(policy.threshold(for: "sellerName", documentType: "receipt") == policy.defaultThreshold)
        #expect(policy.threshold(for: "sellerName") == policy.defaultThreshold)
        #expect(policy.threshold(for: "payee", documentType: "fapiao") == 0.95)
        let typed = ReviewPolicy(
            version: 2, defaultThreshold: 0.9, thresholds: ["total": 0.8, "invoice.total": 0.99], requiredFields: [:])
        #expect(typed.threshold(for: "total", documentType: "invoice") == 0.99)
        #expect(typed.threshold(for: "total", documentType: "receipt") == 0.8)
    }
}
