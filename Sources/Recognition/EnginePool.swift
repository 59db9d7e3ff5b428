import Foundation
import Synchronization

/// A fixed number of OCR workers shared by concurrent jobs, one job per worker at a time.
///
/// Workers are created on first demand (loading models takes ~0.3 s each), up to `size`. Each job runs
/// synchronously on a thread of its own, never on Swift's cooperative thread pool, so OCR does not
/// starve other tasks.
public final class EnginePool: Sendable {
    /// The most workers that will exist; one per core is right when Tesseract runs single-threaded.
    public let size: Int
    private let makeWorker: @Sendable () throws(RecognitionError) -> OCRWorker
    private let state = Mutex(State())

    private struct State: ~Copyable {
        var idle: [OCRWorker] = []
        var created = 0
        var waiters: [CheckedContinuation<OCRWorker?, Never>] = []
    }

    /// Creates a pool of up to `size` workers loading `languages` from `tessdata`; they share one
    /// orientation detector, loaded with the first worker.
    public convenience init(size: Int, languages: String, tessdata: Tessdata) {
        let orientation = Mutex<OrientationDetector?>(nil)
        self.init(size: size) { () throws(RecognitionError) in
            // Loaded under the lock: workers made at the same time must not each load one.
            let shared = try orientation.withLock { (held) throws(RecognitionError) -> OrientationDetector in
                if let held { return held }
                let made = try OrientationDetector(tessdata: tessdata)
                held = made
                return made
            }
            return try OCRWorker(languages: languages, tessdata: tessdata, orientation: shared)
        }
    }

    /// Creates a pool whose workers come from `makeWorker`.
    public init(size: Int, makeWorker: @escaping @Sendable () throws(RecognitionError) -> OCRWorker) {
        self.size = max(1, size)
        self.makeWorker = makeWorker
    }

    /// The number of workers created so far.
    public var createdWorkers: Int { state.withLock { $0.created } }

    /// Runs `body` with exclusive use of one worker, on a dedicated thread.
    ///
    /// Waits while all workers are busy. The worker returns to the pool when `body` ends.
    /// - Throws: the `RecognitionError` from creating a worker (missing or damaged models).
    public func withWorker<T: Sendable>(
        _ body: @escaping @Sendable (OCRWorker) -> T
    ) async throws(RecognitionError) -> T {
        let worker = try await acquire()
        defer { release(worker) }
        return await Self.runOnThread { body(worker) }
    }

    /// Creates every worker now, so that the first jobs do not pay for loading models.
    ///
    /// - Throws: the `RecognitionError` from creating a worker.
    public func warmUp() async throws(RecognitionError) {
        let failures = await withTaskGroup(of: RecognitionError?.self) { group in
            for _ in 0..<size {
                group.addTask {
                    do throws(RecognitionError) {
                        try await self.withWorker { _ in () }
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            return await group.compactMap { $0 }.reduce(into: [RecognitionError]()) { $0.append($1) }
        }
        if let first = failures.first { throw first }
    }

    private enum Next {
        case use(OCRWorker)
        case create
        case wait
    }

    private func acquire() async throws(RecognitionError) -> OCRWorker {
        while true {
            let next: Next = state.withLock { state in
                if let worker = state.idle.popLast() { return .use(worker) }
                if state.created < size {
                    state.created += 1
                    return .create
                }
                return .wait
            }
            switch next {
            case .use(let worker):
                return worker
            case .create:
                let made = await Self.runOnThread { [makeWorker] in
                    Result { () throws(RecognitionError) in try makeWorker() }
                }
                switch made {
                case .success(let worker):
                    return worker
                case .failure(let error):
                    // Let waiters retry: they will try to create a worker themselves and see the error.
                    let waiters = state.withLock { state in
                        state.created -= 1
                        defer { state.waiters.removeAll() }
                        return state.waiters
                    }
                    waiters.forEach { $0.resume(returning: nil) }
                    throw error
                }
            case .wait:
                let worker: OCRWorker? = await withCheckedContinuation { continuation in
                    let ready: OCRWorker?? = state.withLock { state in
                        if let worker = state.idle.popLast() { return .some(worker) }
                        if state.created < size { return .some(nil) }
                        state.waiters.append(continuation)
                        return .none
                    }
                    if let ready { continuation.resume(returning: ready) }
                }
                if let worker { return worker }
            }
        }
    }

    private func release(_ worker: OCRWorker) {
        let waiter: CheckedContinuation<OCRWorker?, Never>? = state.withLock { state in
            if state.waiters.isEmpty {
                state.idle.append(worker)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: worker)
    }

    /// A closure run once and dropped as soon as it returns.
    private final class OneShot<T>: @unchecked Sendable {
        private var body: (() -> T)?

        init(_ body: @escaping () -> T) { self.body = body }

        /// Runs the closure and releases it (and its captures) before returning. Called once, from one thread.
        func run() -> T {
            guard let body else { preconditionFailure("OneShot.run called twice") }
            self.body = nil
            return body()
        }
    }

    /// Stack size for OCR threads: Tesseract's layout analysis recurses deeply on busy pages.
    static let threadStackSize = 16 << 20

    /// Runs `body` on a new thread and returns its result without blocking a cooperative thread.
    ///
    /// `body`, and everything it captured, is released on that thread *before* the caller resumes: a
    /// captured C resource (an open PDF) must not be freed later, at an arbitrary time — possibly while
    /// the process exits and the library's globals are being destroyed.
    public static func runOnThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        let work = OneShot(body)
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                let result = work.run()
                continuation.resume(returning: result)
            }
            thread.stackSize = threadStackSize
            thread.start()
        }
    }
}
