import ArgumentParser
import CallData
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `headcount plan`: the nightly job.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "The nightly job: forecast → staff → roster → coverage for every queue of a config.",
        discussion: """
            Plans the --horizon days after the run date (--date, default today in the config's time zone) from \
            history up to it, for every [[queue]] of the config, each queue in its own process (a solver that aborts \
            fails its queue only), `parallel` of them at once, into \
            DIR/YYYY-MM-DD/<queue>/{history,forecast,staffing,roster,coverage}.csv and queue.json, then \
            DIR/YYYY-MM-DD/summary.json and the DIR/latest symlink (switched last, only when every queue succeeded). \
            Every file is written atomically; the same inputs give byte-identical files (timings.json aside).
            A lock (DIR/.headcount.lock) keeps two runs apart: the second exits 4 naming the holder's pid; a lock left \
            by a dead process is taken over. One failing queue does not stop the others: summary.json says which and \
            why, and the exit status is 1 (3 when every failure is an infeasible roster).
            Sharding: --shard i/n (0 ≤ i < n) plans the queues whose FNV-1a hash mod n is i; the index also comes from \
            JOB_COMPLETION_INDEX (with --shards N), SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT or \
            AWS_BATCH_JOB_ARRAY_INDEX/AWS_BATCH_JOB_ARRAY_SIZE. Then `plan --merge DIR/YYYY-MM-DD` writes the summary \
            and switches latest once every shard is done.

            Examples:
              headcount plan --config data/plan.toml --output-dir plans --date 2025-04-06
              headcount plan --config /etc/headcount/plan.toml --output-dir /srv/plans --quiet
              headcount plan --config plan.toml --output-dir /srv/plans --shard 0/4
              JOB_COMPLETION_INDEX=2 headcount plan --config plan.toml --output-dir /srv/plans --shards 4
              headcount plan --merge /srv/plans/2025-04-06
            """
    )

    @Option(help: "Plan configuration (TOML).")
    var config: String?

    @Option(help: "Output folder (holds one folder per run date and the latest symlink).")
    var outputDir: String = "plans"

    @Option(help: "Run date YYYY-MM-DD: the plan covers the days after it (default: today in the config's time zone).")
    var date: String?

    @Option(help: "Plan only shard i of n (0-based), e.g. 0/4.")
    var shard: String?

    @Option(help: "Shard count when the index comes from JOB_COMPLETION_INDEX (or to pick the run to merge).")
    var shards: Int?

    @Option(help: "Complete a sharded run: its dated folder, e.g. plans/2025-04-06.")
    var merge: String?

    @Flag(help: "Print nothing on success (errors still go to stderr).")
    var quiet = false

    @Option(help: "Log level on stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "warning"

    /// Internal: plan only this queue into the run's staging folder and exit (`PlanWorkers` starts
    /// one such process per queue). Not for people; hidden from `--help`.
    @Option(name: .customLong("worker-queue"), help: .private)
    var workerQueue: String?

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError(
                "--log-level '\(logLevel)' is not a level; expected one of trace, debug, info, notice, warning, error, critical"
            )
        }
        if let shard, ShardSpec(argument: shard) == nil {
            throw ValidationError("--shard '\(shard)' is not i/n with 0 ≤ i < n ≤ \(ShardSpec.maximumCount), e.g. 0/4")
        }
        if let shards, !(1...ShardSpec.maximumCount).contains(shards) {
            throw ValidationError("--shards \(shards) must be between 1 and \(ShardSpec.maximumCount)")
        }
        if let date, Self.parseDate(date) == nil {
            throw ValidationError("--date '\(date)' is not a date; expected YYYY-MM-DD, e.g. 2025-04-06")
        }
        if merge != nil {
            guard config == nil, shard == nil else {
                throw ValidationError(
                    "--merge takes only the run folder (and --shards); leave out --config and --shard")
            }
        } else if config == nil {
            throw ValidationError("missing --config plan.toml (or --merge DIR/YYYY-MM-DD)")
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .warning
        let effectiveLevel = quiet ? max(level, .error) : level
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = effectiveLevel
            return handler
        }
        let logger = Logger(label: "headcount.plan")
        if let merge {
            let folder = merge.hasSuffix("/") ? String(merge.dropLast()) : merge
            let name = folder.split(separator: "/").last.map(String.init) ?? folder
            guard let day = Self.parseDate(name) else {
                throw UsageError("--merge \(merge): expected a run folder named YYYY-MM-DD, e.g. plans/2025-04-06")
            }
            let parent = PlanConfigReader.directory(of: folder)
            let run = PlanRun(
                outputDirectory: parent.isEmpty ? "." : String(parent.dropLast()), runDay: day, logger: logger,
                progress: nil)
            let result = try run.merge(shards: shards)
            try conclude(result, run: run, what: "merge")
            return
        }
        let planConfig = try PlanConfigReader.read(path: config ?? "")
        if let workerQueue {
            guard let queue = planConfig.queues.first(where: { $0.name == workerQueue }), let date,
                let day = Self.parseDate(date)
            else {
                throw UsageError(
                    "\(PlanWorkers.workerFlag) \(workerQueue): no such queue in \(config ?? ""), or no --date")
            }
            let run = PlanRun(outputDirectory: outputDir, runDay: day, logger: logger, progress: nil)
            try await run.work(queue)
            return
        }
        let shardSpec =
            try shard.flatMap(ShardSpec.init(argument:))
            ?? ShardSpec.fromEnvironment(countOverride: shards)
        let day = date.flatMap(Self.parseDate) ?? Self.today(in: planConfig.timeZone)
        var run = PlanRun(
            outputDirectory: outputDir, runDay: day, logger: logger, progress: PlanProgress.onTerminal(quiet: quiet))
        run.workerLogLevel = effectiveLevel.rawValue
        let result = try run.plan(planConfig, shard: shardSpec)
        try conclude(result, run: run, what: shardSpec.map { "shard \($0)" } ?? "plan")
    }

    /// Prints failures (always) and the one-line summary (unless quiet); throws the exit status.
    func conclude(_ result: PlanRun.Result, run: PlanRun, what: String) throws {
        for f in result.failures { printError("headcount: plan: queue \(f.queue): \(f.message)") }
        if !quiet {
            var line =
                "\(what) \(formatISODate(days: run.runDay)): \(result.planned) queue(s), \(result.failures.count) failed → \(run.runFolder)"
            if result.totals.calls > 0 {
                line +=
                    " (calls \(formatDecimal(result.totals.calls, places: 0)), paid hours \(formatDecimal(result.totals.paidHours, places: 1)), cost \(formatDecimal(result.totals.cost, places: 1)))"
            }
            if result.latestSwitched { line += "; latest → \(formatISODate(days: run.runDay))" }
            print(line)
        }
        guard !result.failures.isEmpty else { return }
        let allInfeasible = result.failures.allSatisfy { $0.status == .infeasible }
        throw UsageError(
            "\(result.failures.count) of \(result.planned) queue(s) failed; see \(run.runFolder)/summary.json",
            status: allInfeasible ? .infeasible : .badInput)
    }

    /// Days since 1970-01-01 of `YYYY-MM-DD`.
    static func parseDate(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1,
            d <= CivilCalendar.daysInMonth(year: y, month: m)
        else { return nil }
        return CivilCalendar.daysFromCivil(year: y, month: m, day: d)
    }

    /// Today's date in `zone`.
    static func today(in zone: PlanningTimeZone) -> Int {
        let now = Int(time(nil))
        return CivilCalendar.floorDivide(now + zone.offset(atUTC: now), 86_400)
    }
}
