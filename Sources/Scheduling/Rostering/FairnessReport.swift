import CallData

/// How evenly a roster spreads the unpopular work: per pool, across its agents, the minimum,
/// median, maximum and standard deviation of weekend days worked, late shifts and paid hours over
/// the whole horizon.
///
/// A **late shift** ends after `lateShiftEndSeconds` (20:00) local wall-clock time of the day it
/// starts (an overnight shift always counts). A **weekend day** is a shift on a Saturday or Sunday
/// (the local date of the requirement day it covers).
///
/// *Edge Cases*: every agent of the agents file counts, also those without a shift (so an
/// on-demand pool with idle agents shows a minimum of 0); a pool with no agent is left out. The
/// median of an even count is the mean of the middle two; the standard deviation is the
/// population one (divide by n).
/// *Postconditions*: pools in the order `core`, `on_demand`; numbers printed with fixed places,
/// so the text and JSON are byte-identical for the same roster.
public struct FairnessReport: Sendable {
    /// Summary of one measure across a pool's agents.
    public struct Spread: Sendable, Equatable {
        public var min: Double
        public var median: Double
        public var max: Double
        public var std: Double

        /// The spread of `values` (not empty).
        init(_ values: [Double]) {
            let sorted = values.sorted()
            let n = sorted.count
            min = sorted.first ?? 0
            max = sorted.last ?? 0
            median = n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
            let mean = n == 0 ? 0 : sorted.reduce(0, +) / Double(n)
            std = n == 0 ? 0 : (sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)).squareRoot()
        }
    }

    /// One pool's spreads.
    public struct Pool: Sendable {
        public var pool: Agent.Pool
        public var agents: Int
        public var weekendDays: Spread
        public var lateShifts: Spread
        public var paidHours: Spread
    }

    /// A shift is late when it ends after this time of day, seconds after local midnight (20:00:
    /// the usual start of evening premiums, e.g. German collective agreements' Spätarbeit).
    public static let lateShiftEndSeconds = 20 * 3_600
    /// `lateShiftEndSeconds` as `HH:MM`, for the report's text and JSON.
    static var lateShiftEndText: String {
        let minutes = lateShiftEndSeconds / 60
        return (minutes / 60 < 10 ? "0" : "") + "\(minutes / 60):" + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)"
    }

    public var pools: [Pool]
    /// The roster's start-spread violations (`RosterRules`).
    public var startSpreadViolations: Int

    /// The report of `roster` over `agents` on the days of `requirements`.
    public init(_ roster: Roster, agents: [Agent], requirements: Requirements) {
        var weekend: [String: Double] = [:]
        var late: [String: Double] = [:]
        var hours: [String: Double] = [:]
        for a in roster.assignments {
            let o = a.option
            let day = requirements.days.indices.contains(o.dayIndex) ? requirements.days[o.dayIndex].day : 0
            if CivilCalendar.isoWeekday(days: day) >= 6 { weekend[a.agent.id, default: 0] += 1 }
            if o.wallEnd > Self.lateShiftEndSeconds { late[a.agent.id, default: 0] += 1 }
            hours[a.agent.id, default: 0] += o.paidHours
        }
        pools = [Agent.Pool.core, .onDemand].compactMap { pool in
            let ids = agents.filter { $0.pool == pool }.map(\.id)
            guard !ids.isEmpty else { return nil }
            return Pool(
                pool: pool, agents: ids.count, weekendDays: Spread(ids.map { weekend[$0] ?? 0 }),
                lateShifts: Spread(ids.map { late[$0] ?? 0 }), paidHours: Spread(ids.map { hours[$0] ?? 0 }))
        }
        startSpreadViolations = roster.startSpreadViolations
    }

    /// One line per pool: `fairness core (150 agents, min/median/max std): weekend days 0/1/2 0.52; …`.
    public var lines: [String] {
        func f(_ s: Spread, _ places: Int) -> String {
            formatDecimal(s.min, places: places) + "/" + formatDecimal(s.median, places: places) + "/"
                + formatDecimal(s.max, places: places) + " std " + formatDecimal(s.std, places: 2)
        }
        return pools.map { p in
            "fairness \(p.pool.rawValue) (\(p.agents) agents, min/median/max): weekend days \(f(p.weekendDays, 1)); "
                + "late shifts (end after \(Self.lateShiftEndText)) \(f(p.lateShifts, 1)); paid hours \(f(p.paidHours, 2))"
        }
    }

    /// The report as JSON (fixed key order and number formats).
    public var json: String {
        func spread(_ s: Spread) -> String {
            "{\"min\": \(formatDecimal(s.min, places: 2)), \"median\": \(formatDecimal(s.median, places: 2)), "
                + "\"max\": \(formatDecimal(s.max, places: 2)), \"std\": \(formatDecimal(s.std, places: 4))}"
        }
        let body = pools.map { p in
            "    {\"pool\": \"\(p.pool.rawValue)\", \"agents\": \(p.agents),\n"
                + "     \"weekend_days\": \(spread(p.weekendDays)),\n"
                + "     \"late_shifts\": \(spread(p.lateShifts)),\n"
                + "     \"paid_hours\": \(spread(p.paidHours))}"
        }
        return
            "{\n  \"late_shift_ends_after\": \"\(Self.lateShiftEndText)\",\n  \"start_spread_violations\": \(startSpreadViolations),\n"
            + "  \"pools\": [\n" + body.joined(separator: ",\n") + "\n  ]\n}\n"
    }
}
