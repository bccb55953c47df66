import ArgumentParser
import CallData
import Scheduling

/// `headcount callout`.
struct CalloutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callout",
        abstract: "Which on-demand agents to call in, and when, to fill a staffing gap (e.g. an outage surge).",
        discussion: """
            Gap: the coverage file of `schedule` (interval_start, queue, required, scheduled, gap; gap > 0 = short), \
            or any CSV with interval_start and gap, or required and scheduled. Only agents with pool on_demand are called; \
            each gets at most one call-in of --call-length per day, never on a day the roster already gives them, within \
            availability and their weekly max hours and days after the roster. Coverage first, then cost.
            Output columns: agent_id, date, shift_start, shift_end, paid_hours, intervals_covered. \
            A one-line summary goes to stderr.

            Example:
              headcount callout --roster roster.csv --gap coverage.csv --agents data/agents.csv --output calls.csv
            """
    )

    @Option(help: "The roster (schedule output) already in force.")
    var roster: String

    @Option(help: "Gap per interval (schedule's coverage output, or interval_start,gap).")
    var gap: String

    @Option(help: "Agents CSV.")
    var agents: String

    @Option(help: "Output CSV (written atomically).")
    var output: String

    @Option(help: "Length of a call-in shift with its unit, e.g. 4h.")
    var callLength: TimeSpan = TimeSpan(seconds: 4 * 3600)

    @Option(help: "Call-ins start on this grid from local midnight, with its unit, e.g. 30m.")
    var startStep: TimeSpan = TimeSpan(seconds: 1800)

    @OptionGroup var timeZone: TimeZoneOption

    func validate() throws {
        guard callLength.seconds >= 1800, callLength.seconds <= 12 * 3600 else {
            throw ValidationError("--call-length must be between 30m and 12h")
        }
        guard startStep.seconds >= 300, 86_400 % startStep.seconds == 0 else {
            throw ValidationError("--start-step \(startStep) must be at least 5m and divide 24 hours, e.g. 15m or 30m")
        }
    }

    func run() throws {
        try checkOutputs([output], inputs: [roster, gap, agents])
        let named = try timeZone.zone()
        let staff = try loadInput { try AgentFile.read(path: agents) }
        let gapFile = try Callout.readGapFile(path: gap, zone: named)
        let zone = gapFile.timeZone  // the zone the gap file's times are in (named, its offsets, or naive)
        let (gaps, interval) = (gapFile.gaps, gapFile.intervalSeconds)
        let commitments = try Callout.readRoster(path: roster, zone: named)
        let result = Callout.plan(
            gaps: gaps, intervalSeconds: interval, agents: staff, commitments: commitments, zone: zone,
            callLengthSeconds: callLength.seconds, startStepSeconds: startStep.seconds)
        var w = CSVWriter(header: ["agent_id", "date", "shift_start", "shift_end", "paid_hours", "intervals_covered"])
        for c in result.calls {
            w.writeRow([
                c.agent.id,
                LocalTime(utc: c.start, in: zone).dateText,
                zone.iso8601(utc: c.start), zone.iso8601(utc: c.end),
                formatDecimal(Double(c.end - c.start) / 3600, places: 2), String(c.covers),
            ])
        }
        var outputs = OutputFiles()
        outputs.add(w, to: output)
        try outputs.commit()
        let short = gaps.reduce(0) { $0 + max(0, $1.agentsShort) }
        printError(
            "called=\(result.calls.count) hours=\(formatDecimal(Double(result.calls.count * callLength.seconds) / 3600, places: 2)) "
                + "gap_agent_intervals=\(short) still_uncovered=\(formatDecimal(result.uncovered))")
    }
}
