import CallData

/// A roster under construction and its improvement by large-neighbourhood search.
///
/// - **Construction** (always feasible under the hard rules): agents with a weekly minimum first,
///   cheapest first, each takes its best week (`TourBuilder`) against the demand still uncovered.
///   Every tour keeps its agent's contract, so the result is a roster from the first second;
///   coverage is the only thing that can fall short (penalised, or reported when it is hard).
/// - **Descent**: each agent in turn gives up its week and takes its best response to the others;
///   the objective never rises.
/// - **Ruin and recreate** (Schrimpf et al. 2000; Shaw 1998): the agents working around one day
///   and time are all released, re-inserted in a random order by best response, then polished by
///   descent; the move is kept unless the objective rose.
///
/// The random choices come from a fixed-seed generator, so a given number of moves is
/// deterministic.
struct RosterSearch {
    let instance: RosterInstance
    /// `tours[a][d]`: option index agent `a` works on day `d`, or -1.
    var tours: [[Int]]
    /// Agents on the phones per day and interval.
    var covered: [[Int]]
    /// Shift costs plus `penalty` × agent-intervals short.
    var objective: Double
    var rng = SplitMix64(seed: 0x5EED_1234)

    init(_ instance: RosterInstance) {
        self.instance = instance
        tours = instance.agents.map { _ in [Int](repeating: -1, count: instance.options.count) }
        covered = instance.required.map { [Int](repeating: 0, count: $0.count) }
        objective = instance.penalty * Double(instance.required.joined().reduce(0, +))
    }

    /// Agent-intervals short.
    var shortfall: Int {
        zip(instance.required, covered).reduce(0) { s, p in s + zip(p.0, p.1).reduce(0) { $0 + max(0, $1.0 - $1.1) } }
    }

    /// The roster's cost as reported: shifts plus the user's understaffing penalty.
    var cost: Double {
        var c = 0.0
        for a in tours.indices { for (d, k) in tours[a].enumerated() where k >= 0 { c += instance.cost(a, d, k) } }
        return c + (instance.understaffingAllowed ? instance.penalty * Double(shortfall) : 0)
    }

    mutating func add(_ a: Int, _ d: Int, _ k: Int) {
        let p = instance.spreadPenalty(a)
        if p > 0 { objective -= p * Double(weekViolations(a, instance.weekIndex[d])) }
        defer { if p > 0 { objective += p * Double(weekViolations(a, instance.weekIndex[d])) } }
        tours[a][d] = k
        objective += instance.cost(a, d, k)
        for i in instance.options[d][k].covers {
            if covered[d][i] < instance.required[d][i] { objective -= instance.penalty }
            covered[d][i] += 1
        }
    }

    mutating func remove(_ a: Int, _ d: Int) {
        let k = tours[a][d]
        guard k >= 0 else { return }
        let p = instance.spreadPenalty(a)
        if p > 0 { objective -= p * Double(weekViolations(a, instance.weekIndex[d])) }
        defer { if p > 0 { objective += p * Double(weekViolations(a, instance.weekIndex[d])) } }
        tours[a][d] = -1
        objective -= instance.cost(a, d, k)
        for i in instance.options[d][k].covers {
            covered[d][i] -= 1
            if covered[d][i] < instance.required[d][i] { objective += instance.penalty }
        }
    }

    /// Value of agent `a` working option `k` on day `d` against the current coverage (a not counted).
    func value(_ a: Int, _ d: Int, _ k: Int) -> Double {
        var gain = 0.0
        for i in instance.options[d][k].covers where covered[d][i] < instance.required[d][i] {
            gain += instance.penalty
        }
        return gain - instance.cost(a, d, k)
    }

    /// Re-plans agent `a`'s weeks as its best response to the others; the old week is kept unless
    /// the new one is strictly better (`force`: always take the best, e.g. from an empty start).
    /// Returns false when a week has no tour within the contract and the rules.
    @discardableResult
    mutating func reoptimise(_ a: Int, force: Bool = false) -> Bool {
        for days in instance.daysOfWeek {
            let old = days.map { tours[a][$0] }
            for d in days { remove(a, d) }
            var oldValue = 0.0
            for (d, k) in zip(days, old) where k >= 0 { oldValue += value(a, d, k) }
            let p = instance.spreadPenalty(a)
            if p > 0 { oldValue -= p * Double(violations(a, days: days, tour: old)) }
            guard let tour = bestWeek(a, days: days) else {
                for (d, k) in zip(days, old) where k >= 0 { add(a, d, k) }
                return false
            }
            let picks = force || tour.value > oldValue + Self.improvementEpsilon ? tour.picks : old
            for (d, k) in zip(days, picks) where k >= 0 { add(a, d, k) }
        }
        return true
    }

    /// Clears agent `a` and plans its weeks afresh in order (each week after the one before it).
    @discardableResult
    mutating func replan(_ a: Int) -> Bool {
        for d in tours[a].indices { remove(a, d) }
        return reoptimise(a, force: true)
    }

    /// Start-spread violations of agent `a` in week index `w` (`RosterRules.spreadViolations`).
    func weekViolations(_ a: Int, _ w: Int) -> Int {
        let days = instance.daysOfWeek[w]
        return violations(a, days: days, tour: days.map { tours[a][$0] })
    }

    /// Violations of a week's picks (`tour[t]` on `days[t]`, -1 = free); 0 without a spread rule.
    func violations(_ a: Int, days: [Int], tour: [Int]) -> Int {
        guard let spread = instance.rules.startSpreadSeconds else { return 0 }
        let walls = zip(days, tour).filter { $0.1 >= 0 }.map { instance.options[$0.0][$0.1].wallStart }
        return RosterRules.spreadViolations(wallStarts: walls, spread: spread)
    }

    /// The frame of agent `a`'s week `days` against its other weeks (and the previous roster).
    func frame(_ a: Int, days: [Int]) -> TourBuilder.Frame {
        let inst = instance
        var frame = TourBuilder.Frame(
            dayNumbers: days.map { inst.dayNumber[$0] }, weekend: days.map { inst.isWeekend[$0] })
        frame.restSeconds = inst.restSeconds[a]
        frame.maxRun = inst.maxRun[a]
        guard let first = days.first, let last = days.last else { return frame }
        frame.lastEnd = inst.previousEnd[a]
        if let d = (0..<first).last(where: { tours[a][$0] >= 0 }) { frame.lastEnd = inst.options[d][tours[a][d]].end }
        if let d = (last + 1..<tours[a].count).first(where: { tours[a][$0] >= 0 }) {
            frame.nextStart = inst.options[d][tours[a][d]].start
        }
        var run = 0
        var day = inst.dayNumber[first] - 1
        var i = first - 1
        while i >= 0, inst.dayNumber[i] == day, tours[a][i] >= 0 {
            run += 1
            day -= 1
            i -= 1
        }
        if i < 0, day == (inst.dayNumber.first ?? 0) - 1 { run += inst.previousRun[a] }
        frame.runBefore = run
        run = 0
        day = inst.dayNumber[last] + 1
        i = last + 1
        while i < tours[a].count, inst.dayNumber[i] == day, tours[a][i] >= 0 {
            run += 1
            day += 1
            i += 1
        }
        frame.runAfter = run
        return frame
    }

    /// Agent `a`'s best week `days` against the current coverage (its own shifts there removed),
    /// within its contract and every rule; the value includes the soft spread penalty.
    ///
    /// Exact, by relaxation first: the day-by-day program over the best option of each length
    /// without rest; only when its tour breaks rest the labelled program over every (length,
    /// start, end). With a spread rule the optimum is the best over windows `[s, s + spread]`, `s`
    /// a start time of the week (hard: only starts inside; soft: starts outside pay the penalty —
    /// a week's violations are its fewest shifts outside any window); windows are tried in order
    /// of their relaxed bound and the search stops when no bound beats the best week found.
    func bestWeek(_ a: Int, days: [Int]) -> (value: Double, picks: [Int])? {
        let inst = instance
        let agent = inst.agents[a]
        let frame = self.frame(a, days: days)
        var relaxed = frame
        relaxed.restSeconds = nil
        struct Candidate {
            var choice: TourBuilder.Choice
            var wall: Int
        }
        let all: [[Candidate]] = days.map { d in
            inst.candidates[a][d].map { k in
                let o = inst.options[d][k]
                return Candidate(
                    choice: TourBuilder.Choice(
                        option: k, minutes: inst.minutes(d, k), value: value(a, d, k), start: o.start, end: o.end),
                    wall: o.wallStart)
            }
        }
        func restricted(_ penalty: (Int) -> Double?) -> [[TourBuilder.Choice]] {
            all.map { cs in
                var best: [Int: TourBuilder.Choice] = [:]
                for c in cs {
                    guard let p = penalty(c.wall) else { continue }
                    var x = c.choice
                    x.value -= p
                    if let b = best[x.minutes], b.value >= x.value { continue }
                    best[x.minutes] = x
                }
                return best.keys.sorted().compactMap { best[$0] }
            }
        }
        func keepsRest(_ picks: [Int]) -> Bool {
            var end = frame.lastEnd
            for (d, k) in zip(days, picks) where k >= 0 {
                let o = inst.options[d][k]
                if let e = end, o.start - e < inst.restSeconds[a] { return false }
                end = o.end
            }
            if let e = end, let n = frame.nextStart, n - e < inst.restSeconds[a] { return false }
            return true
        }
        // `penalty(wall)`: nil = not allowed, else the value taken off for that start.
        func finish(_ first: (value: Double, picks: [Int]), _ penalty: (Int) -> Double?) -> (
            value: Double, picks: [Int]
        )? {
            if keepsRest(first.picks) { return first }
            let choices: [[TourBuilder.Choice]] = all.map { cs in
                var best: [String: TourBuilder.Choice] = [:]
                var order: [String] = []
                for c in cs {
                    guard let p = penalty(c.wall) else { continue }
                    var x = c.choice
                    x.value -= p
                    let key = "\(x.minutes)|\(x.start)|\(x.end)"
                    if let b = best[key] {
                        if b.value >= x.value { continue }
                    } else {
                        order.append(key)
                    }
                    best[key] = x
                }
                return order.compactMap { best[$0] }
            }
            return TourBuilder.best(agent, choices: choices, frame: frame)
        }
        let free: (Int) -> Double? = { _ in 0 }
        guard let first = TourBuilder.best(agent, choices: restricted(free), frame: relaxed),
            let unanchored = finish(first, free)
        else { return nil }
        guard let spread = inst.rules.startSpreadSeconds else { return unanchored }
        let p = inst.spreadPenalty(a)
        let v = violations(a, days: days, tour: unanchored.picks)
        if v == 0 { return unanchored }
        let hard = inst.rules.startSpreadHard
        var best: (value: Double, picks: [Int])? = hard ? nil : (unanchored.value - p * Double(v), unanchored.picks)
        let walls = Set(all.joined().map(\.wall)).sorted()
        func window(_ s: Int) -> (Int) -> Double? {
            { w in w >= s && w - s <= spread ? 0 : hard ? nil : p }
        }
        var bounds: [(wall: Int, first: (value: Double, picks: [Int]))] = []
        for s in walls {
            if let r = TourBuilder.best(agent, choices: restricted(window(s)), frame: relaxed) {
                bounds.append((s, r))
            }
        }
        bounds.sort { ($0.first.value, -$0.wall) > ($1.first.value, -$1.wall) }
        for (s, r) in bounds {
            if let b = best, r.value <= b.value + Self.improvementEpsilon { break }
            guard let found = finish(r, window(s)) else { continue }
            let trueValue =
                found.value
                + (hard
                    ? 0
                    : p
                        * Double(
                            zip(days, found.picks).filter {
                                $0.1 >= 0
                                    && !(inst.options[$0.0][$0.1].wallStart >= s
                                        && inst.options[$0.0][$0.1].wallStart - s <= spread)
                            }.count - violations(a, days: days, tour: found.picks)))
            if let b = best, b.value >= trueValue { continue }
            best = (trueValue, found.picks)
        }
        return best
    }

    /// End (UTC) of agent `a`'s last shift before day `d` (the previous roster's, or `TourBuilder.noEnd`).
    func lastEnd(_ a: Int, before d: Int) -> Int {
        if let e = (0..<d).last(where: { tours[a][$0] >= 0 }) { return instance.options[e][tours[a][e]].end }
        return instance.previousEnd[a] ?? TourBuilder.noEnd
    }

    /// Whether agent `a`'s roster breaks a hard rule: rest (also after the previous roster), days
    /// in a row (also after the previous roster's run), or a hard start spread.
    func breaksRules(_ a: Int) -> Bool {
        let inst = instance
        var end = inst.previousEnd[a]
        var run = inst.previousRun[a]
        var lastDay = (inst.dayNumber.first ?? 0) - 1
        for (d, k) in tours[a].enumerated() where k >= 0 {
            let o = inst.options[d][k]
            if let e = end, o.start - e < inst.restSeconds[a] { return true }
            end = o.end
            run = inst.dayNumber[d] == lastDay + 1 ? run + 1 : 1
            lastDay = inst.dayNumber[d]
            if let cap = inst.maxRun[a], run > cap { return true }
        }
        if inst.rules.startSpreadHard {
            for w in inst.daysOfWeek.indices where weekViolations(a, w) > 0 { return true }
        }
        return false
    }

    /// Smallest objective change counted as an improvement (cost units; below any shift's cost).
    static let improvementEpsilon = 1e-7

    /// The always-feasible construction: agents with a weekly minimum first, cheapest first.
    /// Returns the agent who has no tour within the contract, if any.
    mutating func construct() -> Int? {
        let order = instance.agents.indices.sorted {
            let x = instance.agents[$0]
            let y = instance.agents[$1]
            return (x.minHoursWeek > 0 ? 0 : 1, x.costPerHour, $0) < (y.minHoursWeek > 0 ? 0 : 1, y.costPerHour, $1)
        }
        for a in order where !reoptimise(a, force: true) { return a }
        return nil
    }

    /// Best-response sweeps over all agents until none improves or `maxSweeps` ran (or `stop()` says so).
    mutating func descent(maxSweeps: Int, stop: () -> Bool = { false }) {
        for _ in 0..<maxSweeps {
            let before = objective
            for a in instance.agents.indices {
                if stop() { return }
                reoptimise(a)
            }
            if objective > before - Self.improvementEpsilon { return }
        }
    }

    @discardableResult
    /// One ruin-and-recreate move around a random day and time; returns whether the objective fell.
    mutating func ruinAndRecreate(size: Int) -> Bool {
        let days = instance.options.count
        guard days > 0 else { return false }
        let d = rng.below(days)
        let intervals = instance.required[d].count
        guard intervals > 0 else { return false }
        let i = rng.below(intervals)
        // Release the agents on the phones (or on a break) closest to interval i of day d.
        var near: [(distance: Int, tie: UInt64, agent: Int)] = []
        for a in tours.indices where tours[a][d] >= 0 {
            let covers = instance.options[d][tours[a][d]].covers
            guard let first = covers.first, let last = covers.last else { continue }
            near.append((i < first ? first - i : i > last ? i - last : 0, rng.next(), a))
        }
        // A few agents who do not work that day can join in.
        for _ in 0..<max(1, size / 4) {
            let a = rng.below(tours.count)
            if tours[a][d] < 0 { near.append((intervals, rng.next(), a)) }
        }
        near.sort { ($0.distance, $0.tie, $0.agent) < ($1.distance, $1.tie, $1.agent) }
        var released: [Int] = []
        for p in near where !released.contains(p.agent) && released.count < size { released.append(p.agent) }
        let saved = released.map { tours[$0] }
        let before = objective
        for a in released { for d in tours[a].indices { remove(a, d) } }
        // Recreate in a random order: shuffle by Fisher–Yates.
        var order = released
        for j in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(j, rng.below(j + 1)) }
        var feasible = true
        for a in order where !reoptimise(a, force: true) { feasible = false }
        for a in order where feasible { reoptimise(a) }
        if feasible && objective < before - Self.improvementEpsilon { return true }
        if feasible && objective <= before + Self.improvementEpsilon { return false }
        for a in released { for d in tours[a].indices { remove(a, d) } }
        for (a, tour) in zip(released, saved) { for (d, k) in tour.enumerated() where k >= 0 { add(a, d, k) } }
        return false
    }
}
