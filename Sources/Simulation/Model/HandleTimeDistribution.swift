#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The shape of handle times around each interval's mean (its `aht_seconds`).
///
/// - `exponential`: CV 1, the Erlang assumption.
/// - `lognormal(cv:)`: `X = mean · exp(σZ − σ²/2)` with `σ² = ln(1 + cv²)`, `Z` standard normal, so
///   `E[X] = mean` and `sd(X)/E[X] = cv` exactly (Johnson, Kotz & Balakrishnan, *Continuous
///   Univariate Distributions* 1, ch. 14). Real handle times are close to lognormal (Brown et al.
///   2005, "Statistical analysis of a telephone call center", JASA 100).
///
/// *Edge Cases*: `cv` must be > 0 and finite (`validate()`); a CV of exactly 1 is still lognormal,
/// not exponential (same mean and variance, different shape).
public enum HandleTimeDistribution: Equatable, Sendable {
    case exponential
    case lognormal(cv: Double)

    /// Lognormal `σ` and the log-mean shift `−σ²/2` (both 0 for exponential).
    var lognormalParameters: (sigma: Double, shift: Double) {
        guard case .lognormal(let cv) = self else { return (0, 0) }
        let variance = log1p(cv * cv)
        return (variance.squareRoot(), -variance / 2)
    }

    /// The lognormal whose CV matches the handle times of a call log, by maximum likelihood on
    /// the logarithms (`σ̂²` = variance of `ln x`, so `cv = √(e^{σ̂²} − 1)`); zero or negative
    /// times are ignored.
    /// - Returns: `nil` with fewer than two positive times or no spread.
    public static func fitted(handleSeconds: [Double]) -> HandleTimeDistribution? {
        let logs = handleSeconds.filter { $0 > 0 && $0.isFinite }.map { log($0) }
        guard logs.count >= 2 else { return nil }
        let mean = logs.reduce(0, +) / Double(logs.count)
        let variance = logs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(logs.count - 1)
        guard variance > 0 else { return nil }
        return .lognormal(cv: expm1(variance).squareRoot())
    }
}
