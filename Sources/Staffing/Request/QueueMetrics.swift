/// What a queue delivers with a given number of agents.
///
/// Definitions (Koole, *Call Center Optimization*, 2013, ch. 4–5):
/// - `waitProbability`: P(all agents busy on arrival) — Erlang C's C(n, a); for Erlang A the
///   probability an arrival must queue (PASTA).
/// - `serviceLevel`: calls **answered** within the threshold over **all offered** calls; with
///   abandonment, calls that abandon count as failures (the reference's primary definition).
/// - `asaSeconds`: mean wait of answered calls; `.infinity` when Erlang C is unstable.
/// - `occupancy`: carried load over agents — `a/n` for Erlang C; `a·P(answered)/n` for Erlang A.
/// - `abandonRate`: share of offered calls that abandon (0 for Erlang C).
public struct QueueMetrics: Equatable, Sendable {
    /// Offered traffic in Erlangs.
    public var trafficErlangs: Double
    /// Agents on the phones.
    public var agents: Int
    /// Probability an arriving call waits.
    public var waitProbability: Double
    /// Answered within the threshold, over offered calls.
    public var serviceLevel: Double
    /// Average speed of answer (answered calls), seconds; `.infinity` if unstable.
    public var asaSeconds: Double
    /// Share of agent time busy with calls.
    public var occupancy: Double
    /// Share of offered calls that abandon.
    public var abandonRate: Double
    /// `false` for Erlang C with agents ≤ traffic (the queue grows without bound).
    public var stable: Bool

    /// Metrics with the given values.
    public init(
        trafficErlangs: Double, agents: Int, waitProbability: Double, serviceLevel: Double,
        asaSeconds: Double, occupancy: Double, abandonRate: Double, stable: Bool
    ) {
        self.trafficErlangs = trafficErlangs
        self.agents = agents
        self.waitProbability = waitProbability
        self.serviceLevel = serviceLevel
        self.asaSeconds = asaSeconds
        self.occupancy = occupancy
        self.abandonRate = abandonRate
        self.stable = stable
    }

    /// A queue with no calls: nothing waits, nothing abandons.
    @usableFromInline static func idle(agents: Int) -> QueueMetrics {
        QueueMetrics(
            trafficErlangs: 0, agents: agents, waitProbability: 0, serviceLevel: 1, asaSeconds: 0,
            occupancy: 0, abandonRate: 0, stable: true)
    }
}

/// Metrics of the two classes under non-preemptive priority.
public struct PriorityMetrics: Equatable, Sendable {
    /// Service level of the priority class within its own threshold.
    public var prioritySL: Double
    /// Mean wait of the priority class, seconds.
    public var priorityASASeconds: Double
    /// Service level of the other calls within the main threshold.
    public var standardSL: Double
    /// Mean wait of the other calls, seconds.
    public var standardASASeconds: Double
}
