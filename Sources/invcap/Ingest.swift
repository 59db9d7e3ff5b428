import ArgumentParser
import Capture
import Foundation
import InvoiceModel
import Recognition
import Storage

/// `invcap ingest FILE|DIR...`: recognise files and store them in the ledger.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Recognise invoices and store them in the ledger (accepted, or queued for review).",
        discussion: """
            A document is accepted when no field is flagged and every check passes; otherwise it waits in the \
            review queue (invcap review list). The same file is never stored twice; the same invoice from \
            another file is stored for review as "duplicate of #N (该发票已存在)". Directories are read \
            recursively (hidden and temporary files are skipped). Each document is stored in one transaction:
            an interrupted ingest leaves no half-written document, and running it again finishes the rest. \
            Exit status: 0 when every file was stored or was already there, 1 when any file failed.

            Examples:
              invcap ingest scans/
              invcap ingest --database /srv/ledger.sqlite inbox/*.pdf
              invcap ingest --audit-sample 0.05 scans/   # 5 % of clean documents reviewed too
            """)

    @Argument(help: ArgumentHelp("Files or directories of invoices.", valueName: "file-or-dir"))
    var inputs: [String] = []

    @Option(help: "Share of clean documents sent to review anyway, between 0 and 1 (an audit sample).")
    var auditSample: Double = 0

    @Flag(help: "Print one JSON object per file instead of a line of text.")
    var json = false

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var ocr: OCROptions
    @OptionGroup var scoring: ScoringOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give files or directories, e.g. invcap ingest scans/") }
        guard (0...1).contains(auditSample) else {
            throw ValidationError("--audit-sample is a share between 0 and 1, e.g. 0.05 for 5 %")
        }
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            throw ValidationError("\(input) does not exist")
        }
    }

    func run() async throws {
        let files = InputFiles.expand(inputs)
        guard !files.isEmpty else { throw CLIError("no files found in \(inputs.joined(separator: ", "))") }
        let store = try await ledger.open()
        let pipeline = try ocr.pipeline(scorer: try scoring.scorer(), fileCount: files.count)
        let ingest = LedgerIngest(pipeline: pipeline, store: store, auditSampleRate: auditSample)
        let progress = Progress(total: files.count)
        var summary = IngestSummary()
        let json = self.json
        do {
            try await OrderedRunner.run(files, concurrency: pipeline.pool.size + 1) { path in
                try await ingest.ingest(path: path)
            } onResult: { index, outcome in
                summary.add(outcome)
                progress.finish()
                print(json ? IngestSummary.json(outcome) : IngestSummary.line(outcome))
                fflush(nil)
                progress.step(index: index, file: files[index])
            }
        } catch let error as RecognitionError {
            throw CLIError(error.description)
        } catch let error as LedgerError {
            throw CLIError("\(error.description) (the documents stored so far are kept; run the command again)")
        }
        progress.finish()
        fflush(nil)
        FileHandle.standardError.write(Data((summary.text(database: store.location) + "\n").utf8))
        if summary.failed > 0 { throw ExitCode(ExitStatus.someFilesFailed) }
    }
}

/// Files to ingest: the files given, and every file under the directories given, sorted.
enum InputFiles {
    /// Names skipped in directories: the watcher's junk, labels (`NAME.json`) and failure reports.
    static func isJunk(_ name: String) -> Bool {
        JunkFiles.isJunk(name) || name.hasSuffix(".json") || name.hasSuffix(".error.txt")
    }

    static func expand(_ inputs: [String]) -> [String] {
        var files: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else {
                files.append(input)
                continue
            }
            let root = URL(fileURLWithPath: input)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
            else { continue }
            var found: [String] = []
            for case let url as URL in walker {
                if isJunk(url.lastPathComponent) {
                    walker.skipDescendants()
                    continue
                }
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                    found.append(
                        (input as NSString).appendingPathComponent(String(url.path.dropFirst(root.path.count + 1))))
                }
            }
            files += found.sorted()
        }
        return files
    }
}
