import CallData

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File-system steps of the nightly plan: folders, atomic text files, the `latest` symlink.
enum PlanFiles {
    /// Creates `path` and its missing parents (like `mkdir -p`).
    static func makeDirectories(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw UsageError(
                    "cannot create folder \(prefix): \(String(cString: strerror(errno)))", status: .badInput)
            }
            var info = stat()
            guard stat(prefix, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                throw UsageError("\(prefix) exists and is not a folder", status: .badInput)
            }
            prefix += "/"
        }
    }

    /// Writes text atomically (temporary file in the same folder, then rename).
    static func write(_ text: String, to path: String) throws(CallDataError) {
        try FileBytes.writeAtomically(Array(text.utf8), to: path)
    }

    /// The file's text, or `nil` when it cannot be read.
    static func read(_ path: String) -> String? {
        (try? FileBytes.read(path)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Names in a folder, sorted; empty when it cannot be read.
    static func list(_ folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Where the symlink at `path` points, or `nil`.
    static func symlinkTarget(_ path: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { readlink(path, $0, b.count) }
        }
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n], as: UTF8.self)
    }

    /// Points the symlink `link` at `target` atomically: a new symlink renamed over the old one.
    static func switchSymlink(_ link: String, to target: String) throws {
        let temporary = link + ".tmp-\(getpid())"
        unlink(temporary)
        guard symlink(target, temporary) == 0 else {
            throw UsageError(
                "cannot create symlink \(temporary): \(String(cString: strerror(errno)))", status: .badInput)
        }
        guard rename(temporary, link) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw UsageError("cannot switch \(link) to \(target): \(reason)", status: .badInput)
        }
    }
}

/// Queues planned at once by default (each in its own process): the CPUs this process may use —
/// the processors online or, in a container, its cgroup v2 CPU limit if lower
/// (`/sys/fs/cgroup/cpu.max`: quota ÷ period, rounded up); at least 1. A Kubernetes pod limited to
/// 2 CPUs on a 64-core node thus starts 2 workers. (Affinity masks are not read: set `parallel`
/// under `taskset`.)
func defaultParallelism() -> Int {
    var n = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    if let text = PlanFiles.read("/sys/fs/cgroup/cpu.max") {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        if fields.count >= 2, let quota = Int(fields[0]), let period = Int(fields[1]), quota > 0, period > 0 {
            n = min(n, max(1, (quota + period - 1) / period))
        }
    }
    return n
}
