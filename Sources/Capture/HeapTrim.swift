#if canImport(Glibc)
    import Glibc
#endif

/// Gives the C heap's free memory back to the system after a document: a page's images and the text
/// detector's working memory are tens to hundreds of megabytes, freed in pieces that glibc would
/// otherwise keep in each worker thread's arena, so the process would hold every worker's largest
/// document at once. (`malloc_trim` is glibc's, declared in `malloc.h`, which Swift's Glibc module does
/// not include: it is looked up by name.)
enum HeapTrim {
    #if canImport(Glibc)
        private typealias Trim = @convention(c) (Int) -> Int32
        nonisolated(unsafe) private static let trim: Trim? = dlsym(nil, "malloc_trim").map {
            unsafeBitCast($0, to: Trim.self)
        }
    #endif

    static func release() {
        #if canImport(Glibc)
            _ = trim?(0)
        #endif
    }
}
