/// A point-forecasting method for one queue's day × slot history.
///
/// Models forecast whole days; the `Forecaster` keeps only the slots where the centre is open
/// and drops closed special days. Implementations are value types without state between calls.
public protocol ForecastModel: Sendable {
    /// The name used on the command line (`--model`) and in backtest tables.
    var name: String { get }
    /// Calls per slot for each of `targetDays` (local day numbers after the history's last day),
    /// given the training grid and special days. Returns one array of `slotsPerDay` per target day.
    func forecast(_ history: DayGrid, targetDays: [Int], specialDays: SpecialDays) throws -> [[Double]]
}

/// Errors from forecasting that the caller can act on.
public enum ForecastError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Too little history for the requested model (the message says how much is needed).
    case insufficientHistory(String)
    /// A model name that does not exist.
    case unknownModel(String, known: [String])

    public var description: String {
        switch self {
        case .insufficientHistory(let m): "not enough history: \(m)"
        case .unknownModel(let n, let known): "unknown model '\(n)'; expected one of \(known.joined(separator: ", "))"
        }
    }
}
