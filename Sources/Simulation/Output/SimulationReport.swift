import CallData

/// The simulation's CSV outputs and summary line.
///
/// Interval file (one row per forecast interval and queue, in the forecast's order) and day file
/// (one row per local day and queue) share the columns `interval_start, interval_minutes, queue,
/// agents_on_duty, offered, offered_ci95, service_level, service_level_ci95, abandon_rate,
/// abandon_rate_ci95, asa_seconds, asa_seconds_ci95, occupancy, occupancy_ci95, answered,
/// abandoned, redials, erlang_service_level, erlang_abandon_rate, erlang_asa_seconds,
/// erlang_occupancy`. Counts are means per replication; `*_ci95` are 95 % half-widths (empty with
/// one replication, or where nothing was offered); `erlang_*` is what Erlang promised for the
/// same calls and agents on duty (`agents_on_duty` is the pool's time average; occupancy and
/// Erlang's figures are the pool's, shared by the queues of an interval). A day row's
/// `interval_start` is local midnight and its `interval_minutes` the day's length (1380/1500 on
/// DST days); its `agents_on_duty` is the mean over the day's open intervals.
public struct SimulationReport: Sendable {
    /// The simulation.
    public let result: SimulationResult
    /// The planning zone (for local days and offsets in timestamps).
    public let zone: PlanningTimeZone

    /// A report of `result` in `zone`.
    public init(result: SimulationResult, zone: PlanningTimeZone) {
        self.result = result
        self.zone = zone
    }

    /// Column names of both files.
    public static let header = [
        "interval_start", "interval_minutes", "queue", "agents_on_duty", "offered", "offered_ci95", "service_level",
        "service_level_ci95", "abandon_rate", "abandon_rate_ci95", "asa_seconds", "asa_seconds_ci95", "occupancy",
        "occupancy_ci95", "answered", "abandoned", "redials", "erlang_service_level", "erlang_abandon_rate",
        "erlang_asa_seconds", "erlang_occupancy",
    ]

    var scenario: SimulationScenario { result.scenario }

    /// One row per forecast interval and queue.
    public func intervals() -> CSVWriter {
        var w = CSVWriter(header: Self.header)
        let iv = scenario.intervalSeconds
        for (q, queue) in scenario.queues.enumerated() {
            for d in queue.demand {
                let p = result.promises[d.interval]
                row(
                    &w, start: scenario.origin + d.interval * iv, seconds: iv, queue: queue.name,
                    outcome: result.outcome(intervals: [d.interval], queues: [q]),
                    agents: p?.agentsOnDuty ?? 0,
                    promise: p.map { ($0.serviceLevel, $0.abandonRate, $0.asaSeconds, $0.occupancy) })
            }
        }
        return w
    }

    /// One row per local day and queue.
    public func days() -> CSVWriter {
        var w = CSVWriter(header: Self.header)
        let iv = scenario.intervalSeconds
        for (q, queue) in scenario.queues.enumerated() {
            var byDay: [(day: Int, intervals: [Int])] = []
            for d in queue.demand {
                let utc = scenario.origin + d.interval * iv
                let day = CivilCalendar.floorDivide(utc + zone.offset(atUTC: utc), 86_400)
                if byDay.last?.day == day {
                    byDay[byDay.count - 1].intervals.append(d.interval)
                } else {
                    byDay.append((day, [d.interval]))
                }
            }
            for (day, intervals) in byDay {
                let midnight = zone.utcCandidates(forWall: day * 86_400).first ?? day * 86_400
                let next = zone.utcCandidates(forWall: (day + 1) * 86_400).first ?? (day + 1) * 86_400
                let promise = result.promise(intervals: intervals)
                let agents =
                    intervals.reduce(0) { $0 + (result.promises[$1]?.agentsOnDuty ?? 0) } / Double(intervals.count)
                row(
                    &w, start: midnight, seconds: next - midnight, queue: queue.name,
                    outcome: result.outcome(intervals: intervals, queues: [q]), agents: agents,
                    promise: (promise.serviceLevel, promise.abandonRate, .nan, .nan))
            }
        }
        return w
    }

    /// "Erlang promised 80.2 % in 20 s; simulated 76.1 % ± 1.2 (abandon 3.1 % ± 0.3)" over every
    /// interval and queue.
    public func summary() -> String {
        let all = Set(scenario.queues.flatMap { $0.demand.map(\.interval) }).sorted()
        let o = result.outcome(intervals: all)
        let p = result.promise(intervals: all)
        return "Erlang promised \(percent(p.serviceLevel)) % in \(formatDecimal(scenario.targetSeconds, places: 1)) s; "
            + "simulated \(percent(o.serviceLevel.mean)) % ± \(percent(o.serviceLevel.halfWidth)) "
            + "(abandon \(percent(o.abandonRate.mean)) % ± \(percent(o.abandonRate.halfWidth)))"
    }

    func percent(_ x: Double) -> String {
        guard x.isFinite else { return "n/a" }
        let s = formatDecimal(x * 100, places: 1)
        return s.contains(".") ? s : s + ".0"
    }

    func row(
        _ w: inout CSVWriter, start: Int, seconds: Int, queue: String?, outcome o: IntervalOutcome, agents: Double,
        promise: (Double, Double, Double, Double)?
    ) {
        func v(_ x: Double, _ places: Int) -> String { x.isFinite ? formatDecimal(x, places: places) : "" }
        w.writeRow([
            zone.iso8601(utc: start), formatDecimal(Double(seconds) / 60, places: 2), queue ?? "all", v(agents, 2),
            v(o.offered.mean, 2), v(o.offered.halfWidth, 2), v(o.serviceLevel.mean, 4), v(o.serviceLevel.halfWidth, 4),
            v(o.abandonRate.mean, 4), v(o.abandonRate.halfWidth, 4), v(o.asaSeconds.mean, 2),
            v(o.asaSeconds.halfWidth, 2), v(o.occupancy.mean, 4), v(o.occupancy.halfWidth, 4), v(o.answered.mean, 2),
            v(o.abandoned.mean, 2), v(o.redials.mean, 2), v(promise?.0 ?? .nan, 4), v(promise?.1 ?? .nan, 4),
            v(promise?.2 ?? .nan, 2), v(promise?.3 ?? .nan, 4),
        ])
    }
}
