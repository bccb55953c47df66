import CallData
import Foundation
import Simulation
import Testing

/// Planted facts: behaviours the simulation must show, each checked against a second run or a
/// known identity rather than against its own earlier output.
@Suite struct PlantedFactTests {
    /// 99.9 % / 95 % t quantiles for 19 degrees of freedom: a difference of two independent
    /// estimates is "within CI" when below 3.883/2.093 × √(h₁² + h₂²) (h = 95 % half-widths).
    static let widen = 3.883 / 2.093

    static func base(_ handle: HandleTimeDistribution) -> StationaryScenario {
        StationaryScenario(
            calls: 200, intervalSeconds: 1800, ahtSeconds: 180, agents: 22, patience: .exponential(meanSeconds: 120),
            handleTime: handle, warmUp: 2, measured: 10)
    }

    func run(_ s: StationaryScenario, replications: Int = 20) async throws -> IntervalOutcome {
        let r = await try Simulator(s.scenario).run(replications: replications, seed: 7)
        return r.outcome(intervals: s.measuredIntervals)
    }

    @Test func lognormalWithCVOneMatchesExponential() async throws {
        let e = try await run(Self.base(.exponential))
        let l = try await run(Self.base(.lognormal(cv: 1)))
        let tolerance = Self.widen * (e.serviceLevel.halfWidth.squared + l.serviceLevel.halfWidth.squared).squareRoot()
        #expect(abs(e.serviceLevel.mean - l.serviceLevel.mean) <= tolerance, "\(e.serviceLevel) vs \(l.serviceLevel)")
        let tolAb = Self.widen * (e.abandonRate.halfWidth.squared + l.abandonRate.halfWidth.squared).squareRoot()
        #expect(abs(e.abandonRate.mean - l.abandonRate.mean) <= tolAb)
    }

    @Test func lessVariableHandleTimesGiveAHigherServiceLevel() async throws {
        // A busy queue (8.5 Erlangs on 10 agents, patient callers), where waiting depends most on
        // handle-time variability.
        func queue(_ h: HandleTimeDistribution) -> StationaryScenario {
            StationaryScenario(
                calls: 340, intervalSeconds: 1800, ahtSeconds: 45, agents: 10, patience: .exponential(meanSeconds: 600),
                handleTime: h, warmUp: 2, measured: 10)
        }
        let e = try await run(queue(.exponential))
        let half = try await run(queue(.lognormal(cv: 0.5)))
        // Disjoint intervals: CV 0.5 is better beyond noise (M/G/n waits shrink roughly with (1 + cv²)/2).
        #expect(half.serviceLevel.mean - half.serviceLevel.halfWidth > e.serviceLevel.mean + e.serviceLevel.halfWidth)
        #expect(half.abandonRate.mean < e.abandonRate.mean)
    }

    @Test func redialsRaiseOfferedLoadByTheExpectedAmount() async throws {
        // An overloaded queue (many abandon); redials after about a minute.
        var without = StationaryScenario(
            calls: 200, intervalSeconds: 1800, ahtSeconds: 180, agents: 17, patience: .exponential(meanSeconds: 60),
            warmUp: 0, measured: 12)
        var with = without
        with.redial = .init(probability: 0.4, meanDelaySeconds: 60)
        without.redial = nil
        let all = Array(0..<12)
        let r0 = await try Simulator(without.scenario).run(replications: 20, seed: 3)
        let r1 = await try Simulator(with.scenario).run(replications: 20, seed: 3)
        let o0 = r0.outcome(intervals: all)
        let o1 = r1.outcome(intervals: all)
        // First attempts are the same Poisson stream in law, so offered rises by the redials, and
        // the redials are the share 0.4 of abandonments (less the few whose redial falls after
        // the horizon: ≤ e^{-k}… of the last minutes' abandonments, far inside the tolerance).
        #expect(o0.redials.mean == 0)
        let expected = 0.4 * o1.abandoned.mean
        let rise = o1.offered.mean - o0.offered.mean
        let tolerance = Self.widen * (o1.offered.halfWidth.squared + o0.offered.halfWidth.squared).squareRoot()
        #expect(abs(rise - expected) <= tolerance, "rise \(rise) expected \(expected) ± \(tolerance)")
        #expect(abs(o1.redials.mean - expected) <= Self.widen * o1.redials.halfWidth + 0.01 * expected)
        #expect(expected > 100)  // the planted effect is large: ~0.4 × 14 % × 2,400 calls
        #expect(o1.abandonRate.mean > o0.abandonRate.mean)  // more load, more abandonment
    }

    @Test func aRosterGapAtTenShowsInThatIntervalOnly() async throws {
        // 08:00–12:00, 100 calls per half-hour at 180 s (10 Erlangs), 16 agents; five of them on a
        // break 10:00–10:30 (11 on duty).
        let iv = 1800
        let duty: [SimulationScenario.DutySpan] = (0..<16).flatMap { a -> [SimulationScenario.DutySpan] in
            a < 5
                ? [.init(agent: a, start: 0, end: 4 * 1800), .init(agent: a, start: 5 * 1800, end: 8 * 1800)]
                : [.init(agent: a, start: 0, end: 8 * 1800)]
        }
        let scenario = SimulationScenario(
            origin: 8 * 3600, intervalSeconds: iv, intervalCount: 8,
            queues: [.init(name: "main", demand: (0..<8).map { .init(interval: $0, calls: 100, ahtSeconds: 180) })],
            duty: duty, patience: .exponential(meanSeconds: 300))
        let r = await try Simulator(scenario).run(replications: 30, seed: 11)
        let sl = (0..<8).map { r.outcome(intervals: [$0]).serviceLevel.mean }
        #expect(r.promises[4]?.agentsOnDuty == 11)
        #expect(r.promises[3]?.agentsOnDuty == 16 && r.promises[5]?.agentsOnDuty == 16)
        for k in 0..<8 where k != 4 {
            #expect(sl[k] > 0.9, "interval \(k): \(sl[k])")
            #expect(sl[4] < sl[k] - 0.15)
        }
        // Erlang promised the same drop for 11 agents there.
        #expect((r.promises[4]?.serviceLevel ?? 1) < 0.8)
    }

    @Test func anAgentFinishesTheCallInHandBeforeLeaving() async throws {
        // One agent on duty for the first half-hour only; long calls.
        let scenario = SimulationScenario(
            intervalSeconds: 1800, intervalCount: 2,
            queues: [.init(name: nil, demand: [.init(interval: 0, calls: 20, ahtSeconds: 600)])],
            duty: [.init(agent: 0, start: 0, end: 1800)], patience: .exponential(meanSeconds: 600))
        let r = await try Simulator(scenario).run(replications: 20, seed: 5)
        // Busy after the shift ended: the call in hand was finished (interval 1 has no demand).
        let late = r.replications.map { $0.busySeconds(interval: 1) }
        #expect(late.contains { $0 > 0 })
        #expect(late.allSatisfy { $0 <= 7 * 600 })  // at most the one call in hand, not new ones
        #expect(r.promises[1] == nil)
    }

    @Test func sameSeedIsByteIdenticalOnOneAndTwoCores() async throws {
        var s = Self.base(.lognormal(cv: 0.8))
        s.redial = .init(probability: 0.3, meanDelaySeconds: 300)
        let sim = try Simulator(s.scenario)
        let one = await sim.run(replications: 9, seed: 42, maxConcurrency: 1)
        let two = await sim.run(replications: 9, seed: 42, maxConcurrency: 2)
        let other = await sim.run(replications: 9, seed: 43, maxConcurrency: 2)
        let text = { (r: SimulationResult) in SimulationReport(result: r, zone: .utc).intervals().text }
        #expect(text(one) == text(two))
        #expect(
            SimulationReport(result: one, zone: .utc).summary() == SimulationReport(result: two, zone: .utc).summary())
        #expect(text(one) != text(other))
    }

    @Test func streamsAreReproducibleAndDistinct() {
        var a = RandomStream(seed: 1, replication: 3)
        var b = RandomStream(seed: 1, replication: 3)
        var c = RandomStream(seed: 1, replication: 4)
        let xa = (0..<100).map { _ in a.uniform() }
        #expect(xa == (0..<100).map { _ in b.uniform() })
        #expect(xa != (0..<100).map { _ in c.uniform() })
        #expect(xa.allSatisfy { $0 > 0 && $0 < 1 })
        // Mean of many uniforms: 0.5 ± 4 standard errors.
        var d = RandomStream(seed: 9, replication: 0)
        let m = (0..<100_000).reduce(0.0) { s, _ in s + d.uniform() } / 100_000
        #expect(abs(m - 0.5) < 4 * (1.0 / 12 / 100_000).squareRoot())
    }

    @Test func kaplanMeierOnUncensoredDataIsTheEmpiricalDistribution() throws {
        let km = try #require(
            PatienceDistribution.kaplanMeier(waits: [10, 20, 20, 40], abandoned: [true, true, true, true]))
        #expect(km == .empirical(atoms: [10, 20, 40], cumulative: [0.25, 0.75, 1], tailMeanSeconds: 22.5))
        #expect(km.meanSeconds == 22.5)
        // Censoring: the answered call at 15 s leaves 3 at risk at 20 s.
        let c = try #require(
            PatienceDistribution.kaplanMeier(waits: [10, 15, 20, 30], abandoned: [true, false, true, false]))
        guard case .empirical(let atoms, let cum, _) = c else {
            Issue.record("not empirical")
            return
        }
        #expect(atoms == [10, 20])
        #expect(abs(cum[1] - (1 - 0.75 * (1 - 1.0 / 2))) < 1e-12)
    }

    @Test func lognormalFitRecoversItsCV() throws {
        var g = RandomStream(seed: 2, replication: 0)
        let sigma = (0.36).squareRoot()  // log(1 + cv²) with cv = 0.6
        let samples = (0..<20_000).map { _ -> Double in
            let z = (-2 * log(g.uniform())).squareRoot() * cos(2 * Double.pi * g.uniform())
            return 300 * exp(sigma * z)
        }
        guard case .lognormal(let cv) = try #require(HandleTimeDistribution.fitted(handleSeconds: samples)) else {
            Issue.record("not lognormal")
            return
        }
        #expect(abs(cv - expm1(0.36).squareRoot()) < 0.02)
    }
}

extension Double {
    fileprivate var squared: Double { self * self }
}

@Suite struct QueueDisciplineTests {
    @Test func priorityLeavesTheMeanWaitUnchanged() async throws {
        // Work-conserving, equal handle times, nobody abandons: the number waiting evolves the same
        // whatever the order, so the mean wait over all calls is the same (Kleinrock's conservation law).
        let base = StationaryScenario(calls: 340, intervalSeconds: 1800, ahtSeconds: 45, agents: 10, measured: 10)
        var fcfs = base.scenario
        var priority = base.scenario
        fcfs.priorityShare = 0
        priority.priorityShare = 0.3
        let a = await try Simulator(fcfs).run(replications: 20, seed: 4).outcome(intervals: base.measuredIntervals)
        let b = await try Simulator(priority).run(replications: 20, seed: 4).outcome(intervals: base.measuredIntervals)
        let tolerance =
            3.883 / 2.093
            * (a.asaSeconds.halfWidth * a.asaSeconds.halfWidth
            + b.asaSeconds.halfWidth * b.asaSeconds.halfWidth).squareRoot()
        #expect(abs(a.asaSeconds.mean - b.asaSeconds.mean) <= tolerance, "\(a.asaSeconds) vs \(b.asaSeconds)")
    }

    @Test func anInitialQueueShowsInTheFirstIntervalOnly() async throws {
        let base = StationaryScenario(
            calls: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 13, patience: .exponential(meanSeconds: 300),
            warmUp: 0, measured: 4)
        var backlog = base.scenario
        backlog.initialQueue = 40
        let a = await try Simulator(base.scenario).run(replications: 20, seed: 8)
        let b = await try Simulator(backlog).run(replications: 20, seed: 8)
        // The 40 waiting calls are offered in the first interval and drag its service level down.
        #expect(abs(b.outcome(intervals: [0]).offered.mean - a.outcome(intervals: [0]).offered.mean - 40) < 8)
        #expect(b.outcome(intervals: [0]).serviceLevel.mean < a.outcome(intervals: [0]).serviceLevel.mean - 0.1)
        #expect(abs(b.outcome(intervals: [3]).serviceLevel.mean - a.outcome(intervals: [3]).serviceLevel.mean) < 0.05)
    }
}
