import ArgumentParser
import CallData
import Scheduling

/// `headcount callout`: the intraday recovery planner.
struct CalloutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callout",
        abstract: "Recover a short day: call-ins, shift extensions, core overtime and break moves, cheapest first.",
        discussion: """
            Gap: --gap, the coverage file of `schedule` (interval_start, gap; gap > 0 = short) or any CSV with \
            interval_start and gap, or required and scheduled; or --requirements, a staffing file (staff/reforecast \
            output), whose gap against --roster (agents on the phones, breaks excluded) is computed here.
            Actions, each within availability, the weekly maximums, the longest day and the rest between shifts:
              call_in     an on-demand agent works --call-length on a day the roster leaves free (max_days_week);
              extend      a rostered shift starts earlier or ends later on the --start-step grid, up to
                          --max-day-length, within max_hours_week;
              overtime    a core agent's extension beyond max_hours_week, at --overtime-premium x cost_per_hour,
                          up to overtime_max_hours_week (agents file) or --overtime-max a week;
              move_break  a rostered break moves within its window (the --shifts template's, else 1h either side).
            One MIP (CBC) covers as much of the gap as possible first, then at the least cost.
            Output columns: agent_id, action, date, start, end, paid_hours, cost (move_break: start/end = the new \
            break). --remaining-gap: interval_start, interval_minutes, gap, added, remaining_gap.
            stderr: a summary line; when a gap remains, a warning line and why (agents per reason). Exit 0 in both cases.

            Example:
              headcount callout --roster roster.csv --gap coverage.csv --agents data/agents.csv --shifts data/shifts.toml \\
                --output actions.csv --remaining-gap rg.csv
            """
    )

    @Option(help: "The roster (schedule output) already in force.")
    var roster: String

    @Option(
        help: "Gap per interval (schedule's coverage output, or interval_start,gap). Exclusive with --requirements.")
    var gap: String?

    @Option(help: "Staffing file (required agents per interval); the gap against --roster is computed.")
    var requirements: String?

    @Option(help: "Agents CSV.")
    var agents: String

    @Option(help: "Shifts TOML: break windows of rostered shifts matching a template (else 1h either side).")
    var shifts: String?

    @Option(help: "Actions CSV (written atomically with --remaining-gap).")
    var output: String

    @Option(help: "Per-interval gap left after the actions (CSV).")
    var remainingGap: String?

    @Option(help: "Length of a call-in shift with its unit, e.g. 4h.")
    var callLength: TimeSpan = TimeSpan(seconds: RecoveryRules.defaultCallLengthSeconds)

    @Option(help: "Grid of call-in starts, extensions and break moves, from local midnight, e.g. 30m.")
    var startStep: TimeSpan = TimeSpan(seconds: RecoveryRules.defaultStepSeconds)

    @Option(help: "Longest shift after an extension (breaks included), e.g. 10h.")
    var maxDayLength: TimeSpan = TimeSpan(seconds: RecoveryRules.defaultMaxDayLengthSeconds)

    @Option(help: "Overtime price as a multiple of cost_per_hour (≥ 1).")
    var overtimePremium: Double = RecoveryRules.defaultOvertimePremium

    @Option(help: "Overtime cap per core agent and week when the agents file gives none, e.g. 8h.")
    var overtimeMax: TimeSpan = TimeSpan(seconds: Int(RecoveryRules.defaultOvertimeMaxHoursWeek * 3600))

    @Option(help: "Minimum rest between shifts when the agents file gives none, e.g. 11h (0h: only no overlap).")
    var minRest: TimeSpan = TimeSpan(seconds: Int(RecoveryRules.defaultMinRestHours * 3600))

    @Option(help: "CBC time limit, e.g. 30s.")
    var timeLimit: TimeSpan = TimeSpan(seconds: 30)

    @OptionGroup var timeZone: TimeZoneOption

    func validate() throws {
        guard (gap == nil) != (requirements == nil) else {
            throw ValidationError("give exactly one of --gap and --requirements")
        }
        guard callLength.seconds >= 1800, callLength.seconds <= 12 * 3600 else {
            throw ValidationError("--call-length must be between 30m and 12h")
        }
        guard startStep.seconds >= 300, 86_400 % startStep.seconds == 0 else {
            throw ValidationError("--start-step \(startStep) must be at least 5m and divide 24 hours, e.g. 15m or 30m")
        }
        guard maxDayLength.seconds >= 3600, maxDayLength.seconds <= 16 * 3600 else {
            throw ValidationError("--max-day-length must be between 1h and 16h, e.g. 10h")
        }
        guard overtimePremium.isFinite, overtimePremium >= 1, overtimePremium <= 10 else {
            throw ValidationError("--overtime-premium must be between 1 and 10, e.g. 1.5")
        }
        guard overtimeMax.seconds <= 168 * 3600 else { throw ValidationError("--overtime-max must be at most 168h") }
        guard minRest.seconds <= 48 * 3600 else { throw ValidationError("--min-rest must be at most 48h, e.g. 11h") }
        guard timeLimit.seconds > 0 else { throw ValidationError("--time-limit must be positive, e.g. 30s") }
    }

    func run() throws {
        let outputsList = [output] + (remainingGap.map { [$0] } ?? [])
        try checkOutputs(
            outputsList, inputs: [roster, agents] + [gap, requirements, shifts].compactMap { $0 })
        let named = try timeZone.zone()
        let staff = try loadInput { try AgentFile.read(path: agents) }
        let templates = try shifts.map { path throws(CallDataError) in try ShiftFile.read(path: path) } ?? []
        // Paid hours and ids first (their errors name the column a planner would look at first), then the shifts.
        let commitments = try Callout.readRoster(path: roster, zone: named)
        let rostered = try loadInput { try RosterFile.read(path: roster, zone: named) }
        let intervals: [RecoveryRequest.Interval]
        let intervalSeconds: Int
        let zone: PlanningTimeZone
        if let requirements {
            let req = try Requirements.read(path: requirements, timeZone: named)
            intervals = RecoveryRequest.gaps(requirements: req, shifts: rostered)
            (intervalSeconds, zone) = (req.intervalSeconds, req.timeZone)
        } else if let gap {
            let file = try Callout.readGapFile(path: gap, zone: named)
            intervals = file.gaps.map { .init(start: $0.start, utcOffset: $0.utcOffset, gap: $0.agentsShort) }
            (intervalSeconds, zone) = (file.intervalSeconds, file.timeZone)
        } else {
            throw UsageError("give exactly one of --gap and --requirements")
        }
        let rules = RecoveryRules(
            callLengthSeconds: callLength.seconds, stepSeconds: startStep.seconds,
            maxDayLengthSeconds: maxDayLength.seconds, overtimePremium: overtimePremium,
            overtimeMaxHoursWeek: Double(overtimeMax.seconds) / 3600, minRestHours: Double(minRest.seconds) / 3600)
        let request = RecoveryRequest(
            intervals: intervals, intervalSeconds: intervalSeconds, zone: zone, agents: staff, shifts: rostered,
            weekHours: commitments.weekHours, templates: templates, rules: rules)
        let plan = RecoveryPlanner.plan(request, timeLimit: Double(timeLimit.seconds))

        var w = CSVWriter(header: ["agent_id", "action", "date", "start", "end", "paid_hours", "cost"])
        for a in plan.actions {
            w.writeRow([
                a.agentID, a.kind.rawValue, LocalTime(utc: a.start, in: zone).dateText, zone.iso8601(utc: a.start),
                zone.iso8601(utc: a.end), formatDecimal(a.paidHours, places: 2), formatDecimal(a.cost, places: 2),
            ])
        }
        var outputs = OutputFiles()
        outputs.add(w, to: output)
        if let remainingGap {
            var g = CSVWriter(header: ["interval_start", "interval_minutes", "gap", "added", "remaining_gap"])
            for t in plan.intervals {
                g.writeRow([
                    zone.text(wallSeconds: t.start + t.utcOffset, utcOffset: t.utcOffset),
                    formatDecimal(Double(zone.realLength(utcStart: t.start, nominal: intervalSeconds)) / 60),
                    String(t.gap), String(t.added), String(t.remaining),
                ])
            }
            outputs.add(g, to: remainingGap)
        }
        try outputs.commit()
        func count(_ kind: RecoveryAction.Kind) -> Int { plan.actions.filter { $0.kind == kind }.count }
        printError(
            "called=\(count(.callIn)) extended=\(count(.extend)) overtime=\(count(.overtime)) "
                + "moved_breaks=\(count(.moveBreak)) paid_hours=\(formatDecimal(plan.paidHours, places: 2)) "
                + "cost=\(formatDecimal(plan.cost, places: 2)) gap_agent_intervals=\(plan.shortBefore) "
                + "still_uncovered=\(plan.uncovered)" + (plan.provenOptimal ? "" : " (not proven optimal)"))
        if plan.uncovered > 0 {
            let short = plan.intervals.filter { $0.remaining > 0 }
            printError(
                "warning: \(plan.uncovered) agent-intervals stay uncovered in \(short.count) intervals; "
                    + "why (agents, each under its most frequent reason):")
            for r in plan.reasons { printError("  \(r.line)") }
        }
    }
}
