/// What the simulation says a group of calls got (one interval of one queue, a day, the whole
/// horizon): counts per replication and the `Staffing` metrics, each with its 95 % half-width.
///
/// Definitions as in `Staffing` (Koole 2013): service level = answered within the threshold over
/// **all offered** calls (abandoned calls are failures); abandon rate = abandoned / offered; ASA =
/// mean wait of answered calls; occupancy = busy agent time / staffed agent time (staffed = on
/// duty by the roster, or finishing a call after going off). Redials count as offered calls.
public struct IntervalOutcome: Equatable, Sendable {
    /// Offered calls per replication (first attempts, redials and the initial queue).
    public var offered: Estimate
    /// Answered calls per replication.
    public var answered: Estimate
    /// Abandoned calls per replication.
    public var abandoned: Estimate
    /// Redials among the offered calls, per replication.
    public var redials: Estimate
    /// Answered within the threshold over offered.
    public var serviceLevel: Estimate
    /// Abandoned over offered.
    public var abandonRate: Estimate
    /// Mean wait of answered calls, seconds.
    public var asaSeconds: Estimate
    /// Busy over staffed agent time.
    public var occupancy: Estimate
}
