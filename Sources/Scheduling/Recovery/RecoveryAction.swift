import CallData

/// One step of an intraday recovery: a call-in, an extension, overtime, or a moved break.
///
/// *Postconditions* (of `RecoveryPlanner`): `start < end`; for `callIn`, `extend` and `overtime`
/// the span `[start, end)` is worked time added to the agent's day, `paidHours` its length in hours
/// and `cost` its price (`overtime` at the premium); for `moveBreak` it is the break's new place,
/// `paidHours` and `cost` are 0.
public struct RecoveryAction: Sendable, Equatable {
    /// What kind of action.
    public enum Kind: String, Sendable, CaseIterable {
        /// An on-demand agent works a call-in shift on a day the roster gives them none.
        case callIn = "call_in"
        /// A rostered shift starts earlier or ends later, within the weekly maximum (`max_hours_week`).
        case extend
        /// A core agent's extension beyond `max_hours_week`, paid at the overtime premium.
        case overtime
        /// A rostered break moves within its window.
        case moveBreak = "move_break"
    }

    public var agentID: String
    public var kind: Kind
    /// UTC seconds.
    public var start: Int
    /// UTC seconds.
    public var end: Int
    public var paidHours: Double
    public var cost: Double

    public init(agentID: String, kind: Kind, start: Int, end: Int, paidHours: Double, cost: Double) {
        self.agentID = agentID
        self.kind = kind
        self.start = start
        self.end = end
        self.paidHours = paidHours
        self.cost = cost
    }
}
