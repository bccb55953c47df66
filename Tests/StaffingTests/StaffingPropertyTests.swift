import PropertyBased
import Testing

@testable import Staffing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct StaffingPropertyTests {
    /// Loads from 0.05 to 3,000 Erlangs over a half-hour.
    static let loads = Gen.double(in: 1...12_000).map { QueueLoad(calls: $0, intervalSeconds: 1800, ahtSeconds: 270) }

    @Test func erlangCServiceLevelRisesAndASAFallsWithAgents() async {
        await propertyCheck(input: Self.loads, Gen.double(in: 0...120)) { load, t in
            let a = load.trafficErlangs
            var previous = ErlangC.metrics(agents: Int(a) + 1, load: load, targetSeconds: t)
            for n in (Int(a) + 2)...(Int(a) + 40) {
                let m = ErlangC.metrics(agents: n, load: load, targetSeconds: t)
                #expect(m.serviceLevel >= previous.serviceLevel - 1e-12)
                #expect(m.asaSeconds <= previous.asaSeconds * (1 + 1e-12))
                previous = m
            }
        }
    }

    /// The secant search for Erlang A agents returns the first count meeting the targets, compared with
    /// a plain upward scan from one agent (the reference), for SL, ASA and abandonment targets.
    @Test func erlangARequiredAgentsMatchALinearScan() async {
        let small = Gen.double(in: 0.5...1_500).map { QueueLoad(calls: $0, intervalSeconds: 1800, ahtSeconds: 240) }
        await propertyCheck(
            count: 60, input: small, Gen.double(in: 10...900), Gen.double(in: 0.5...0.95), Gen.int(in: 0...2)
        ) { load, patience, sl, kind in
            let targets = ServiceTargets(
                serviceLevel: sl, targetSeconds: 20, maxASASeconds: kind == 1 ? 15 : nil,
                maxAbandonRate: kind == 2 ? 0.03 : nil)
            let request = StaffingRequest(load: load, model: .erlangA(patienceSeconds: patience), targets: targets)
            guard let got = try? StaffingSolver.solve(request) else {
                Issue.record("no answer")
                return
            }
            var n = 1
            while !StaffingSolver.meets(
                ErlangA.metrics(agents: n, load: load, patienceSeconds: patience, targetSeconds: 20), targets)
            {
                n += 1
            }
            #expect(got.metrics.agents == n, "calls \(load.calls) patience \(patience) sl \(sl) kind \(kind)")
        }
    }

    @Test func erlangAServiceLevelRisesAndAbandonmentFallsWithAgents() async {
        let small = Gen.double(in: 1...2_000).map { QueueLoad(calls: $0, intervalSeconds: 1800, ahtSeconds: 270) }
        await propertyCheck(count: 40, input: small, Gen.double(in: 5...900), Gen.double(in: 0...60)) {
            load, patience, t in
            let a = load.trafficErlangs
            var previous = ErlangA.metrics(
                agents: max(1, Int(a / 2)), load: load, patienceSeconds: patience, targetSeconds: t)
            for n in stride(from: max(1, Int(a / 2)) + 1, through: Int(a) + 30, by: max(1, Int(a) / 20)) {
                let m = ErlangA.metrics(agents: n, load: load, patienceSeconds: patience, targetSeconds: t)
                #expect(m.serviceLevel >= previous.serviceLevel - 1e-12)
                #expect(m.abandonRate <= previous.abandonRate + 1e-12)
                #expect(m.serviceLevel >= 0 && m.serviceLevel <= 1 + 1e-12)
                // Every offered call is answered or abandons.
                #expect(abs(m.occupancy * Double(n) / a + m.abandonRate - 1) < 1e-9)
                previous = m
            }
        }
    }

    @Test func erlangATendsToErlangCAsPatienceGrows() async {
        await propertyCheck(count: 60, input: Gen.double(in: 1...3_000), Gen.int(in: 1...25), Gen.double(in: 0...60)) {
            calls, extra, t in
            let load = QueueLoad(calls: calls, intervalSeconds: 1800, ahtSeconds: 240)
            // At least one agent above the load: within a fraction of an agent of critical load the
            // queue is so long that even 1e13 s of patience moves ASA by ~1e-5 (the limit is that slow).
            let n = Int(load.trafficErlangs.rounded(.up)) + extra
            let c = ErlangC.metrics(agents: n, load: load, targetSeconds: t)
            let a = ErlangA.metrics(agents: n, load: load, patienceSeconds: 1e13, targetSeconds: t)
            #expect(abs(a.serviceLevel - c.serviceLevel) < 1e-5)
            #expect(abs(a.waitProbability - c.waitProbability) < 1e-5)
            // Convergence is slowest near critical load: the gap scales like E[queue]·θ/(nμ − λ).
            #expect(abs(a.asaSeconds - c.asaSeconds) < 1e-5 * max(1, c.asaSeconds))
        }
    }

    @Test func erlangBRecursionEqualsClosedFormForSmallN() async {
        await propertyCheck(input: Gen.int(in: 0...30), Gen.double(in: 0.01...40)) { n, a in
            // (aⁿ/n!) / Σ_{k≤n} aᵏ/k!
            var term = 1.0
            var sum = 1.0
            if n > 0 {
                for k in 1...n {
                    term *= a / Double(k)
                    sum += term
                }
            }
            let closed = term / sum
            #expect(abs(ErlangB.blocking(servers: n, traffic: a) - closed) <= 1e-13 * max(1, closed))
        }
    }

    @Test func erlangBFastStartEqualsFullRecursion() async {
        await propertyCheck(count: 60, input: Gen.double(in: 401...8_000), Gen.int(in: -300...300)) { a, offset in
            let n = max(1, Int(a) + offset)
            var b = 1.0
            for k in 1...n { b = a * b / (Double(k) + a * b) }
            let fast = ErlangB.blocking(servers: n, traffic: a)
            #expect(abs(fast - b) <= 1e-12 * b)
        }
    }

    @Test func solverAnswerIsTheFewestAgents() async throws {
        await propertyCheck(
            count: 80, input: Gen.double(in: 0.5...20_000), Gen.double(in: 0.5...0.95), Gen.double(in: 0...60)
        ) { calls, sl, t in
            let request = StaffingRequest(
                load: QueueLoad(calls: calls, intervalSeconds: 1800, ahtSeconds: 300),
                targets: ServiceTargets(serviceLevel: sl, targetSeconds: t))
            let n = try StaffingSolver.solve(request).metrics.agents
            let at = ErlangC.metrics(agents: n, load: request.load, targetSeconds: t)
            let below = ErlangC.metrics(agents: n - 1, load: request.load, targetSeconds: t)
            #expect(at.serviceLevel >= sl - 1e-12)
            #expect(!(below.stable && below.serviceLevel >= sl))
        }
    }

    @Test func priorityClassMeanWaitsAverageToErlangC() async {
        await propertyCheck(
            count: 40, input: Gen.double(in: 10...3_000), Gen.double(in: 0.05...0.9), Gen.int(in: 1...20)
        ) { calls, share, extra in
            let load = QueueLoad(calls: calls, intervalSeconds: 1800, ahtSeconds: 300)
            let n = Int(load.trafficErlangs) + extra
            let c = ErlangC.metrics(agents: n, load: load, targetSeconds: 20)
            let p = PriorityErlangC.metrics(
                agents: n, load: load, priority: PriorityClass(share: share, serviceLevel: 0.9, targetSeconds: 20),
                targetSeconds: 20)
            // Conservation (Kleinrock): the mix of class means equals the FCFS mean.
            let mixed = share * p.priorityASASeconds + (1 - share) * p.standardASASeconds
            #expect(abs(mixed - c.asaSeconds) <= 1e-9 * max(1, c.asaSeconds))
            #expect(p.prioritySL >= c.serviceLevel - 1e-12)
            #expect(p.standardSL <= c.serviceLevel + 1e-9)
        }
    }

    @Test func standardClassWaitDistributionIntegratesToItsMean() {
        // ∫₀^∞ P(W₂ > t) dt = E[W₂]: checks the uniformised first-passage law against the closed-form mean.
        let load = QueueLoad(calls: 300, intervalSeconds: 1800, ahtSeconds: 300)
        let priority = PriorityClass(share: 0.3, serviceLevel: 0.9, targetSeconds: 20)
        let n = 54
        let mean = PriorityErlangC.metrics(agents: n, load: load, priority: priority, targetSeconds: 20)
            .standardASASeconds
        var integral = 0.0
        let step = 3.0
        var t = 0.0
        var previous =
            1 - PriorityErlangC.metrics(agents: n, load: load, priority: priority, targetSeconds: 0).standardSL
        while t < 1_200 {  // the tail is below 1e-12 long before 1,200 s here
            t += step
            let tail =
                1 - PriorityErlangC.metrics(agents: n, load: load, priority: priority, targetSeconds: t).standardSL
            integral += (previous + tail) / 2 * step
            previous = tail
        }
        #expect(abs(integral - mean) < 0.01 * mean)
    }

    @Test func leversAndShrinkage() throws {
        let levers = LoadLevers(deflection: 0.3, botContainment: 0.4)
        #expect(abs(levers.callsReachingAgents(1000) - 420) < 1e-9)
        #expect(StaffingSolver.scheduledAgents(21, shrinkage: 0.3) == 30)  // exactly 30, not 31
        #expect(StaffingSolver.scheduledAgents(22, shrinkage: 0.3) == 32)
        #expect(StaffingSolver.scheduledAgents(0, shrinkage: 0.3) == 0)
    }

    @Test(arguments: [
        (
            "service-level target",
            StaffingRequest(
                load: QueueLoad(calls: 10, intervalSeconds: 1800, ahtSeconds: 300),
                targets: ServiceTargets(serviceLevel: 1, targetSeconds: 20))
        ),
        (
            "calls",
            StaffingRequest(
                load: QueueLoad(calls: -1, intervalSeconds: 1800, ahtSeconds: 300),
                targets: ServiceTargets(serviceLevel: 0.8, targetSeconds: 20))
        ),
        (
            "service-level threshold seconds",
            StaffingRequest(
                load: QueueLoad(calls: 1, intervalSeconds: 1800, ahtSeconds: 300),
                targets: ServiceTargets(serviceLevel: 0.8, targetSeconds: -1))
        ),
        (
            "shrinkage",
            StaffingRequest(
                load: QueueLoad(calls: 1, intervalSeconds: 1800, ahtSeconds: 300),
                targets: ServiceTargets(serviceLevel: 0.8, targetSeconds: 20), shrinkage: 1)
        ),
        (
            "patience seconds",
            StaffingRequest(
                load: QueueLoad(calls: 1, intervalSeconds: 1800, ahtSeconds: 300), model: .erlangA(patienceSeconds: 0),
                targets: ServiceTargets(serviceLevel: 0.8, targetSeconds: 20))
        ),
    ])
    func badParametersAreNamed(name: String, request: StaffingRequest) {
        do {
            _ = try StaffingSolver.solve(request)
            Issue.record("expected an error for \(name)")
        } catch {
            guard case .invalidParameter(let got, _, _) = error else {
                Issue.record("wrong error")
                return
            }
            #expect(got == name)
        }
    }

    @Test func unstableErlangCNeverCrashes() {
        let m = ErlangC.metrics(
            agents: 9, load: QueueLoad(calls: 100, intervalSeconds: 1800, ahtSeconds: 180), targetSeconds: 20)
        #expect(!m.stable && m.serviceLevel == 0 && m.asaSeconds.isInfinite && m.waitProbability == 1)
    }

    @Test func zeroCallsNeedNoAgents() throws {
        let r = try StaffingSolver.solve(
            StaffingRequest(
                load: QueueLoad(calls: 0, intervalSeconds: 1800, ahtSeconds: 300),
                targets: ServiceTargets(serviceLevel: 0.8, targetSeconds: 20)))
        #expect(r.metrics.agents == 0 && r.scheduledAgents == 0 && r.metrics.serviceLevel == 1)
    }
}
