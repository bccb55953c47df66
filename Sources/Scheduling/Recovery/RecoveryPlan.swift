import CallData

/// The answer of `RecoveryPlanner`: the actions, the gap left per interval, and why it is left.
///
/// *Postconditions*: `actions` sorted by start, agent, kind; `intervals` in time order, one per
/// interval of the request, `remaining = max(0, gap − added)`; `uncovered` is the sum of
/// `remaining`; `reasons` is empty when `uncovered` is 0, else one entry per reason with the number
/// of agents it applies to (each agent counted once, under its most frequent reason over the
/// uncovered intervals), most agents first.
public struct RecoveryPlan: Sendable {
    /// One interval after the recovery.
    public struct Interval: Sendable, Equatable {
        public var start: Int
        public var utcOffset: Int
        /// Agents short before the recovery (≤ 0: none).
        public var gap: Int
        /// Agents the actions add here (negative where a break moved in).
        public var added: Int
        /// Agents still short: `max(0, gap − added)`.
        public var remaining: Int { max(0, gap - added) }
    }

    /// Why some agents could not help, and how many.
    public struct Reason: Sendable, Equatable {
        /// The reason, for several agents: "on-demand agents not available on Wednesdays".
        public var text: String
        public var agents: Int

        /// The count and the reason, its first "agents" singular for one agent:
        /// "1 on-demand agent not available on Wednesdays".
        public var line: String {
            var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard agents == 1, let k = words.firstIndex(of: "agents") else { return "\(agents) \(text)" }
            words[k] = "agent"
            return "1 " + words.joined(separator: " ")
        }
    }

    public var actions: [RecoveryAction]
    public var intervals: [Interval]
    public var reasons: [Reason]
    /// Whether CBC proved the plan optimal (coverage first, then cost).
    public var provenOptimal: Bool

    /// Agent-intervals still short.
    public var uncovered: Int { intervals.reduce(0) { $0 + $1.remaining } }
    /// Agent-intervals short before the recovery.
    public var shortBefore: Int { intervals.reduce(0) { $0 + max(0, $1.gap) } }
    /// Total price of the actions.
    public var cost: Double { actions.reduce(0) { $0 + $1.cost } }
    /// Paid hours the actions add.
    public var paidHours: Double { actions.reduce(0) { $0 + $1.paidHours } }
}
