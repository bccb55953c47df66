import Staffing

/// What is asked of a simulation: the demand per interval and queue, who is on duty when, and
/// how callers and agents behave. Times are seconds from `origin` (a UTC instant, the start of
/// interval 0 of a uniform grid of `intervalSeconds`).
///
/// *Edge Cases*: intervals without a demand row have no arrivals (closed hours); duty spans
/// may start before 0 or end after the grid (they are clipped to `[0, ∞)`); several queues
/// share one pool of agents, served first come first served across queues.
public struct SimulationScenario: Sendable {
    /// One reported interval of one queue.
    public struct Demand: Equatable, Sendable {
        /// Grid interval index (interval `k` covers `[k·intervalSeconds, (k+1)·intervalSeconds)`).
        public var interval: Int
        /// Calls forecast to arrive, before levers (may be fractional: it is a Poisson mean).
        public var calls: Double
        /// Mean handle time of calls arriving in the interval, seconds.
        public var ahtSeconds: Double

        /// A demand row.
        public init(interval: Int, calls: Double, ahtSeconds: Double) {
            self.interval = interval
            self.calls = calls
            self.ahtSeconds = ahtSeconds
        }
    }

    /// A queue and its demand rows (in time order, each interval at most once).
    public struct Queue: Equatable, Sendable {
        /// The queue's name (`nil` for a file without a queue column).
        public var name: String?
        /// Demand rows; intervals without a row are closed.
        public var demand: [Demand]

        /// A queue.
        public init(name: String?, demand: [Demand]) {
            self.name = name
            self.demand = demand
        }
    }

    /// One agent on the phones from `start` to `end` (seconds from the origin).
    public struct DutySpan: Equatable, Sendable {
        /// Agent index, 0-based (an agent may have many spans, e.g. around a break).
        public var agent: Int
        public var start: Double
        public var end: Double

        /// A span of duty.
        public init(agent: Int, start: Double, end: Double) {
            self.agent = agent
            self.start = start
            self.end = end
        }
    }

    /// Callers who hung up call again with `probability`, after an exponential delay.
    public struct Redial: Equatable, Sendable {
        /// Probability that an abandoned caller calls again (0–1).
        public var probability: Double
        /// Mean delay before the new attempt, seconds.
        public var meanDelaySeconds: Double

        /// A redial policy.
        public init(probability: Double, meanDelaySeconds: Double) {
            self.probability = probability
            self.meanDelaySeconds = meanDelaySeconds
        }
    }

    /// UTC instant of the start of interval 0.
    public var origin: Int
    /// Interval length, seconds.
    public var intervalSeconds: Int
    /// Number of grid intervals (the horizon is `intervalCount × intervalSeconds`).
    public var intervalCount: Int
    /// Queues with their demand.
    public var queues: [Queue]
    /// Duty spans of every agent.
    public var duty: [DutySpan]
    /// Handle-time shape around each interval's AHT.
    public var handleTime: HandleTimeDistribution
    /// Caller patience.
    public var patience: PatienceDistribution
    /// Service-level threshold, seconds.
    public var targetSeconds: Double
    /// Deflection and bot containment, applied to arrivals as `staff` does.
    public var levers: LoadLevers
    /// Share of calls in a priority class served first (non-preemptive), 0 for none.
    public var priorityShare: Double
    /// Redials after abandonment, if any.
    public var redial: Redial?
    /// Calls already waiting at time 0 (an intraday what-if from the live queue), spread over
    /// the queues in proportion to their first interval's calls.
    public var initialQueue: Int
    /// First attempts replayed from a call log instead of drawn as Poisson arrivals: per queue,
    /// arrival times in seconds from the origin, in time order (outside the grid: ignored). Levers
    /// still apply (each replayed call reaches agents with probability `(1 − d)(1 − b)`).
    public var replayedArrivals: [[Double]]? = nil
    /// Levers per grid interval (`intervalCount` entries), for a horizon whose levers change — a
    /// surge scenario switches bots and SMS on from its `from` time, as `Staffing.LeverSchedule`
    /// tells staffing. `nil`: `levers` in every interval.
    public var intervalLevers: [LoadLevers]? = nil
    /// Share of the agents on duty who answer calls, per grid interval (`intervalCount` entries in
    /// [0, 1]): `1 − shrinkage`, so that the simulation sees the agents staffing counted on. At every
    /// moment `⌊(agents on duty by the roster) × share⌋` agents are on the phones (see
    /// `SimulationPlan.answering`). `nil`: every agent on duty answers, as the roster says.
    public var answeringShare: [Double]? = nil

    /// A scenario; behaviour defaults to the Erlang C assumptions.
    public init(
        origin: Int = 0, intervalSeconds: Int, intervalCount: Int, queues: [Queue], duty: [DutySpan],
        handleTime: HandleTimeDistribution = .exponential, patience: PatienceDistribution = .infinite,
        targetSeconds: Double = 20, levers: LoadLevers = LoadLevers(), priorityShare: Double = 0,
        redial: Redial? = nil, initialQueue: Int = 0
    ) {
        self.origin = origin
        self.intervalSeconds = intervalSeconds
        self.intervalCount = intervalCount
        self.queues = queues
        self.duty = duty
        self.handleTime = handleTime
        self.patience = patience
        self.targetSeconds = targetSeconds
        self.levers = levers
        self.priorityShare = priorityShare
        self.redial = redial
        self.initialQueue = initialQueue
    }

    /// The levers in force in grid interval `k`.
    public func levers(atInterval k: Int) -> LoadLevers {
        guard let intervalLevers, k >= 0, k < intervalLevers.count else { return levers }
        return intervalLevers[k]
    }

    /// Number of agents (one more than the largest agent index).
    public var agentCount: Int { (duty.map(\.agent).max() ?? -1) + 1 }

    /// Checks every parameter's domain.
    /// - Throws: `SimulationError.invalidParameter` naming the first bad one and its range.
    public func validate() throws(SimulationError) {
        func check(_ ok: Bool, _ name: String, _ v: Double, _ expected: String) throws(SimulationError) {
            if !ok || v.isNaN { throw .invalidParameter(name: name, value: v, expected: expected) }
        }
        try check(intervalSeconds > 0, "interval", Double(intervalSeconds), "seconds > 0")
        try check(
            intervalCount > 0 && intervalCount <= 10_000_000, "horizon", Double(intervalCount),
            "between 1 and 10,000,000 intervals")
        try check(!queues.isEmpty, "queues", 0, "at least one queue with demand")
        for q in queues {
            for d in q.demand {
                try check(d.interval >= 0 && d.interval < intervalCount, "interval", Double(d.interval), "on the grid")
                try check(d.calls >= 0 && d.calls.isFinite, "calls", d.calls, "a number of calls ≥ 0")
                try check(d.ahtSeconds > 0 && d.ahtSeconds.isFinite, "--aht", d.ahtSeconds, "seconds > 0")
            }
        }
        for s in duty {
            try check(s.agent >= 0 && s.agent < 10_000_000, "agent", Double(s.agent), "an index in 0..<10,000,000")
            try check(s.start.isFinite && s.end.isFinite, "duty", s.start, "finite times")
        }
        if case .lognormal(let cv) = handleTime {
            try check(cv > 0 && cv <= 20, "--handle-cv", cv, "a coefficient of variation in (0, 20]")
        }
        switch patience {
        case .infinite: break
        case .exponential(let m): try check(m > 0 && m.isFinite, "--patience", m, "seconds > 0")
        case .empirical(let atoms, let cumulative, let tail):
            try check(
                !atoms.isEmpty && atoms.count == cumulative.count, "--patience-log", Double(atoms.count),
                "at least one abandoned call")
            try check(tail > 0 && tail.isFinite, "--patience-log", tail, "a positive tail mean")
        }
        try check(targetSeconds >= 0 && targetSeconds.isFinite, "--target-seconds", targetSeconds, "seconds ≥ 0")
        try check(
            levers.deflection >= 0 && levers.deflection < 1, "--deflection", levers.deflection, "a share in [0, 1)")
        try check(
            levers.botContainment >= 0 && levers.botContainment < 1, "--bot-containment", levers.botContainment,
            "a share in [0, 1)")
        if let intervalLevers {
            try check(
                intervalLevers.count == intervalCount, "interval levers", Double(intervalLevers.count),
                "one per grid interval")
            for l in intervalLevers {
                try check(l.deflection >= 0 && l.deflection < 1, "deflection", l.deflection, "a share in [0, 1)")
                try check(
                    l.botContainment >= 0 && l.botContainment < 1, "bot containment", l.botContainment,
                    "a share in [0, 1)")
            }
        }
        if let answeringShare {
            try check(
                answeringShare.count == intervalCount, "answering share", Double(answeringShare.count),
                "one per grid interval")
            for a in answeringShare {
                try check(a >= 0 && a <= 1, "answering share", a, "a share in [0, 1] (1 − shrinkage)")
            }
        }
        try check(priorityShare >= 0 && priorityShare < 1, "--priority-share", priorityShare, "a share in [0, 1)")
        if let r = redial {
            try check(r.probability >= 0 && r.probability <= 1, "--redial", r.probability, "a probability in [0, 1]")
            try check(
                r.meanDelaySeconds > 0 && r.meanDelaySeconds.isFinite, "--redial-delay", r.meanDelaySeconds,
                "a positive delay like 10m")
        }
        if let replay = replayedArrivals {
            try check(
                replay.count == queues.count, "--arrivals-log", Double(replay.count), "one arrival list per queue")
            for times in replay {
                try check(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 }, "--arrivals-log", 0, "times in order")
            }
        }
        try check(
            initialQueue >= 0 && initialQueue <= 10_000_000, "--initial-queue", Double(initialQueue),
            "a number of waiting calls in 0...10,000,000")
    }
}
