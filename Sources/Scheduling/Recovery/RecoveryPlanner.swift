import CallData

/// The intraday recovery planner: the cheapest mix of call-ins, extensions, core overtime and
/// break moves that covers as much of a staffing gap as the contracts allow.
///
/// A set-covering mixed-integer program (the call-out model of workforce-management suites,
/// e.g. Ernst et al., "Staff scheduling and rostering: a review", EJOR 153 (2004) §3.6), solved by
/// CBC through `MixedIntegerProgram`:
///
///     minimise  P·Σ_i u_i + Σ_k cost_k·x_k + Σ_{core a,w} (rate_a·n_aw + premium·rate_a·o_aw)
///     subject to Σ_k effect_ki·x_k + u_i ≥ gap_i                    every interval i a column touches
///                Σ_{k extends shift s} x_k ≤ 1, Σ_{k moves a break of s} x_k ≤ 1, one call-in per agent and day
///                on-demand:  Σ hours_k·x_k ≤ max_hours_week − rostered,  Σ call-ins ≤ max_days_week − rostered days
///                core:       Σ hours_k·x_k ≤ n_aw + o_aw,  n_aw ≤ max_hours_week − rostered,  o_aw ≤ overtime cap
///                weekend day off, consecutive days, and rest between any two of an agent's changed shifts
///                x binary, u, n, o ≥ 0
///
/// Candidates (columns) already respect availability, the longest day, rest to the roster's other
/// shifts and the hour room; see `RecoveryContext`. `P` (the coverage penalty) is `coveragePenaltyMargin` (1) + the
/// price of taking every candidate and every overtime hour at once, so covering one more agent-interval
/// always beats any saving: coverage first, then cost. Break moves carry a tie-break price
/// `breakMoveTieBreak` so that a break moves only when that helps.
///
/// *Edge Cases*: no positive gap gives an empty plan; a solve that finds nothing within the time
/// limit falls back to no action (always feasible). An extension of a core agent becomes `extend`
/// rows up to their weekly room and `overtime` rows beyond it (split at the hour boundary, in time order).
///
/// *Postconditions*: every action passes the rules above; `RecoveryPlan`'s own postconditions hold.
public enum RecoveryPlanner {
    /// The coverage penalty's margin over the price bound, in cost units: `P = coveragePenaltyMargin +`
    /// the price of every candidate action and every overtime hour taken at once. Any margin > 0
    /// makes coverage lexicographically first; 1 keeps it well above CBC's integrality tolerance.
    public static let coveragePenaltyMargin = 1.0

    /// Price of moving a break, in cost units: a tie-break (0.001 of one agent-hour at cost 1), not a wage.
    public static let breakMoveTieBreak = 0.001

    /// Plans the recovery of `request` within `timeLimit` seconds of CBC.
    public static func plan(_ request: RecoveryRequest, timeLimit: Double = 30) -> RecoveryPlan {
        let context = RecoveryContext(request)
        let candidates = context.candidates()
        var program = MixedIntegerProgram()
        for c in candidates { program.addColumn(upper: 1, cost: c.cost, integer: true) }
        // Core agents' hours per week: normal up to max_hours_week, then overtime at the premium.
        var coreWeeks: [AgentPeriod: [Int]] = [:]
        for (k, c) in candidates.enumerated() where c.kind == .extend && request.agents[c.agent].pool == .core {
            coreWeeks[AgentPeriod(agent: request.agents[c.agent].id, period: c.week), default: []].append(k)
        }
        let agentIndex = Dictionary(request.agents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var priceBound = coveragePenaltyMargin + candidates.reduce(0) { $0 + $1.cost }
        var weekColumns: [(key: AgentPeriod, normal: Int, overtime: Int)] = []
        for key in coreWeeks.keys.sorted() {
            guard let a = agentIndex[key.agent] else { continue }
            let agent = request.agents[a]
            let room = context.hoursRoom(agent, week: key.period)
            let rate = agent.costPerHour
            let premium = max(1, request.rules.overtimePremium)
            let n = program.addColumn(upper: room.normal, cost: rate, integer: false)
            let o = program.addColumn(upper: room.overtime, cost: premium * rate, integer: false)
            priceBound += room.normal * rate + room.overtime * premium * rate
            weekColumns.append((key, n, o))
        }
        let penalty = priceBound
        // Coverage rows for every interval with a positive gap or that some column takes an agent from.
        var effectsOn: [Int: [(Int, Double)]] = [:]
        for (k, c) in candidates.enumerated() {
            for (i, d) in c.effects { effectsOn[i, default: []].append((k, Double(d))) }
        }
        var slack: [Int: Int] = [:]
        for i in effectsOn.keys.sorted() {
            let terms = effectsOn[i] ?? []
            guard context.gaps[i] > 0 || terms.contains(where: { $0.1 < 0 }) else { continue }
            let u = program.addColumn(cost: penalty, integer: false)
            slack[i] = u
            program.addRow(terms + [(u, 1)], lower: Double(context.gaps[i]))
        }
        for (key, n, o) in weekColumns {
            guard let ks = coreWeeks[key] else { continue }
            program.addRow(ks.map { ($0, candidates[$0].hours) } + [(n, -1), (o, -1)], upper: 0)
        }
        addContractRows(&program, candidates, context)
        let values: [Double]
        let solution = candidates.isEmpty ? nil : program.solve(timeLimit: timeLimit)
        if let solution, !solution.values.isEmpty {
            values = solution.values
        } else {
            values = [Double](repeating: 0, count: program.columns.count)
        }
        let chosen = candidates.indices.filter { values[$0] > 0.5 }.map { candidates[$0] }
        return result(
            chosen: chosen, context: context,
            provenOptimal: candidates.isEmpty || (solution?.provenOptimal ?? false))
    }

    /// One-per-shift, one-per-day, weekly hours and days, weekend, consecutive-day and rest rows.
    private static func addContractRows(
        _ program: inout MixedIntegerProgram, _ candidates: [RecoveryCandidate], _ context: RecoveryContext
    ) {
        let agents = context.request.agents
        func rows<Key: Hashable & Comparable>(_ keyed: [(Key, Int)], upper: (Key, [Int]) -> Double?) {
            let groups = Dictionary(grouping: keyed, by: \.0)
            for key in groups.keys.sorted() {
                guard let ks = groups[key]?.map(\.1), let bound = upper(key, ks) else { continue }
                program.addRow(ks.map { ($0, 1.0) }, upper: bound)
            }
        }
        let indexed = Array(candidates.enumerated())
        // One extension and one break move per shift; one call-in per agent and day.
        rows(indexed.filter { $0.element.kind == .extend }.map { (ShiftKey(shift: $0.element.shift ?? -1), $0.offset) })
        {
            $1.count > 1 ? 1 : nil
        }
        rows(
            indexed.filter { $0.element.kind == .moveBreak }.map {
                (ShiftKey(shift: $0.element.shift ?? -1), $0.offset)
            }
        ) { $1.count > 1 ? 1 : nil }
        let callIns = indexed.filter { $0.element.kind == .callIn }
        rows(callIns.map { (AgentPeriod(agent: agents[$0.element.agent].id, period: $0.element.day), $0.offset) }) {
            $1.count > 1 ? 1 : nil
        }
        // On-demand weekly hours (call-ins and extensions) and days (call-ins).
        let onDemand = indexed.filter { agents[$0.element.agent].pool == .onDemand && $0.element.hours > 0 }
        let byWeek = Dictionary(
            grouping: onDemand, by: { AgentPeriod(agent: agents[$0.element.agent].id, period: $0.element.week) })
        for key in byWeek.keys.sorted() {
            guard let ks = byWeek[key], let a = ks.first?.element.agent else { continue }
            let room = context.hoursRoom(agents[a], week: key.period).normal
            program.addRow(ks.map { ($0.offset, $0.element.hours) }, upper: room)
            let calls = ks.filter { $0.element.kind == .callIn }
            if !calls.isEmpty {
                let days = Double(max(0, agents[a].maxDaysWeek - context.usedDays(key.agent, week: key.period)))
                program.addRow(calls.map { ($0.offset, 1) }, upper: days)
            }
        }
        // Weekend day off: at most one of Saturday and Sunday called in (candidates exist only when the roster gives neither).
        let weekendCalls = callIns.filter {
            agents[$0.element.agent].weekendDayOff && CivilCalendar.isoWeekday(days: $0.element.day) >= 6
        }
        rows(weekendCalls.map { (AgentPeriod(agent: agents[$0.element.agent].id, period: $0.element.week), $0.offset) })
        {
            _, ks in Set(ks.map { candidates[$0].day }).count > 1 ? 1 : nil
        }
        // Consecutive days: every window of limit + 1 days holds at most `limit` worked days.
        let limited = Dictionary(grouping: callIns.filter { agents[$0.element.agent].maxConsecutiveDays != nil }) {
            $0.element.agent
        }
        for a in limited.keys.sorted() {
            guard let ks = limited[a], let limit = agents[a].maxConsecutiveDays.map({ min(max(0, $0), 366) }) else {
                continue
            }
            let days = Set(ks.map(\.element.day))
            let rostered = context.daysOf[agents[a].id] ?? []
            guard let lo = days.min(), let hi = days.max(), days.count > 1 else { continue }
            for from in (lo - limit)...hi {
                let window = from...(from + limit)
                let inside = ks.filter { window.contains($0.element.day) }
                let called = Set(inside.map(\.element.day))
                let worked = rostered.filter { window.contains($0) }.count
                guard called.count + worked > limit, called.count > 1 else { continue }
                program.addRow(inside.map { ($0.offset, 1) }, upper: Double(max(0, limit - worked)))
            }
        }
        // Rest between two changed shifts of one agent (on different days or shifts).
        let byAgent = Dictionary(grouping: indexed.filter { $0.element.kind != .moveBreak }, by: \.element.agent)
        for a in byAgent.keys.sorted() {
            guard let ks = byAgent[a], ks.count > 1 else { continue }
            let rest = context.request.rules.restSeconds(for: agents[a])
            for x in 0..<ks.count {
                for y in (x + 1)..<ks.count {
                    let p = ks[x].element
                    let q = ks[y].element
                    if p.kind == .callIn, q.kind == .callIn, p.day == q.day { continue }
                    if p.shift != nil, p.shift == q.shift { continue }
                    let now = RecoveryContext.separation(p.span, q.span)
                    guard now < rest, now < RecoveryContext.separation(p.base, q.base) else { continue }
                    program.addRow([(ks[x].offset, 1), (ks[y].offset, 1)], upper: 1)
                }
            }
        }
    }

    /// The plan of the chosen candidates: actions (core extensions split into extend and overtime),
    /// intervals after, and the reasons for what remains.
    static func result(chosen: [RecoveryCandidate], context: RecoveryContext, provenOptimal: Bool) -> RecoveryPlan {
        let request = context.request
        var actions: [RecoveryAction] = []
        var added = [Int](repeating: 0, count: request.intervals.count)
        for c in chosen { for (i, d) in c.effects { added[i] += d } }
        var coreParts: [AgentPeriod: [(start: Int, end: Int)]] = [:]
        for c in chosen {
            let agent = request.agents[c.agent]
            switch c.kind {
            case .callIn:
                actions.append(
                    RecoveryAction(
                        agentID: agent.id, kind: .callIn, start: c.span.start, end: c.span.end, paidHours: c.hours,
                        cost: c.hours * agent.costPerHour))
            case .moveBreak:
                if let b = c.newBreak {
                    actions.append(
                        RecoveryAction(
                            agentID: agent.id, kind: .moveBreak, start: b.start, end: b.end, paidHours: 0, cost: 0))
                }
            case .extend:
                if agent.pool == .core {
                    coreParts[AgentPeriod(agent: agent.id, period: c.week), default: []] += c.parts
                } else {
                    for p in c.parts {
                        let h = Double(p.end - p.start) / 3600
                        actions.append(
                            RecoveryAction(
                                agentID: agent.id, kind: .extend, start: p.start, end: p.end, paidHours: h,
                                cost: h * agent.costPerHour))
                    }
                }
            }
        }
        let agentIndex = Dictionary(request.agents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for key in coreParts.keys.sorted() {
            guard let a = agentIndex[key.agent], let parts = coreParts[key] else { continue }
            let agent = request.agents[a]
            let premium = max(1, request.rules.overtimePremium)
            var normalLeft = Int((context.hoursRoom(agent, week: key.period).normal * 3600).rounded(.down))
            for p in parts.sorted(by: { $0.start < $1.start }) {
                let normal = min(normalLeft, p.end - p.start)
                normalLeft -= normal
                if normal > 0 {
                    let h = Double(normal) / 3600
                    actions.append(
                        RecoveryAction(
                            agentID: agent.id, kind: .extend, start: p.start, end: p.start + normal, paidHours: h,
                            cost: h * agent.costPerHour))
                }
                if p.start + normal < p.end {
                    let h = Double(p.end - p.start - normal) / 3600
                    actions.append(
                        RecoveryAction(
                            agentID: agent.id, kind: .overtime, start: p.start + normal, end: p.end, paidHours: h,
                            cost: h * agent.costPerHour * premium))
                }
            }
        }
        actions.sort {
            ($0.start, $0.agentID, $0.kind.rawValue, $0.end) < ($1.start, $1.agentID, $1.kind.rawValue, $1.end)
        }
        let intervals = request.intervals.enumerated().map { i, t in
            RecoveryPlan.Interval(start: t.start, utcOffset: t.utcOffset, gap: t.gap, added: added[i])
        }
        var plan = RecoveryPlan(actions: actions, intervals: intervals, reasons: [], provenOptimal: provenOptimal)
        plan.reasons = context.reasons(plan: plan, chosen: chosen)
        return plan
    }
}

/// A rostered shift as a grouping key.
struct ShiftKey: Hashable, Comparable {
    var shift: Int
    static func < (a: ShiftKey, b: ShiftKey) -> Bool { a.shift < b.shift }
}
