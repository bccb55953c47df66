import ArgumentParser
import CallData
import Staffing

/// `headcount staff`: agents per interval of a forecast.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Agents needed per interval of a forecast (Erlang C or Erlang A).",
        discussion: """
            Reads a forecast (interval_start, [queue,] calls, [aht_seconds], …) or any interval history. \
            AHT comes from the aht_seconds column when present, else --aht. Deflection and bot containment \
            are applied first; the calls column of the output is what reaches agents. Intervals with no \
            calls need no agents (raise the floor with --min-agents).
            Each interval is staffed at its own length (interval_minutes; a partial closing slot is short). \
            Output columns: interval_start, interval_minutes, queue, calls, aht_seconds, agents, scheduled_agents, service_level, \
            asa_seconds, occupancy, abandon_rate (asa_seconds empty when unstable).

            Examples:
              headcount staff --forecast forecast.csv --aht 300 --target-sl 0.8 --target-seconds 20 --output staffing.csv
              headcount staff --forecast forecast.csv --aht 300 --model erlang-a --patience 180 --shrinkage 0.3 --output staffing.csv
            """
    )

    @Option(help: "Forecast or interval history CSV.")
    var forecast: String

    @Option(help: "Average handle time in seconds, where the file has no aht_seconds.")
    var aht: Double?

    @OptionGroup var staffing: StaffingOptions

    @Option(help: "At least this many agents in every interval of the forecast.")
    var minAgents: Int = 0

    @OptionGroup var timeZone: TimeZoneOption

    @Option(
        help: "Scenario TOML (see 'forecast --scenario'): its bot_containment / deflection apply from its 'from' time.")
    var scenario: String?

    @Option(help: "Output CSV (written atomically).")
    var output: String

    func validate() throws {
        if let aht, !(aht > 0) { throw ValidationError("--aht \(aht) must be positive seconds") }
        guard minAgents >= 0, minAgents <= 1_000_000 else {
            throw ValidationError("--min-agents \(minAgents) must be between 0 and 1000000")
        }
    }

    func run() throws {
        try checkOutputs([output], inputs: [forecast, scenario])
        var reader = try CSVReader(contentsOf: forecast)
        let history = try IntervalHistoryReader(timeZone: try timeZone.zone()).read(&reader)
        let probe = staffing.request(calls: 0, intervalSeconds: Double(history.intervalSeconds), ahtSeconds: aht ?? 1)
        do { try probe.validate() } catch { throw error.asUsageError }
        let schedule = try scenario.map { try scenarioLevers(path: $0, options: staffing, zone: try timeZone.zone()) }
        let table = try StaffingTable.build(
            history: history, options: staffing, fallbackAHT: aht, minAgents: minAgents,
            file: forecast, schedule: schedule)
        var outputs = OutputFiles()
        outputs.add(table, to: output)
        try outputs.commit()
    }
}

/// Per-interval staffing of a whole history/forecast, written as the SPEC's staffing CSV.
///
/// Each interval is staffed at its real length (the data contract): a partial 5-minute closing
/// slot of a 30-minute grid has traffic `calls × AHT / 300 s`, not `/ 1800 s` — the calls of those
/// five minutes arrive in five minutes and need that many agents while they do.
enum StaffingTable {
    static let header = [
        "interval_start", "interval_minutes", "queue", "calls", "aht_seconds", "agents", "scheduled_agents",
        "service_level", "asa_seconds", "occupancy", "abandon_rate",
    ]

    static func build(
        history: IntervalHistory, options: StaffingOptions, fallbackAHT: Double?, minAgents: Int,
        file: String, schedule: LeverSchedule? = nil
    ) throws -> CSVWriter {
        var w = CSVWriter(header: header)
        let zone = history.timeZone
        for series in history.series {
            for r in series.records {
                let start = zone.text(wallSeconds: r.wallStart, utcOffset: r.utcOffset)
                guard let aht = r.ahtSeconds ?? fallbackAHT, aht > 0 else {
                    throw UsageError("\(file): interval \(start) has no aht_seconds; pass --aht SECONDS")
                }
                let length = history.length(of: r)
                var request = options.request(calls: r.calls, intervalSeconds: Double(length), ahtSeconds: aht)
                if let schedule { request.levers = schedule.levers(at: r.start) }
                var result: StaffingResult
                do {
                    result = try StaffingSolver.solve(request)
                    if result.metrics.agents < minAgents {
                        result = try StaffingSolver.evaluate(request, agents: minAgents)
                    }
                } catch {
                    // The options were checked before: what fails now is this row's data.
                    throw UsageError("\(file): interval \(start): \(error)", status: .badInput)
                }
                let m = result.metrics
                w.writeRow([
                    start, formatDecimal(Double(length) / 60), series.queue ?? "all",
                    formatDecimal(result.callsReachingAgents),
                    formatDecimal(aht, places: 2),
                    String(m.agents), String(result.scheduledAgents), formatDecimal(m.serviceLevel, places: 6),
                    m.asaSeconds.isFinite ? formatDecimal(m.asaSeconds, places: 3) : "",
                    m.occupancy.isFinite ? formatDecimal(m.occupancy, places: 6) : "",
                    formatDecimal(m.abandonRate, places: 6),
                ])
            }
        }
        return w
    }
}
