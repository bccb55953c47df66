#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file reads and atomic whole-file writes with POSIX calls.
public enum FileBytes {
    /// Reads a file into memory.
    /// - Throws: `CallDataError.unreadable` with the system's reason.
    public static func read(_ path: String) throws(CallDataError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(file: path, reason: "is a directory") }
        var out = [UInt8]()
        out.reserveCapacity(Int(st.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(file: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same folder is
    /// written, flushed and renamed over `path`, so readers see the old file or the
    /// whole new one, never a half-written one. On failure the temporary file is removed.
    /// For several outputs that must change together, use `OutputFiles`.
    /// - Throws: `CallDataError.unwritable`.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(CallDataError) {
        let tmp = try writeTemporary(bytes, for: path)
        if rename(tmp, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw .unwritable(file: path, reason: reason)
        }
    }

    /// The name of a hidden temporary file beside `path`.
    static func temporaryName(for path: String, tag: String = "tmp") -> String {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return (dir.isEmpty ? "" : dir + "/") + ".\(name).\(tag)-\(getpid())"
    }

    /// Writes and flushes `bytes` to a temporary file beside `path` and returns its name.
    /// - Throws: `CallDataError.unwritable` (the temporary file is removed).
    static func writeTemporary(_ bytes: [UInt8], for path: String) throws(CallDataError) -> String {
        let tmp = temporaryName(for: path)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .unwritable(file: path, reason: String(cString: strerror(errno))) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(fd, base + written, buffer.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(tmp)
                throw .unwritable(file: path, reason: reason)
            }
            written += n
        }
        if fsync(fd) != 0 || close(fd) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw .unwritable(file: path, reason: reason)
        }
        return tmp
    }
}
