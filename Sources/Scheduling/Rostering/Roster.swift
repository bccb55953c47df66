import CallData

/// A roster: which agent works which shift option.
public struct Roster: Sendable {
    public struct Assignment: Sendable {
        public var agent: Agent
        public var option: ShiftOption
    }
    public var assignments: [Assignment]
    /// Total cost (agent rate × template rate × paid hours, plus understaffing penalties).
    public var cost: Double
    /// A lower bound on the cost of any roster (CBC's bound on the aggregated class program, a
    /// relaxation of the agent-by-agent program), so `gap` is an honest optimality gap.
    public var bound: Double
    public var provenOptimal: Bool
    /// Start-spread violations summed over agents and weeks (`RosterRules`; 0 without the rule).
    public var startSpreadViolations = 0
    public var gap: Double { cost > 0 ? max(0, cost - bound) / cost : 0 }
    public var paidHours: Double { assignments.reduce(0) { $0 + $1.option.paidHours } }

    /// `agent_id, pool, date, shift_start, shift_end, break_start, break_end, paid_hours`, one row per agent-day.
    public func csv(_ requirements: Requirements) -> CSVWriter {
        let zone = requirements.timeZone
        var w = CSVWriter(header: [
            "agent_id", "pool", "date", "shift_start", "shift_end", "break_start", "break_end", "paid_hours",
        ])
        for a in assignments.sorted(by: { ($0.option.start, $0.agent.id) < ($1.option.start, $1.agent.id) }) {
            let o = a.option
            w.writeRow([
                a.agent.id, a.agent.pool.rawValue, formatISODate(days: requirements.days[o.dayIndex].day),
                zone.iso8601(utc: o.start),
                zone.iso8601(utc: o.end), o.breakStarts.map { zone.iso8601(utc: $0) }.joined(separator: ";"),
                zip(o.breakStarts, o.breakLengths).map { zone.iso8601(utc: $0 + $1) }.joined(separator: ";"),
                formatDecimal(o.paidHours, places: 2),
            ])
        }
        return w
    }
}
