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
///
/// `rules` (`RosterRules`) are resolved per agent here once: rest in seconds, the consecutive-day
/// cap, and the previous roster's tail (last shift end and trailing run of days).
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
    let rules: RosterRules
    /// Calendar day (days since 1970-01-01, local) and week index (into `weeks`) of each requirement day.
    let dayNumber: [Int]
    let weekIndex: [Int]
    /// Per agent: minimum rest (seconds, 0 = none), most days in a row (`nil` = no cap), the end of
    /// the last previous-roster shift before the horizon (UTC), and the previous roster's run of
    /// days worked ending the day before the first requirement day.
    let restSeconds: [Int]
    let maxRun: [Int?]
    let previousEnd: [Int?]
    let previousRun: [Int]

    init(
        _ requirements: Requirements, templates: [ShiftTemplate], agents: [Agent], understaffingPenalty: Double?,
        rules: RosterRules = RosterRules()
    ) {
        self.requirements = requirements
        self.rules = rules
        dayNumber = requirements.days.map(\.day)
        let rest = agents.map { RestRule.minRestSeconds(agent: $0, defaultHours: rules.defaultMinRestHours) }
        restSeconds = rest
        let caps = agents.map { $0.maxConsecutiveDays.map { max(1, $0) } }
        maxRun = caps
        let options = ShiftOptions.enumerate(requirements, templates: templates)
        self.options = options
        // The previous roster's tail: shifts starting before the first requirement day (local date).
        let firstDay = requirements.days.first?.day ?? 0
        let zone = requirements.timeZone
        var lastEnd: [String: Int] = [:]
        var worked: [String: Set<Int>] = [:]
        for s in rules.previousShifts {
            let date = Self.floorDiv(s.start + zone.offset(atUTC: s.start), 86_400)
            guard date < firstDay else { continue }
            lastEnd[s.agentID] = max(lastEnd[s.agentID] ?? s.end, s.end)
            worked[s.agentID, default: []].insert(date)
        }
        // History that cannot bind is dropped, so it does not split classes: an end from which every
        // option of the horizon is rest enough away, a run without a cap.
        let earliest = options.joined().map(\.start).min()
        previousEnd = agents.indices.map { i in
            guard let e = lastEnd[agents[i].id] else { return nil }
            if let first = earliest, first - e >= rest[i] { return nil }
            return e
        }
        previousRun = agents.indices.map { i in
            let a = agents[i]
            guard caps[i] != nil else { return 0 }
            var run = 0
            while let days = worked[a.id], days.contains(firstDay - 1 - run) { run += 1 }
            return run
        }
        self.agents = agents
        let weekOf = requirements.days.map { $0.day - (CivilCalendar.isoWeekday(days: $0.day) - 1) }
        self.weekOf = weekOf
        let weeks = Array(Set(weekOf)).sorted()
        self.weeks = weeks
        weekIndex = weekOf.map { w in weeks.firstIndex(of: w) ?? 0 }
        daysOfWeek = weeks.map { w in requirements.days.indices.filter { weekOf[$0] == w } }
        isWeekend = requirements.days.map { CivilCalendar.isoWeekday(days: $0.day) >= 6 }
        required = requirements.days.map { $0.intervals.map(\.required) }
        let days = requirements.days
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

    /// Floor division (rounds toward −∞), for local dates of instants before 1970.
    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// Soft start-spread penalty of agent `a` per violation (0 when the rule is off or hard).
    func spreadPenalty(_ a: Int) -> Double {
        guard rules.startSpreadSeconds != nil, !rules.startSpreadHard else { return 0 }
        return RosterRules.startSpreadPenaltyHours * agents[a].costPerHour
    }

    /// Paid minutes of an option (the unit of the weekly hour rules).
    func minutes(_ d: Int, _ k: Int) -> Int { Int((options[d][k].paidHours * 60).rounded()) }

    /// Agents who may share one class in the aggregated program: same pool, contract, cost and candidates.
    func classKey(_ a: Int) -> String {
        let x = agents[a]
        return
            "\(x.pool)|\(x.minHoursWeek)|\(x.maxHoursWeek)|\(x.maxDaysWeek)|\(x.costPerHour)|\(x.weekendDayOff)|"
            + String(describing: x.availability?.windows.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" })
            + "|\(restSeconds[a])|\(maxRun[a] ?? 0)|\(previousEnd[a] ?? 0)|\(previousRun[a])"
    }
}
