/// Errors of the surge capability that a planner can act on.
public enum SurgeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A scenario sized by affected customers, but no incident with `affected_customers` could be fitted.
    case noScaling(queue: String?)

    public var description: String {
        switch self {
        case .noScaling(let q):
            "scenario gives affected_customers, but no incident with affected_customers could be fitted"
                + (q.map { " for queue \($0)" } ?? "")
                + "; pass --incidents with an affected_customers column, or use peak_multiplier and half_life"
        }
    }
}
