import CallData
import PropertyBased
import Testing

@testable import Scheduling

/// CBC's lean branch and bound (`MixedIntegerProgram.Effort.lean`, used by `--work-limit` rosters)
/// against brute force, and the work-limit roster on a two-week horizon.
@Suite struct LeanEffortTests {
    /// Random covering programs `min cᵀx, A x ≥ b, x ∈ {0,1,2}ⁿ`: with enough nodes lean branch and
    /// bound proves the brute-force optimum; with a handful its bound is never above it and any
    /// solution it returns is feasible and no better than it.
    @Test func leanBranchAndBoundAgainstBruteForce() async {
        let columns = Gen.int(in: 0...1).array(of: 3...3).array(of: 5...5)
        await propertyCheck(
            count: 30, input: columns, Gen.int(in: 1...9).array(of: 5...5), Gen.int(in: 1...3).array(of: 3...3)
        ) { a, cost, need in
            var program = MixedIntegerProgram()
            for c in cost { program.addColumn(upper: 2, cost: Double(c), integer: true) }
            for (i, b) in need.enumerated() {
                let terms = a.indices.filter { a[$0][i] == 1 }.map { ($0, 1.0) }
                program.addRow(terms, lower: Double(b))
            }
            // Brute force over 3⁵ integer points.
            var best = Double.infinity
            for code in 0..<243 {
                var x: [Int] = []
                var rest = code
                for _ in 0..<5 {
                    x.append(rest % 3)
                    rest /= 3
                }
                let feasible = need.indices.allSatisfy { i in a.indices.reduce(0) { $0 + a[$1][i] * x[$1] } >= need[i] }
                if feasible { best = min(best, Double(zip(x, cost).reduce(0) { $0 + $1.0 * $1.1 })) }
            }
            let exact = program.solve(timeLimit: .infinity, maxNodes: 100_000, effort: .lean)
            if best.isFinite {
                #expect(
                    exact.provenOptimal && abs(exact.objective - best) < 1e-9, "lean \(exact.objective) brute \(best)")
            } else {
                #expect(exact.provenInfeasible || exact.values.isEmpty)
            }
            for nodes in 0...3 {
                let partial = program.solve(timeLimit: .infinity, maxNodes: nodes, effort: .lean)
                if best.isFinite { #expect(partial.bound <= best + 1e-9, "bound \(partial.bound) above \(best)") }
                if !partial.values.isEmpty {
                    #expect(partial.objective >= best - 1e-9)
                    for (i, b) in need.enumerated() {
                        #expect(
                            a.indices.reduce(0.0) { $0 + Double(a[$1][i]) * partial.values[$1] } >= Double(b) - 1e-9)
                    }
                }
            }
        }
    }

    /// A two-week work-limit roster (the plan's horizon): the same roster twice, the bound below the
    /// cost, every week within the contracts, 11 h rest across the week boundary.
    @Test func twoWeekWorkLimitRosterIsDeterministicAndKeepsTheRules() throws {
        let day = [1, 2, 3, 3, 2, 2, 3, 3, 2, 1, 1, 1]
        let needs = (0..<14).map { d in d % 7 >= 5 ? day.map { max(0, $0 - 1) } : day }
        let req = Instance.requirements(needs)
        let agents =
            (0..<6).map {
                Agent(id: "c\($0)", pool: .core, minHoursWeek: 16, maxHoursWeek: 30, maxDaysWeek: 5, costPerHour: 1)
            }
            + (0..<2).map {
                Agent(
                    id: "d\($0)", pool: .onDemand, minHoursWeek: 0, maxHoursWeek: 12, maxDaysWeek: 3, costPerHour: 1.4)
            }
        func run() throws -> Roster {
            try Rosterer.roster(
                req, templates: RosterSearchTests.templates, agents: agents, understaffingPenalty: 20,
                limits: .work(units: 20))
        }
        let first = try run()
        let second = try run()
        #expect(first.cost == second.cost && first.bound == second.bound)
        #expect(
            first.assignments.map { "\($0.agent.id)@\($0.option.start)" }
                == second.assignments.map { "\($0.agent.id)@\($0.option.start)" })
        #expect(first.bound <= first.cost + 1e-9)
        for week in 0..<2 {
            let days = (week * 7)..<(week * 7 + 7)
            let mine = first.assignments.filter { days.contains($0.option.dayIndex) }
            let shifted = mine.map { a -> Roster.Assignment in
                var o = a.option
                o.dayIndex -= week * 7
                return Roster.Assignment(agent: a.agent, option: o)
            }
            let weekReq = Instance.requirements(Array(needs[days]))
            #expect(RosterSearchTests.contractViolations(shifted, agents, weekReq) == [])
        }
        for agent in agents {
            let shifts = first.assignments.filter { $0.agent.id == agent.id }.map(\.option).sorted {
                $0.start < $1.start
            }
            for (p, q) in zip(shifts, shifts.dropFirst()) { #expect(q.start - p.end >= 11 * 3600) }
        }
    }
}
