#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-line progress display on a terminal's standard error (`[3/10] retail ok`), redrawn in place.
/// Only made when standard error is a terminal and the run is not `--quiet`.
struct PlanProgress: Sendable {
    static func onTerminal(quiet: Bool) -> PlanProgress? {
        quiet || isatty(STDERR_FILENO) == 0 ? nil : PlanProgress()
    }

    func update(done: Int, total: Int, queue: String, ok: Bool) {
        emit("\r\u{1B}[K[\(done)/\(total)] \(queue) \(ok ? "ok" : "FAILED")")
    }

    func finish() { emit("\r\u{1B}[K") }

    private func emit(_ text: String) {
        var t = text
        t.withUTF8 { b in _ = write(STDERR_FILENO, b.baseAddress, b.count) }
    }
}
