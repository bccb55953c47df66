#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on an output folder, so two cron runs never write it at once.
///
/// The lock is `flock(2)` on a lock file holding the holder's process id. The kernel drops the
/// lock when the holder's process ends, however it ends, so a lock file left by a dead process
/// (a crash, `kill -9`, a reboot) is stale and simply taken over; a live holder makes
/// `acquire` throw an exit-4 error naming its pid.
///
/// *Edge Cases*: the lock file stays after release (removing it would race with a waiting run);
/// its pid line is cleared.
final class PlanLock {
    let path: String
    private var descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// Takes the lock or throws `UsageError` with status `.locked`.
    /// - Returns: the lock and the pid written in a stale lock file it took over (`nil` if none).
    static func acquire(_ path: String) throws -> (lock: PlanLock, staleHolder: Int32?) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw UsageError("cannot open lock file \(path): \(String(cString: strerror(errno)))", status: .badInput)
        }
        let previous = readPid(fd)
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = readPid(fd).map { "pid \($0)" } ?? "a process that has not written its pid yet"
            close(fd)
            throw UsageError(
                "another run holds the lock \(path) (\(holder)); expected it to finish first (exit 4 means: try later)",
                status: .locked)
        }
        ftruncate(fd, 0)
        let line = Array("\(getpid())\n".utf8)
        _ = line.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        fsync(fd)
        let stale = previous.flatMap { $0 == getpid() ? nil : $0 }
        return (PlanLock(path: path, descriptor: fd), stale)
    }

    /// Clears the pid line and releases the lock.
    func release() {
        guard descriptor >= 0 else { return }
        ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    static func readPid(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[0..<n], as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        guard let pid = Int32(text), pid > 0 else { return nil }
        return pid
    }
}
