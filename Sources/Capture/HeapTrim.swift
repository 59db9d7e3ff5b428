#if canImport(Glibc)
    import Glibc
#endif

/// How the C heap gives memory back to the system.
///
/// - `release()` after a document: a page's images and the text detector's working memory are tens to
///   hundreds of megabytes, freed in pieces that glibc would otherwise keep in each worker thread's
///   arena, so the process would hold every worker's largest document at once.
/// - `configure()` at start: blocks of 256 KiB and more are mapped on their own and unmapped when
///   freed. glibc's default threshold grows to 32 MiB after the first large free, after which page
///   images land in the arenas and stay resident between documents. Measured on the real paper photos
///   with `--jobs 2`: peak RSS 1100 → 930 MB, same wall time. A threshold the user sets in the
///   environment (`MALLOC_MMAP_THRESHOLD_`) is left alone.
///
/// (`malloc_trim` and `mallopt` are glibc's, declared in `malloc.h`, which Swift's Glibc module does not
/// include: they are looked up by name.)
public enum HeapTrim {
    #if canImport(Glibc)
        private typealias Trim = @convention(c) (Int) -> Int32
        private typealias Option = @convention(c) (Int32, Int32) -> Int32
        nonisolated(unsafe) private static let trim: Trim? = dlsym(nil, "malloc_trim").map {
            unsafeBitCast($0, to: Trim.self)
        }
        nonisolated(unsafe) private static let option: Option? = dlsym(nil, "mallopt").map {
            unsafeBitCast($0, to: Option.self)
        }
        /// `M_MMAP_THRESHOLD` in glibc's `malloc.h`.
        private static let mmapThresholdOption: Int32 = -3
    #endif

    /// Blocks at least this large are mapped on their own.
    public static let mappedBlock: Int32 = 256 << 10

    public static func configure() {
        #if canImport(Glibc)
            guard getenv("MALLOC_MMAP_THRESHOLD_") == nil else { return }
            _ = option?(mmapThresholdOption, mappedBlock)
        #endif
    }

    static func release() {
        #if canImport(Glibc)
            _ = trim?(0)
        #endif
    }
}
