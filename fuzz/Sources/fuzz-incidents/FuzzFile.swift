import CallData

#if canImport(Glibc)
    import Glibc
#endif

/// The fuzz input as a file (these readers take paths), rewritten for every input.
enum FuzzFile {
    static let path = "/tmp/headcount-fuzz-\(getpid()).csv"

    static func write(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        try? FileBytes.writeAtomically(Array(UnsafeBufferPointer(start: data, count: size)), to: path)
        return path
    }
}
