import CallData

/// A shift plan: how many agents start each shift option, with the solver's evidence.
public struct ShiftPlan: Sendable {
    public struct Entry: Sendable {
        public var option: ShiftOption
        public var count: Int
    }
    public var entries: [Entry]
    /// Agent-intervals short per day and interval (only with understaffing allowed).
    public var shortfall: [[Double]]
    /// Total cost (paid hours × rate) and the best lower bound proved, summed over days.
    public var cost: Double
    public var bound: Double
    public var provenOptimal: Bool
    /// Relative gap `(cost − bound) / cost`.
    public var gap: Double { cost > 0 ? max(0, cost - bound) / cost : 0 }
}

/// Errors a planner reports when the request cannot be met.
public struct InfeasibleScheduleError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Minimum-cost shift plan covering every interval: the set-covering integer program of
/// Dantzig (1954) with explicit break placement (one column per start × break position):
///
///     minimise Σ_c cost_c·x_c + penalty·Σ_i u_i
///     subject to Σ_{c covers i} x_c + u_i ≥ required_i,  x_c ∈ ℤ₊,  u_i ≥ 0 (u only with understaffing)
///
/// Identical columns are merged beforehand (counts, not agents, so there is no symmetry), days are
/// independent and solved one by one, and a greedy cover (most uncovered demand per unit cost)
/// is passed to CBC as the incumbent.
public enum ShiftPlanner {
    /// Plans every day of `requirements`.
    /// - Parameters:
    ///   - understaffingPenalty: cost per agent-interval short; `nil` makes coverage a hard rule.
    ///   - timeLimit: seconds for the whole plan (shared by the days).
    /// - Throws: `InfeasibleScheduleError` when an interval cannot be covered by any shift.
    public static func plan(
        _ requirements: Requirements, templates: [ShiftTemplate], understaffingPenalty: Double?,
        timeLimit: Double = 30
    ) throws -> ShiftPlan {
        let options = ShiftOptions.enumerate(requirements, templates: templates)
        var entries: [ShiftPlan.Entry] = []
        var shortfall: [[Double]] = []
        var cost = 0.0
        var bound = 0.0
        var optimal = true
        let perDay = timeLimit / Double(max(1, requirements.days.count))
        for (d, day) in requirements.days.enumerated() {
            let columns = options[d]
            let required = day.intervals.map { Double($0.required) }
            if understaffingPenalty == nil {
                for (i, r) in required.enumerated() where r > 0 && !columns.contains(where: { $0.covers.contains(i) }) {
                    let t = day.intervals[i]
                    throw InfeasibleScheduleError(
                        "no shift covers \(formatWall(t.start + t.utcOffset)) (\(Int(r)) agents required); "
                            + "widen earliest_start/latest_end or pass --allow-understaffing PENALTY")
                }
            }
            var program = MixedIntegerProgram()
            for c in columns { program.addColumn(cost: c.paidHours * c.templateCostPerHour, integer: true) }
            var slack: [Int: Int] = [:]
            if let penalty = understaffingPenalty {
                for (i, r) in required.enumerated() where r > 0 {
                    slack[i] = program.addColumn(upper: r, cost: penalty, integer: false)
                }
            }
            var covering = [[Int]](repeating: [], count: required.count)
            for (k, c) in columns.enumerated() { for i in c.covers { covering[i].append(k) } }
            for (i, r) in required.enumerated() where r > 0 {
                var terms = covering[i].map { ($0, 1.0) }
                if let s = slack[i] { terms.append((s, 1)) }
                program.addRow(terms, lower: r)
            }
            let start = greedyCover(
                columns: columns, required: required, slackColumns: slack, columnCount: program.columns.count)
            let solution = program.solve(timeLimit: perDay, start: start)
            guard !solution.values.isEmpty else {
                throw InfeasibleScheduleError(
                    "day \(formatISODate(days: day.day)): the solver found no plan within \(Int(timeLimit)) s")
            }
            for (k, c) in columns.enumerated() where solution.values[k] > 0.5 {
                entries.append(.init(option: c, count: Int(solution.values[k])))
            }
            shortfall.append(required.indices.map { i in slack[i].map { solution.values[$0] } ?? 0 })
            cost += solution.objective
            bound += min(solution.bound, solution.objective)
            optimal = optimal && solution.provenOptimal
        }
        return ShiftPlan(entries: entries, shortfall: shortfall, cost: cost, bound: bound, provenOptimal: optimal)
    }

    /// A feasible start: repeatedly add the column that covers the most remaining demand per unit cost.
    static func greedyCover(columns: [ShiftOption], required: [Double], slackColumns: [Int: Int], columnCount: Int)
        -> [Double]?
    {
        var remaining = required
        var x = [Double](repeating: 0, count: columnCount)
        while remaining.contains(where: { $0 > 0 }) {
            var best: (k: Int, score: Double)? = nil
            for (k, c) in columns.enumerated() {
                let gain = c.covers.reduce(0.0) { $0 + (remaining[$1] > 0 ? 1 : 0) }
                guard gain > 0 else { continue }
                let score = gain / max(c.paidHours * c.templateCostPerHour, 1e-9)
                if best == nil || score > best!.score { best = (k, score) }
            }
            guard let pick = best else {
                // Uncoverable demand: only feasible through slack.
                for (i, r) in remaining.enumerated() where r > 0 {
                    guard let s = slackColumns[i] else { return nil }
                    x[s] = r
                    remaining[i] = 0
                }
                break
            }
            let c = columns[pick.k]
            let times = c.covers.compactMap { remaining[$0] > 0 ? remaining[$0] : nil }.min() ?? 1
            x[pick.k] += times
            for i in c.covers { remaining[i] = max(0, remaining[i] - times) }
        }
        return x
    }
}

func formatWall(_ wall: Int) -> String {
    let day = CivilCalendar.floorDivide(wall, 86_400)
    let s = wall - day * 86_400
    return
        "\(formatISODate(days: day)) \(s / 3600 < 10 ? "0" : "")\(s / 3600):\(s / 60 % 60 < 10 ? "0" : "")\(s / 60 % 60)"
}
