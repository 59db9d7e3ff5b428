import Foundation
import Recognition

#if canImport(Glibc)
    import Glibc
#endif

/// Restarts the process with `OMP_THREAD_LIMIT=1` when the user did not set it.
///
/// libgomp (loaded with libtesseract, before `main`) reads the variable once at load time, so setting it
/// now would be too late: the only way to apply it is to `exec` this same program again with it set.
/// A value the user set explicitly is respected.
enum OpenMPLaunch {
    /// Set in the re-executed process so `invcap doctor` can say the restart happened.
    static let marker = "INVCAP_OPENMP_REEXEC"

    static func ensureSingleThreaded() {
        guard getenv(OpenMPStatus.variable) == nil else { return }
        setenv(OpenMPStatus.variable, "1", 1)
        setenv(marker, "1", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // exec failed (no /proc?): carry on; OCR is slower but correct, and `invcap doctor` shows it.
        unsetenv(marker)
    }

    /// Whether this process is the re-executed one.
    static var didReexecute: Bool { ProcessInfo.processInfo.environment[marker] == "1" }
}
