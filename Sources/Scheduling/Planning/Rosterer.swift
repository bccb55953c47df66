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
    /// A lower bound on the cost of any roster (from the aggregated program).
    public var bound: Double
    public var provenOptimal: Bool
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

/// Rosters named agents with contracts onto shifts.
///
/// **Aggregation.** Agents with the same pool, contract, cost and availability are
/// interchangeable, so the program decides how many of each class work each shift option each
/// day (integers) instead of who (binaries) — removing the symmetry that makes rostering
/// programs slow. Per class and ISO week: at most one shift per member per day, at most
/// `max_days_week` shifts per member, paid hours between the members' `min_hours_week` and
/// `max_hours_week` totals. This program is a relaxation of the individual one, so CBC's bound
/// on it is a valid lower bound for every roster.
///
/// **Disaggregation.** Each class's shifts are handed to its members, longest first, each to the
/// member with the fewest hours who is free that day and has days and hours left; when that
/// greedy split leaves a member outside their contract, a small class's split is solved exactly
/// as an assignment program (CBC, members ordered by hours to break symmetry). The split
/// keeps every shift, so the roster's cost equals the aggregate optimum. When even the exact
/// split is infeasible (the aggregate handed the class a mix of shifts no member can combine
/// within their contract), that class's members are modelled one by one — first only over the
/// shift options the previous solution used (a restricted master: those options already cover
/// the demand), then, if that fails, over every option — and the program is solved again:
/// exact where it matters, aggregated elsewhere. `timeLimit` is a deadline for the whole roster. The reported gap is CBC's gap
/// on the final program, whose bound is valid for every roster.
///
/// **Incumbent.** The cost-optimal shift plan (`ShiftPlanner`) is dealt to the cheapest classes
/// whose availability fits, then topped up for minimum hours, and passed to CBC.
public enum Rosterer {
    struct AgentClass {
        var members: [Agent]
        /// Modelled one by one (its aggregate could not be split).
        var individual = false
        var template: Agent { members[0] }
    }

    /// Rosters `agents` to cover `requirements`.
    /// - Throws: `InfeasibleScheduleError` naming the binding rule.
    public static func roster(
        _ requirements: Requirements, templates: [ShiftTemplate], agents: [Agent],
        understaffingPenalty: Double?, timeLimit: Double = 60
    ) throws -> Roster {
        let options = ShiftOptions.enumerate(requirements, templates: templates)
        let weekOf = requirements.days.map { $0.day - (CivilCalendar.isoWeekday(days: $0.day) - 1) }
        let weeks = Array(Set(weekOf)).sorted()
        let rate = Dictionary(templates.map { ($0.name, $0.costPerHour) }, uniquingKeysWith: { a, _ in a })
        func allowed(_ agent: Agent, _ o: ShiftOption) -> Bool {
            guard let availability = agent.availability else { return true }
            let weekday = CivilCalendar.isoWeekday(days: requirements.days[o.dayIndex].day)
            return availability.allows(weekday: weekday, start: o.wallStart, end: o.wallEnd)
        }
        // Hard-rule checks that can be named.
        for a in agents {
            if a.minHoursWeek > a.maxHoursWeek {
                throw InfeasibleScheduleError(
                    "agent \(a.id): min_hours_week \(formatDecimal(a.minHoursWeek)) exceeds max_hours_week \(formatDecimal(a.maxHoursWeek))"
                )
            }
            for week in weeks where a.minHoursWeek > 0 {
                let best = requirements.days.indices.filter { weekOf[$0] == week }
                    .map { d in options[d].filter { allowed(a, $0) }.map(\.paidHours).max() ?? 0 }
                    .sorted(by: >).prefix(a.maxDaysWeek).reduce(0, +)
                if best + 1e-9 < min(a.minHoursWeek, a.maxHoursWeek) {
                    throw InfeasibleScheduleError(
                        "agent \(a.id): min_hours_week \(formatDecimal(a.minHoursWeek)) cannot be met within availability "
                            + "and max_days_week \(a.maxDaysWeek) (at most \(formatDecimal(best, places: 2)) h in the week of \(formatISODate(days: week)))"
                    )
                }
            }
        }
        // Classes of interchangeable agents; members of classes whose split failed are modelled one by one.
        // The cost-optimal shift plan seeds every round's MIP start; it does not change between rounds.
        let basePlan = try? ShiftPlanner.plan(
            requirements, templates: templates, understaffingPenalty: understaffingPenalty ?? 1e6, timeLimit: 5)
        var individual = Set<String>()
        var restriction: Set<Int>? = nil  // day * 100_000 + option index, for agents modelled one by one
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(timeLimit))
        var validBound = -Double.infinity
        while true {
            var classIndex: [String: Int] = [:]
            var classes: [AgentClass] = []
            for a in agents {
                let key =
                    individual.contains(a.id)
                    ? "agent|\(a.id)"
                    : "\(a.pool)|\(a.minHoursWeek)|\(a.maxHoursWeek)|\(a.maxDaysWeek)|\(a.costPerHour)|\(a.weekendDayOff)|\(String(describing: a.availability?.windows.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }))"
                if let k = classIndex[key] {
                    classes[k].members.append(a)
                } else {
                    classIndex[key] = classes.count
                    classes.append(AgentClass(members: [a], individual: individual.contains(a.id)))
                }
            }
            let remaining = max(5, Double((deadline - clock.now).components.seconds))
            func attempt(_ restrict: Set<Int>?, boundOnly: Bool = false, limit: Double) throws -> Attempt {
                try solveClasses(
                    classes, requirements: requirements, templates: templates, plan: basePlan, agents: agents,
                    options: options,
                    weekOf: weekOf, weeks: weeks, rate: rate, understaffingPenalty: understaffingPenalty,
                    timeLimit: limit, restriction: restrict, boundOnly: boundOnly, allowed: allowed)
            }
            switch try attempt(restriction, limit: remaining) {
            case .roster(var r):
                // Bounds of restricted programs are not bounds for every roster: report the best valid one,
                // tightened with an unrestricted solve in the time that is left.
                if restriction != nil {
                    r.bound = validBound
                    let left = Double((deadline - clock.now).components.seconds)
                    if left >= 8, case .bound(let b) = try attempt(nil, boundOnly: true, limit: left - 5) {
                        r.bound = max(r.bound, b)
                    }
                    r.bound = min(r.bound, r.cost)
                    r.provenOptimal = r.gap < 1e-9
                }
                return r
            case .bound: continue  // only returned for bound-only solves
            case .unsplittable(let ids, let used, let bound):
                if restriction == nil { validBound = max(validBound, bound) }
                if restriction != nil && ids.allSatisfy(individual.contains) {
                    restriction = nil  // the restricted options were not enough: allow every option
                } else {
                    restriction = (restriction ?? []).union(used)
                }
                individual.formUnion(ids)
            }
        }
    }

    enum Attempt {
        case roster(Roster)
        /// The lower bound of a solve run only for its bound.
        case bound(Double)
        /// Agents whose class could not share its shifts, and the options (day * 100_000 + index) the solution used.
        case unsplittable([String], used: Set<Int>, bound: Double)
    }

    static func solveClasses(
        _ classes: [AgentClass], requirements: Requirements, templates: [ShiftTemplate], plan: ShiftPlan?,
        agents: [Agent],
        options: [[ShiftOption]], weekOf: [Int], weeks: [Int], rate: [String: Double],
        understaffingPenalty: Double?, timeLimit: Double, restriction: Set<Int>?, boundOnly: Bool = false,
        allowed: (Agent, ShiftOption) -> Bool
    ) throws -> Attempt {
        // Program: n[c][d][k] integer counts.
        var program = MixedIntegerProgram()
        var column: [[[Int?]]] = classes.map { cls in
            options.enumerated().map { d, dayOptions in
                dayOptions.enumerated().map { k, o in
                    allowed(cls.template, o) && (!cls.individual || restriction?.contains(d * 100_000 + k) ?? true)
                        ? Optional(0) : nil
                }
            }
        }
        for (c, cls) in classes.enumerated() {
            for d in options.indices {
                for (k, o) in options[d].enumerated() where column[c][d][k] != nil {
                    let cost = cls.template.costPerHour * (rate[o.template] ?? 1) * o.paidHours
                    column[c][d][k] = program.addColumn(upper: Double(cls.members.count), cost: cost, integer: true)
                }
            }
        }
        var slack: [[Int?]] = requirements.days.map { $0.intervals.map { _ in nil } }
        for (d, day) in requirements.days.enumerated() {
            for (i, t) in day.intervals.enumerated() where t.required > 0 {
                var terms: [(Int, Double)] = []
                for c in classes.indices {
                    for (k, o) in options[d].enumerated() where o.covers.contains(i) {
                        if let v = column[c][d][k] { terms.append((v, 1)) }
                    }
                }
                if let penalty = understaffingPenalty {
                    let s = program.addColumn(upper: Double(t.required), cost: penalty, integer: false)
                    slack[d][i] = s
                    terms.append((s, 1))
                } else if terms.isEmpty {
                    throw InfeasibleScheduleError(
                        "no agent can work \(formatWall(t.start + t.utcOffset)) (\(t.required) required): "
                            + "check availability and shift windows, or pass --allow-understaffing PENALTY")
                }
                program.addRow(terms, lower: Double(t.required))
            }
        }
        for (c, cls) in classes.enumerated() {
            let size = Double(cls.members.count)
            for d in options.indices {
                let vars = column[c][d].compactMap { $0 }
                if !vars.isEmpty { program.addRow(vars.map { ($0, 1) }, upper: size) }
            }
            for week in weeks {
                var days: [(Int, Double)] = []
                var hours: [(Int, Double)] = []
                for d in options.indices where weekOf[d] == week {
                    for (k, o) in options[d].enumerated() {
                        if let v = column[c][d][k] {
                            days.append((v, 1))
                            hours.append((v, o.paidHours))
                        }
                    }
                }
                guard !days.isEmpty else { continue }
                program.addRow(days, upper: size * Double(cls.template.maxDaysWeek))
                program.addRow(hours, lower: size * cls.template.minHoursWeek, upper: size * cls.template.maxHoursWeek)
                // Valid inequality: a member with at most D shifts of at most L paid hours who must reach `min`
                // can lose at most L·D − min hours against working every shift at L; summed over the class.
                // It keeps the aggregate from handing a class short shifts its members cannot combine.
                if cls.template.weekendDayOff {
                    var weekend: [(Int, Double)] = []
                    for d in options.indices
                    where weekOf[d] == week && CivilCalendar.isoWeekday(days: requirements.days[d].day) >= 6 {
                        for v in column[c][d] { if let v { weekend.append((v, 1)) } }
                    }
                    // each member works at most one weekend day
                    if !weekend.isEmpty { program.addRow(weekend, upper: size) }
                }
                if cls.template.minHoursWeek > 0, let longest = hours.map(\.1).max() {
                    let budget = longest * Double(cls.template.maxDaysWeek) - cls.template.minHoursWeek
                    program.addRow(hours.map { ($0.0, longest - $0.1) }, upper: size * max(0, budget))
                }
            }
        }
        let start =
            boundOnly
            ? nil
            : plan.flatMap { plan in
                incumbent(
                    requirements, plan: plan, options: options, classes: classes, column: column, slack: slack,
                    weekOf: weekOf, columnCount: program.columns.count)
            }
        let solution = program.solve(timeLimit: timeLimit, relativeGap: 1e-3, start: start)
        if boundOnly { return .bound(solution.bound) }
        if solution.values.isEmpty {
            guard solution.provenInfeasible, understaffingPenalty == nil else {
                throw InfeasibleScheduleError(
                    "the solver found no roster within \(Int(timeLimit)) s; raise --time-limit")
            }
            // Name the binding spot: re-solve with a heavy shortfall penalty and report the worst interval.
            let relaxed = try roster(
                requirements, templates: templates, agents: agents, understaffingPenalty: 1e4, timeLimit: timeLimit)
            let coverage = Coverage(requirements, worked: relaxed.assignments.map { ($0.option, 1) })
            if let worst = coverage.rows.max(by: { $0.gap < $1.gap }), worst.gap > 0 {
                throw InfeasibleScheduleError(
                    "interval \(formatWall(worst.start + worst.utcOffset)) needs \(worst.required) agents but contracts, "
                        + "availability and max days allow at most \(worst.scheduled) there (\(coverage.intervalsShort) intervals short in all): "
                        + "add agents, relax contracts, or pass --allow-understaffing PENALTY")
            }
            throw InfeasibleScheduleError(
                "no roster meets every hard rule (coverage, availability, min/max hours, max days); "
                    + "add agents, relax contracts, or pass --allow-understaffing PENALTY")
        }
        let weekend = options.indices.map { CivilCalendar.isoWeekday(days: requirements.days[$0].day) >= 6 }
        // Disaggregate to named agents, class by class.
        var assignments: [Roster.Assignment] = []
        for (c, cls) in classes.enumerated() {
            let units = options.indices.flatMap { d in
                options[d].indices.flatMap { k -> [ShiftOption] in
                    guard let v = column[c][d][k] else { return [] }
                    return Array(repeating: options[d][k], count: Int(solution.values[v]))
                }
            }
            guard !units.isEmpty else { continue }
            if let split = greedySplit(units, cls, weekOf: weekOf, weekend: weekend)
                ?? exactSplit(units, cls, weekOf: weekOf, weekend: weekend, timeLimit: min(10, timeLimit / 6))
            {
                assignments += split
            } else {
                var used = Set<Int>()
                for c in classes.indices {
                    for d in options.indices {
                        for k in options[d].indices {
                            if let v = column[c][d][k], solution.values[v] > 0.5 { used.insert(d * 100_000 + k) }
                        }
                    }
                }
                return .unsplittable(cls.members.map(\.id), used: used, bound: solution.bound)
            }
        }
        let cost =
            assignments.reduce(0.0) {
                $0 + $1.agent.costPerHour * (rate[$1.option.template] ?? 1) * $1.option.paidHours
            }
            + slack.flatMap { $0 }.compactMap { $0 }.reduce(0.0) {
                $0 + solution.values[$1] * (understaffingPenalty ?? 0)
            }
        return .roster(
            Roster(
                assignments: assignments, cost: cost, bound: min(solution.bound, cost),
                provenOptimal: solution.provenOptimal && abs(cost - solution.objective) < 1e-6))
    }

    /// Hands a class's shifts to its members: longest first, each to the member with the fewest
    /// hours that week who is free that day and has days and hours left; then repairs members
    /// below their minimum by moving a shift to them from a member with hours to spare, or by
    /// swapping a shorter shift for a longer one on a day both work. `nil` when a shift cannot be
    /// placed or the repair runs out of moves.
    static func greedySplit(_ units: [ShiftOption], _ cls: AgentClass, weekOf: [Int], weekend: [Bool]) -> [Roster
        .Assignment]?
    {
        let n = cls.members.count
        let rule = cls.template
        // owner[u] = member working unit u.
        var owner = [Int](repeating: -1, count: units.count)
        var hours: [Int: [Double]] = [:]
        var days: [Int: [Int]] = [:]
        var onDay: [Int: Int] = [:]  // member * 100_000 + dayIndex -> unit
        func week(_ u: Int) -> Int { weekOf[units[u].dayIndex] }
        var weekendDays: [Int: [Int]] = [:]  // week -> weekend days worked per member
        /// Whether `m` may take unit `u` under the weekend rule.
        func weekendAllows(_ m: Int, _ u: Int) -> Bool {
            !rule.weekendDayOff || !weekend[units[u].dayIndex] || (weekendDays[week(u)]?[m] ?? 0) == 0
        }
        func give(_ u: Int, to m: Int) {
            let w = week(u)
            if hours[w] == nil {
                hours[w] = Array(repeating: 0, count: n)
                days[w] = Array(repeating: 0, count: n)
            }
            owner[u] = m
            hours[w]![m] += units[u].paidHours
            days[w]![m] += 1
            if weekend[units[u].dayIndex] { weekendDays[w, default: Array(repeating: 0, count: n)][m] += 1 }
            onDay[m * 100_000 + units[u].dayIndex] = u
        }
        func take(_ u: Int) {
            let m = owner[u]
            let w = week(u)
            hours[w]![m] -= units[u].paidHours
            days[w]![m] -= 1
            if weekend[units[u].dayIndex] { weekendDays[w]![m] -= 1 }
            onDay[m * 100_000 + units[u].dayIndex] = nil
            owner[u] = -1
        }
        for u in units.indices.sorted(by: {
            (units[$0].paidHours, -units[$0].dayIndex) > (units[$1].paidHours, -units[$1].dayIndex)
        }) {
            let w = week(u)
            if hours[w] == nil {
                hours[w] = Array(repeating: 0, count: n)
                days[w] = Array(repeating: 0, count: n)
            }
            let candidates = (0..<n).filter { m in
                onDay[m * 100_000 + units[u].dayIndex] == nil && days[w]![m] < rule.maxDaysWeek && weekendAllows(m, u)
                    && hours[w]![m] + units[u].paidHours <= rule.maxHoursWeek + 1e-9
            }
            guard let m = candidates.min(by: { (hours[w]![$0], $0) < (hours[w]![$1], $1) }) else { return nil }
            give(u, to: m)
        }
        // Repair minimum hours.
        var budget = 20 * units.count + 100
        while budget > 0 {
            budget -= 1
            guard
                let (w, a) = hours.keys.sorted().lazy.flatMap({ w in hours[w]!.indices.lazy.map { (w, $0) } })
                    .first(where: { hours[$0.0]![$0.1] + 1e-9 < rule.minHoursWeek })
            else { break }
            var done = false
            // Move a shift from a member with spare hours to `a` on a day `a` is free.
            for u in units.indices
            where !done && week(u) == w && owner[u] != a && onDay[a * 100_000 + units[u].dayIndex] == nil {
                let b = owner[u]
                let h = units[u].paidHours
                if days[w]![a] < rule.maxDaysWeek, weekendAllows(a, u), hours[w]![a] + h <= rule.maxHoursWeek + 1e-9,
                    hours[w]![b] - h >= rule.minHoursWeek - 1e-9
                {
                    take(u)
                    give(u, to: a)
                    done = true
                }
            }
            // Swap a longer shift of another member for a shorter one of `a` on the same day.
            for x in units.indices where !done && owner[x] == a {
                for y in units.indices
                where !done && week(y) == w && owner[y] != a && units[y].dayIndex == units[x].dayIndex {
                    let b = owner[y]
                    let delta = units[y].paidHours - units[x].paidHours
                    if delta > 1e-9, hours[w]![a] + delta <= rule.maxHoursWeek + 1e-9,
                        hours[w]![b] - delta >= rule.minHoursWeek - 1e-9
                    {
                        take(x)
                        take(y)
                        give(y, to: a)
                        give(x, to: b)
                        done = true
                    }
                }
            }
            if !done { return nil }
        }
        for (_, h) in hours where h.contains(where: { $0 + 1e-9 < rule.minHoursWeek }) { return nil }
        return units.indices.map { .init(agent: cls.members[owner[$0]], option: units[$0]) }
    }

    /// The exact split: binary y[m][u] (member m works unit u), every unit once, one per member per day,
    /// and each member's weekly days and hours within the contract. `nil` when infeasible.
    static func exactSplit(_ units: [ShiftOption], _ cls: AgentClass, weekOf: [Int], weekend: [Bool], timeLimit: Double)
        -> [Roster.Assignment]?
    {
        let n = cls.members.count
        let rule = cls.template
        var program = MixedIntegerProgram()
        let y = (0..<n).map { _ in units.indices.map { _ in program.addColumn(upper: 1, cost: 0, integer: true) } }
        for u in units.indices { program.addRow((0..<n).map { (y[$0][u], 1.0) }, lower: 1, upper: 1) }
        let byDay = Dictionary(grouping: units.indices, by: { units[$0].dayIndex })
        let byWeek = Dictionary(grouping: units.indices, by: { weekOf[units[$0].dayIndex] })
        for m in 0..<n {
            for d in byDay.keys.sorted() where byDay[d]!.count > 1 {
                program.addRow(byDay[d]!.map { (y[m][$0], 1.0) }, upper: 1)
            }
            for w in byWeek.keys.sorted() {
                let us = byWeek[w]!
                program.addRow(us.map { (y[m][$0], 1.0) }, upper: Double(rule.maxDaysWeek))
                program.addRow(
                    us.map { (y[m][$0], units[$0].paidHours) }, lower: rule.minHoursWeek, upper: rule.maxHoursWeek)
                let weekendUnits = us.filter { weekend[units[$0].dayIndex] }
                if rule.weekendDayOff, weekendUnits.count > 1 {
                    program.addRow(weekendUnits.map { (y[m][$0], 1.0) }, upper: 1)
                }
            }
        }
        // Members are interchangeable: order them by total hours to cut symmetric branches.
        let hours = { (m: Int) in units.indices.map { (y[m][$0], units[$0].paidHours) } }
        for m in 0..<(n - 1) { program.addRow(hours(m) + hours(m + 1).map { ($0.0, -$0.1) }, lower: 0) }
        let solution = program.solve(timeLimit: timeLimit)
        guard !solution.values.isEmpty else { return nil }
        var out: [Roster.Assignment] = []
        for m in 0..<n {
            for u in units.indices where solution.values[y[m][u]] > 0.5 {
                out.append(.init(agent: cls.members[m], option: units[u]))
            }
        }
        return out
    }

    /// The cost-optimal shift plan dealt to the cheapest classes that can take each shift, then topped up for minimum hours.
    static func incumbent(
        _ requirements: Requirements, plan: ShiftPlan, options: [[ShiftOption]], classes: [AgentClass],
        column: [[[Int?]]], slack: [[Int?]], weekOf: [Int], columnCount: Int
    ) -> [Double]? {
        var x = [Double](repeating: 0, count: columnCount)
        var perDay = classes.map { _ in [Int](repeating: 0, count: options.count) }
        var weekHours = classes.map { _ in [Int: Double]() }
        var weekDays = classes.map { _ in [Int: Int]() }
        let order = classes.indices.sorted { classes[$0].template.costPerHour < classes[$1].template.costPerHour }
        func canTake(_ c: Int, _ d: Int, _ o: ShiftOption) -> Bool {
            let cls = classes[c]
            let size = cls.members.count
            let w = weekOf[d]
            return perDay[c][d] < size && (weekDays[c][w] ?? 0) < size * cls.template.maxDaysWeek
                && (weekHours[c][w] ?? 0) + o.paidHours <= Double(size) * cls.template.maxHoursWeek + 1e-9
        }
        func take(_ c: Int, _ d: Int, _ k: Int) {
            let o = options[d][k]
            let w = weekOf[d]
            x[column[c][d][k]!] += 1
            perDay[c][d] += 1
            weekHours[c][w, default: 0] += o.paidHours
            weekDays[c][w, default: 0] += 1
        }
        var coverage = requirements.days.map { [Double](repeating: 0, count: $0.intervals.count) }
        for e in plan.entries {
            let d = e.option.dayIndex
            guard let k = options[d].firstIndex(of: e.option) else { continue }
            for _ in 0..<e.count {
                guard let c = order.first(where: { column[$0][d][k] != nil && canTake($0, d, e.option) }) else {
                    continue
                }
                take(c, d, k)
                for i in e.option.covers { coverage[d][i] += 1 }
            }
        }
        // Minimum hours: add the longest allowed shift on free days.
        for c in classes.indices {
            let need = classes[c].template.minHoursWeek * Double(classes[c].members.count)
            for w in Set(weekOf).sorted() {
                while (weekHours[c][w] ?? 0) + 1e-9 < need {
                    var best: (d: Int, k: Int, hours: Double)? = nil
                    for d in options.indices where weekOf[d] == w {
                        for (k, o) in options[d].enumerated() where column[c][d][k] != nil && canTake(c, d, o) {
                            if best == nil || o.paidHours > best!.hours { best = (d, k, o.paidHours) }
                        }
                    }
                    guard let b = best else { return nil }
                    take(c, b.d, b.k)
                    for i in options[b.d][b.k].covers { coverage[b.d][i] += 1 }
                }
            }
        }
        for (d, day) in requirements.days.enumerated() {
            for (i, t) in day.intervals.enumerated() where Double(t.required) > coverage[d][i] {
                guard let s = slack[d][i] else { return nil }
                x[s] = Double(t.required) - coverage[d][i]
            }
        }
        return x
    }
}
