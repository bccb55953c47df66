/// The contract limits and prices of an intraday recovery (`headcount callout`): how long a
/// call-in is, the grid extensions and break moves sit on, the longest working day, the overtime
/// price and cap, and the rest between shifts.
///
/// Every default is a named constant with its unit and source. *Edge Cases*: an agent's own
/// `minRestHours` and `overtimeMaxHoursWeek` override `minRestHours` and `overtimeMaxHoursWeek`
/// here; a rest of 0 disables the rest rule (shifts still may not overlap).
public struct RecoveryRules: Sendable, Equatable {
    /// Default call-in length: 4 h, the shortest shift of the sample centre's templates (`peak`).
    public static let defaultCallLengthSeconds = 4 * 3600
    /// Default grid for call-in starts, extensions and break moves: 30 min, the sample shifts' start step.
    public static let defaultStepSeconds = 1800
    /// Default longest working day (first start to last end, breaks included): 10 h, the daily
    /// maximum of German ArbZG §3 (8 h, extendable to 10 h).
    public static let defaultMaxDayLengthSeconds = 10 * 3600
    /// Default overtime price multiplier: 1.5 × `cost_per_hour` ("time and a half").
    public static let defaultOvertimePremium = 1.5
    /// Default overtime cap per core agent and ISO week, hours beyond `max_hours_week`: 8 h (one day's work).
    public static let defaultOvertimeMaxHoursWeek = 8.0
    /// Default minimum rest between two shifts of an agent, hours: 11 h (EU Working Time
    /// Directive 2003/88/EC art. 3; ArbZG §5), the same rule `schedule` keeps (`RestRule`).
    public static let defaultMinRestHours = RestRule.defaultHours
    /// Default half-width of a rostered break's window when no shifts file says otherwise:
    /// the break may move up to 1 h earlier or later, staying inside its shift.
    public static let defaultBreakWindowSeconds = 3600

    /// Length of a call-in shift, seconds.
    public var callLengthSeconds: Int
    /// Call-ins start on this grid from local midnight; extensions and break moves move by multiples of it. Seconds.
    public var stepSeconds: Int
    /// Longest shift after an extension, seconds.
    public var maxDayLengthSeconds: Int
    /// Overtime hours cost this multiple of `cost_per_hour` (≥ 1).
    public var overtimePremium: Double
    /// Overtime cap per core agent and week when the agent has none, hours.
    public var overtimeMaxHoursWeek: Double
    /// Minimum rest between shifts when the agent has none, hours.
    public var minRestHours: Double
    /// Half-width of a break's window around its rostered start when no template gives one, seconds.
    public var breakWindowSeconds: Int

    public init(
        callLengthSeconds: Int = Self.defaultCallLengthSeconds, stepSeconds: Int = Self.defaultStepSeconds,
        maxDayLengthSeconds: Int = Self.defaultMaxDayLengthSeconds,
        overtimePremium: Double = Self.defaultOvertimePremium,
        overtimeMaxHoursWeek: Double = Self.defaultOvertimeMaxHoursWeek,
        minRestHours: Double = Self.defaultMinRestHours,
        breakWindowSeconds: Int = Self.defaultBreakWindowSeconds
    ) {
        self.callLengthSeconds = callLengthSeconds
        self.stepSeconds = stepSeconds
        self.maxDayLengthSeconds = maxDayLengthSeconds
        self.overtimePremium = overtimePremium
        self.overtimeMaxHoursWeek = overtimeMaxHoursWeek
        self.minRestHours = minRestHours
        self.breakWindowSeconds = breakWindowSeconds
    }

    /// The rest an agent needs between shifts, seconds.
    public func restSeconds(for agent: Agent) -> Int {
        RestRule.minRestSeconds(agent: agent, defaultHours: minRestHours)
    }

    /// The overtime hours an agent may work a week.
    public func overtimeCap(for agent: Agent) -> Double {
        let hours = agent.overtimeMaxHoursWeek ?? overtimeMaxHoursWeek
        return hours.isFinite ? min(max(0, hours), 168) : 0
    }
}
