import CallData
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One nightly run (or one shard of it, or the merge of its shards) into an output folder.
///
/// Layout: `OUT/YYYY-MM-DD/<queue>/{history,forecast,staffing,roster,coverage}.csv` and `queue.json`,
/// `OUT/YYYY-MM-DD/summary.json` (byte-identical for the same inputs), `timings.json` (seconds,
/// not deterministic), `shards/i-of-n.txt` (a shard's completion record) and `OUT/latest`, a
/// symlink switched last, only when every queue succeeded and the run date is not older than the
/// one `latest` points at.
///
/// Concurrency: each queue is planned in its own child process (`PlanWorkers`: a solver abort
/// fails that queue only), at most `maxParallelQueues` at once; each queue writes only its own
/// folder, so the result does not depend on how many run at once or the order they finish in.
struct PlanRun {
    var outputDirectory: String
    var runDay: Int
    var logger: Logger
    var progress: PlanProgress?
    /// `--log-level` handed to the queues' planning processes.
    var workerLogLevel = "warning"

    var runFolder: String { outputDirectory + "/" + formatISODate(days: runDay) }
    static let lockName = ".headcount.lock"

    /// What a run or merge ended with.
    struct Result {
        var planned: Int
        var failures: [(queue: String, message: String, status: ExitStatus)]
        var latestSwitched: Bool
        var totals: (calls: Double, paidHours: Double, cost: Double)
    }

    /// Plans `config`'s queues (those of `shard` when given). A whole run finishes with the summary
    /// and `latest`; a shard writes its completion record for `merge`.
    func plan(_ config: PlanConfig, shard: ShardSpec?) throws -> Result {
        try PlanFiles.makeDirectories(outputDirectory)
        let lockPath = outputDirectory + "/" + Self.lockName + (shard.map { ".shard-\($0.index)-of-\($0.count)" } ?? "")
        let (lock, stale) = try PlanLock.acquire(lockPath)
        defer { lock.release() }
        if let stale {
            logger.warning("took over the stale lock \(lockPath) left by pid \(stale), which no longer holds it")
        }
        try PlanFiles.makeDirectories(runFolder)
        let queues = config.queues.filter { shard?.contains($0.name) ?? true }.sorted { $0.name < $1.name }
        logger.info(
            "planning \(queues.count) queue(s) for \(formatISODate(days: runDay))\(shard.map { " (shard \($0))" } ?? "") into \(runFolder)"
        )
        let outcomes = planQueues(queues, config: config)
        let failures = outcomes.compactMap { o in o.error.map { (o.name, $0, o.status) } }
        if let shard {
            var lines = [
                "headcount-shard 1", "config_sha256 \(config.sha256)", "run_date \(formatISODate(days: runDay))",
            ]
            lines += outcomes.map { "queue \($0.name) \(formatDecimal($0.seconds, places: 3))" }
            try PlanFiles.makeDirectories(runFolder + "/shards")
            try PlanFiles.write(lines.joined(separator: "\n") + "\n", to: runFolder + "/shards/" + shard.recordName)
            return Result(planned: outcomes.count, failures: failures, latestSwitched: false, totals: totals(outcomes))
        }
        let switched = try finish(
            queues: config.queues.map(\.name).sorted(), configSHA: config.sha256,
            seconds: outcomes.map { ($0.name, $0.seconds) })
        return Result(planned: outcomes.count, failures: failures, latestSwitched: switched, totals: totals(outcomes))
    }

    /// Completes a sharded run: every shard's record must be there and agree on the config.
    func merge(shards requestedCount: Int?) throws -> Result {
        let lock = try PlanLock.acquire(outputDirectory + "/" + Self.lockName).lock
        defer { lock.release() }
        let shardFolder = runFolder + "/shards"
        let records = PlanFiles.list(shardFolder).filter { $0.hasSuffix(".txt") }
        let counts = Set(
            records.compactMap { name -> Int? in
                let parts = name.dropLast(4).split(separator: "-")
                return parts.count == 3 && parts[1] == "of" ? Int(parts[2]) : nil
            })
        guard let count = requestedCount ?? (counts.count == 1 ? counts.first : nil) else {
            throw UsageError(
                counts.isEmpty
                    ? "\(shardFolder): no shard records; expected the shards of `headcount plan --shard i/n` to have finished"
                    : "\(shardFolder) has records of runs with \(counts.sorted().map(String.init).joined(separator: ", ")) shards; pass --shards N",
                status: .badInput)
        }
        var names: [String] = []
        var seconds: [(String, Double)] = []
        var configSHA: String? = nil
        var missing: [Int] = []
        for index in 0..<count {
            let path = shardFolder + "/\(index)-of-\(count).txt"
            guard let text = PlanFiles.read(path) else {
                missing.append(index)
                continue
            }
            for (k, line) in text.split(separator: "\n").enumerated() {
                let fields = line.split(separator: " ").map(String.init)
                switch fields.first {
                case "config_sha256":
                    let sha = fields.count > 1 ? fields[1] : ""
                    if let configSHA, configSHA != sha {
                        throw UsageError(
                            "\(path):\(k + 1):1: shard planned with another config (sha256 \(sha)); expected every shard to use the same config (\(configSHA))",
                            status: .badInput)
                    }
                    configSHA = sha
                case "queue" where fields.count >= 2:
                    names.append(fields[1])
                    seconds.append((fields[1], fields.count > 2 ? Double(fields[2]) ?? 0 : 0))
                default: continue
                }
            }
        }
        guard missing.isEmpty else {
            throw UsageError(
                "\(shardFolder): shard(s) \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) have not finished; "
                    + "expected all \(count) shard records before the merge", status: .badInput)
        }
        let switched = try finish(queues: names.sorted(), configSHA: configSHA ?? "", seconds: seconds)
        var failures: [(String, String, ExitStatus)] = []
        for name in names.sorted() {
            let text = PlanFiles.read(runFolder + "/" + name + "/queue.json") ?? ""
            if text.contains("\"status\": \"failed\"") {
                failures.append((name, "failed (see summary.json)", .badInput))
            }
        }
        return Result(planned: names.count, failures: failures, latestSwitched: switched, totals: (0, 0, 0))
    }

    /// Writes `summary.json` (from each queue's `queue.json`, in name order) and `timings.json`,
    /// then switches `latest` when every queue succeeded.
    func finish(queues: [String], configSHA: String, seconds: [(String, Double)]) throws -> Bool {
        var entries: [String] = []
        var failed = 0
        for name in queues {
            let path = runFolder + "/" + name + "/queue.json"
            guard let text = PlanFiles.read(path) else {
                throw UsageError(
                    "\(path) is missing; expected every queue of the run to have been planned", status: .badInput)
            }
            let entry = text.trimmingWhitespace()
            if entry.contains("\"status\": \"failed\"") { failed += 1 }
            entries.append(entry)
        }
        let summary = """
            {
              "run_date": \(JSONText.string(formatISODate(days: runDay))),
              "tool": \(JSONText.string("headcount \(Headcount.version)")),
              "config_sha256": \(JSONText.string(configSHA)),
              "queues_planned": \(queues.count),
              "queues_failed": \(failed),
              "queues": [
            \(entries.map { "    " + $0 }.joined(separator: ",\n"))
              ]
            }

            """
        try PlanFiles.write(summary, to: runFolder + "/summary.json")
        let timing = seconds.sorted { $0.0 < $1.0 }.map {
            "    {\"name\": \(JSONText.string($0.0)), \"seconds\": \(formatDecimal($0.1, places: 3))}"
        }
        try PlanFiles.write(
            "{\n  \"run_date\": \(JSONText.string(formatISODate(days: runDay))),\n  \"queues\": [\n"
                + timing.joined(separator: ",\n") + "\n  ]\n}\n", to: runFolder + "/timings.json")
        guard failed == 0 else {
            logger.warning("\(failed) queue(s) failed: latest not switched")
            return false
        }
        let date = formatISODate(days: runDay)
        let link = outputDirectory + "/latest"
        if let current = PlanFiles.symlinkTarget(link), current > date, current.count == date.count {
            logger.notice("latest points at \(current), newer than \(date): left as it is")
            return false
        }
        try PlanFiles.switchSymlink(link, to: date)
        return true
    }

    /// Plans queues in child processes (`PlanWorkers`), at most `parallel` at once; reports in the
    /// queues' order.
    func planQueues(_ queues: [QueuePlanConfig], config: PlanConfig) -> [QueueReport] {
        let workers = PlanWorkers(
            runFolder: runFolder,
            arguments: [
                "plan", "--config", config.path, "--output-dir", outputDirectory, "--date", formatISODate(days: runDay),
                "--log-level", workerLogLevel,
            ])
        var done = 0
        let reports = workers.run(queues, runDay: runDay, parallel: config.maxParallelQueues) { report in
            done += 1
            if let error = report.error {
                logger.error("queue \(report.name) failed: \(error)")
            } else {
                logger.info("queue \(report.name) planned in \(formatDecimal(report.seconds, places: 2)) s")
            }
            progress?.update(done: done, total: queues.count, queue: report.name, ok: report.error == nil)
        }
        progress?.finish()
        return reports
    }

    /// Attempts at creating a worker's staging folder (see `work`): the race it retries needs
    /// another process's `rmdir` to land in a microsecond window every time.
    static let stagingAttempts = 5

    /// The worker's side: plans one queue into its staging folder and writes its `QueueReport`
    /// there (the parent publishes the files). Only a failure to write the report throws.
    func work(_ queue: QueuePlanConfig) async throws {
        let staging = PlanWorkers(runFolder: runFolder, arguments: []).stagingFolder(queue.name, pid: getpid())
        // The parent (or another shard) removes `.staging` once it is empty after publishing a
        // queue; it can do so between our mkdir of `.staging` and of our own folder inside it
        // (ENOENT). Each retry creates both again; the window is a few microseconds wide.
        var attempt = 1
        while true {
            do {
                try PlanFiles.makeDirectories(staging)
                break
            } catch {
                guard attempt < Self.stagingAttempts else { throw error }
                attempt += 1
            }
        }
        let outcome = await QueuePipeline(queue: queue, runDay: runDay).run(into: staging)
        try PlanFiles.write(QueueReport(outcome).text, to: staging + "/" + QueueReport.fileName)
    }

    func totals(_ reports: [QueueReport]) -> (calls: Double, paidHours: Double, cost: Double) {
        reports.filter { $0.error == nil }.reduce((0, 0, 0)) { ($0.0 + $1.calls, $0.1 + $1.paidHours, $0.2 + $1.cost) }
    }
}
