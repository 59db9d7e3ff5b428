import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What the OpenMP runtime inside this process is actually doing.
///
/// Tesseract parallelises parts of its LSTM with OpenMP; on small machines that makes it 2–4× slower
/// than one thread per engine. libgomp reads `OMP_THREAD_LIMIT` once, when it is loaded, so the only
/// reliable proof that the limit is in force is to ask the loaded runtime.
public enum OpenMPStatus {
    /// The environment variable libgomp reads.
    public static let variable = "OMP_THREAD_LIMIT"

    /// The value of `OMP_THREAD_LIMIT` in this process's environment, or `nil`.
    public static var environmentValue: String? {
        ProcessInfo.processInfo.environment[variable]
    }

    /// `omp_get_thread_limit()` of the loaded OpenMP runtime, or `nil` when no runtime is loaded.
    public static var runtimeThreadLimit: Int? {
        guard let process = dlopen(nil, RTLD_NOW) else { return nil }
        defer { dlclose(process) }
        guard let symbol = dlsym(process, "omp_get_thread_limit") else { return nil }
        typealias Function = @convention(c) () -> Int32
        return Int(unsafeBitCast(symbol, to: Function.self)())
    }
}
