/// A staffing request that makes no sense, with what was expected.
public enum StaffingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A parameter outside its domain (the message names it in the model's words, e.g.
    /// `AHT seconds`, and its allowed range; front ends map names to their own spelling).
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
    if abs(v) < 1e15, let n = Int(exactly: v) { return String(n) }
    return String(v)
}
