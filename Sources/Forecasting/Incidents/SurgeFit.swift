#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The result of fitting a surge: the shape, its parameter covariance and fit statistics.
public struct SurgeFit: Equatable, Sendable {
    /// The fitted shape.
    public var shape: SurgeShape
    /// Covariance of `(ln A, ln τ, ln halfLife)` (row-major 3 × 3): the inverse observed Fisher
    /// information (plus prior precision), times the over-dispersion `dispersion`.
    public var covariance: [Double]
    /// Poisson deviance at the optimum (without the prior penalty).
    public var deviance: Double
    /// Pearson χ² / (n − 3), at least 1: the over-dispersion the covariance is scaled by.
    public var dispersion: Double
    /// Number of observations fitted.
    public var observations: Int
    /// Baseline calls per hour at the peak (for the peak multiplier).
    public var baselineRateAtPeak: Double

    /// `1 + peak excess rate / baseline rate at the peak`.
    public var peakMultiplier: Double {
        baselineRateAtPeak > 0 ? 1 + shape.peakRate / baselineRateAtPeak : .infinity
    }

    /// The parameters as a vector `(ln A, ln τ, ln halfLife)`.
    var theta: [Double] { [log(shape.amplitude), log(shape.riseHours), log(shape.halfLifeHours)] }

    static func shape(_ theta: [Double], onset: Int) -> SurgeShape {
        SurgeShape(onset: onset, amplitude: exp(theta[0]), riseHours: exp(theta[1]), halfLifeHours: exp(theta[2]))
    }

    /// Standard error of any smooth function of the shape (delta method with central differences).
    public func standardError(_ g: (SurgeShape) -> Double) -> Double {
        let t = theta
        var grad = [Double](repeating: 0, count: 3)
        for j in 0..<3 {
            let h = 1e-4
            var up = t
            var dn = t
            up[j] += h
            dn[j] -= h
            grad[j] = (g(Self.shape(up, onset: shape.onset)) - g(Self.shape(dn, onset: shape.onset))) / (2 * h)
        }
        var v = 0.0
        for a in 0..<3 { for b in 0..<3 { v += grad[a] * covariance[3 * a + b] * grad[b] } }
        return max(0, v).squareRoot()
    }

    /// Standard error of the peak multiplier.
    public var peakMultiplierSE: Double {
        let base = baselineRateAtPeak
        return standardError { base > 0 ? 1 + $0.peakRate / base : 0 }
    }
    /// Standard error of the half-life in hours.
    public var halfLifeSE: Double { standardError { $0.halfLifeHours } }
    /// Standard error of the time to peak in hours.
    public var timeToPeakSE: Double { standardError { $0.timeToPeakHours } }
    /// Standard error of the total excess calls.
    public var totalExcessSE: Double { standardError { $0.totalExcess } }
}
