#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The shape of an outage surge: excess calls per hour over the baseline,
/// `x(u) = A · (1 − e^{−u/τ}) · e^{−λu}` for `u ≥ 0` hours after `onset` (0 before), with
/// `λ = ln 2 / halfLife`.
///
/// A saturating rise (time constant `τ`) times an exponential decay: the two-exponential kernel of
/// pharmacokinetics (the Bateman function), smooth in every parameter so that Gauss–Newton fits are
/// well behaved. A step surge is the limit `τ → 0`.
///
/// *Postconditions*: `excess(from:to:)` is the exact integral of `x` over the span (no quadrature
/// error), non-negative and additive over adjacent spans.
public struct SurgeShape: Equatable, Sendable {
    /// UTC instant the surge starts.
    public var onset: Int
    /// Amplitude `A` in calls per hour (the excess rate the decay would start from without the rise).
    public var amplitude: Double
    /// Rise time constant `τ` in hours.
    public var riseHours: Double
    /// Half-life of the decay in hours.
    public var halfLifeHours: Double

    /// A shape.
    public init(onset: Int, amplitude: Double, riseHours: Double, halfLifeHours: Double) {
        self.onset = onset
        self.amplitude = amplitude
        self.riseHours = riseHours
        self.halfLifeHours = halfLifeHours
    }

    var lambda: Double { M_LN2 / halfLifeHours }
    var kappa: Double { lambda + 1 / riseHours }

    /// `∫₀ᵘ (1 − e^{−v/τ}) e^{−λv} dv` (0 for `u ≤ 0`).
    func kernelIntegral(_ u: Double) -> Double {
        guard u > 0 else { return 0 }
        let l = lambda
        let k = kappa
        return -expm1(-l * u) / l + expm1(-k * u) / k
    }

    /// Excess calls per hour `u` hours after onset.
    public func rate(hoursAfterOnset u: Double) -> Double {
        guard u > 0 else { return 0 }
        return amplitude * -expm1(-u / riseHours) * exp(-lambda * u)
    }

    /// Excess calls between two UTC instants (exact integral).
    public func excess(from: Int, to: Int) -> Double {
        let u0 = Double(from - onset) / 3600
        let u1 = Double(to - onset) / 3600
        return amplitude * (kernelIntegral(u1) - kernelIntegral(u0))
    }

    /// Hours from onset to the peak rate: `τ ln(1 + 1/(λτ))`.
    public var timeToPeakHours: Double { riseHours * log1p(1 / (lambda * riseHours)) }

    /// The peak excess rate in calls per hour.
    public var peakRate: Double { rate(hoursAfterOnset: timeToPeakHours) }

    /// All excess calls of the surge: `A (1/λ − 1/κ)`.
    public var totalExcess: Double { amplitude * (1 / lambda - 1 / kappa) }

    /// The rise constant `τ` that puts the peak `timeToPeak` hours after onset for a given
    /// half-life (bisection on the monotone map `τ ↦ τ ln(1 + 1/(λτ))`).
    ///
    /// *Edge Cases*: a non-positive or non-finite `timeToPeak` gives the shortest rise (1 minute).
    public static func riseHours(timeToPeak: Double, halfLifeHours: Double) -> Double {
        let minimum = 1.0 / 60
        guard timeToPeak.isFinite, timeToPeak > 0, halfLifeHours.isFinite, halfLifeHours > 0 else {
            return minimum
        }
        let l = M_LN2 / halfLifeHours
        func peak(_ t: Double) -> Double { t * log1p(1 / (l * t)) }
        var lo = 1e-6
        var hi = 1e4
        guard peak(lo) < timeToPeak else { return max(lo, minimum) }
        for _ in 0..<200 {
            let mid = (lo * hi).squareRoot()
            if peak(mid) < timeToPeak { lo = mid } else { hi = mid }
        }
        return max(minimum, (lo * hi).squareRoot())
    }

    /// The shape with the given peak excess rate (calls per hour), keeping onset, rise and half-life.
    public func withPeakRate(_ peak: Double) -> SurgeShape {
        var s = self
        let unit = SurgeShape(onset: onset, amplitude: 1, riseHours: riseHours, halfLifeHours: halfLifeHours).peakRate
        s.amplitude = unit > 0 ? peak / unit : 0
        return s
    }
}
