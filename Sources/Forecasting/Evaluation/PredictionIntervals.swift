#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Prediction intervals from the empirical distribution of backtest errors.
///
/// Errors are standardised for count noise, `z = (y − f) / √max(f, 1)` (Poisson variance grows
/// with the mean), and their `(1 ∓ level)/2` quantiles are taken per horizon day when that day
/// has at least 200 errors, otherwise pooled. The interval is `f + q·√max(f, 1)`, floored at 0.
/// Without backtest errors (very short history) the Poisson normal approximation is used.
public struct PredictionIntervals: Sendable {
    var lowerByDay: [Int: Double]
    var upperByDay: [Int: Double]
    var pooledLower: Double
    var pooledUpper: Double

    /// Intervals at `level` (0 < level < 1) from backtest pairs.
    public init(pairs: [RollingOrigin.Pair], level: Double) {
        let lowerP = (1 - level) / 2
        let upperP = 1 - lowerP
        func z(_ p: RollingOrigin.Pair) -> Double { (p.actual - p.forecast) / max(p.forecast, 1).squareRoot() }
        if pairs.count >= 50 {
            let all = pairs.map(z).sorted()
            pooledLower = Self.quantile(all, lowerP)
            pooledUpper = Self.quantile(all, upperP)
        } else {
            let q = Self.normalQuantile(upperP)
            pooledLower = -q
            pooledUpper = q
        }
        lowerByDay = [:]
        upperByDay = [:]
        for (day, group) in Dictionary(grouping: pairs, by: \.horizonDay) where group.count >= 200 {
            let zs = group.map(z).sorted()
            lowerByDay[day] = Self.quantile(zs, lowerP)
            upperByDay[day] = Self.quantile(zs, upperP)
        }
    }

    /// (lower, upper) for a point forecast `f` on horizon day `day`.
    public func bounds(_ f: Double, horizonDay day: Int) -> (Double, Double) {
        let scale = max(f, 1).squareRoot()
        let lo = lowerByDay[day] ?? pooledLower
        let hi = upperByDay[day] ?? pooledUpper
        return (max(0, f + lo * scale), max(0, f + hi * scale))
    }

    /// Linear-interpolated quantile of sorted values.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let x = p * Double(sorted.count - 1)
        let i = Int(x.rounded(.down))
        let frac = x - Double(i)
        return i + 1 < sorted.count ? sorted[i] * (1 - frac) + sorted[i + 1] * frac : sorted[i]
    }

    /// Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9).
    static func normalQuantile(_ p: Double) -> Double {
        let a = [
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00,
        ]
        let b = [
            -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01,
        ]
        let c = [
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00,
        ]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        if p < 0.02425 {
            let q = (-2 * log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p > 1 - 0.02425 { return -normalQuantile(1 - p) }
        let q = p - 0.5
        let r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
