import ArgumentParser
import CallData
import Foundation
import Scheduling

/// `headcount schedule`.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Optimal shift plan (or named-agent roster) covering per-interval agent requirements.",
        discussion: """
            Requirements: the staff output (uses scheduled_agents) or any CSV with interval_start,required \
            (queues are summed). Shifts: a TOML file of [[shift]] tables (name, length, start_step, earliest_start, \
            latest_end, cost_per_hour, [[shift.break]] with length, paid, window). Solved as an integer program \
            by COIN-OR CBC within --time-limit; the optimality gap is reported.
            Without --agents: a shift plan (date, shift, start, end, count, paid_hours, break_start, break_end). \
            With --agents: a roster (agent_id, pool, date, shift_start, shift_end, break_start, break_end, paid_hours). \
            --coverage writes interval_start, interval_minutes, queue, required, scheduled, gap (gap = required − scheduled; breaks count \
            as absent). A one-line summary goes to stderr. Exit 3 when a hard rule cannot be met.
            Roster rules: at least --min-rest between one shift's end and the next one's start (default 11h, EU \
            Working Time Directive art. 3 / ArbZG §5; the agents' min_rest_hours column overrides; 0h disables), \
            measured in real (UTC) time, across the horizon's start with --previous-roster; max_consecutive_days per \
            agent (also counting the previous roster's trailing run); --start-spread 2h penalises start times of one \
            agent within an ISO week that differ by more than 2h (half an hour's pay per shift outside the best \
            window), --start-spread 2h,hard forbids them. A fairness report (per pool: weekend days, late shifts \
            ending after 20:00, paid hours — min/median/max/std) goes to stderr and, with --fairness-report, to JSON.

            Examples:
              headcount schedule --requirements staffing.csv --shifts data/shifts.toml --output plan.csv --coverage cov.csv
              headcount schedule --requirements staffing.csv --shifts data/shifts.toml --agents data/agents.csv --output roster.csv
              headcount schedule --requirements next.csv --shifts data/shifts.toml --agents data/agents.csv \
                --previous-roster roster.csv --start-spread 2h --fairness-report fairness.json --output next_roster.csv
            """
    )

    @Option(help: "Requirements CSV (staff output or interval_start,required).")
    var requirements: String

    @Option(help: "Shift templates (TOML).")
    var shifts: String

    @Option(help: "Agents CSV: roster mode.")
    var agents: String?

    @Option(help: "Output CSV (written atomically).")
    var output: String

    @Option(help: "Also write coverage per interval to this CSV.")
    var coverage: String?

    @Option(help: "Allow understaffing at this cost per agent-interval short (default: coverage is a hard rule).")
    var allowUnderstaffing: Double?

    @Option(help: "Deadline for the whole command (reading, solving, writing), e.g. 10s or 2m.")
    var timeLimit: TimeSpan = TimeSpan(seconds: 30)

    @Option(
        help: ArgumentHelp(
            "Roster mode: a deterministic work budget instead of the clock (CBC nodes and search moves); "
                + "the same inputs give a byte-identical roster on any machine. --time-limit is then not applied.",
            valueName: "N"))
    var workLimit: Int?

    @Option(
        help: ArgumentHelp(
            "Roster mode: minimum rest between consecutive shifts of an agent (default 11h; 0h disables; "
                + "the agents' min_rest_hours column overrides).", valueName: "span"))
    var minRest: TimeSpan?

    @Option(
        help: ArgumentHelp(
            "Roster mode: the roster before the horizon (schedule's roster output), for rest and consecutive "
                + "days across the horizon's start.", valueName: "roster.csv"))
    var previousRoster: String?

    @Option(
        help: ArgumentHelp(
            "Roster mode: largest spread of one agent's start times within an ISO week, e.g. 2h (soft: "
                + "penalised) or 2h,hard (forbidden).", valueName: "span[,hard]"))
    var startSpread: String?

    @Option(help: ArgumentHelp("Roster mode: also write the fairness report as JSON.", valueName: "file.json"))
    var fairnessReport: String?

    @Flag(help: "No progress display (it is shown only when stderr is a terminal) and no fairness lines.")
    var quiet = false

    @OptionGroup var timeZone: TimeZoneOption

    func validate() throws {
        if let p = allowUnderstaffing, !(p > 0 && p <= 1_000_000) {
            throw ValidationError(
                "--allow-understaffing \(p) must be a positive cost up to 1000000 per agent-interval short")
        }
        guard timeLimit.seconds > 0 else { throw ValidationError("--time-limit must be positive, e.g. 30s") }
        if let n = workLimit, n < 1 {
            throw ValidationError("--work-limit \(n) must be a whole number ≥ 1 (CBC nodes and search moves)")
        }
        if workLimit != nil && agents == nil { throw ValidationError("--work-limit applies to rosters: pass --agents") }
        for (name, given) in [
            ("--min-rest", minRest != nil), ("--previous-roster", previousRoster != nil),
            ("--start-spread", startSpread != nil), ("--fairness-report", fairnessReport != nil),
        ] where given && agents == nil {
            throw ValidationError("\(name) applies to rosters: pass --agents")
        }
        if let r = minRest, Double(r.seconds) > RestRule.maxRestHours * 3_600 {
            throw ValidationError("--min-rest \(r) is longer than 48h; expected e.g. 11h, or 0h to disable")
        }
        if let text = startSpread {
            guard let s = StartSpread(argument: text) else {
                throw ValidationError(
                    "--start-spread '\(text)' is not a span with an optional ',hard'; expected e.g. 2h, 90m or 2h,hard")
            }
            guard s.seconds < 86_400 else {
                throw ValidationError(
                    "--start-spread \(TimeSpan(seconds: s.seconds)) must be shorter than a day; expected e.g. 2h or 2h,hard"
                )
            }
        }
    }

    /// The parsed `--start-spread` (checked by `validate`).
    var spread: StartSpread? { startSpread.flatMap { StartSpread(argument: $0) } }

    /// `--start-spread`: a span, optionally followed by `,hard` (or `,soft`, the default).
    struct StartSpread {
        var seconds: Int
        var hard: Bool

        init?(argument: String) {
            let parts = argument.split(separator: ",", omittingEmptySubsequences: false).map {
                String($0).trimmingWhitespace()
            }
            guard (1...2).contains(parts.count), let span = TimeSpan(parsing: parts[0]) else { return nil }
            seconds = span.seconds
            switch parts.count == 2 ? parts[1].lowercased() : "soft" {
            case "soft": hard = false
            case "hard": hard = true
            default: return nil
            }
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        try checkOutputs([output, coverage, fairnessReport], inputs: [requirements, shifts, agents, previousRoster])
        let zone = try timeZone.zone()
        let req = try Requirements.read(path: requirements, timeZone: zone)
        let templates = try loadInput { try ShiftFile.read(path: shifts) }
        do {
            if let agentsPath = agents {
                let staff = try loadInput { try AgentFile.read(path: agentsPath) }
                var rules = RosterRules(
                    defaultMinRestHours: Double(minRest?.seconds ?? Int(RestRule.defaultHours * 3_600)) / 3_600,
                    startSpreadSeconds: spread?.seconds, startSpreadHard: spread?.hard ?? false)
                if let previousRoster {
                    rules.previousShifts = try loadInput {
                        try RosterFile.read(path: previousRoster, zone: req.timeZone)
                    }
                }
                let spent = started.duration(to: clock.now)
                let spentSeconds = Double(spent.components.seconds) + Double(spent.components.attoseconds) * 1e-18
                var limits = RosterLimits.time(seconds: max(0.05, Double(timeLimit.seconds) - spentSeconds))
                if let n = workLimit { limits = .work(units: n) }
                let display = !quiet && isatty(2) == 1
                let callback: ((RosterProgress) -> Void)? = display ? { Self.showProgress($0) } : nil
                let roster = try Rosterer.roster(
                    req, templates: templates, agents: staff, understaffingPenalty: allowUnderstaffing,
                    limits: limits, rules: rules, progress: callback)
                let cov = Coverage(req, worked: roster.assignments.map { ($0.option, 1) })
                let fairness = FairnessReport(roster, agents: staff, requirements: req)
                var outputs = OutputFiles()  // roster, coverage and report change together or not at all
                outputs.add(roster.csv(req), to: output)
                if let coverage { outputs.add(cov.csv(), to: coverage) }
                if let fairnessReport { outputs.add(Array(fairness.json.utf8), to: fairnessReport) }
                try outputs.commit()
                printError(
                    summary(
                        paid: roster.paidHours, cost: roster.cost, coverage: cov, gap: roster.gap,
                        optimal: roster.provenOptimal)
                        + (startSpread != nil ? " start_spread_violations=\(roster.startSpreadViolations)" : ""))
                if !quiet { for line in fairness.lines { printError(line) } }
            } else {
                let plan = try ShiftPlanner.plan(
                    req, templates: templates, understaffingPenalty: allowUnderstaffing,
                    timeLimit: Double(timeLimit.seconds))
                let cov = Coverage(req, worked: plan.entries.map { ($0.option, $0.count) })
                var outputs = OutputFiles()  // plan and coverage change together or not at all
                outputs.add(plan.csv(req), to: output)
                if let coverage { outputs.add(cov.csv(), to: coverage) }
                try outputs.commit()
                printError(
                    summary(
                        paid: plan.paidHours, cost: plan.cost, coverage: cov, gap: plan.gap, optimal: plan.provenOptimal
                    ))
            }
        } catch let e as InfeasibleScheduleError {
            throw UsageError(e.description, status: .infeasible)
        }
    }

    /// One status line on the terminal, rewritten in place: elapsed, phase, best cost, bound, gap.
    static func showProgress(_ p: RosterProgress) {
        let gap = p.gap.isFinite ? "\(formatDecimal(p.gap * 100, places: 2))%" : "–"
        let elapsed = formatDecimal(p.elapsedSeconds, places: 1)
        let cost = p.cost.isFinite ? formatDecimal(p.cost, places: 1) : "–"
        let bound = formatDecimal(p.bound, places: 1)
        let line: String =
            "\r[" + elapsed + " s] " + p.phase + ": best " + cost + " bound " + bound + " gap " + gap + "\u{1B}[K"
        FileHandle.standardError.write((line + (p.phase == "done" ? "\n" : "")).data(using: .utf8) ?? Data())
    }

    func summary(paid: Double, cost: Double, coverage: Coverage, gap: Double, optimal: Bool) -> String {
        "paid_hours=\(formatDecimal(paid, places: 2)) cost=\(formatDecimal(cost, places: 2)) intervals_short=\(coverage.intervalsShort) "
            + "max_shortfall=\(coverage.maxShortfall) solver_gap=\(formatDecimal(gap * 100, places: 3))%\(optimal && gap < 1e-9 ? " (optimal)" : "")"
    }
}

/// Maps scheduling input problems to bad-input errors (exit 1).
func loadInput<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as SchedulingInputError {
        throw UsageError(e.description, status: .badInput)
    }
}
