#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Cores available to this process.
enum ProcessorCount {
    static var active: Int {
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n >= 1 ? n : 1
    }
}
