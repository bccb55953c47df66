import CallData

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs each queue's pipeline in a child process: the plan re-executes its own binary
/// (`/proc/self/exe`) as `headcount plan … --worker-queue NAME`, which plans that one queue into a
/// staging folder of its own (`RUN/.staging/NAME-PID/`), writes its `QueueReport`, and exits.
///
/// Why: the roster solver (CBC, C++) can stop the whole process with a C assertion (`abort()`,
/// seen once at `ClpPrimalColumnSteepest.cpp:727`). In a child process that is the failure of one
/// queue: the parent sees the signal, records the queue as failed ("solver aborted (signal 6
/// SIGABRT)") with its `queue.json`, and plans the others. Separate processes also let two CBC
/// solves run at once (CBC is not reentrant, so one process can only run one).
///
/// Publishing: when a worker exits 0 with its report, the staging folder's files replace the
/// queue folder's (each by `rename(2)`, `queue.json` last; files of an earlier run that this run
/// did not write are removed). A worker that died leaves only the parent's `queue.json` (failed)
/// in the queue folder; its half-written staging folder is discarded. So the queue folder holds
/// exactly what one run wrote, however often the run is repeated.
///
/// Scheduling: at most `parallel` children at once, started in the queues' (name) order; each
/// child's outputs depend only on its inputs, so the files do not depend on how many run at once
/// or in which order they finish.
///
/// *Edge Cases*: a child that cannot be started (`posix_spawn` fails) is a failed queue; a child
/// that exits non-zero without a report (its config could not be read, say) is a failed queue
/// naming its exit status; its own stderr line has already gone to the parent's stderr.
struct PlanWorkers {
    /// The flag that makes `plan` a worker (hidden from `--help`).
    static let workerFlag = "--worker-queue"
    /// Test-only: a worker planning the queue named by this variable calls `abort()` just before its
    /// roster solve, as a C assertion inside CBC would. Used by the tests; never set it in production.
    static let abortVariable = "HEADCOUNT_TEST_ABORT_QUEUE"
    static let stagingName = ".staging"

    var runFolder: String
    /// Arguments after the executable that every worker gets (`plan --config … --date …`).
    var arguments: [String]

    /// The staging folder of the worker `pid` planning `queue` (its own: an orphaned worker of a
    /// killed run can never write into a new run's).
    func stagingFolder(_ queue: String, pid: pid_t) -> String {
        runFolder + "/" + Self.stagingName + "/" + queue + "-" + String(pid)
    }

    /// Removes what earlier workers of `queue` left in staging (a run that was killed).
    func removeStaleStaging(_ queue: String) {
        let folder = runFolder + "/" + Self.stagingName
        for name in PlanFiles.list(folder) where name.hasPrefix(queue + "-") {
            let rest = name.dropFirst(queue.count + 1)
            if !rest.isEmpty, rest.allSatisfy(\.isNumber) { Self.removeFolder(folder + "/" + name) }
        }
    }

    /// The running binary: `/proc/self/exe` where it exists, else the path it was started by.
    static var executable: String {
        access("/proc/self/exe", X_OK) == 0 ? "/proc/self/exe" : (CommandLine.arguments.first ?? "headcount")
    }

    /// Plans `queues` in child processes, at most `parallel` at once; reports in the queues' order.
    /// `finished` is called in the parent as each queue ends (in the order they end).
    ///
    /// Blocks the calling thread in `waitpid(2)`: the parent has nothing else to do meanwhile.
    func run(_ queues: [QueuePlanConfig], runDay: Int, parallel: Int, finished: (QueueReport) -> Void)
        -> [QueueReport]
    {
        var reports: [QueueReport?] = Array(repeating: nil, count: queues.count)
        var running: [pid_t: (index: Int, started: Double)] = [:]
        var next = 0
        let width = max(1, min(parallel, queues.count))
        func done(_ k: Int, _ report: QueueReport) {
            reports[k] = report
            finished(report)
        }
        while next < queues.count || !running.isEmpty {
            while running.count < width, next < queues.count {
                let k = next
                next += 1
                removeStaleStaging(queues[k].name)
                switch spawn(queues[k].name) {
                case .success(let pid): running[pid] = (k, Self.now())
                case .failure(let message):
                    done(k, failed(queues[k], runDay: runDay, message: message, seconds: 0))
                }
            }
            guard !running.isEmpty else { continue }
            var status: Int32 = 0
            let pid = waitpid(-1, &status, 0)
            if pid < 0 {
                if errno == EINTR { continue }
                // No child left to wait for (ECHILD): whatever still counts as running has vanished.
                for (_, child) in running {
                    done(
                        child.index,
                        failed(
                            queues[child.index], runDay: runDay, message: "planning process vanished",
                            seconds: Self.now() - child.started))
                }
                running.removeAll()
                continue
            }
            guard let child = running.removeValue(forKey: pid) else { continue }
            let queue = queues[child.index]
            done(
                child.index,
                collect(queue, pid: pid, runDay: runDay, status: status, seconds: Self.now() - child.started))
        }
        return reports.compactMap { $0 }
    }

    enum Spawned {
        case success(pid_t)
        case failure(String)
    }

    /// Starts the worker of `queue` with the parent's environment, stdin, stdout and stderr.
    func spawn(_ queue: String) -> Spawned {
        let argv = ["headcount"] + arguments + [Self.workerFlag, queue]
        var cStrings: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        cStrings.append(nil)
        defer { for p in cStrings { free(p) } }
        var pid: pid_t = 0
        let path = Self.executable
        let rc = cStrings.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let argvPointer = buffer.baseAddress else { return EINVAL }
            return path.hasPrefix("/")
                ? posix_spawn(&pid, path, nil, nil, argvPointer, environ)
                : posix_spawnp(&pid, path, nil, nil, argvPointer, environ)
        }
        guard rc == 0 else {
            return .failure("cannot start a planning process (\(path)): \(String(cString: strerror(rc)))")
        }
        return .success(pid)
    }

    /// The queue's report after its worker ended with wait status `status`; publishes its files.
    func collect(_ queue: QueuePlanConfig, pid: pid_t, runDay: Int, status: Int32, seconds: Double) -> QueueReport {
        let staging = stagingFolder(queue.name, pid: pid)
        let signal = status & 0x7f
        let exitCode = (status >> 8) & 0xff
        if signal == 0, exitCode == 0,
            let text = PlanFiles.read(staging + "/" + QueueReport.fileName),
            let report = QueueReport(text: text), report.name == queue.name
        {
            do {
                try publish(staging, to: runFolder + "/" + queue.name)
                return report
            } catch {
                let (message, _) = QueuePipeline.describe(error)
                Self.removeFolder(staging)
                return failed(queue, runDay: runDay, message: message, seconds: report.seconds)
            }
        }
        Self.removeFolder(staging)
        let message: String
        if signal != 0 {
            let name = Self.signalNames[signal].map { " \($0)" } ?? ""
            message =
                signal == SIGABRT
                ? "solver aborted (signal \(signal)\(name)): the queue's planning process stopped; the other queues went on"
                : "planning process killed by signal \(signal)\(name); the other queues went on"
        } else {
            message = "planning process exited with status \(exitCode) without a result (see the line above on stderr)"
        }
        return failed(queue, runDay: runDay, message: message, seconds: seconds)
    }

    /// Records `queue` as failed: its folder holds only `queue.json` saying why; staging is dropped.
    func failed(_ queue: QueuePlanConfig, runDay: Int, message: String, seconds: Double) -> QueueReport {
        let folder = runFolder + "/" + queue.name
        rmdir(runFolder + "/" + Self.stagingName)  // fails while another worker still uses it
        let outcome = QueueOutcome(
            name: queue.name, inputs: QueuePipeline.inputs(of: queue), figures: nil, error: message,
            status: .badInput, seconds: seconds)
        do {
            try PlanFiles.makeDirectories(folder)
            for old in PlanFiles.list(folder) { unlink(folder + "/" + old) }
            try PlanFiles.write(outcome.json + "\n", to: folder + "/queue.json")
        } catch {
            return QueueReport(
                name: queue.name, error: message + "; and \(QueuePipeline.describe(error).0)", status: .badInput,
                seconds: seconds)
        }
        return QueueReport(outcome)
    }

    /// Moves the staging folder's files into `folder` (`queue.json` last) and removes the files of
    /// `folder` this run did not write.
    func publish(_ staging: String, to folder: String) throws {
        try PlanFiles.makeDirectories(folder)
        let fresh = PlanFiles.list(staging).filter { $0 != QueueReport.fileName }
        for old in PlanFiles.list(folder) where !fresh.contains(old) { unlink(folder + "/" + old) }
        for name in fresh.sorted(by: { ($0 == "queue.json" ? 1 : 0, $0) < ($1 == "queue.json" ? 1 : 0, $1) }) {
            guard rename(staging + "/" + name, folder + "/" + name) == 0 else {
                throw UsageError(
                    "cannot move \(staging)/\(name) to \(folder): \(String(cString: strerror(errno)))",
                    status: .badInput)
            }
        }
        Self.removeFolder(staging)
        rmdir(runFolder + "/" + Self.stagingName)  // fails while another shard's worker still uses it
    }

    /// Removes a folder of plain files (no subfolders) and the folder; errors are ignored.
    static func removeFolder(_ folder: String) {
        for name in PlanFiles.list(folder) { unlink(folder + "/" + name) }
        rmdir(folder)
    }

    /// Names of the signals a planning process may die of.
    static let signalNames: [Int32: String] = [
        SIGABRT: "SIGABRT", SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
        SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM", SIGINT: "SIGINT",
    ]

    /// Monotonic seconds.
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
