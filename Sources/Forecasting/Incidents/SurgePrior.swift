#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A log-normal prior on the surge's rise time constant and half-life: a penalty
/// `((ln θ − ln m) / s)²` added to the Poisson deviance (a MAP fit), used when only the first
/// part of a surge has been seen.
public struct SurgePrior: Equatable, Sendable {
    /// Prior median of the half-life in hours and the standard deviation of its logarithm.
    public var halfLifeHours: Double
    public var halfLifeLogSD: Double
    /// Prior median of the rise time constant in hours and the standard deviation of its logarithm.
    public var riseHours: Double
    public var riseLogSD: Double

    /// A prior.
    public init(halfLifeHours: Double, halfLifeLogSD: Double, riseHours: Double, riseLogSD: Double) {
        self.halfLifeHours = halfLifeHours
        self.halfLifeLogSD = halfLifeLogSD
        self.riseHours = riseHours
        self.riseLogSD = riseLogSD
    }

    /// The prior used without an incident history: median half-life 2 h (log-SD 1, i.e. a
    /// 95 % range of about 17 minutes to 14 hours) and median rise 10 minutes (log-SD 1.5).
    ///
    /// Source: the description of outage surges ("decay over hours", planted half-lives of
    /// 1–12 h); the width keeps it weak: it matters only while fewer than ~2 hours are seen
    /// (experiment in BENCHMARKS.md, "Surges").
    public static let weak = SurgePrior(halfLifeHours: 2, halfLifeLogSD: 1, riseHours: 1.0 / 6, riseLogSD: 1.5)

    /// The shapes learnt from past incidents: the geometric means of their rise and half-life,
    /// with the spread across incidents (at least `minimumLogSD`, so one incident does not pin it).
    public static func learnt(from fits: [SurgeFit], minimumLogSD: Double = 0.35) -> SurgePrior? {
        let good = fits.filter { $0.shape.halfLifeHours.isFinite && $0.shape.riseHours.isFinite }
        guard !good.isEmpty else { return nil }
        func stats(_ xs: [Double]) -> (Double, Double) {
            let logs = xs.map { log($0) }
            let m = logs.reduce(0, +) / Double(logs.count)
            let v = logs.count > 1 ? logs.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(logs.count - 1) : 0
            return (exp(m), max(minimumLogSD, v.squareRoot()))
        }
        let (h, hs) = stats(good.map(\.shape.halfLifeHours))
        let (r, rs) = stats(good.map(\.shape.riseHours))
        return SurgePrior(halfLifeHours: h, halfLifeLogSD: hs, riseHours: r, riseLogSD: rs)
    }
}
