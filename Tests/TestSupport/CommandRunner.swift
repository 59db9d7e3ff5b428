public import Foundation

/// The outcome of running a program.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// stdout split into non-empty lines.
    public var lines: [String] { stdout.split(separator: "\n").map(String.init) }
}

/// Runs programs for end-to-end tests.
public enum CommandRunner {
    /// Runs `executable` with `arguments`; `environment` entries are added to (or, when `nil`, removed
    /// from) the current environment.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String?] = [:],
        currentDirectory: URL? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment {
            env[key] = value
        }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain both pipes concurrently so a chatty child cannot block on a full pipe.
        let errData = Locked(Data())
        let errDone = DispatchSemaphore(value: 0)
        Thread {
            errData.set(err.fileHandleForReading.readDataToEndOfFile())
            errDone.signal()
        }.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errDone.wait()
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.value, as: UTF8.self))
    }

    /// Runs the built `invcap` with `arguments`.
    public static func invcap(_ arguments: [String], environment: [String: String?] = [:]) throws -> CommandResult {
        try run(Paths.invcap, arguments, environment: environment)
    }
}

/// A value written by one thread and read by another.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    /// Holds `value`.
    public init(_ value: Value) { stored = value }

    /// Replaces the value.
    public func set(_ value: Value) {
        lock.lock()
        stored = value
        lock.unlock()
    }

    /// Changes the value in place, under the lock.
    public func mutate(_ change: (inout Value) -> Void) {
        lock.lock()
        change(&stored)
        lock.unlock()
    }

    /// The value.
    public var value: Value {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
