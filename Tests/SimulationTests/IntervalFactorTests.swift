import CallData
import Simulation
import Staffing
import Testing

/// Per-interval levers and the answering share (1 − shrinkage): what the nightly plan hands the
/// simulation so that it sees what staffing assumed. Checked against identities (a neutral factor
/// changes nothing; a share of a roster equals the smaller roster written out by hand) and the
/// lever algebra `(1 − d)(1 − b)` of `Staffing`.
@Suite struct IntervalFactorTests {
    /// 08:00–12:00, 100 calls per half-hour at 180 s; 16 agents, five on a break 10:00–10:30.
    static func roster(levers: LoadLevers = LoadLevers()) -> SimulationScenario {
        let duty: [SimulationScenario.DutySpan] = (0..<16).flatMap { a -> [SimulationScenario.DutySpan] in
            a < 5
                ? [.init(agent: a, start: 0, end: 4 * 1800), .init(agent: a, start: 5 * 1800, end: 8 * 1800)]
                : [.init(agent: a, start: 0, end: 8 * 1800)]
        }
        return SimulationScenario(
            origin: 8 * 3600, intervalSeconds: 1800, intervalCount: 8,
            queues: [.init(name: "main", demand: (0..<8).map { .init(interval: $0, calls: 100, ahtSeconds: 180) })],
            duty: duty, patience: .exponential(meanSeconds: 300), levers: levers)
    }

    static func text(_ r: SimulationResult) -> String { SimulationReport(result: r, zone: .utc).intervals().text }

    @Test func neutralFactorsLeaveTheResultByteIdentical() async throws {
        let levers = LoadLevers(deflection: 0.1, botContainment: 0.2)
        let plain = Self.roster(levers: levers)
        var factored = plain
        factored.intervalLevers = Array(repeating: levers, count: 8)
        factored.answeringShare = Array(repeating: 1, count: 8)
        let a = await try Simulator(plain).run(replications: 8, seed: 9)
        let b = await try Simulator(factored).run(replications: 8, seed: 9)
        #expect(Self.text(a) == Self.text(b))
    }

    @Test func aPlantedLeverCutsTheOfferedLoadFromItsInterval() async throws {
        var s = Self.roster()
        // From 10:00 a bot contains 40 % and an SMS deflects 10 %: 100 × 0.9 × 0.6 = 54 calls reach agents.
        s.intervalLevers = (0..<8).map { $0 < 4 ? LoadLevers() : LoadLevers(deflection: 0.1, botContainment: 0.4) }
        let r = await try Simulator(s).run(replications: 40, seed: 21)
        let before = r.outcome(intervals: [0, 1, 2, 3]).offered
        let after = r.outcome(intervals: [4, 5, 6, 7]).offered
        #expect(abs(before.mean - 400) < 2 * before.halfWidth, "\(before)")
        #expect(abs(after.mean - 216) < 2 * after.halfWidth, "\(after)")
        #expect(abs((r.promises[3]?.calls ?? 0) - 100) < 1e-9)
        #expect(abs((r.promises[4]?.calls ?? 0) - 54) < 1e-9)
    }

    @Test func theAnsweringShareIsTheFlooredShareOfTheRosterOnDuty() async throws {
        var shrunk = Self.roster()
        shrunk.answeringShare = Array(repeating: 0.7, count: 8)
        // By hand: ⌊16 × 0.7⌋ = 11 on the phones, ⌊11 × 0.7⌋ = 7 during the break.
        var byHand = Self.roster()
        byHand.duty = (0..<11).flatMap { a -> [SimulationScenario.DutySpan] in
            a < 7
                ? [.init(agent: a, start: 0, end: 8 * 1800)]
                : [.init(agent: a, start: 0, end: 4 * 1800), .init(agent: a, start: 5 * 1800, end: 8 * 1800)]
        }
        let a = await try Simulator(shrunk).run(replications: 8, seed: 4)
        let b = await try Simulator(byHand).run(replications: 8, seed: 4)
        #expect(a.promises[0]?.agentsOnDuty == 11 && a.promises[4]?.agentsOnDuty == 7)
        #expect(Self.text(a) == Self.text(b))
        let full = await try Simulator(Self.roster()).run(replications: 8, seed: 4)
        #expect(
            a.outcome(intervals: Array(0..<8)).serviceLevel.mean
                < full.outcome(intervals: Array(0..<8)).serviceLevel.mean - 0.1)
    }

    @Test func factorsOfTheWrongLengthOrRangeAreRefused() {
        var s = Self.roster()
        s.answeringShare = [1, 1]
        #expect(throws: SimulationError.self) { try Simulator(s) }
        s.answeringShare = Array(repeating: 1.5, count: 8)
        #expect(throws: SimulationError.self) { try Simulator(s) }
        s.answeringShare = nil
        s.intervalLevers = Array(repeating: LoadLevers(deflection: 1, botContainment: 0), count: 8)
        #expect(throws: SimulationError.self) { try Simulator(s) }
    }
}
