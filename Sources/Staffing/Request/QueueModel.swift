/// Which queueing model turns load and agents into service metrics.
public enum QueueModel: Equatable, Sendable {
    /// M/M/n with infinite patience (Erlang 1917). Unstable when agents ≤ traffic.
    case erlangC
    /// M/M/n+M: exponential patience with the given mean in seconds (Palm 1943;
    /// Garnett, Mandelbaum & Reiman 2002). Stable for any number of agents.
    case erlangA(patienceSeconds: Double)
}

/// The service targets a staffing solution must meet, all at once.
public struct ServiceTargets: Equatable, Sendable {
    /// Minimum share of offered calls answered within `targetSeconds` (0–1).
    public var serviceLevel: Double
    /// The service-level threshold in seconds (0 allowed: answered without waiting).
    public var targetSeconds: Double
    /// Maximum average speed of answer in seconds, if any.
    public var maxASASeconds: Double?
    /// Maximum abandonment rate (share of offered calls), if any (Erlang A only).
    public var maxAbandonRate: Double?
    /// Maximum occupancy (share of agent time busy), 1 for none.
    public var maxOccupancy: Double

    /// Targets; only `serviceLevel` and `targetSeconds` are required.
    public init(
        serviceLevel: Double, targetSeconds: Double, maxASASeconds: Double? = nil,
        maxAbandonRate: Double? = nil, maxOccupancy: Double = 1
    ) {
        self.serviceLevel = serviceLevel
        self.targetSeconds = targetSeconds
        self.maxASASeconds = maxASASeconds
        self.maxAbandonRate = maxAbandonRate
        self.maxOccupancy = maxOccupancy
    }
}

/// A high-priority class served ahead of the others (non-preemptive priority, equal
/// service rates), with its own service-level target.
public struct PriorityClass: Equatable, Sendable {
    /// Share of calls in the priority class (0–1, exclusive).
    public var share: Double
    /// Its service-level target (0–1).
    public var serviceLevel: Double
    /// Its service-level threshold in seconds.
    public var targetSeconds: Double

    /// A priority class of `share` of the calls with its own target.
    public init(share: Double, serviceLevel: Double, targetSeconds: Double) {
        self.share = share
        self.serviceLevel = serviceLevel
        self.targetSeconds = targetSeconds
    }
}
