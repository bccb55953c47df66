/// What a planner asks for one interval: the load, the model, the targets and the levers.
public struct StaffingRequest: Equatable, Sendable {
    /// Calls, interval and AHT before levers.
    public var load: QueueLoad
    /// Erlang C or Erlang A.
    public var model: QueueModel
    /// Targets to meet at once.
    public var targets: ServiceTargets
    /// Share of paid time agents are not on the phones (breaks, training, absence), 0 ≤ s < 1.
    public var shrinkage: Double
    /// Deflection and bot containment, applied before staffing.
    public var levers: LoadLevers
    /// An optional priority class (Erlang C only).
    public var priority: PriorityClass?

    /// A request; shrinkage, levers and priority default to none.
    public init(
        load: QueueLoad, model: QueueModel = .erlangC, targets: ServiceTargets, shrinkage: Double = 0,
        levers: LoadLevers = LoadLevers(), priority: PriorityClass? = nil
    ) {
        self.load = load
        self.model = model
        self.targets = targets
        self.shrinkage = shrinkage
        self.levers = levers
        self.priority = priority
    }

    /// The load that reaches agents after deflection and bot containment.
    public var effectiveLoad: QueueLoad {
        QueueLoad(
            calls: levers.callsReachingAgents(load.calls), intervalSeconds: load.intervalSeconds,
            ahtSeconds: load.ahtSeconds)
    }

    /// The largest offered load accepted, in Erlangs: 150 times the largest case of the shared
    /// reference set (6,667 Erlangs), far beyond any single queue; beyond it agent counts stop
    /// being meaningful and the solvers' integer arithmetic could overflow.
    public static let maxTrafficErlangs = 1_000_000.0
    /// The shortest mean handle time accepted, seconds (shorter is not a call; it would also make
    /// the priority model's uniformisation rate unbounded).
    public static let minAHTSeconds = 1.0
    /// The longest handle time, threshold or patience accepted, seconds: one week
    /// (`PlausibilityLimits.durationSeconds` of the data files).
    public static let maxSeconds = 604_800.0

    /// Checks every parameter's domain.
    /// - Throws: `StaffingError.invalidParameter` naming the first bad one (in the model's words:
    ///   `calls`, `AHT seconds`, `service-level target`, …) and its range.
    public func validate(requireTargets: Bool = true) throws(StaffingError) {
        func check(_ ok: Bool, _ name: String, _ v: Double, _ expected: String) throws(StaffingError) {
            if !ok || v.isNaN { throw .invalidParameter(name: name, value: v, expected: expected) }
        }
        try check(load.calls >= 0 && load.calls.isFinite, "calls", load.calls, "a number of calls ≥ 0")
        try check(load.intervalSeconds > 0, "interval seconds", load.intervalSeconds, "a positive length in seconds")
        try check(
            load.ahtSeconds >= Self.minAHTSeconds && load.ahtSeconds <= Self.maxSeconds, "AHT seconds",
            load.ahtSeconds, "seconds from 1 to 604800 (a week)")
        if requireTargets {
            try check(
                targets.serviceLevel > 0 && targets.serviceLevel < 1, "service-level target", targets.serviceLevel,
                "a share strictly between 0 and 1, e.g. 0.8")
        }
        try check(
            targets.targetSeconds >= 0 && targets.targetSeconds <= Self.maxSeconds, "service-level threshold seconds",
            targets.targetSeconds, "seconds ≥ 0")
        try check(
            targets.maxOccupancy > 0 && targets.maxOccupancy <= 1, "maximum occupancy", targets.maxOccupancy,
            "a share in (0, 1]")
        if let v = targets.maxASASeconds { try check(v > 0 && v.isFinite, "maximum ASA seconds", v, "seconds > 0") }
        if let v = targets.maxAbandonRate {
            try check(v > 0 && v < 1, "maximum abandonment rate", v, "a share strictly between 0 and 1")
        }
        try check(shrinkage >= 0 && shrinkage < 1, "shrinkage", shrinkage, "a share in [0, 1)")
        try check(
            levers.deflection >= 0 && levers.deflection < 1, "deflection", levers.deflection, "a share in [0, 1)")
        try check(
            levers.botContainment >= 0 && levers.botContainment < 1, "bot containment", levers.botContainment,
            "a share in [0, 1)")
        if case .erlangA(let patience) = model {
            try check(
                patience > 0 && patience <= Self.maxSeconds, "patience seconds", patience, "seconds > 0, at most 604800"
            )
        }
        if let p = priority {
            try check(p.share > 0 && p.share < 1, "priority share", p.share, "a share strictly between 0 and 1")
            try check(
                p.serviceLevel > 0 && p.serviceLevel < 1, "priority service-level target", p.serviceLevel,
                "a share strictly between 0 and 1")
            try check(
                p.targetSeconds >= 0 && p.targetSeconds <= Self.maxSeconds, "priority threshold seconds",
                p.targetSeconds, "seconds from 0 to 604800")
            if case .erlangA = model {
                throw .invalidParameter(
                    name: "priority share", value: p.share,
                    expected: "no priority class with Erlang A (the priority model is Erlang C)")
            }
        }
        if let v = targets.maxAbandonRate, case .erlangC = model {
            throw .invalidParameter(
                name: "maximum abandonment rate", value: v, expected: "Erlang A (Erlang C has no abandonment)")
        }
        let traffic = effectiveLoad.trafficErlangs
        if !(traffic <= StaffingRequest.maxTrafficErlangs) {
            throw .invalidParameter(
                name: "offered traffic", value: traffic,
                expected:
                    "at most \(formatNumber(StaffingRequest.maxTrafficErlangs)) Erlangs (calls × AHT / interval); split the queue or check the units"
            )
        }
    }
}

/// The answer for one interval.
public struct StaffingResult: Equatable, Sendable {
    /// Calls that reach agents (after levers).
    public var callsReachingAgents: Double
    /// Metrics at the required (or given) number of agents on the phones.
    public var metrics: QueueMetrics
    /// Agents to schedule: `⌈agents / (1 − shrinkage)⌉`.
    public var scheduledAgents: Int
    /// Class metrics when a priority class was given.
    public var priority: PriorityMetrics?
}
