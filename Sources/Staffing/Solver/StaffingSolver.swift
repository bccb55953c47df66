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
/// - Erlang A: starts from the Erlang C service-level answer (square-root staffing, exact) and
///   walks n down (or up) one agent at a time, stepping Erlang B by its recursion, so each step
///   costs one pass over the queue tail (`erlangARequired`). Abandonment lowers the carried load,
///   so fewer than `a` agents can be enough.
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
            metrics = try erlangARequired(load: load, patience: patience, targets: targets)
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

    /// Erlang A's fewest agents by a safeguarded secant search in n.
    ///
    /// Starts from the Erlang C service-level answer (exact square-root staffing, O(√a) with the
    /// Erlang B recursion), then interpolates the margin to the targets (the smallest relative slack
    /// of service level, ASA, abandonment and occupancy) linearly in n, keeping a bracket
    /// `lo` (fails) < `hi` (meets); every third step bisects the bracket, so the search ends in
    /// O(log a) evaluations in the worst case and typically 3–5. Metrics are monotone in n, so the
    /// bracket's `hi` at `hi − lo = 1` is the bisection's answer. Each evaluation is one
    /// `ErlangA.metrics` (O(√a + queue tail)).
    static func erlangARequired(load: QueueLoad, patience: Double, targets: ServiceTargets) throws(StaffingError)
        -> QueueMetrics
    {
        let a = load.trafficErlangs
        func evaluate(_ n: Int) -> QueueMetrics {
            ErlangA.metrics(agents: n, load: load, patienceSeconds: patience, targetSeconds: targets.targetSeconds)
        }
        /// Smallest relative slack to the targets (negative when one is missed); for interpolation only.
        func margin(_ m: QueueMetrics) -> Double {
            var r = m.serviceLevel - targets.serviceLevel
            if let asa = targets.maxASASeconds, asa > 0 { r = min(r, (asa - m.asaSeconds) / asa) }
            if let ab = targets.maxAbandonRate, ab > 0 { r = min(r, (ab - m.abandonRate) / ab) }
            return min(r, (targets.maxOccupancy - m.occupancy) / targets.maxOccupancy)
        }
        // Erlang C answer for the service-level target alone (no occupancy cap): the first point.
        var n = max(1, Int((a * (1 + slack)).rounded(.down)) + 1)
        var b = ErlangB.blocking(servers: n, traffic: a)
        while true {
            let c = ErlangC.metrics(
                agents: n, traffic: a, blocking: b, ahtSeconds: load.ahtSeconds, targetSeconds: targets.targetSeconds)
            if c.serviceLevel >= targets.serviceLevel - slack { break }
            n += 1
            b = ErlangB.next(b, servers: n, traffic: a)
        }
        var lo: (n: Int, margin: Double)? = nil  // fails the targets
        var hi: (n: Int, margin: Double, metrics: QueueMetrics)? = nil  // meets them
        var previous: (n: Int, margin: Double)? = nil
        var step = 0
        while true {
            let m = evaluate(n)
            let g = margin(m)
            if meets(m, targets) {
                if n < (hi?.n ?? Int.max) { hi = (n, g, m) }
            } else if n > (lo?.n ?? Int.min) {
                lo = (n, g)
            }
            if let h = hi, h.n == 1 || (lo.map { h.n - $0.n == 1 } ?? false) { return h.metrics }
            step += 1
            var next: Int
            if let l = lo, let h = hi {
                if step % 3 == 0 || !(h.margin > l.margin) {
                    next = (l.n + h.n) / 2
                } else {
                    let x = Double(l.n) + (0 - l.margin) * Double(h.n - l.n) / (h.margin - l.margin)
                    next = x.isFinite ? Int(x.rounded(.up)) : (l.n + h.n) / 2
                }
                next = min(max(next, l.n + 1), h.n - 1)
            } else {
                // One-sided: extrapolate through the last two points, at least one agent and at most doubling.
                let spread = max(1, Int(a.squareRoot().rounded(.up)))
                var guess: Int
                if let p = previous, p.n != n, g != p.margin {
                    let x = Double(n) - g * Double(n - p.n) / (g - p.margin)
                    guess = x.isFinite ? Int(hi == nil ? x.rounded(.up) : x.rounded(.down)) : n
                } else {
                    guess = hi == nil ? n + spread : n - spread
                }
                if hi == nil {
                    next = min(max(guess, n + 1), 2 * n + 1)
                } else {
                    next = max(min(guess, n - 1), n / 2)
                }
                next = max(1, next)
                if next > maxAgents { throw .unreachable("no agent count up to \(next) meets the targets") }
            }
            previous = (n, g)
            n = next
        }
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
