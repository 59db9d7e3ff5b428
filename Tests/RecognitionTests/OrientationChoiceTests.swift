import Foundation
import Ingest
import TestSupport
import Testing

@testable import Recognition

/// A page is turned only when reading confirms the turn: OSD has been confidently wrong on faint and
/// dot-matrix receipts that were upright, and such a page reads as nothing in every orientation.
@Suite struct OrientationChoiceTests {
    let worker: OCRWorker

    init() throws {
        worker = try OCRWorker(languages: "chi_sim+eng", tessdata: EngineFixtures.tessdata)
    }

    @Test func givenPageThatReadsAsNothingEitherWay_whenOSDSuggestsAHalfTurn_thenThePageIsNotTurned() throws {
        let blank = try EngineFixtures.page("bad/blank.png")
        #expect(try worker.bestReadOrientation(blank, candidates: [180, 0]) == 0)
        #expect(try worker.bestReadOrientation(blank, candidates: [90, 0, 180, 270]) == 0)
    }

    @Test func givenUpsideDownInvoice_whenOSDSuggestsAHalfTurn_thenReadingConfirmsIt() throws {
        let turned = try EngineFixtures.page("english/degraded/inv-003-d.png")
        #expect(try worker.bestReadOrientation(turned, candidates: [180, 0]) == 180)
        // The order of the candidates does not decide: the reading does.
        #expect(try worker.bestReadOrientation(turned, candidates: [0, 180]) == 180)
    }
}
