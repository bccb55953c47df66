import CallData
import Testing

@testable import Staffing

/// Exhaustive checks of the incremental Erlang A solver against the from-scratch reference
/// (`ErlangAReference`, the evaluation before the change), over a full grid of loads, handle
/// times, patience, service-level targets, thresholds and target kinds (in the style of
/// swift-collections' exhaustive tests: every combination, each failure names its case).
@Suite struct ErlangAExhaustiveTests {
    static let callsPerHalfHour: [Double] = [0.4, 2, 6, 20, 60, 180, 500, 1_500, 5_000, 14_000]
    static let ahtSeconds: [Double] = [45, 240, 720]
    static let patienceSeconds: [Double] = [8, 90, 400, 3_000]
    static let serviceLevels: [Double] = [0.5, 0.8, 0.95]
    static let thresholds: [Double] = [0, 20, 90]
    /// Target kinds: SL alone, SL + ASA ≤ 15 s, SL + abandonment ≤ 3 %, SL + occupancy ≤ 85 %.
    static func targets(kind: Int, serviceLevel: Double, threshold: Double) -> ServiceTargets {
        ServiceTargets(
            serviceLevel: serviceLevel, targetSeconds: threshold, maxASASeconds: kind == 1 ? 15 : nil,
            maxAbandonRate: kind == 2 ? 0.03 : nil, maxOccupancy: kind == 3 ? 0.85 : 1)
    }

    /// The reference answer: the first count meeting the targets under the from-scratch evaluation,
    /// found by doubling then bisection (metrics are monotone in n; the solver's answer is also
    /// checked directly: it meets, one fewer does not).
    static func referenceRequired(_ load: QueueLoad, patience: Double, targets: ServiceTargets) -> Int {
        func meets(_ n: Int) -> Bool {
            StaffingSolver.meets(
                ErlangAReference.metrics(
                    agents: n, load: load, patienceSeconds: patience, targetSeconds: targets.targetSeconds), targets)
        }
        var hi = 1
        while !meets(hi) { hi *= 2 }
        var lo = hi / 2  // fails (or 0)
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if meets(mid) { hi = mid } else { lo = mid }
        }
        return hi
    }

    /// Checks one case: the solver's count equals the reference's, meets, one fewer does not, and its
    /// metrics are the full evaluation.
    static func check(_ load: QueueLoad, patience: Double, targets: ServiceTargets, _ label: String) throws {
        let t = targets.targetSeconds
        let got = try StaffingSolver.solve(
            StaffingRequest(load: load, model: .erlangA(patienceSeconds: patience), targets: targets)
        ).metrics
        #expect(got.agents == referenceRequired(load, patience: patience, targets: targets), "\(label)")
        let reference = ErlangAReference.metrics(
            agents: got.agents, load: load, patienceSeconds: patience, targetSeconds: t)
        #expect(StaffingSolver.meets(reference, targets), "\(label): answer misses")
        if got.agents > 1 {
            let fewer = ErlangAReference.metrics(
                agents: got.agents - 1, load: load, patienceSeconds: patience, targetSeconds: t)
            #expect(!StaffingSolver.meets(fewer, targets), "\(label): one fewer also meets")
        }
        for (g, w, name) in [
            (got.serviceLevel, reference.serviceLevel, "SL"),
            (got.waitProbability, reference.waitProbability, "P(wait)"),
            (got.abandonRate, reference.abandonRate, "abandon"),
            (got.occupancy, reference.occupancy, "occupancy"),
        ] {
            #expect(abs(g - w) <= 1e-12, "\(label): \(name) \(g) vs \(w)")
        }
        #expect(abs(got.asaSeconds - reference.asaSeconds) <= 1e-12 * max(1, reference.asaSeconds), "\(label): ASA")
    }

    /// 4,320 cases (10 loads × 3 AHT × 4 patience × 3 SL × 3 thresholds × 4 target kinds), one test
    /// case per load so they run in parallel.
    @Test(arguments: callsPerHalfHour)
    func solverEqualsTheFromScratchReference(calls: Double) throws {
        var cases = 0
        for aht in Self.ahtSeconds {
            let load = QueueLoad(calls: calls, intervalSeconds: 1800, ahtSeconds: aht)
            for patience in Self.patienceSeconds {
                for sl in Self.serviceLevels {
                    for t in Self.thresholds {
                        for kind in 0..<4 {
                            cases += 1
                            try Self.check(
                                load, patience: patience,
                                targets: Self.targets(kind: kind, serviceLevel: sl, threshold: t),
                                "calls \(calls) aht \(aht) patience \(patience) sl \(sl) t \(t) kind \(kind)")
                        }
                    }
                }
            }
        }
        #expect(cases == 432)
    }

    /// 288 cases near Erlang C (patience 10⁴–10⁵ s: long, slowly decaying tails) and with a long
    /// threshold (600 s), where the certified bound must wait for most of the tail.
    @Test(arguments: [3.0, 30, 300])
    func solverEqualsTheReferenceWithLongPatience(calls: Double) throws {
        for aht in [120.0, 600] {
            let load = QueueLoad(calls: calls, intervalSeconds: 1800, ahtSeconds: aht)
            for patience in [10_000.0, 100_000] {
                for sl in [0.8, 0.95] {
                    for t in [0.0, 20, 600] {
                        for kind in 0..<4 {
                            try Self.check(
                                load, patience: patience,
                                targets: Self.targets(kind: kind, serviceLevel: sl, threshold: t),
                                "calls \(calls) aht \(aht) patience \(patience) sl \(sl) t \(t) kind \(kind)")
                        }
                    }
                }
            }
        }
    }

    /// `ErlangA.metrics` (one resumable pass, one division per state) against the reference on a
    /// grid of counts around and far below the load.
    @Test func metricsEqualTheReference() {
        for calls in Self.callsPerHalfHour {
            for aht in Self.ahtSeconds {
                let load = QueueLoad(calls: calls, intervalSeconds: 1800, ahtSeconds: aht)
                let a = load.trafficErlangs
                let counts = Set([1, 2, max(1, Int(a / 3)), max(1, Int(a * 0.9)), Int(a) + 1, Int(a * 1.2) + 3])
                for n in counts.sorted() {
                    for patience in Self.patienceSeconds {
                        for t in Self.thresholds {
                            let got = ErlangA.metrics(
                                agents: n, load: load, patienceSeconds: patience, targetSeconds: t)
                            let want = ErlangAReference.metrics(
                                agents: n, load: load, patienceSeconds: patience, targetSeconds: t)
                            let label = "calls \(calls) aht \(aht) n \(n) patience \(patience) t \(t)"
                            // Same sums, a multiplication by 1/rate instead of a division: rounding only.
                            #expect(abs(got.serviceLevel - want.serviceLevel) <= 1e-12, "\(label) SL")
                            #expect(abs(got.waitProbability - want.waitProbability) <= 1e-12, "\(label) P(wait)")
                            #expect(abs(got.abandonRate - want.abandonRate) <= 1e-12, "\(label) abandon")
                            #expect(abs(got.occupancy - want.occupancy) <= 1e-12, "\(label) occupancy")
                            #expect(
                                abs(got.asaSeconds - want.asaSeconds) <= 1e-12 * max(1, want.asaSeconds),
                                "\(label) ASA")
                        }
                    }
                }
            }
        }
    }

    /// A sweep stopped after 1, 2, 5 or 20 looks: the full metrics lie inside its certified ranges.
    @Test func partialTailRangesContainTheFullMetrics() {
        var bounded = 0
        for calls in Self.callsPerHalfHour {
            for aht in Self.ahtSeconds {
                let load = QueueLoad(calls: calls, intervalSeconds: 1800, ahtSeconds: aht)
                let a = load.trafficErlangs
                for n in Set([1, max(1, Int(a * 0.8)), Int(a) + 1, Int(a + 2 * a.squareRoot()) + 1]).sorted() {
                    let b = ErlangB.blocking(servers: n, traffic: a)
                    for patience in Self.patienceSeconds {
                        for t in Self.thresholds {
                            let full = ErlangA.metrics(
                                agents: n, load: load, blocking: b, patienceSeconds: patience, targetSeconds: t)
                            for looks in [1, 2, 5, 20] {
                                var tail = ErlangATail(
                                    agents: n, load: load, blocking: b, patienceSeconds: patience, targetSeconds: t)
                                var seen = 0
                                tail.advance { _ in
                                    seen += 1
                                    return seen >= looks
                                }
                                guard !tail.complete else { continue }
                                bounded += 1
                                let label =
                                    "calls \(calls) aht \(aht) n \(n) patience \(patience) t \(t) looks \(looks)"
                                func inside(_ r: ClosedRange<Double>?, _ v: Double, _ name: String) {
                                    guard let r else {
                                        Issue.record("\(label): no \(name) range past the mode")
                                        return
                                    }
                                    let tol = 1e-12 * max(1, v.magnitude)
                                    #expect(
                                        r.lowerBound - tol <= v && v <= r.upperBound + tol,
                                        "\(label) \(name) \(v) ∉ \(r)")
                                }
                                inside(tail.serviceLevelRange(), full.serviceLevel, "SL")
                                inside(tail.occupancyRange(), full.occupancy, "occupancy")
                                inside(tail.abandonRateRange(), full.abandonRate, "abandon")
                                inside(tail.asaRange(), full.asaSeconds, "ASA")
                                // Resuming the stopped sweep gives the full evaluation.
                                tail.advance { _ in false }
                                #expect(
                                    abs(tail.metrics().serviceLevel - full.serviceLevel) <= 1e-15, "\(label) resume")
                                #expect(tail.metrics().asaSeconds == full.asaSeconds, "\(label) resume ASA")
                            }
                        }
                    }
                }
            }
        }
        #expect(bounded > 500)
    }

    /// Erlang B stepped up and down (double-double downward) equals a fresh computation.
    @Test func blockingCursorEqualsFreshErlangB() {
        for a in [0.3, 4.2, 37.5, 410.0, 2_345.6, 8_000.25] {
            var cursor = BlockingCursor(agents: Int(a) + 1, traffic: a)
            var rng = SplitMix64(seed: UInt64(a * 1000))
            let root = max(2, Int(a.squareRoot()))
            for step in 0..<300 {
                let jump = Int(rng.next() % UInt64(6 * root)) - 3 * root
                let target = max(1, cursor.agents + (step % 7 == 0 ? jump * 3 : jump))
                cursor.move(to: target)
                let fresh = ErlangB.blocking(servers: target, traffic: a)
                #expect(cursor.agents == target)
                #expect(
                    abs(cursor.blocking - fresh) <= 1e-13 * fresh, "a \(a) n \(target): \(cursor.blocking) vs \(fresh)")
            }
        }
    }
}
