import Foundation
import InvoiceModel
import TestSupport
import Testing

@testable import Extraction

@Suite struct TaxIDRepairTests {
    /// Every valid USCC in the labels of testdata/ (generated with real check characters).
    static let validIDs: [String] = {
        var ids: Set<String> = []
        for set in ["fapiao/clean", "fapiao/degraded"] {
            for path in LabelledDocuments.list(Paths.testdata(set)) {
                guard let label = try? Label.of(document: path) else { continue }
                for field in ["buyerTaxID", "sellerTaxID"] {
                    guard let id = label.fields[field], case .validUSCC = TaxID.check(id) else { continue }
                    ids.insert(id)
                }
            }
        }
        return ids.sorted()
    }()

    @Test func givenIDWithOneLookalikeMisread_whenRepaired_thenTheOriginalOrNothingNeverAnotherID() throws {
        try #require(Self.validIDs.count >= 20)
        var repairedToOriginal = 0
        var left = 0
        for id in Self.validIDs {
            let characters = Array(id)
            for index in characters.indices {
                for (a, b) in TaxIDRepair.lookalikes where characters[index] == a || characters[index] == b {
                    var misread = characters
                    misread[index] = characters[index] == a ? b : a
                    let text = String(misread)
                    if case .validUSCC = TaxID.check(text) { continue }  // a misread the checks cannot see
                    switch TaxIDRepair.repaired(text) {
                    case id: repairedToOriginal += 1
                    case nil: left += 1
                    case let other?: Issue.record("\(text) (from \(id)) repaired to \(other)")
                    }
                }
            }
        }
        // Most misreads are repaired; the rest are ambiguous and left for a person.
        #expect(repairedToOriginal > 3 * left, "repaired \(repairedToOriginal), left \(left)")
    }

    @Test(arguments: [
        ("91500103MA0LHAMWX5", "91500103MA01HAMWX5"),  // 1 read as L
        ("9151010843569355SG", "91510108435693555G"),  // 5 read as S
        ("EATS121101054041424356", "12110105404142435G"),  // label noise before it, G read as 6
        ("2Q1510108MADQHECKSK", "91510108MADQHECK5K"),  // noise, 9 read as Q where no letter fits, 5 as S
    ])
    func givenMisreadID_whenRepaired_thenTheValidOne(read: String, expected: String) {
        #expect(TaxIDRepair.repaired(read) == expected)
    }

    /// A head character no ID can have (a letter among the division digits) is replaced by its look-alike
    /// first; one more look-alike misread elsewhere is still repaired to the original or left alone.
    @Test func givenHeadMisreadPlusOneLookalike_whenRepaired_thenTheOriginalOrNothing() throws {
        var repairedToOriginal = 0
        var cases = 0
        for id in Self.validIDs {
            var characters = Array(id)
            guard let head = (2..<8).first(where: { "05186".contains(characters[$0]) }) else { continue }
            characters[head] = ["0": "D", "5": "S", "1": "L", "8": "B", "6": "G"][characters[head]]!
            for index in 8..<18 {
                for (a, b) in TaxIDRepair.lookalikes where characters[index] == a || characters[index] == b {
                    var misread = characters
                    misread[index] = characters[index] == a ? b : a
                    cases += 1
                    switch TaxIDRepair.repaired(String(misread)) {
                    case id: repairedToOriginal += 1
                    case nil: break
                    case let other?: Issue.record("\(String(misread)) (from \(id)) repaired to \(other)")
                    }
                }
            }
        }
        #expect(cases > 50 && repairedToOriginal * 2 > cases, "repaired \(repairedToOriginal) of \(cases)")
    }

    @Test(arguments: ["91510108435693555G", "110101199003074578", "A1441900HA5DKMHQ5R", "9150010807MGZHI002"])
    func givenValidOrHopelessID_whenRepaired_thenNothing(id: String) {
        #expect(TaxIDRepair.repaired(id) == nil)
    }
}

extension TaxIDRepairTests {
    /// A misread that is no look-alike (any other character of the USCC alphabet) is seldom "repaired"
    /// into another valid ID: under 5 % of such misreads (2.6 % measured), over every position of every
    /// ID. Such a guess passes the checks, which is why every repair is sent to a person (next test).
    @Test func givenIDWithAnyOtherMisread_whenRepaired_thenRarelyAnotherID() throws {
        var wrong = 0
        var total = 0
        for id in Self.validIDs {
            let characters = Array(id)
            for index in characters.indices {
                for replacement in TaxID.usccAlphabet where replacement != characters[index] {
                    let isLookalike = TaxIDRepair.lookalikes.contains {
                        ($0.0 == characters[index] && $0.1 == replacement)
                            || ($0.1 == characters[index] && $0.0 == replacement)
                    }
                    if isLookalike { continue }
                    var misread = characters
                    misread[index] = replacement
                    let text = String(misread)
                    if case .validUSCC = TaxID.check(text) { continue }
                    total += 1
                    if let other = TaxIDRepair.repaired(text), other != id { wrong += 1 }
                }
            }
        }
        print("TaxIDRepair: \(wrong) of \(total) non-look-alike misreads repaired into another ID")
        #expect(Double(wrong) < 0.05 * Double(total), "\(wrong) of \(total)")
    }

    @Test func givenRepairedTaxID_whenScored_thenFlaggedWithWhatWasRead() {
        var evidence = FieldEvidence(
            value: "91500103MA01HAMWX5", source: .ocr, page: 1, box: nil, readConfidence: 0.99, formatValid: true,
            confirmations: 1, repaired: true)
        evidence.correctedFrom = "91500103MA0LHAMWX5"
        let document = ExtractedDocument(
            documentType: "fapiao", invoiceKind: nil, fields: [.sellerTaxID: evidence], lineItems: [], qr: nil)
        let check = CheckResult(
            rule: "tax-id-checksum", passed: true, fields: [.sellerTaxID], message: "valid unified social credit code")
        let scored = DocumentScorer().score(document, checks: [check])
        #expect(scored.fields[.sellerTaxID]?.flagged == true)
        #expect(scored.review.reasons.contains { $0.hasPrefix("sellerTaxID: read as 91500103MA0LHAMWX5") })
    }

    /// A tax computed as total − amount makes amount + tax = total hold by construction: that check is
    /// no evidence for the amount or the total, which score as if it had not been run.
    @Test func givenTaxDerivedFromTheTotalsEquation_whenScored_thenThatCheckConfirmsNothing() {
        func read(_ value: String) -> FieldEvidence {
            FieldEvidence(value: value, source: .ocr, page: 1, box: nil, readConfidence: 0.93, formatValid: true)
        }
        var tax = FieldEvidence(
            value: "13.00", source: .derived, page: nil, box: nil, readConfidence: 0.93, formatValid: true)
        tax.derivedBy = "amount-plus-tax-equals-total"
        let check = CheckResult(
            rule: "amount-plus-tax-equals-total", passed: true,
            fields: [.amountExcludingTax, .taxAmount, .totalAmount], message: nil)
        func total(_ tax: FieldEvidence, checks: [CheckResult]) -> Double? {
            let document = ExtractedDocument(
                documentType: "invoice", invoiceKind: nil,
                fields: [.amountExcludingTax: read("100.00"), .taxAmount: tax, .totalAmount: read("113.00")],
                lineItems: [], qr: nil)
            return DocumentScorer().score(document, checks: checks).fields[.totalAmount]?.confidence
        }
        var readTax = tax
        readTax.derivedBy = nil
        #expect(total(tax, checks: [check]) == total(tax, checks: []))
        #expect((total(readTax, checks: [check]) ?? 0) > (total(tax, checks: [check]) ?? 1))
    }

    @Test func givenInferredTotal_whenScored_thenFlaggedWithItsSourceAndAtMostTheCeiling() {
        var evidence = FieldEvidence(
            value: "62.88", source: .ocr, page: 1, box: nil, readConfidence: 0.99, formatValid: true)
        evidence.inferredFrom = "the amount paid (62.88)"
        let document = ExtractedDocument(
            documentType: "receipt", invoiceKind: nil, fields: [.totalAmount: evidence], lineItems: [], qr: nil)
        let scored = DocumentScorer().score(document, checks: [])
        let total = scored.fields[.totalAmount]
        #expect(total?.flagged == true)
        #expect((total?.confidence ?? 1) <= DocumentScorer.inferredCeiling)
        #expect(
            scored.review.reasons.contains {
                $0 == "totalAmount: not printed as such; taken from the amount paid (62.88)"
            })
    }
}
