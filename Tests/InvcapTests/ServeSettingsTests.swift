import ArgumentParser
import Capture
import Foundation
import TestSupport
import Testing

@testable import invcap

/// Where `invcap serve` takes each setting from: flag, then environment, then the --config file, then default.
struct ServeSettingsTests {
    private func command(_ arguments: [String]) throws -> ServeCommand {
        try #require(try Invcap.parseAsRoot(["serve"] + arguments) as? ServeCommand)
    }

    private func configFile(_ json: String) throws -> String {
        let url = try Paths.temporaryDirectory().appendingPathComponent("serve.json")
        try Data(json.utf8).write(to: url)
        return url.path
    }

    @Test func givenFlagEnvironmentAndFile_whenResolved_thenFlagWinsThenEnvironmentThenFile() throws {
        let file = try configFile(#"{"workers": 4, "poll": 5, "port": 9000, "log-format": "json", "settle": 7}"#)
        let settings = try ServeSettings(
            command: try command(["inbox-root", "--workers", "1", "--config", file]),
            environment: ["INVCAP_POLL": "3", "INVCAP_MAX_ATTEMPTS": "5"])
        #expect(settings.folder == "inbox-root")
        #expect(settings.workers == 1, "flag")
        #expect(settings.poll == 3, "environment over file")
        #expect(settings.maxAttempts == 5, "environment")
        #expect(settings.port == 9000 && settings.logFormat == "json" && settings.settle == 7, "file")
        #expect(settings.rescan == 60 && settings.host == "127.0.0.1" && settings.lang == "chi_sim+eng", "defaults")
        #expect(settings.folderSettings.poll == .seconds(3))
    }

    @Test func givenNoPollAnywhere_whenResolved_thenInotifyIsUsed() throws {
        let settings = try ServeSettings(command: try command([]), environment: [:])
        #expect(settings.poll == nil && settings.folderSettings.poll == nil)
        #expect(settings.folder == "." && settings.port == 8350)
    }

    @Test(
        arguments: [
            (#"{"workers": 0}"#, [:], "workers must be at least 1"),
            (#"{"wrokers": 2}"#, [:], "unknown setting wrokers"),
            ("not json", [:], "not a JSON object"),
            ("{}", ["INVCAP_PORT": "eighty"], "port must be a number"),
            ("{}", ["INVCAP_LOG_FORMAT": "xml"], "log-format is text or json"),
        ] as [(String, [String: String], String)])
    func givenBadSettings_whenResolved_thenTheMessageNamesTheSetting(
        json: String, environment: [String: String], message: String
    )
        throws
    {
        let file = try configFile(json)
        do {
            _ = try ServeSettings(command: try command(["--config", file]), environment: environment)
            Issue.record("\(json) \(environment) should be refused")
        } catch let error as ValidationError {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
