import Foundation
import TestSupport
import Testing

/// The built `invcap` binary, end to end, on real files from testdata/.
@Suite(.serialized) struct RecognizeCommandTests {
    private func jsonLines(_ result: CommandResult) throws -> [[String: Any]] {
        try result.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
        }
    }

    @Test func givenGoodAndBadFiles_whenRecognisedAsJSON_thenEveryFileReportedInOrderAndExitIsOne() throws {
        let good = Paths.testdata("formats/header.png")
        let bad: [(String, String)] = [
            (Paths.testdata("bad/empty.png"), "empty-file"),
            (Paths.testdata("bad/truncated.jpg"), "corrupt-file"),
            (Paths.testdata("bad/text-named.jpg"), "unsupported-format"),
            (Paths.testdata("bad/photo.heic"), "unsupported-format"),
            (Paths.testdata("born-digital/encrypted.pdf"), "encrypted-file"),
            (Paths.testdata("bad/bomb.png"), "too-large"),
            (Paths.testdata("bad"), "is-directory"),
            ("/nonexistent/x.png", "file-not-found"),
        ]
        let files = [good] + bad.map(\.0) + [Paths.testdata("formats/header.webp")]
        let result = try CommandRunner.invcap(["recognize", "--json", "--words"] + files)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let objects = try jsonLines(result)
        try #require(objects.count == files.count)
        #expect(objects.map { $0["file"] as? String } == files)

        let label = try Label.of(document: good)
        for index in [0, files.count - 1] {
            let object = objects[index]
            #expect(object["status"] as? String == "ok")
            #expect((object["sha256"] as? String)?.count == 64)
            #expect(object["pages"] as? Int == 1)
            #expect((object["timingMs"] as? [String: Int])?["total"] ?? 0 > 0)
            let words = try #require(object["words"] as? [[String: Any]])
            let texts = words.compactMap { $0["text"] as? String }
            for field in ["invoiceCode", "invoiceNumber"] {
                let value = try #require(label.fields[field])
                #expect(texts.contains { $0.contains(value) }, "\(field) \(value) not in \(texts)")
            }
            #expect(words.allSatisfy { ($0["box"] as? [Int])?.count == 4 && $0["confidence"] is Double })
        }
        for (offset, (file, code)) in bad.enumerated() {
            let object = objects[offset + 1]
            #expect(object["status"] as? String == "error", "\(file)")
            let error = try #require(object["error"] as? [String: String])
            #expect(error["code"] == code, "\(file): \(error)")
            #expect(!(error["message"] ?? "").isEmpty)
            #expect(object["fields"] == nil)
        }
    }

    @Test func givenPDFAndOFD_whenRecognisedAsJSON_thenTextLayerAndEmbeddedSourcesWithoutOCR() throws {
        let files = [Paths.testdata("born-digital/sd-001.pdf"), Paths.testdata("born-digital/tc-005.ofd")]
        let result = try CommandRunner.invcap(["recognize", "--json"] + files)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let objects = try jsonLines(result)
        try #require(objects.count == 2)
        for (object, file) in zip(objects, files) {
            let label = try Label.of(document: file)
            let fields = try #require(object["fields"] as? [String: [String: Any]])
            for (name, value) in label.fields {
                #expect(fields[name]?["value"] as? String == value, "\(file) \(name)")
            }
            let sources = Set(fields.values.compactMap { $0["source"] as? String })
            #expect(!sources.contains("ocr"), "\(file): \(sources)")
            #expect((object["timingMs"] as? [String: Int])?["ocr"] == nil)
        }
    }

    @Test func givenOnlyGoodFiles_whenRecognised_thenExitZeroAndReadableSummary() throws {
        let result = try CommandRunner.invcap(["recognize", Paths.testdata("formats/header.png")])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let label = try Label.of(document: Paths.testdata("formats/header.png"))
        #expect(result.stdout.contains("ok, 1 page"))
        #expect(result.stdout.contains(try #require(label.fields["invoiceNumber"])))
    }

    @Test func givenNoFiles_whenRun_thenUsageErrorExitTwo() throws {
        let result = try CommandRunner.invcap(["recognize"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("at least one file"))
        #expect(try CommandRunner.invcap(["recognize", "x.png", "--no-such-flag"]).status == 2)
    }

    @Test func givenMissingModels_whenRecognising_thenClearErrorAndExitOne() throws {
        let empty = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let bogus = empty.appendingPathComponent("eng.traineddata")
        try Data(repeating: 7, count: 2048).write(to: bogus)
        try FileManager.default.copyItem(
            atPath: "/usr/share/tesseract-ocr/5/tessdata/osd.traineddata",
            toPath: empty.appendingPathComponent("osd.traineddata").path)
        let result = try CommandRunner.invcap([
            "recognize", "--lang", "eng", "--tessdata", empty.path, Paths.testdata("formats/header.png"),
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("could not initialise languages 'eng' from \(empty.path)"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func givenFileWithoutReadPermission_whenRecognised_thenUnreadableFileAndOthersStillRead() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        let locked = directory.appendingPathComponent("locked.png")
        try FileManager.default.copyItem(atPath: Paths.testdata("formats/header.png"), toPath: locked.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        let readable = directory.appendingPathComponent("open.png")
        try FileManager.default.copyItem(atPath: Paths.testdata("formats/header.png"), toPath: readable.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: readable.path)

        // root reads anything: drop to an unprivileged user so the permission bits apply.
        var arguments = [Paths.invcap, "recognize", "--json", locked.path, readable.path]
        if geteuid() == 0 {
            arguments = ["--reuid=65534", "--regid=65534", "--clear-groups"] + arguments
        }
        let result =
            try geteuid() == 0
            ? CommandRunner.run("/usr/bin/setpriv", arguments)
            : CommandRunner.run(arguments[0], Array(arguments.dropFirst()))
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let objects = try jsonLines(result)
        try #require(objects.count == 2, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect((objects[0]["error"] as? [String: String])?["code"] == "unreadable-file")
        #expect(objects[1]["status"] as? String == "ok")
    }
}
