import Foundation

/// Measures elapsed wall time in milliseconds with a monotonic clock.
struct Stopwatch {
    private let start = ContinuousClock.now

    /// Milliseconds since the stopwatch was created, rounded.
    var milliseconds: Int {
        let elapsed = ContinuousClock.now - start
        let (seconds, attoseconds) = elapsed.components
        return Int(seconds) * 1000 + Int((Double(attoseconds) / 1e15).rounded())
    }

    /// Milliseconds since the stopwatch was created, with their fraction.
    var exactMilliseconds: Double {
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
