#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the fewest agents meeting every target of a `StaffingRequest`, or evaluates a
/// given count.
///
/// Comparisons at exact boundaries (`a/n = max occupancy`, `n/(1 − s)` an integer) allow a
/// relative slack of 1e-12 so that decimal inputs like 17.1 Erlangs at 95% occupancy give the
/// exact-arithmetic answer (18), not the rounding artefact (19).
///
/// - Erlang C: the answer lies above the stability bound `⌊a⌋ + 1` and the occupancy bound
///   `⌈a / max occupancy⌉`. Erlang B is computed there once (O(√a)), then the solver walks up
///   with the O(1) recursion `B(n+1) = aB/(n + 1 + aB)`; SL rises and ASA falls with n, so the
///   first n meeting all targets is the answer. Total cost O(√a) even at 6,700 Erlangs.
/// - Erlang A: each evaluation costs O(√a + queue tail), so the solver brackets the answer by
///   doubling from `⌈a⌉` and then bisects (metrics are monotone in n). Abandonment lowers the
///   carried load, so fewer than `a` agents can be enough.
/// - Zero calls need zero agents.
public enum StaffingSolver {
    static let slack = 1e-12
    /// The largest agent count searched (no single queue comes near it; bounds every loop).
    static let maxAgents = 50_000_000

    /// The fewest agents meeting every target; `scheduledAgents` adds shrinkage.
    /// - Throws: `StaffingError` for parameters out of range or unreachable targets.
    public static func solve(_ request: StaffingRequest) throws(StaffingError) -> StaffingResult {
        try request.validate()
        let load = request.effectiveLoad
        let targets = request.targets
        guard load.calls > 0 else {
            return StaffingResult(
                callsReachingAgents: 0, metrics: .idle(agents: 0), scheduledAgents: 0,
                priority: request.priority.map { _ in
                    PriorityMetrics(prioritySL: 1, priorityASASeconds: 0, standardSL: 1, standardASASeconds: 0)
                })
        }
        let a = load.trafficErlangs
        let occupancyBoundValue = (a / targets.maxOccupancy * (1 - slack)).rounded(.up)
        guard occupancyBoundValue < Double(maxAgents), let occupancyBound = Int(exactly: occupancyBoundValue) else {
            throw .unreachable(
                "the maximum occupancy needs more than \(maxAgents) agents for \(formatNumber(a)) Erlangs")
        }
        var metrics: QueueMetrics
        switch request.model {
        case .erlangC:
            let start = max(1, Int((a * (1 + slack)).rounded(.down)) + 1, occupancyBound)  // a ≤ 1e6: validated
            var n = start
            var b = ErlangB.blocking(servers: n, traffic: a)
            while true {
                let m = ErlangC.metrics(
                    agents: n, traffic: a, blocking: b, ahtSeconds: load.ahtSeconds,
                    targetSeconds: targets.targetSeconds)
                if meets(m, targets) {
                    if let p = request.priority {
                        let pm = PriorityErlangC.metrics(
                            agents: n, load: load, priority: p, targetSeconds: targets.targetSeconds)
                        if pm.prioritySL >= p.serviceLevel - slack, pm.standardSL >= targets.serviceLevel - slack {
                            metrics = m
                            break
                        }
                    } else {
                        metrics = m
                        break
                    }
                }
                n += 1
                b = ErlangB.next(b, servers: n, traffic: a)
                if n > start + 10_000_000 || n > maxAgents {
                    throw .unreachable("no agent count up to \(n) meets the targets")
                }
            }
        case .erlangA(let patience):
            func evaluate(_ n: Int) -> QueueMetrics {
                ErlangA.metrics(agents: n, load: load, patienceSeconds: patience, targetSeconds: targets.targetSeconds)
            }
            // Carried load is below a, so a/n bounds nothing here: bracket from 0.
            var lo = 0
            var hi = max(1, Int(a.rounded(.up)))
            var atHi = evaluate(hi)
            while !meets(atHi, targets) {
                lo = hi
                hi = hi * 2
                if hi > maxAgents { throw .unreachable("no agent count up to \(hi) meets the targets") }
                atHi = evaluate(hi)
            }
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                let m = evaluate(mid)
                if meets(m, targets) {
                    hi = mid
                    atHi = m
                } else {
                    lo = mid
                }
            }
            metrics = atHi
        }
        return result(metrics, request: request, load: load)
    }

    /// Metrics at a given number of agents (at least 1 when there are calls).
    public static func evaluate(_ request: StaffingRequest, agents n: Int) throws(StaffingError) -> StaffingResult {
        try request.validate(requireTargets: false)
        guard n >= 0, n <= maxAgents else {
            throw .invalidParameter(name: "agents", value: Double(n), expected: "a count from 0 to \(maxAgents)")
        }
        let load = request.effectiveLoad
        let metrics: QueueMetrics
        if load.calls <= 0 {
            metrics = .idle(agents: n)
        } else if n == 0 {
            let a = load.trafficErlangs
            let abandons = if case .erlangA = request.model { 1.0 } else { 0.0 }
            metrics = QueueMetrics(
                trafficErlangs: a, agents: 0, waitProbability: 1, serviceLevel: 0, asaSeconds: .infinity,
                occupancy: .infinity, abandonRate: abandons, stable: abandons == 1)
        } else {
            switch request.model {
            case .erlangC:
                metrics = ErlangC.metrics(agents: n, load: load, targetSeconds: request.targets.targetSeconds)
            case .erlangA(let patience):
                metrics = ErlangA.metrics(
                    agents: n, load: load, patienceSeconds: patience,
                    targetSeconds: request.targets.targetSeconds)
            }
        }
        return result(metrics, request: request, load: load)
    }

    static func meets(_ m: QueueMetrics, _ t: ServiceTargets) -> Bool {
        guard m.stable, m.serviceLevel >= t.serviceLevel - slack else { return false }
        if let asa = t.maxASASeconds, m.asaSeconds > asa * (1 + slack) { return false }
        if let ab = t.maxAbandonRate, m.abandonRate > ab * (1 + slack) { return false }
        return m.occupancy <= t.maxOccupancy * (1 + slack)
    }

    static func result(_ m: QueueMetrics, request: StaffingRequest, load: QueueLoad) -> StaffingResult {
        let scheduled = scheduledAgents(m.agents, shrinkage: request.shrinkage)
        let pm = request.priority.flatMap { p in
            m.agents > 0 && load.calls > 0
                ? PriorityErlangC.metrics(
                    agents: m.agents, load: load, priority: p, targetSeconds: request.targets.targetSeconds)
                : nil
        }
        return StaffingResult(callsReachingAgents: load.calls, metrics: m, scheduledAgents: scheduled, priority: pm)
    }

    /// `⌈agents / (1 − shrinkage)⌉`, exact at integer boundaries (21 agents at 30% → 30).
    public static func scheduledAgents(_ agents: Int, shrinkage: Double) -> Int {
        guard agents > 0 else { return 0 }
        return Int((Double(agents) / (1 - shrinkage) * (1 - slack)).rounded(.up))
    }
}
