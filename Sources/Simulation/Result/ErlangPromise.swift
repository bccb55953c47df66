/// What Erlang C (or A) promises for one interval with the agents the roster has on duty.
///
/// Agents on duty is the time average of the roster's count over the interval (a shift edge or
/// break inside it gives a fraction); metrics for a fractional count interpolate linearly
/// between its floor and ceiling. The load is the interval's calls after levers, summed over
/// queues (they share the agents), with the call-weighted mean AHT.
public struct ErlangPromise: Equatable, Sendable {
    /// Time-averaged agents on duty.
    public var agentsOnDuty: Double
    /// Calls reaching agents (after levers, all queues).
    public var calls: Double
    /// Erlang's service level (answered within the threshold over offered).
    public var serviceLevel: Double
    /// Erlang A's abandon rate (0 for Erlang C).
    public var abandonRate: Double
    /// Erlang's ASA, seconds (`.infinity` when Erlang C is unstable).
    public var asaSeconds: Double
    /// Erlang's occupancy.
    public var occupancy: Double
}
