/// What a planner switches on for an outage: when it starts, how big it is, and the levers used.
///
/// The size is either the number of affected customers (the learnt `SurgeScaling` gives peak and
/// shape) or a peak multiplier over the baseline and a half-life (optionally a time to peak).
/// Levers take effect from `leversFrom` (default: the start).
public struct SurgeScenario: Equatable, Sendable {
    /// The surge size.
    public enum Size: Equatable, Sendable {
        /// Use the scaling learnt from incidents with `affected_customers`.
        case affectedCustomers(Double)
        /// Peak calls = multiplier × baseline at the peak; decay half-life in hours; time to peak
        /// in hours (`nil`: 10 minutes, the weak prior's median rise).
        case peak(multiplier: Double, halfLifeHours: Double, timeToPeakHours: Double?)
    }

    /// UTC start of the surge.
    public var start: Int
    /// The size.
    public var size: Size
    /// Only this queue (`nil`: every queue).
    public var queue: String?
    /// Share of calls contained by a bot from `leversFrom`, in [0, 1).
    public var botContainment: Double?
    /// Share of would-be calls deflected (SMS, IVR notice) from `leversFrom`, in [0, 1).
    public var deflection: Double?
    /// UTC instant the levers take effect (`nil`: `start`).
    public var leversFrom: Int?

    /// A scenario.
    public init(
        start: Int, size: Size, queue: String? = nil, botContainment: Double? = nil, deflection: Double? = nil,
        leversFrom: Int? = nil
    ) {
        self.start = start
        self.size = size
        self.queue = queue
        self.botContainment = botContainment
        self.deflection = deflection
        self.leversFrom = leversFrom
    }
}
