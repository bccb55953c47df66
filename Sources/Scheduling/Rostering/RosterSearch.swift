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
    var rng = SplitMix(seed: 0x5EED_1234)

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
    /// Returns false when a week has no tour within the contract.
    @discardableResult
    mutating func reoptimise(_ a: Int, force: Bool = false) -> Bool {
        let agent = instance.agents[a]
        for days in instance.daysOfWeek {
            let old = days.map { tours[a][$0] }
            for d in days { remove(a, d) }
            var oldValue = 0.0
            for (d, k) in zip(days, old) where k >= 0 { oldValue += value(a, d, k) }
            var choices: [[TourBuilder.Choice]] = []
            for d in days {
                var best: [Int: TourBuilder.Choice] = [:]
                for k in instance.candidates[a][d] {
                    let v = value(a, d, k)
                    let m = instance.minutes(d, k)
                    if let b = best[m], b.value >= v { continue }
                    best[m] = TourBuilder.Choice(option: k, minutes: m, value: v)
                }
                choices.append(best.keys.sorted().map { best[$0]! })
            }
            guard let tour = TourBuilder.best(agent, choices: choices, weekend: days.map { instance.isWeekend[$0] })
            else {
                for (d, k) in zip(days, old) where k >= 0 { add(a, d, k) }
                return false
            }
            let picks = force || tour.value > oldValue + Self.improvementEpsilon ? tour.picks : old
            for (d, k) in zip(days, picks) where k >= 0 { add(a, d, k) }
        }
        return true
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

/// SplitMix64 (Steele, Lea & Flood 2014): a small, fixed-seed generator for deterministic search.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in `0..<n` (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}
