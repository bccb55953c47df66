import ArgumentParser
import CallData
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

            Examples:
              headcount schedule --requirements staffing.csv --shifts data/shifts.toml --output plan.csv --coverage cov.csv
              headcount schedule --requirements staffing.csv --shifts data/shifts.toml --agents data/agents.csv --output roster.csv
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

    @Option(help: "Solver time limit with its unit, e.g. 30s or 2m.")
    var timeLimit: TimeSpan = TimeSpan(seconds: 30)

    @OptionGroup var timeZone: TimeZoneOption

    func validate() throws {
        if let p = allowUnderstaffing, !(p > 0 && p <= 1_000_000) {
            throw ValidationError(
                "--allow-understaffing \(p) must be a positive cost up to 1000000 per agent-interval short")
        }
        guard timeLimit.seconds > 0 else { throw ValidationError("--time-limit must be positive, e.g. 30s") }
    }

    func run() throws {
        try checkOutputs([output, coverage], inputs: [requirements, shifts, agents])
        let zone = try timeZone.zone()
        let req = try Requirements.read(path: requirements, timeZone: zone)
        let templates = try loadInput { try ShiftFile.read(path: shifts) }
        do {
            if let agentsPath = agents {
                let staff = try loadInput { try AgentFile.read(path: agentsPath) }
                let roster = try Rosterer.roster(
                    req, templates: templates, agents: staff, understaffingPenalty: allowUnderstaffing,
                    timeLimit: Double(timeLimit.seconds))
                let cov = Coverage(req, worked: roster.assignments.map { ($0.option, 1) })
                var outputs = OutputFiles()  // plan and coverage change together or not at all
                outputs.add(roster.csv(req), to: output)
                if let coverage { outputs.add(cov.csv(), to: coverage) }
                try outputs.commit()
                printError(
                    summary(
                        paid: roster.paidHours, cost: roster.cost, coverage: cov, gap: roster.gap,
                        optimal: roster.provenOptimal))
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
