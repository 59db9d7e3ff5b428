/// Runs an async job per input with bounded concurrency and hands results back in input order.
enum OrderedRunner {
    /// Processes `inputs` with at most `concurrency` jobs at once; `onResult` sees results in input order
    /// as soon as every earlier one is done.
    ///
    /// - Throws: the first error a job throws; remaining jobs are cancelled.
    static func run<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], concurrency: Int,
        job: @escaping @Sendable (Input) async throws -> Output,
        onResult: (Int, Output) -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: (Int, Output).self) { group in
            var nextToStart = 0
            var nextToDeliver = 0
            var finished: [Int: Output] = [:]
            func startNext() {
                guard nextToStart < inputs.count else { return }
                let index = nextToStart
                let input = inputs[index]
                group.addTask { (index, try await job(input)) }
                nextToStart += 1
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            while let (index, output) = try await group.next() {
                finished[index] = output
                while let ready = finished.removeValue(forKey: nextToDeliver) {
                    onResult(nextToDeliver, ready)
                    nextToDeliver += 1
                }
                startNext()
            }
        }
    }
}
