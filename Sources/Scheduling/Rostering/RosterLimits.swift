/// How long the roster search may run: a wall-clock deadline or a deterministic work budget.
public enum RosterLimits: Sendable, Equatable {
    /// Seconds of wall time for the whole search (construction, CBC, improvement).
    case time(seconds: Double)
    /// A machine-independent budget: at most `units` CBC branch-and-bound nodes on the class
    /// program and on each class subproblem (lean: no cuts, strong branching or heuristics, so a
    /// node costs about one dual simplex) and `units` large-neighbourhood moves. The clock is never read, so the same input
    /// gives the same roster, byte for byte, on any machine.
    case work(units: Int)
}

/// A snapshot of the search for progress displays.
public struct RosterProgress: Sendable {
    /// What the search is doing (`construction`, `class program`, `improvement`, `done`).
    public var phase: String
    public var elapsedSeconds: Double
    /// Best roster cost so far (`.infinity` before the first roster).
    public var cost: Double
    /// Best valid lower bound so far (0 before one is proved).
    public var bound: Double
    public var gap: Double { cost.isFinite && cost > 0 ? max(0, cost - bound) / cost : .infinity }
}
