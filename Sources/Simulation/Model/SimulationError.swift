/// A simulation request that makes no sense, with what was expected.
public enum SimulationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A parameter outside its domain (the message names it and its allowed range).
    case invalidParameter(name: String, value: Double, expected: String)
    /// A forecast interval without a handle time and no `--aht` to fall back on.
    case missingHandleTime(file: String, interval: String)
    /// A forecast interval whose start is not on the UTC grid of the first one.
    case offGrid(file: String, interval: String, intervalSeconds: Int)

    public var description: String {
        switch self {
        case .invalidParameter(let n, let v, let e):
            let shown = v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
            return "\(n) \(shown) is out of range; expected \(e)"
        case .missingHandleTime(let f, let i):
            return "\(f): interval \(i) has no aht_seconds; expected the column filled or --aht SECONDS"
        case .offGrid(let f, let i, let s):
            return "\(f): interval \(i) is not a multiple of \(s) s after the first interval; expected one grid"
        }
    }
}
