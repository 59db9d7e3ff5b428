import Foundation
import TestSupport
import Testing

/// `invcap inspect`, the page-analysis diagnostic, on real files from testdata/.
@Suite(.serialized) struct InspectCommandTests {
    private func firstPage(_ file: String) throws -> [String: Any] {
        let result = try CommandRunner.invcap(["inspect", Paths.testdata(file)])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let pages = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]],
            "not JSON: \(result.stdout)")
        return try #require(pages.first)
    }

    /// A phone photo's sheet is cut out and squared (and says so); a scan filling its image is not.
    @Test func givenPhotoAndScan_whenInspected_thenOnlyThePhotosSheetIsSquared() throws {
        let photo = try firstPage("fapiao/photo/tc-001-p.jpg")
        #expect(photo["sheetSquared"] as? Bool == true)
        // The squared sheet has the fapiao's proportions (about 3:2), not the photo's margins of desk.
        let size = try #require(photo["size"] as? [Int])
        #expect(size.count == 2 && abs(Double(size[0]) / Double(size[1]) - 2905.0 / 1848) < 0.08, "\(size)")
        // Its grid is found: long horizontal rules across the squared page.
        let rules = try #require(photo["horizontalRules"] as? [[Int]])
        #expect(rules.filter { $0[2] - $0[1] > size[0] / 2 }.count >= 3, "\(rules)")

        let scan = try firstPage("fapiao/degraded/tc-001-d.png")
        #expect(scan["sheetSquared"] as? Bool == false)
    }
}
