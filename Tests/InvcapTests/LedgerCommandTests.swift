import Foundation
import TestSupport
import Testing

/// The ledger end to end through the built binary on real testdata scans: ingest, review, audit, export,
/// duplicates, the approval rule, two processes at once, and a process killed mid-ingest.
@Suite(.serialized) struct LedgerCommandTests {
    /// A new ledger file in a new folder.
    private func ledgerPath() throws -> String {
        try Paths.temporaryDirectory().appendingPathComponent("ledger.sqlite").path
    }

    private func invcap(_ arguments: [String], database: String) throws -> CommandResult {
        try CommandRunner.invcap(arguments + ["--database", database], environment: ["OMP_THREAD_LIMIT": "1"])
    }

    private func objects(_ result: CommandResult) throws -> [[String: Any]] {
        try result.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
        }
    }

    @Test func givenScans_whenIngestedReviewedAcceptedAndExported_thenEveryStepIsInTheLedgerAndTheTrail() throws {
        let database = try ledgerPath()
        #expect(try invcap(["user", "add", "alice", "--role", "admin"], database: database).status == 0)
        #expect(
            try invcap(["user", "add", "bob", "--role", "approver", "--as", "alice"], database: database).status == 0)
        let refused = try invcap(["user", "add", "eve", "--role", "admin", "--as", "bob"], database: database)
        #expect(refused.status != 0 && refused.stderr.contains("bob is a approver and may not add people"))

        let scans = ["fapiao/clean/tc-001.png", "fapiao/degraded/tc-001-d.png", "fapiao/degraded/sd-004-d.jpg"]
        let ingest = try invcap(["ingest", "--json"] + scans.map(Paths.testdata), database: database)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let stored = try objects(ingest)
        try #require(stored.count == 3)
        #expect(stored.allSatisfy { $0["status"] as? String == "stored" })
        let first = try #require(stored[0]["id"] as? Int)
        // tc-001 and its degraded copy are the same invoice: whichever was stored second (two workers) is the
        // duplicate of the other.
        let pair = [first, try #require(stored[1]["id"] as? Int)]
        let copy = try #require(stored[0..<2].first { $0["duplicateOf"] != nil && !($0["duplicateOf"] is NSNull) })
        let copyID = try #require(copy["id"] as? Int)
        #expect(copy["duplicateOf"] as? Int == pair.first { $0 != copyID })
        #expect(copy["state"] as? String == "needs_review")
        #expect(stored[0..<2].filter { $0["duplicateOf"] is NSNull }.count == 1)
        #expect(ingest.stderr.contains("ingested 3"))

        let again = try invcap(["ingest", Paths.testdata(scans[0])], database: database)
        #expect(again.status == 0)
        #expect(again.stdout.contains("already stored as #\(first)"))

        // The flagged scan: set every flagged document field to the printed value (the label), then accept.
        let flaggedID = try #require(stored[2]["id"] as? Int)
        #expect(stored[2]["state"] as? String == "needs_review")
        let shown = try objects(try invcap(["review", "show", "--json", String(flaggedID)], database: database))[0]
        let fields = try #require(shown["fields"] as? [String: [String: Any]])
        let label = try Label.of(document: Paths.testdata(scans[2]))
        let flagged = fields.filter { $0.value["flagged"] as? Bool == true }.map(\.key).sorted()
        var corrected: [String] = []
        for name in flagged {
            guard let printed = label.fields[name] else { continue }
            let set = try invcap(
                ["review", "set", String(flaggedID), name, printed, "--as", "alice"], database: database)
            #expect(set.status == 0, "\(set.stderr)")
            #expect(set.stdout.contains("\(name) = "))
            corrected.append(name)
        }
        try #require(!corrected.isEmpty, "sd-004-d has flagged fields: \(flagged)")
        let accept = try invcap(
            ["review", "accept", String(flaggedID), "--as", "alice", "--reason", "checked against the paper"],
            database: database)
        #expect(accept.status == 0, "\(accept.stderr)")
        #expect(accept.stdout.contains("#\(flaggedID) accepted"))

        let trail = try objects(try invcap(["audit", "--json", String(flaggedID)], database: database))
        #expect(
            trail.map { $0["action"] as? String } == ["ingested"] + corrected.map { _ in "field_changed" } + [
                "approved", "accepted",
            ])
        #expect(trail.compactMap { $0["field"] as? String } == corrected)
        #expect(trail.dropFirst().allSatisfy { $0["actor"] as? String == "alice" })

        // A second approval for totals above 100: a reviewer's approval alone leaves the copy in review.
        #expect(
            try invcap(["review", "rule", "--second-approval-above", "100", "--as", "alice"], database: database).status
                == 0)
        #expect(
            try invcap(["user", "add", "carol", "--role", "reviewer", "--as", "alice"], database: database).status == 0)
        let duplicate = String(copyID)
        let once = try invcap(
            ["review", "accept", duplicate, "--as", "carol", "--reason", "paper copy"], database: database)
        #expect(once.status == 0 && once.stdout.contains("still in review"), "\(once.stdout) \(once.stderr)")
        let twice = try invcap(
            ["review", "accept", duplicate, "--as", "bob", "--reason", "paper copy"], database: database)
        #expect(twice.stdout.contains("#\(duplicate) accepted"), "\(twice.stdout) \(twice.stderr)")

        let export = try invcap(["export", "--format", "csv", "--plain-csv"], database: database)
        #expect(export.status == 0)
        let rows = export.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows.first?.hasPrefix("\u{FEFF}id,state,file") == true)
        #expect(rows.count == 1 + 3, "every document is accepted now")
        let number = try #require(label.fields["invoiceNumber"])
        #expect(rows.contains { $0.hasPrefix("\(flaggedID),accepted,") && $0.contains(number) })
    }

    @Test func givenTwoProcessesOnOverlappingFiles_whenIngestingAtOnce_thenEveryFileIsStoredExactlyOnce() throws {
        let database = try ledgerPath()
        let files = LabelledDocuments.list(Paths.testdata("english/clean")).prefix(10).map { $0 }
        let halves = [Array(files[0..<7]), Array(files[3..<10])]
        let results = Locked<[CommandResult?]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let result = try? invcap(["ingest", "--json", "--jobs", "1"] + halves[index], database: database)
            results.mutate { $0.append(result) }
        }
        #expect(results.value.count == 2)
        for result in results.value { #expect(result?.status == 0, "\(result?.stderr ?? "did not run")") }
        let listed = try objects(try invcap(["review", "list", "--state", "all", "--json"], database: database))
        #expect(listed.count == files.count)
        #expect(Set(listed.compactMap { $0["file"] as? String }).count == files.count)
    }

    @Test func givenIngestKilledMidway_whenRunAgain_thenNoHalfDocumentAndEveryFileOnce() throws {
        let database = try ledgerPath()
        let files = LabelledDocuments.list(Paths.testdata("fapiao/degraded")).prefix(8).map { $0 }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Paths.invcap)
        process.arguments = ["ingest", "--jobs", "1", "--database", database] + files
        process.environment = ProcessInfo.processInfo.environment.merging(["OMP_THREAD_LIMIT": "1"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var stored = 0
        let deadline = Date().addingTimeInterval(120)
        while stored < 2, Date() < deadline, process.isRunning {
            Thread.sleep(forTimeInterval: 0.2)
            stored =
                (try? objects(try invcap(["review", "list", "--state", "all", "--json"], database: database)).count)
                ?? 0
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "killed before it finished")

        let before = try objects(try invcap(["review", "list", "--state", "all", "--json"], database: database))
        #expect(before.count >= 2 && before.count < files.count)
        for row in before {
            let id = String(try #require(row["id"] as? Int))
            let document = try objects(try invcap(["review", "show", "--json", id], database: database))[0]
            #expect(((document["fields"] as? [String: Any]) ?? [:]).count > 3, "document #\(id) is whole")
            #expect(
                try objects(try invcap(["audit", "--json", id], database: database)).first?["action"] as? String
                    == "ingested")
        }

        let rerun = try invcap(["ingest", "--json", "--jobs", "1"] + files, database: database)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let outcomes = try objects(rerun)
        #expect(outcomes.filter { $0["status"] as? String == "duplicate-file" }.count == before.count)
        let after = try objects(try invcap(["review", "list", "--state", "all", "--json"], database: database))
        #expect(after.count == files.count)
        #expect(Set(after.compactMap { $0["file"] as? String }).count == files.count)
    }

    @Test func givenPlatformList_whenReconciled_thenTheThreeKindsOfDifferenceAreFound() throws {
        let database = try ledgerPath()
        // Clean scans, enough of them that at least three pass every check and are accepted (an item name
        // the model is less sure of sends a whole document to review).
        let scans = [
            "fapiao/clean/tc-001.png", "fapiao/clean/tc-002.png", "fapiao/clean/tc-008.png", "fapiao/clean/sd-002.png",
            "fapiao/clean/sd-004.png", "fapiao/clean/sd-005.png",
        ]
        let stored = try objects(try invcap(["ingest", "--json"] + scans.map(Paths.testdata), database: database))
        let accepted = zip(scans, stored).filter { $0.1["state"] as? String == "accepted" }.map(\.0)
        try #require(accepted.count >= 3, "clean scans that pass every check: \(stored)")

        // The platform lists the first as it is, the second with another tax amount, not the third, and an
        // invoice the ledger never saw.
        let labels = try accepted.map { try Label.of(document: Paths.testdata($0)).fields }
        func row(_ fields: [String: String], tax: String? = nil) -> String {
            let number = fields["invoiceNumber"] ?? ""
            let digital = number.count == 20
            return [
                fields["invoiceCode"] ?? "", digital ? "" : "\t\(number)", digital ? number : "",
                fields["issueDate"] ?? "", fields["sellerTaxID"] ?? "", "\"\(fields["sellerName"] ?? ""), 分公司\"",
                fields["amountExcludingTax"] ?? "", tax ?? fields["taxAmount"] ?? "", fields["totalAmount"] ?? "",
            ].joined(separator: ",")
        }
        let changedTax = "999.99"
        let csv =
            [
                "发票代码,发票号码,数电发票号码,开票日期,销方识别号,销方名称,金额,税额,价税合计", row(labels[0]), row(labels[1], tax: changedTax),
                "011002100111,=\"00012345\",,2026-01-05,91110108MA01ABCDE1,北京某公司,100.00,6.00,106.00",
            ]
            .joined(separator: "\r\n") + "\r\n"
        let export = try Paths.temporaryDirectory().appendingPathComponent("platform.csv")
        try Data(csv.utf8).write(to: export)
        let findings = export.deletingLastPathComponent().appendingPathComponent("findings.csv")

        let result = try invcap(["reconcile", export.path, "--csv", findings.path], database: database)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains("1 matched, 1 different, \(accepted.count - 2) only in ledger, 1 only on platform"),
            "\(result.stdout)")
        let rows = try String(contentsOf: findings, encoding: .utf8)
        #expect(rows.contains("different") && rows.contains(changedTax) && rows.contains(labels[1]["taxAmount"] ?? "?"))
        #expect(rows.contains("only-on-platform") && rows.contains("00012345"))
        #expect(rows.contains("only-in-ledger") && rows.contains(labels[2]["invoiceNumber"] ?? "?"))

        let strict = try invcap(["reconcile", export.path, "--fail-on-differences"], database: database)
        #expect(strict.status == 1)
        try Data([0xFF, 0xFE, 0x00]).write(to: export)
        let unreadable = try invcap(["reconcile", export.path], database: database)
        #expect(unreadable.status == 1 && unreadable.stderr.contains("platform.csv"), "\(unreadable.stderr)")
    }

    @Test func givenNewLedger_whenSixProcessesOpenItAtOnce_thenOneMigratesAndAllSucceed() throws {
        let database = try ledgerPath()
        let results = Locked<[Int32]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            let status = (try? invcap(["user", "list"], database: database))?.status ?? -1
            results.mutate { $0.append(status) }
        }
        #expect(results.value == Array(repeating: 0, count: 6))
    }

    @Test func givenBadArguments_whenLedgerCommandsRun_thenClearErrorsAndNonZeroExits() throws {
        let database = try ledgerPath()
        let cases: [([String], String)] = [
            (["review", "show", "42"], "no document #42"),
            (["review", "set", "1", "sellerTaxId", "X", "--as", "a"], "unknown field sellerTaxId"),
            (["review", "accept", "1", "--as", "nobody"], "nobody is not a reviewer here"),
            (["export", "--format", "xlsx"], "--format is csv or jsonl"),
            (["ingest", "/nonexistent/inbox"], "/nonexistent/inbox does not exist"),
            (["restore", "/nonexistent/backup.sqlite"], "no such file"),
        ]
        for (arguments, message) in cases {
            let result = try invcap(arguments, database: database)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        let unopenable = try CommandRunner.invcap(["review", "list", "--database", "/proc/ledger.sqlite"])
        #expect(unopenable.status != 0 && unopenable.stderr.contains("cannot open the ledger"))
    }
}
