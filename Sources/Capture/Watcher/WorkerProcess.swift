public import Foundation
import Recognition

/// One supervised worker process: a child `invcap worker` that ingests the files it is sent, one at a time.
///
/// A crash inside a C library (Tesseract, Leptonica, poppler, zbar) kills the child, not the service: the
/// caller sees `WorkerProcess.Failure.died` for the file it was on and the next request starts a new child.
///
/// - Important: an actor; one request at a time per worker.
public actor WorkerProcess {
    /// The program and its arguments (`invcap worker --database …`).
    public let executable: URL
    public let arguments: [String]
    /// Extra environment for the child (the OpenMP limit must be set before it starts).
    public let environment: [String: String]
    private var child: Process?
    private var input: FileHandle?
    private var output: LineReader?

    /// Why a request produced no reply.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The child ended while working on the file (a crash, `kill -9`, out of memory).
        case died(status: Int32, signaled: Bool)
        /// The child could not be started.
        case cannotStart(String)

        public var description: String {
            switch self {
            case .died(let status, let signaled):
                return signaled
                    ? "the worker process was killed by signal \(status)"
                    : "the worker process exited with status \(status)"
            case .cannotStart(let reason): return "cannot start a worker process: \(reason)"
            }
        }
    }

    /// Creates a worker; the child starts with the first request.
    public init(executable: URL, arguments: [String], environment: [String: String] = [:]) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
    }

    /// Sends `path` to the child and waits for its reply.
    ///
    /// - Throws: `Failure` when the child cannot start or dies before replying.
    public func ingest(_ path: String) async throws(Failure) -> WorkerReply {
        let (input, output) = try startIfNeeded()
        do {
            try input.write(contentsOf: Data((path + "\n").utf8))
        } catch {
            return try await childDied()
        }
        while let line = await output.nextLine() {
            if let reply = WorkerReply.parse(line) { return reply }
        }
        return try await childDied()
    }

    /// Ends the child: its input is closed, so it exits after the file it is on (call between requests).
    public func stop() async {
        try? input?.close()
        if let child { await EnginePool.runOnThread { child.waitUntilExit() } }
        child = nil
        input = nil
        output = nil
    }

    private func startIfNeeded() throws(Failure) -> (FileHandle, LineReader) {
        if let child, child.isRunning, let input, let output { return (input, output) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let toChild = Pipe()
        let fromChild = Pipe()
        process.standardInput = toChild
        process.standardOutput = fromChild
        process.standardError = FileHandle.standardError
        do {
            try process.run()
        } catch {
            throw .cannotStart(error.localizedDescription)
        }
        let reader = LineReader(fromChild.fileHandleForReading)
        child = process
        input = toChild.fileHandleForWriting
        output = reader
        return (toChild.fileHandleForWriting, reader)
    }

    private func childDied() async throws(Failure) -> WorkerReply {
        let process = child
        child = nil
        input = nil
        output = nil
        guard let process else { throw .died(status: -1, signaled: false) }
        await EnginePool.runOnThread { process.waitUntilExit() }
        throw .died(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal)
    }
}

/// Reads lines from a pipe on a thread of its own, so no cooperative thread blocks.
final class LineReader: @unchecked Sendable {
    private let handle: FileHandle
    private var buffer = Data()
    private let lock = NSLock()

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    /// The next line without its newline, or `nil` at the end of the stream.
    func nextLine() async -> String? {
        await EnginePool.runOnThread { [self] in
            lock.lock()
            defer { lock.unlock() }
            while true {
                if let newline = buffer.firstIndex(of: 0x0A) {
                    let line = buffer[buffer.startIndex..<newline]
                    buffer.removeSubrange(buffer.startIndex...newline)
                    return String(decoding: line, as: UTF8.self)
                }
                let chunk = handle.availableData
                if chunk.isEmpty { return nil }
                buffer.append(chunk)
            }
        }
    }
}
