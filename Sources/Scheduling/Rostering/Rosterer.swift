import CallData

/// Rosters named agents with contracts onto shifts, at any scale, within a deadline or a
/// deterministic work budget.
///
/// 1. **Construction** (`RosterSearch.construct`): every agent takes its best week against the
///    demand still open, within its contract — a roster that keeps every hard rule exists from
///    the first moment (coverage may fall short; it is penalised, or reported when hard).
/// 2. **Class program** (`ClassProgram`): CBC solves the aggregated program of classes of
///    interchangeable agents with weekly patterns, started from the construction. Its bound is a
///    valid lower bound for every roster; its solution is split to named agents, repaired by
///    best response where the split cannot keep a contract.
/// 3. **Improvement** (`RosterSearch.ruinAndRecreate`): large-neighbourhood search on the best
///    roster until the deadline (or the work budget) is spent, or the roster meets the bound.
///
/// Every phase keeps `RosterRules` (rest, days in a row, a hard start spread): the tours of
/// `TourBuilder` keep them, and a split or subproblem answer that breaks one is re-planned by best
/// response. The class program ignores the times of day, so it stays a relaxation of the problem
/// with the rules and its bound stays valid. A soft start spread is part of the search objective
/// (not of the reported cost); the roster counts its violations.
///
/// The reported cost is recomputed from the roster; the gap is against CBC's bound. With
/// `.time(seconds:)` the whole call ends within the limit (the class program gets about half of
/// what is left, see `classProgramShare`); with `.work(units:)` the clock is never read, and CBC
/// runs lean branch and bound (`workEffort`) so that its node limit bounds the work.
public enum Rosterer {
    /// Share of the remaining time given to CBC on the class program (the rest is for the split and
    /// the improvement). Experiment in BENCHMARKS.md (roster at scale).
    static let classProgramShare = 0.5
    /// Share of the time limit kept back for writing the outputs and process exit.
    static let outputReserve = 0.03
    /// Share of the remaining time one class subproblem may take, and the most rounds over the classes.
    static let classSubproblemShare = 0.25
    static let maxClassRounds = 4
    /// Agents released per ruin-and-recreate move: a tenth of the agents, within these bounds.
    static let neighbourhood = 4...30
    /// CBC's effort on the class program and the class subproblems under `.work(units:)`. With `.full`
    /// a node limit did not bound the work: on the 14-day, 15-minute plan roster (q00 of
    /// `benchmarks/make_plan_instance.py`, 200 agents) `--work-limit 50` took 89.5 CPU-s, 87 of them in
    /// CBC (root cuts, strong branching, heuristics); `.lean` took 10.2 CPU-s for a roster within
    /// 0.03 % of the same cost (BENCHMARKS.md, roster at scale). The time mode keeps `.full`.
    static let workEffort = MixedIntegerProgram.Effort.lean

    /// Rosters `agents` to cover `requirements` within `timeLimit` seconds.
    public static func roster(
        _ requirements: Requirements, templates: [ShiftTemplate], agents: [Agent],
        understaffingPenalty: Double?, timeLimit: Double = 60, rules: RosterRules = RosterRules()
    ) throws -> Roster {
        try roster(
            requirements, templates: templates, agents: agents, understaffingPenalty: understaffingPenalty,
            limits: .time(seconds: timeLimit), rules: rules)
    }

    /// Rosters `agents` to cover `requirements`.
    /// - Parameters:
    ///   - understaffingPenalty: cost per agent-interval short; `nil` makes coverage a hard rule.
    ///   - limits: a wall-clock limit for the whole call or a deterministic work budget.
    ///   - rules: rest, days in a row, start spread and the previous roster (default: 11 h rest).
    ///   - progress: called at each phase and about twice a second while improving.
    /// - Throws: `InfeasibleScheduleError` naming the binding rule, or the limit when no roster was found.
    public static func roster(
        _ requirements: Requirements, templates: [ShiftTemplate], agents: [Agent],
        understaffingPenalty: Double?, limits: RosterLimits, rules: RosterRules = RosterRules(),
        progress: ((RosterProgress) -> Void)? = nil
    ) throws -> Roster {
        let clock = ContinuousClock()
        let started = clock.now
        let timed: Double? = if case .time(let s) = limits { s } else { nil }
        let deadline = timed.map { started.advanced(by: .seconds(max(0, $0 * (1 - outputReserve)))) }
        func remaining() -> Double {
            guard let deadline else { return .infinity }
            let left = started.duration(to: deadline) - started.duration(to: clock.now)
            return Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18
        }
        func elapsed() -> Double {
            guard timed != nil else { return 0 }
            let e = started.duration(to: clock.now)
            return Double(e.components.seconds) + Double(e.components.attoseconds) * 1e-18
        }
        for a in agents where a.minHoursWeek > a.maxHoursWeek {
            throw InfeasibleScheduleError(
                "agent \(a.id): min_hours_week \(formatDecimal(a.minHoursWeek)) exceeds max_hours_week \(formatDecimal(a.maxHoursWeek))"
            )
        }
        let instance = RosterInstance(
            requirements, templates: templates, agents: agents, understaffingPenalty: understaffingPenalty,
            rules: rules)
        var search = RosterSearch(instance)
        if let a = search.construct() { throw unreachableMinimum(instance, agent: a) }
        search.descent(maxSweeps: 2)
        var bound = 0.0
        progress?(RosterProgress(phase: "construction", elapsedSeconds: elapsed(), cost: search.cost, bound: bound))

        // The class program, started from the construction.
        let classes = ClassProgram(instance)
        let nodes: Int? = if case .work(let units) = limits { units } else { nil }
        // A work budget counts nodes, so each node must cost about the same: lean branch and bound.
        let effort: MixedIntegerProgram.Effort = nodes == nil ? .full : workEffort
        var solution = classes.program.solve(
            timeLimit: deadline == nil ? .infinity : max(0.05, remaining() * classProgramShare),
            relativeGap: 1e-6, start: classes.start(from: search), maxNodes: nodes, effort: effort)
        // CBC 2.10 can lose a MIP start on very small programs (its preprocessing drops columns the
        // start names: "Illegal index in ClpModel::getColumnName") and then stop without a solution;
        // solve again without the start in what is left.
        if solution.values.isEmpty && !solution.provenInfeasible {
            solution = classes.program.solve(
                timeLimit: deadline == nil ? .infinity : max(0.05, remaining() * classProgramShare),
                relativeGap: 1e-6, start: nil, maxNodes: nodes, effort: effort)
        }
        if solution.bound.isFinite { bound = max(0, solution.bound) }
        if solution.provenOptimal { bound = max(bound, solution.objective) }
        var optimal = false
        if !solution.values.isEmpty {
            var split = RosterSearch(instance)
            let kept = classes.assign(
                solution.values, into: &split, limits: deadline == nil ? limits : .time(seconds: remaining()))
            split.descent(maxSweeps: 2)
            if kept && split.objective < search.objective - RosterSearch.improvementEpsilon { search = split }
            optimal =
                solution.provenOptimal && search.objective <= solution.objective + 1e-6 * max(1, solution.objective)
        }
        progress?(RosterProgress(phase: "class program", elapsedSeconds: elapsed(), cost: search.cost, bound: bound))
        // Done when the objective (cost plus soft spread penalties) meets the bound on the cost.
        func done() -> Bool { optimal || search.objective <= bound + 1e-9 * max(1, bound) }

        // Fix-and-optimise: each class re-planned exactly by CBC with the others fixed, round after round.
        // Under a work budget a class whose subproblem found nothing is not solved again (`settled`):
        // on the plan roster the 90-member class's subproblem took half the budget's CBC time in
        // rounds that gained nothing (BENCHMARKS.md, roster at scale).
        var improved = true
        var rounds = 0
        var settled = Set<Int>()
        while improved && !done() && rounds < maxClassRounds {
            improved = false
            rounds += 1
            for (c, cls) in classes.classes.enumerated() where !done() && !settled.contains(c) {
                if deadline != nil && remaining() <= 0 { break }
                let seconds = deadline == nil ? Double.infinity : max(0.05, remaining() * classSubproblemShare)
                if search.reoptimiseClass(cls.members, timeLimit: seconds, maxNodes: nodes, effort: effort) {
                    improved = true
                } else if nodes != nil {
                    settled.insert(c)
                }
                progress?(
                    RosterProgress(
                        phase: "fix-and-optimise", elapsedSeconds: elapsed(), cost: search.cost, bound: bound))
            }
        }
        if done() { optimal = true }

        // Ruin and recreate on the best roster for the time that is left.
        if !optimal {
            let size = min(max(agents.count / 10, neighbourhood.lowerBound), neighbourhood.upperBound)
            var moves = 0
            var lastReport = elapsed()
            while true {
                if case .work(let units) = limits, moves >= units { break }
                if deadline != nil && remaining() <= 0 { break }
                if search.objective <= bound + 1e-9 * max(1, bound) { break }
                search.ruinAndRecreate(size: size)
                moves += 1
                if progress != nil, timed != nil, elapsed() - lastReport >= 0.5 {
                    lastReport = elapsed()
                    progress?(
                        RosterProgress(
                            phase: "improvement", elapsedSeconds: lastReport, cost: search.cost, bound: bound))
                }
            }
        }
        let cost = search.cost
        bound = min(bound, cost)
        progress?(RosterProgress(phase: "done", elapsedSeconds: elapsed(), cost: cost, bound: bound))
        if !instance.understaffingAllowed && search.shortfall > 0 {
            throw noCoveringRoster(instance, search, solution: solution, limits: limits)
        }
        var assignments: [Roster.Assignment] = []
        for (a, tour) in search.tours.enumerated() {
            for (d, k) in tour.enumerated() where k >= 0 {
                assignments.append(.init(agent: agents[a], option: instance.options[d][k]))
            }
        }
        let violations = instance.weeks.indices.reduce(0) { s, w in
            s + agents.indices.reduce(0) { $0 + search.weekViolations($1, w) }
        }
        return Roster(
            assignments: assignments, cost: cost, bound: bound,
            provenOptimal: optimal || search.objective <= bound + 1e-9 * max(1, bound),
            startSpreadViolations: violations)
    }

    /// The error for an agent whose weekly minimum no week of shifts can reach.
    static func unreachableMinimum(_ instance: RosterInstance, agent a: Int) -> InfeasibleScheduleError {
        let agent = instance.agents[a]
        for (w, days) in zip(instance.weeks, instance.daysOfWeek) {
            let best = days.map { d in instance.candidates[a][d].map { instance.options[d][$0].paidHours }.max() ?? 0 }
                .sorted(by: >).prefix(max(0, agent.maxDaysWeek)).reduce(0, +)
            if best + 1e-9 < agent.minHoursWeek {
                return InfeasibleScheduleError(
                    "agent \(agent.id): min_hours_week \(formatDecimal(agent.minHoursWeek)) cannot be met within availability "
                        + "and max_days_week \(agent.maxDaysWeek) (at most \(formatDecimal(best, places: 2)) h in the week of \(formatISODate(days: w)))"
                )
            }
        }
        return InfeasibleScheduleError(
            "agent \(agent.id): no week of shifts keeps min_hours_week \(formatDecimal(agent.minHoursWeek)), "
                + "max_hours_week \(formatDecimal(agent.maxHoursWeek)), max_days_week \(agent.maxDaysWeek)"
                + "\(agent.weekendDayOff ? " and weekend_day_off" : "") with the shift lengths available"
                + rulesNote(instance, a))
    }

    /// The day-linking rules of agent `a` that may also bind, for error messages (empty when none).
    static func rulesNote(_ instance: RosterInstance, _ a: Int) -> String {
        var parts: [String] = []
        if instance.restSeconds[a] > 0 {
            parts.append("\(formatDecimal(Double(instance.restSeconds[a]) / 3_600, places: 2)) h rest between shifts")
        }
        if let cap = instance.maxRun[a] { parts.append("max_consecutive_days \(cap)") }
        if instance.rules.startSpreadHard, let s = instance.rules.startSpreadSeconds {
            parts.append("a hard start spread of \(formatDecimal(Double(s) / 3_600, places: 2)) h")
        }
        if instance.previousEnd[a] != nil { parts.append("the previous roster") }
        let closing = ")"
        return parts.isEmpty ? "" : " (also binding: " + parts.joined(separator: ", ") + closing
    }

    /// The error when coverage is hard and the best roster found still leaves intervals short.
    static func noCoveringRoster(
        _ instance: RosterInstance, _ search: RosterSearch, solution: MixedIntegerProgram.Solution, limits: RosterLimits
    ) -> InfeasibleScheduleError {
        var worst: (d: Int, i: Int, short: Int)? = nil
        for d in instance.required.indices {
            for (i, r) in instance.required[d].enumerated() where r - search.covered[d][i] > (worst?.short ?? 0) {
                worst = (d, i, r - search.covered[d][i])
            }
        }
        let spot =
            worst.map { w -> String in
                let t = instance.requirements.days[w.d].intervals[w.i]
                return
                    "interval \(formatWall(t.start + t.utcOffset)) needs \(t.required) agents, the best roster has \(search.covered[w.d][w.i])"
            } ?? "some intervals are short"
        if solution.provenInfeasible {
            return InfeasibleScheduleError(
                "no roster meets every hard rule (coverage, availability, min/max hours, max days): CBC proved it; "
                    + "\(spot) (\(search.shortfall) agent-intervals short in all): add agents, relax contracts, "
                    + "or pass --allow-understaffing PENALTY")
        }
        let limit: String =
            switch limits {
            case .time(let s): "within the --time-limit of \(formatDecimal(s, places: 1)) s"
            case .work(let n): "within the --work-limit of \(n)"
            }
        return InfeasibleScheduleError(
            "no roster covering every interval was found \(limit) (\(spot), \(search.shortfall) agent-intervals short "
                + "in all; not proved impossible): raise the limit or pass --allow-understaffing PENALTY")
    }
}
