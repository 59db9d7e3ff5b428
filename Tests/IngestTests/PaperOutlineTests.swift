import Ingest
import InvoiceModel
import Testing

/// Finding the sheet in a photo of it on a darker surface (grey images drawn here).
@Suite struct PaperOutlineTests {
    private let width = 200
    private let height = 160

    /// A grey image: `surface` everywhere, paper (230) inside `sheet` (corners in order), and dark lines of
    /// "print" across the paper.
    private func photo(sheet: [PagePoint], surface: UInt8 = 70) -> [UInt8] {
        func inside(_ x: Double, _ y: Double) -> Bool {
            (0..<4).allSatisfy { index in
                let a = sheet[index]
                let b = sheet[(index + 1) % 4]
                return (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x) >= 0
            }
        }
        var pixels = [UInt8](repeating: surface, count: width * height)
        for y in 0..<height {
            for x in 0..<width where inside(Double(x) + 0.5, Double(y) + 0.5) {
                let printed = y % 12 < 3 && x % 40 > 12 && x % 40 < 36
                pixels[y * width + x] = printed ? 40 : 230
            }
        }
        return pixels
    }

    private let keystone = [PagePoint(30, 20), PagePoint(175, 28), PagePoint(185, 140), PagePoint(20, 130)]

    @Test func givenASheetOnADarkSurface_whenOutlined_thenItsFourCorners() throws {
        let corners = try #require(PaperOutline.corners(in: photo(sheet: keystone), width: width, height: height))
        for (found, drawn) in zip(corners, keystone) {
            #expect(abs(found.x - drawn.x) <= 2 && abs(found.y - drawn.y) <= 2, "found \(found), drawn \(drawn)")
        }
    }

    @Test func givenPaperDarkeningAcrossThePage_whenJudged_thenUnevenlyLitUnlessWithinATenth() {
        func page(falling to: Double) -> [UInt8] {
            (0..<(width * height)).map { index in
                let x = index % width
                let light = 1 - (1 - to) * Double(x) / Double(width - 1)
                let printed = (index / width) % 12 < 3 && x % 40 > 12
                return UInt8((printed ? 40 : 240) * light)
            }
        }
        #expect(PaperOutline.isEvenlyLit(page(falling: 0.97), width: width, height: height))
        #expect(!PaperOutline.isEvenlyLit(page(falling: 0.75), width: width, height: height))
    }

    @Test func givenAPageFillingTheImage_whenOutlined_thenNothing() {
        let full = [PagePoint(0, 0), PagePoint(200, 0), PagePoint(200, 160), PagePoint(0, 160)]
        #expect(PaperOutline.corners(in: photo(sheet: full), width: width, height: height) == nil)
        // A scan with a dark strip along one edge only (the lid's shadow) is no photo of a sheet either.
        let strip = [PagePoint(14, 0), PagePoint(200, 0), PagePoint(200, 160), PagePoint(14, 160)]
        #expect(PaperOutline.corners(in: photo(sheet: strip), width: width, height: height) == nil)
    }

    @Test func givenALightRegionThatIsNoQuadrilateral_whenOutlined_thenNothing() {
        // A sheet with a bite out of its lower edge (a hand over it) does not fill its quadrilateral.
        let sheet = [PagePoint(20, 20), PagePoint(180, 20), PagePoint(180, 140), PagePoint(20, 140)]
        var bitten = photo(sheet: sheet)
        for y in 80..<160 { for x in 60..<130 { bitten[y * width + x] = 70 } }
        #expect(PaperOutline.corners(in: bitten, width: width, height: height) == nil)
        // A surface no darker than the paper: no sheet stands out.
        #expect(PaperOutline.corners(in: photo(sheet: keystone, surface: 215), width: width, height: height) == nil)
    }
}
