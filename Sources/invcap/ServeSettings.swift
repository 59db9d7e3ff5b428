import ArgumentParser
import Capture
import Foundation

/// `invcap serve`'s settings: each from its flag, else `INVCAP_<NAME>` in the environment, else the
/// `--config` JSON file, else the default.
struct ServeSettings {
    var folder: String
    var workers: Int
    var poll: Double?
    var rescan: Double
    var settle: Double
    var maxAttempts: Int
    var host: String
    var port: Int
    var logFormat: String
    var lang: String
    var models: String?

    init(command: ServeCommand, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let file = try Self.configFile(command.config ?? environment["INVCAP_CONFIG"])
        func setting(_ name: String) -> String? {
            let variable = "INVCAP_" + name.uppercased().replacingOccurrences(of: "-", with: "_")
            if let value = environment[variable], !value.isEmpty { return value }
            return file[name].map { "\($0)" }
        }
        func number<T: LosslessStringConvertible>(_ name: String, _ flag: T?, _ fallback: T) throws -> T {
            if let flag { return flag }
            guard let text = setting(name) else { return fallback }
            guard let value = T(text) else { throw ValidationError("\(name) must be a number, not \(text)") }
            return value
        }
        folder = command.folder ?? setting("folder") ?? "."
        workers = try number("workers", command.workers, ProcessInfo.processInfo.activeProcessorCount)
        poll =
            try command.poll
            ?? setting("poll").map { text in
                guard let value = Double(text) else { throw ValidationError("poll must be a number, not \(text)") }
                return value
            }
        rescan = try number("rescan", command.rescan, 60.0)
        settle = try number("settle", command.settle, 2.0)
        maxAttempts = try number("max-attempts", command.maxAttempts, 3)
        host = command.host ?? setting("host") ?? "127.0.0.1"
        port = try number("port", command.port, 8350)
        logFormat = command.logFormat ?? setting("log-format") ?? "text"
        lang = command.lang ?? setting("lang") ?? "chi_sim+eng"
        models = command.models ?? setting("models")
        guard workers >= 1 else { throw ValidationError("workers must be at least 1 (it is \(workers))") }
        guard (poll ?? 1) > 0, rescan > 0, settle >= 0 else {
            throw ValidationError("poll and rescan must be positive and settle not negative")
        }
        guard maxAttempts >= 1 else { throw ValidationError("max-attempts must be at least 1") }
        guard (0...65535).contains(port) else { throw ValidationError("port must be 0–65535") }
        guard ["text", "json"].contains(logFormat) else { throw ValidationError("log-format is text or json") }
    }

    /// The service loop's settings.
    var folderSettings: FolderService.Settings {
        FolderService.Settings(
            settle: .milliseconds(Int(settle * 1000)), poll: poll.map { .milliseconds(Int($0 * 1000)) },
            rescan: .milliseconds(Int(rescan * 1000)), maxAttempts: maxAttempts)
    }

    /// The keys and values of the `--config` file (empty without one).
    static func configFile(_ path: String?) throws -> [String: Any] {
        guard let path else { return [:] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("--config \(path): no such file, or not readable")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ValidationError("--config \(path): not a JSON object like {\"workers\": 2, \"poll\": 5}")
        }
        let known: Set<String> = [
            "folder", "workers", "poll", "rescan", "settle", "max-attempts", "host", "port", "log-format", "lang",
            "models",
        ]
        if let unknown = object.keys.first(where: { !known.contains($0) }) {
            throw ValidationError(
                "--config \(path): unknown setting \(unknown); known: \(known.sorted().joined(separator: ", "))")
        }
        return object
    }
}
