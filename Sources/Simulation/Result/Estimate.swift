#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A simulated quantity: its mean over replications and the half-width of its 95 % confidence
/// interval.
///
/// Replications are independent and identically distributed, so the interval is Student's t
/// with `R − 1` degrees of freedom. Ratios (service level, abandon rate, ASA, occupancy) use the
/// ratio estimator `Σ_r y_r / Σ_r x_r` over replications, whose half-width comes from the
/// delta method: `t · √(Σ_r (y_r − ŷ x_r)² / (R − 1)) / (x̄ √R)` (Law, *Simulation Modeling
/// and Analysis*, 5th ed., §9.6 and §11.2) — consistent where the mean of per-replication ratios
/// would be biased by replications with few calls.
///
/// *Edge Cases*: one replication, or a ratio with nothing in its denominator, has a half-width
/// of `.nan` (unknown) — written as an empty field.
public struct Estimate: Equatable, Sendable {
    /// The point estimate.
    public var mean: Double
    /// Half-width of the 95 % confidence interval.
    public var halfWidth: Double

    /// An estimate.
    public init(mean: Double, halfWidth: Double) {
        self.mean = mean
        self.halfWidth = halfWidth
    }

    /// Mean and half-width of independent observations.
    public static func mean(_ values: [Double]) -> Estimate {
        let n = values.count
        guard n > 0 else { return Estimate(mean: .nan, halfWidth: .nan) }
        let mean = values.reduce(0, +) / Double(n)
        guard n > 1 else { return Estimate(mean: mean, halfWidth: .nan) }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        return Estimate(
            mean: mean, halfWidth: studentT975(degreesOfFreedom: n - 1) * (variance / Double(n)).squareRoot())
    }

    /// The ratio estimate `Σ numerators / Σ denominators` with its delta-method half-width.
    public static func ratio(_ numerators: [Double], _ denominators: [Double]) -> Estimate {
        let n = numerators.count
        let sx = denominators.reduce(0, +)
        guard n > 0, sx > 0 else { return Estimate(mean: .nan, halfWidth: .nan) }
        let r = numerators.reduce(0, +) / sx
        guard n > 1 else { return Estimate(mean: r, halfWidth: .nan) }
        var ss = 0.0
        for (y, x) in zip(numerators, denominators) { ss += (y - r * x) * (y - r * x) }
        let xbar = sx / Double(n)
        let se = (ss / Double(n - 1)).squareRoot() / (xbar * Double(n).squareRoot())
        return Estimate(mean: r, halfWidth: studentT975(degreesOfFreedom: n - 1) * se)
    }
}

/// The 0.975 quantile of Student's t with `df` degrees of freedom: exact table values (to 4
/// decimals) for 1–30, then the Cornish–Fisher expansion in `1/df` (Abramowitz & Stegun 26.7.5),
/// accurate to better than 1e-4 there.
public func studentT975(degreesOfFreedom df: Int) -> Double {
    let table: [Double] = [
        12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
        2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
        2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
    ]
    guard df >= 1 else { return .nan }
    if df <= table.count { return table[df - 1] }
    let z = 1.959963984540054
    let n = Double(df)
    let z3 = z * z * z
    let z5 = z3 * z * z
    let z7 = z5 * z * z
    return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n)
        + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n)
}
