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
/// - Erlang A: a safeguarded secant search in n from the stability point `⌊a⌋ + 1`, with Erlang B
///   stepped between counts and each count screened by a partial pass over the queue tail whose
///   certified remainder bound decides meets/fails (`erlangARequired`). Abandonment lowers the
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

    /// Widening of certified metric ranges against rounding: absolute for shares, relative for ASA.
    /// The partial sums are bit for bit the prefix of the full pass's sums, so the full value differs
    /// from the range only by the rounding of the unseen terms and the final divisions (~1e-13); a
    /// range within this of a target is never taken as a decision (the count is summed fully).
    static let certifyTolerance = 1e-10
    /// How narrow a certified range must be against its distance to the target before a screen
    /// stops (the secant needs margins to about this relative accuracy). Measured on the staffing
    /// benchmark: 0.1, 0.25 and 0.5 cost the same within 2 %; any value gives the same answers.
    static let marginResolution = 0.25
    /// Typical slope of the service level's logit in n, times √a, where SL falls from its plateau
    /// to the target (0.75–1.6 measured on the benchmark loads, 1–6,700 Erlangs, patience 0.3–1 ×
    /// AHT; 1.4 needed the fewest evaluations there). Sets the first Newton step only: speed, never
    /// the answer.
    static let logitSlopeTimesRootLoad = 1.4
    /// Evaluations after which the Erlang A search gives up (it needs ~3 on typical loads and
    /// O(log a) at worst; the cap only bounds the loop).
    static let maxEvaluations = 10_000

    /// Erlang A's fewest agents by a safeguarded secant search in n.
    ///
    /// *Algorithm.* The first point is the stability point `⌊a⌋ + 1` (square-root staffing with
    /// β = 0), where Erlang B is computed once (O(√a)). The margin to the targets is the smallest
    /// slack of the service level's logit (SL is a sigmoid in n, its logit close to linear), the
    /// logarithms of ASA and abandonment, and occupancy (only under a cap). The first step is
    /// Newton's with the typical slope `logitSlopeTimesRootLoad / √a`; later steps are secants
    /// through the last two points, kept inside the bracket `lo` (fails) < `hi` (meets) and
    /// replaced by bisection when two steps did not halve it (Brent's safeguard), so the search
    /// takes O(log a) evaluations at worst and about 3 on the benchmark loads. Metrics are
    /// monotone in n, so `hi` at `hi − lo = 1` is the answer.
    ///
    /// *Evaluations.* Erlang B is stepped between counts (`BlockingCursor`, O(|Δn|)), and each
    /// count's queue tail (`ErlangATail`) is summed only until its certified remainder bound
    /// decides meets or fails beyond `certifyTolerance` and pins the margin to `marginResolution`.
    /// A count within `certifyTolerance` of a target is summed to the end and judged by `meets`,
    /// exactly as `ErlangA.metrics`. The answer's tail is resumed and summed to the end, so the
    /// returned metrics are always the full evaluation.
    ///
    /// *Edge Cases*: loads below one Erlang start at 1 agent, which may already be the answer;
    /// extrapolated counts are clamped to 1…`maxAgents` + 1 (never converted from a huge or
    /// non-finite value); past `maxAgents` or `maxEvaluations` the search throws `.unreachable`.
    ///
    /// *Postconditions*: the returned count is the smallest n with `meets(ErlangA.metrics(n))`
    /// (checked against a from-scratch scan in `ErlangAExhaustiveTests`).
    static func erlangARequired(load: QueueLoad, patience: Double, targets: ServiceTargets) throws(StaffingError)
        -> QueueMetrics
    {
        let a = load.trafficErlangs
        var n = max(1, Int((a * (1 + slack)).rounded(.down)) + 1)  // a ≤ 1e6: validated
        var cursor = BlockingCursor(agents: n, traffic: a)
        /// Whether `n` meets the targets, its margin (for interpolation only), and its tail as summed so far.
        func screen(_ n: Int) -> (meets: Bool, margin: Double, tail: ErlangATail) {
            cursor.move(to: n)
            var verdict = false
            var estimate = 0.0
            var tail = ErlangATail(
                agents: n, load: load, blocking: cursor.blocking, patienceSeconds: patience,
                targetSeconds: targets.targetSeconds)
            tail.advance { partial in
                guard let j = judge(partial, targets) else { return false }
                verdict = j.meets
                estimate = j.margin
                return true
            }
            guard tail.complete else { return (verdict, estimate, tail) }
            let m = tail.metrics()
            return (meets(m, targets), margin(m, targets), tail)
        }
        /// `x` rounded as asked, as an agent count in 1…maxAgents + 1 (x may be huge or not finite).
        func count(_ x: Double, _ rule: FloatingPointRoundingRule, orElse fallback: Int) -> Int {
            guard x.isFinite else { return fallback }
            return Int(min(max(x.rounded(rule), 1), Double(maxAgents + 1)))
        }
        var lo: (n: Int, margin: Double)? = nil  // fails the targets
        var hi: (n: Int, margin: Double, tail: ErlangATail)? = nil  // meets them
        var previous: (n: Int, margin: Double)? = nil
        var widths = (older: Int.max, last: Int.max)  // the last two bracket widths, for the bisection safeguard
        for _ in 0..<maxEvaluations {
            let (ok, g, tail) = screen(n)
            if ok {
                if n < (hi?.n ?? Int.max) { hi = (n, g, tail) }
            } else if n > (lo?.n ?? Int.min) {
                lo = (n, g)
            }
            // Done when hi is 1 or lo is just below it (or at or above it: only a rounding tie
            // could do that, and hi is then the smallest count known to meet the targets).
            if var h = hi, h.n == 1 || (lo.map { h.n - $0.n <= 1 } ?? false) {
                h.tail.advance { _ in false }  // the answer's metrics: the rest of its tail
                return h.tail.metrics()
            }
            var next: Int
            if let l = lo, let h = hi {
                let stalled = 2 * (h.n - l.n) > widths.older
                widths = (widths.last, h.n - l.n)
                // Secant through the last two points (the bracket's ends alone stall on the
                // curved plateau), bisection when it leaves the bracket or stalls.
                var x = Double.nan
                if let p = previous, p.n != n, p.margin != g {
                    x = Double(n) - g * Double(n - p.n) / (g - p.margin)
                } else if h.margin > l.margin {
                    x = Double(l.n) - l.margin * Double(h.n - l.n) / (h.margin - l.margin)
                }
                if stalled || !(x > Double(l.n) && x < Double(h.n)) {
                    next = (l.n + h.n) / 2
                } else {
                    next = Int(x.rounded(.up))  // inside the bracket, so a valid count
                }
                next = min(max(next, l.n + 1), h.n - 1)
            } else {
                // One-sided: extrapolate through the last two points, at least one agent and at most
                // doubling (or halving); the first step is Newton's with the typical logit slope.
                let up = hi == nil
                var guess: Int
                if let p = previous, p.n != n, g != p.margin {
                    let x = Double(n) - g * Double(n - p.n) / (g - p.margin)
                    guess = count(x, up ? .up : .down, orElse: n)
                } else {
                    let jump = count(a.squareRoot() * g.magnitude / logitSlopeTimesRootLoad, .up, orElse: 1)
                    guess = up ? n + jump : n - jump
                }
                next = up ? min(max(guess, n + 1), 2 * n + 1) : max(min(guess, n - 1), n / 2)
                next = max(1, next)
                if next > maxAgents { throw .unreachable("no agent count up to \(maxAgents) meets the targets") }
            }
            previous = (n, g)
            n = next
        }
        throw .unreachable("the agent search did not settle in \(maxEvaluations) evaluations")
    }

    /// `log(p/(1 − p))` with p kept inside (0, 1) so that the result is finite.
    static func logit(_ p: Double) -> Double {
        let q = min(max(p, 0x1p-1000), 1 - 0x1p-53)
        return log(q) - log1p(-q)
    }

    /// `log(limit/value)`, finite for value ≥ 0.
    static func logRatio(_ limit: Double, _ value: Double) -> Double {
        log(limit) - log(max(value, 0x1p-1000))
    }

    /// Smallest slack to the targets (negative when one is missed), on scales where it is close to
    /// linear in n: the service level's logit (SL is a sigmoid in n: flat near 1, steep in between),
    /// the logarithm of ASA and abandonment; for interpolation only.
    static func margin(_ m: QueueMetrics, _ targets: ServiceTargets) -> Double {
        var r = logit(m.serviceLevel) - logit(targets.serviceLevel)
        if let asa = targets.maxASASeconds, asa > 0 { r = min(r, logRatio(asa, m.asaSeconds)) }
        if let ab = targets.maxAbandonRate, ab > 0 { r = min(r, logRatio(ab, m.abandonRate)) }
        // No cap (1): busy agents never exceed agents, and the nearly constant 1 − occupancy would flatten the secant.
        guard targets.maxOccupancy < 1 else { return r }
        return min(r, (targets.maxOccupancy - m.occupancy) / targets.maxOccupancy)
    }

    /// What the certified ranges of a partial tail say about the targets: nil while undecided (a range
    /// within `certifyTolerance` of its limit) or while some range is wider than `marginResolution`
    /// times its distance to the limit; otherwise whether every target is met for any value in the
    /// ranges, with the margin (as `margin`) at the ranges' middle. Comparisons are `meets`' with
    /// `certifyTolerance` added against the ranges' rounding.
    static func judge(_ tail: ErlangATail, _ t: ServiceTargets) -> (meets: Bool, margin: Double)? {
        let tol = certifyTolerance
        // Service level first: it alone leaves most looks undecided, before any other range is worked out.
        guard let sl = tail.serviceLevelRange() else { return nil }
        let slFloor = t.serviceLevel - slack
        var met = sl.lowerBound - tol >= slFloor
        var missed = sl.upperBound + tol < slFloor
        guard met || missed else { return nil }
        /// Whether `r` is narrow against its distance to `limit` (the margin is then known well enough).
        func resolved(_ r: ClosedRange<Double>, _ limit: Double) -> Bool {
            r.upperBound - r.lowerBound <= marginResolution * abs((r.lowerBound + r.upperBound) / 2 - limit)
        }
        var sharp = resolved(sl, t.serviceLevel)
        guard sharp else { return nil }
        var low = logit(sl.lowerBound) - logit(t.serviceLevel)
        var high = logit(sl.upperBound) - logit(t.serviceLevel)
        if let asa = t.maxASASeconds, let r = tail.asaRange() {
            let limit = asa * (1 + slack)
            met = met && r.upperBound * (1 + tol) <= limit
            missed = missed || r.lowerBound * (1 - tol) > limit
            sharp = sharp && resolved(r, asa)
            if asa > 0 {
                low = min(low, logRatio(asa, r.upperBound))
                high = min(high, logRatio(asa, r.lowerBound))
            }
        }
        if let ab = t.maxAbandonRate, let r = tail.abandonRateRange() {
            let limit = ab * (1 + slack)
            met = met && r.upperBound + tol <= limit
            missed = missed || r.lowerBound - tol > limit
            sharp = sharp && resolved(r, ab)
            if ab > 0 {
                low = min(low, logRatio(ab, r.upperBound))
                high = min(high, logRatio(ab, r.lowerBound))
            }
        }
        if let r = tail.occupancyRange() {
            let limit = t.maxOccupancy * (1 + slack)
            met = met && r.upperBound + tol <= limit
            missed = missed || r.lowerBound - tol > limit
            if t.maxOccupancy < 1 {
                sharp = sharp && resolved(r, t.maxOccupancy)
                low = min(low, (t.maxOccupancy - r.upperBound) / t.maxOccupancy)
                high = min(high, (t.maxOccupancy - r.lowerBound) / t.maxOccupancy)
            }
        }
        guard sharp, met || missed else { return nil }
        return (met, (low + high) / 2)
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
