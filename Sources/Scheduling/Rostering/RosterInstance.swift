import CallData

/// Everything the roster methods share, computed once: the shift options of each day, ISO weeks,
/// the agents' candidate options and costs, and the interval demand.
///
/// **Per-agent rules.** Which options an agent may work is decided in one place,
/// `candidates[agent][day]` (availability today). Rules that only remove options (a start-time
/// window, a fixed day off) are filters here; rules that link days (minimum rest between shifts,
/// maximum consecutive days) are transitions of `TourBuilder`'s day-by-day program, which already
/// carries each agent's week as its state. Agents whose rules differ fall into different classes
/// (`classKey`), so the class program stays a relaxation.
struct RosterInstance {
    let requirements: Requirements
    let options: [[ShiftOption]]
    let agents: [Agent]
    /// ISO week (day number of its Monday) of each requirement day.
    let weekOf: [Int]
    let weeks: [Int]
    /// Day indices of each week, ascending.
    let daysOfWeek: [[Int]]
    let isWeekend: [Bool]
    /// `candidates[a][d]`: option indices of day `d` agent `a` may work.
    let candidates: [[[Int]]]
    /// Required agents per day and interval.
    let required: [[Int]]
    /// Cost per agent-interval short used by the search (the user's penalty, or a large one when
    /// coverage is a hard rule and the search must still rank rosters).
    let penalty: Double
    /// Whether understaffing is allowed (false: every roster with a shortfall is infeasible).
    let understaffingAllowed: Bool

    init(_ requirements: Requirements, templates: [ShiftTemplate], agents: [Agent], understaffingPenalty: Double?) {
        self.requirements = requirements
        options = ShiftOptions.enumerate(requirements, templates: templates)
        self.agents = agents
        let weekOf = requirements.days.map { $0.day - (CivilCalendar.isoWeekday(days: $0.day) - 1) }
        self.weekOf = weekOf
        weeks = Array(Set(weekOf)).sorted()
        daysOfWeek = weeks.map { w in requirements.days.indices.filter { weekOf[$0] == w } }
        isWeekend = requirements.days.map { CivilCalendar.isoWeekday(days: $0.day) >= 6 }
        required = requirements.days.map { $0.intervals.map(\.required) }
        let days = requirements.days
        let options = options
        // Agents of one class share their candidates: compute once per availability.
        var cache: [String: [[Int]]] = [:]
        candidates = agents.map { a in
            let key = String(
                describing: a.availability?.windows.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" })
            if let c = cache[key] { return c }
            let c = options.enumerated().map { d, dayOptions in
                dayOptions.indices.filter { k in
                    guard let availability = a.availability else { return true }
                    let o = dayOptions[k]
                    return availability.allows(
                        weekday: CivilCalendar.isoWeekday(days: days[d].day), start: o.wallStart, end: o.wallEnd)
                }
            }
            cache[key] = c
            return c
        }
        understaffingAllowed = understaffingPenalty != nil
        penalty = understaffingPenalty ?? Self.hardCoveragePenalty
    }

    /// Penalty per agent-interval short when coverage is hard: far above any shift's cost
    /// (rates are capped at 1e6 per hour by the agent reader), so the search removes shortfall first.
    static let hardCoveragePenalty = 1e9

    /// Cost of agent `a` working option `k` of day `d`: agent rate × template rate × paid hours.
    func cost(_ a: Int, _ d: Int, _ k: Int) -> Double {
        let o = options[d][k]
        return agents[a].costPerHour * o.templateCostPerHour * o.paidHours
    }

    /// Paid minutes of an option (the unit of the weekly hour rules).
    func minutes(_ d: Int, _ k: Int) -> Int { Int((options[d][k].paidHours * 60).rounded()) }

    /// Agents who may share one class in the aggregated program: same pool, contract, cost and candidates.
    func classKey(_ a: Int) -> String {
        let x = agents[a]
        return
            "\(x.pool)|\(x.minHoursWeek)|\(x.maxHoursWeek)|\(x.maxDaysWeek)|\(x.costPerHour)|\(x.weekendDayOff)|"
            + String(describing: x.availability?.windows.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" })
    }
}
