/// A staffing request that makes no sense, with what was expected.
public enum StaffingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A parameter outside its domain (the message names it and its allowed range).
    case invalidParameter(name: String, value: Double, expected: String)
    /// The targets cannot be met by any number of agents up to the search limit.
    case unreachable(String)

    public var description: String {
        switch self {
        case .invalidParameter(let n, let v, let e): "\(n) \(formatNumber(v)) is out of range; expected \(e)"
        case .unreachable(let message): message
        }
    }
}

func formatNumber(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
}
