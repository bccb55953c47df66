/// The work offered to a queue in one interval.
public struct QueueLoad: Equatable, Sendable {
    /// Calls offered in the interval (may be fractional in forecasts).
    public var calls: Double
    /// Interval length in seconds.
    public var intervalSeconds: Double
    /// Mean handle time in seconds (talk + hold + wrap-up).
    public var ahtSeconds: Double

    /// A load of `calls` calls per `intervalSeconds` seconds with mean handle time `ahtSeconds`.
    public init(calls: Double, intervalSeconds: Double, ahtSeconds: Double) {
        self.calls = calls
        self.intervalSeconds = intervalSeconds
        self.ahtSeconds = ahtSeconds
    }

    /// Offered traffic in Erlangs: `a = calls × aht / interval`.
    @inlinable public var trafficErlangs: Double { calls * ahtSeconds / intervalSeconds }
    /// Arrival rate per second.
    @inlinable public var arrivalRate: Double { calls / intervalSeconds }
}

/// Levers from the outage playbook that cut the load before it reaches agents.
public struct LoadLevers: Equatable, Sendable {
    /// Share of would-be callers stopped by a proactive SMS / outbound notice (0–1).
    public var deflection: Double
    /// Share of the calls that do arrive fully handled by a phone bot / IVR (0–1).
    public var botContainment: Double

    /// Levers with the given shares (both default to 0: no effect).
    public init(deflection: Double = 0, botContainment: Double = 0) {
        self.deflection = deflection
        self.botContainment = botContainment
    }

    /// Calls that still reach agents: `calls × (1 − deflection) × (1 − botContainment)`.
    @inlinable
    public func callsReachingAgents(_ calls: Double) -> Double {
        calls * (1 - deflection) * (1 - botContainment)
    }
}
