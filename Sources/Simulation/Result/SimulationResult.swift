import Staffing

/// The replications of a simulation and what they say, beside Erlang's promise.
///
/// Every figure combines replications in replication order (see `Estimate` for the confidence
/// intervals), so it is the same whatever the number of cores.
public struct SimulationResult: Sendable {
    /// The scenario simulated.
    public let scenario: SimulationScenario
    /// Per-replication counts, in replication order.
    public let replications: [ReplicationTally]
    /// Erlang's promise per grid interval (`nil` where no queue has demand).
    public let promises: [ErlangPromise?]

    init(simulator: Simulator, replications: [ReplicationTally]) {
        scenario = simulator.scenario
        self.replications = replications
        promises = Self.promises(simulator.scenario, simulator.plan)
    }

    /// Calls simulated over all replications.
    public var simulatedCalls: Int { replications.reduce(0) { $0 + $1.calls } }

    /// The outcome of the calls that arrived in `intervals` for the queues `queues` (all when
    /// `nil`); occupancy is the pool's over those intervals.
    public func outcome(intervals: [Int], queues: [Int]? = nil) -> IntervalOutcome {
        let qs = queues ?? Array(0..<scenario.queues.count)
        let nq = scenario.queues.count
        let f = ReplicationTally.fields
        func sums(_ field: Int) -> [Double] {
            replications.map { t in
                var s = 0.0
                for k in intervals { for q in qs { s += t.cells[(k * nq + q) * f + field] } }
                return s
            }
        }
        let offered = sums(ReplicationTally.offered)
        let answered = sums(ReplicationTally.answered)
        let within = sums(ReplicationTally.answeredWithin)
        let abandoned = sums(ReplicationTally.abandoned)
        let wait = sums(ReplicationTally.waitAnswered)
        let redials = sums(ReplicationTally.redials)
        let distinct = Array(Set(intervals)).sorted()
        let busy = replications.map { t in distinct.reduce(0) { $0 + t.pool[$1 * 2] } }
        let staffed = replications.map { t in distinct.reduce(0) { $0 + t.pool[$1 * 2 + 1] } }
        return IntervalOutcome(
            offered: .mean(offered), answered: .mean(answered), abandoned: .mean(abandoned), redials: .mean(redials),
            serviceLevel: .ratio(within, offered), abandonRate: .ratio(abandoned, offered),
            asaSeconds: .ratio(wait, answered), occupancy: .ratio(busy, staffed))
    }

    /// Erlang's service level and abandon rate over `intervals`, weighted by calls.
    public func promise(intervals: [Int]) -> (serviceLevel: Double, abandonRate: Double) {
        var calls = 0.0
        var sl = 0.0
        var ab = 0.0
        for k in Set(intervals).sorted() {
            guard let p = promises[k], p.calls > 0 else { continue }
            calls += p.calls
            sl += p.calls * p.serviceLevel
            ab += p.calls * p.abandonRate
        }
        return calls > 0 ? (sl / calls, ab / calls) : (.nan, .nan)
    }

    // MARK: Erlang's promise

    static func promises(_ s: SimulationScenario, _ plan: SimulationPlan) -> [ErlangPromise?] {
        let iv = plan.intervalLength
        // Time-averaged agents on duty per interval, by a sweep over the roster's transitions.
        var onDuty = [Double](repeating: 0, count: plan.intervals)
        var level = 0
        var last = 0.0
        func integrate(to t: Double) {
            var from = last
            while from < t {
                let k = Int(from / iv)
                guard k < plan.intervals else { break }
                let end = min(t, Double(k + 1) * iv)
                onDuty[k] += Double(level) * (end - from)
                from = end
            }
            last = max(last, t)
        }
        for (t, code) in zip(plan.transitionTimes, plan.transitionCodes) {
            integrate(to: min(t, plan.horizon))
            level += code & 1 == 1 ? 1 : -1
        }
        integrate(to: plan.horizon)
        var calls = [Double](repeating: 0, count: plan.intervals)
        var work = [Double](repeating: 0, count: plan.intervals)
        var open = [Bool](repeating: false, count: plan.intervals)
        for queue in s.queues {
            for d in queue.demand {
                let c = s.levers(atInterval: d.interval).callsReachingAgents(d.calls)
                calls[d.interval] += c
                work[d.interval] += c * d.ahtSeconds
                open[d.interval] = true
            }
        }
        let patience = s.patience.meanSeconds
        return (0..<plan.intervals).map { k -> ErlangPromise? in
            guard open[k] else { return nil }
            let agents = onDuty[k] / iv
            guard calls[k] > 0 else {
                return ErlangPromise(
                    agentsOnDuty: agents, calls: 0, serviceLevel: 1, abandonRate: 0, asaSeconds: 0, occupancy: 0)
            }
            let load = QueueLoad(calls: calls[k], intervalSeconds: iv, ahtSeconds: work[k] / calls[k])
            let lower = Int(agents.rounded(.down))
            let weight = agents - Double(lower)
            let a = metrics(lower, load, s, patience)
            let b = weight > 1e-9 ? metrics(lower + 1, load, s, patience) : a
            func mix(_ x: Double, _ y: Double) -> Double {
                weight > 1e-9 ? (x.isFinite && y.isFinite ? x + weight * (y - x) : .infinity) : x
            }
            return ErlangPromise(
                agentsOnDuty: agents, calls: calls[k], serviceLevel: mix(a.serviceLevel, b.serviceLevel),
                abandonRate: mix(a.abandonRate, b.abandonRate), asaSeconds: mix(a.asaSeconds, b.asaSeconds),
                occupancy: mix(a.occupancy, b.occupancy))
        }
    }

    /// Erlang C (or A, or priority Erlang C) metrics for `n` whole agents; nobody: nothing answered.
    static func metrics(_ n: Int, _ load: QueueLoad, _ s: SimulationScenario, _ patience: Double) -> QueueMetrics {
        guard n > 0 else {
            return QueueMetrics(
                trafficErlangs: load.trafficErlangs, agents: 0, waitProbability: 1, serviceLevel: 0,
                asaSeconds: .infinity, occupancy: 1, abandonRate: patience.isFinite ? 1 : 0, stable: false)
        }
        if patience.isFinite {
            return ErlangA.metrics(agents: n, load: load, patienceSeconds: patience, targetSeconds: s.targetSeconds)
        }
        var m = ErlangC.metrics(agents: n, load: load, targetSeconds: s.targetSeconds)
        if s.priorityShare > 0, m.stable {
            let p = PriorityErlangC.metrics(
                agents: n, load: load,
                priority: PriorityClass(share: s.priorityShare, serviceLevel: 0.5, targetSeconds: s.targetSeconds),
                targetSeconds: s.targetSeconds)
            m.serviceLevel = s.priorityShare * p.prioritySL + (1 - s.priorityShare) * p.standardSL
        }
        return m
    }
}
