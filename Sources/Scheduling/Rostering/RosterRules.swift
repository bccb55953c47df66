import CallData

/// The rules that make a roster livable, on top of each agent's weekly contract: minimum rest
/// between shifts, most days in a row, and stable start times within a week.
///
/// - **Rest**: next shift start − previous shift end (UTC seconds, so a DST night is as long as it
///   really is) ≥ the agent's `min_rest_hours`, else `defaultMinRestHours` (`RestRule`; 0 = off).
///   Checked across the horizon's start against `previousShifts`.
/// - **Consecutive days**: an agent's `max_consecutive_days`, counting calendar days (local dates
///   of shift starts) and the trailing run of the previous roster.
/// - **Start spread** (per agent and ISO week): the *violations* of a week are the fewest of its
///   shifts that must be dropped so that the local start times (time of day) of the others differ
///   by at most `startSpreadSeconds`. Soft: each costs `startSpreadPenaltyHours` of the agent's
///   pay in the search objective (not in the reported cost); hard: a roster must have none.
///
/// *Edge Cases*: previous shifts that start on or after the first requirement day are ignored (the
/// horizon re-plans them); agents absent from the previous roster have no history.
public struct RosterRules: Sendable {
    /// Minimum rest for agents without `min_rest_hours`, hours (0 disables).
    public var defaultMinRestHours: Double
    /// Largest spread of start times within a week, seconds; `nil` = no rule.
    public var startSpreadSeconds: Int?
    /// Whether the spread is a hard rule.
    public var startSpreadHard: Bool
    /// The previous roster's shifts (`RosterFile.read`), for rest and runs across the horizon's start.
    public var previousShifts: [RosterFile.Shift]

    /// Penalty per start-spread violation when the rule is soft: this many hours of the agent's
    /// `cost_per_hour` (so 0.5 = half an hour's pay). Chosen so that moving one shift's start is
    /// worth less than a shortfall or a longer shift, but more than ties between equal-cost weeks;
    /// measured on the 200-agent benchmark (BENCHMARKS.md, rosters people can live with).
    public static let startSpreadPenaltyHours = 0.5

    /// The default rules: 11 h rest (`RestRule.defaultHours`, repeated here as a public default), no spread rule, no history.
    public init(
        defaultMinRestHours: Double = 11, startSpreadSeconds: Int? = nil,
        startSpreadHard: Bool = false, previousShifts: [RosterFile.Shift] = []
    ) {
        self.defaultMinRestHours = defaultMinRestHours
        self.startSpreadSeconds = startSpreadSeconds
        self.startSpreadHard = startSpreadHard
        self.previousShifts = previousShifts
    }

    /// No rule at all: the rostering of contracts alone (for comparisons).
    public static let none = RosterRules(defaultMinRestHours: 0)

    /// The violations of one week: shifts minus the most whose local start times (seconds after
    /// local midnight) fit in a window of `spread` seconds. O(n²) for n ≤ 7 shifts.
    package static func spreadViolations(wallStarts: [Int], spread: Int) -> Int {
        var best = 0
        for low in wallStarts {
            let inside = wallStarts.filter { $0 >= low && $0 - low <= spread }.count
            best = max(best, inside)
        }
        return wallStarts.count - best
    }
}
