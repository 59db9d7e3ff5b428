import ArgumentParser
import Foundation
import Ingest
import InvoiceModel
import Recognition

/// `invcap inspect FILE`: what the page analysis finds before any text is read (diagnostics).
struct Inspect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Show the page analysis of a file: sheet cut out of a photo, size, orientation, skew, QR codes and ruled lines.",
        discussion: """
            A diagnostic for documents that are read badly: it prints, per page, what the layout analysis \
            found, as JSON.

            Example:
              invcap inspect scan.jpg
            """
    )

    @Argument(help: ArgumentHelp("An image file.", valueName: "file"))
    var file: String

    @Option(
        help: ArgumentHelp(
            "Also write each prepared page, and the page with its rules erased (what OCR reads), as PNG here.",
            valueName: "dir"))
    var saveImages: String?

    @OptionGroup var ocr: OCROptions

    func run() async throws {
        let document: LoadedDocument
        do {
            document = try DocumentLoader(limits: ocr.limits).load(path: file)
        } catch {
            throw CLIError("\(error.code.rawValue): \(error.message)")
        }
        let tessdata: Tessdata
        do { tessdata = try Tessdata.locate(explicitPath: ocr.tessdata) } catch { throw CLIError(error.description) }
        if let saveImages {
            do {
                try FileManager.default.createDirectory(atPath: saveImages, withIntermediateDirectories: true)
            } catch {
                throw CLIError("cannot create \(saveImages): \(error.localizedDescription)")
            }
        }
        let pool = EnginePool(size: 1, languages: ocr.lang, tessdata: tessdata)
        var pages = document.pages
        switch document.content {
        case .raster: break
        case .pdf(let pdf):
            // Inspect shows what OCR would see: the pages rendered at 300 dpi.
            do {
                pages = try (0..<pdf.pageCount).map { (index) throws(DocumentError) in
                    LoadedPage(image: try pdf.render(index, maxPixels: ocr.limits.maxPixelsPerPage), declaredDPI: 300)
                }
            } catch {
                throw CLIError("\(error.code.rawValue): \(error.message)")
            }
        case .ofd:
            throw CLIError(
                "\(file) is an OFD document: its pages are text objects, not images, and are not rendered; "
                    + "run `invcap recognize \(file) --words` to see them")
        }
        let outcome: Result<[JSONValue], CLIError> = try await pool.withWorker { [pages] worker in
            Result { () throws(CLIError) -> [JSONValue] in
                try pages.enumerated().map { (index, page) throws(CLIError) in
                    let prepared = try? worker.prepare(page.image)
                    let image = prepared?.image ?? page.image
                    let codes = QRDecoder.decode(image)
                    let (rules, erased) = RuleDetector.detect(image)
                    if let saveImages {
                        let base = URL(fileURLWithPath: saveImages).appendingPathComponent("page-\(index + 1)")
                        for (picture, name) in [(image, "png"), (erased, "erased.png")] {
                            let url = base.appendingPathExtension(name)
                            do {
                                guard let png = picture.pngData() else { throw CLIError("PNG encoding failed") }
                                try Data(png).write(to: url)
                            } catch {
                                throw CLIError("cannot write \(url.path): \(error.localizedDescription)")
                            }
                        }
                    }
                    func segments(_ list: [RuledLines.Segment]) -> JSONValue {
                        .array(list.map { .array([.int($0.position), .int($0.start), .int($0.end)]) })
                    }
                    return .object([
                        ("page", .int(index + 1)),
                        ("size", .array([.int(image.width), .int(image.height)])),
                        // Whether a sheet photographed on a surface was cut out and squared first.
                        ("sheetSquared", .bool(prepared?.perspective != nil)),
                        ("rotation", .int(prepared?.rotation ?? 0)),
                        ("skewDegrees", .rounded(prepared?.skewDegrees ?? 0, places: 2)),
                        (
                            "qr",
                            .array(
                                codes.map {
                                    .object([
                                        ("text", .string($0.text)), ("box", .box($0.box)),
                                        ("decoder", .string($0.decoder)),
                                    ])
                                })
                        ),
                        ("horizontalRules", segments(rules.horizontal)),
                        ("verticalRules", segments(rules.vertical)),
                    ])
                }
            }
        }
        let report = try outcome.get()
        print(JSONValue.array(report).serialized())
    }
}
