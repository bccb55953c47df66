#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Double-seasonal exponential smoothing (Taylor 2003, "Short-term electricity demand
/// forecasting using double seasonal exponential smoothing", JORS 54) for centres open around
/// the clock: a level with a within-day and a within-week seasonal cycle, plus Taylor's AR(1)
/// adjustment of the one-step error.
///
/// Fitted on `√(y + ¼)` (additive form; call counts near zero at night make the multiplicative
/// form unstable), over the last eight weeks of slots. The smoothing constants (α, δ, ω) and
/// the AR coefficient φ are chosen on a coarse grid by in-sample one-step squared error.
/// Applies only when every slot of every day in the last four weeks has a row (no closed
/// hours or days); otherwise it throws and `auto` leaves it out.
public struct DoubleSeasonalSmoothing: ForecastModel {
    public var name: String { "double-seasonal" }
    public init() {}

    public func forecast(_ history: DayGrid, targetDays: [Int], specialDays: SpecialDays) throws -> [[Double]] {
        guard let last = history.days.last, history.days.count >= 28 else {
            throw ForecastError.insufficientHistory("double-seasonal needs four weeks of around-the-clock history")
        }
        let m1 = history.slotsPerDay
        let m2 = 7 * m1
        // The contiguous run of complete days (every slot present) that ends at the last day, up to eight weeks.
        var used: [Int] = []
        var k = history.days.count - 1
        while k >= 0, history.days[k] > last - 56, history.present[k].allSatisfy({ $0 }),
            used.isEmpty || history.days[k] == history.days[used[0]] - 1
        {
            used.insert(k, at: 0)
            k -= 1
        }
        guard used.count >= 21 else {
            throw ForecastError.insufficientHistory(
                "double-seasonal needs three weeks with every interval of every day (a 24/7 centre)")
        }
        let z = used.flatMap { d in history.values[d].map { ($0 + 0.25).squareRoot() } }
        // Initial states from the first two weeks.
        var best: (sse: Double, params: (Double, Double, Double, Double))? = nil
        for alpha in [0.01, 0.05, 0.15] {
            for delta in [0.05, 0.15, 0.3] {
                for omega in [0.05, 0.15, 0.3] {
                    for phi in [0.0, 0.5, 0.9] {
                        let sse = Self.run(z, m1: m1, m2: m2, alpha: alpha, delta: delta, omega: omega, phi: phi).sse
                        if best == nil || sse < best!.sse { best = (sse, (alpha, delta, omega, phi)) }
                    }
                }
            }
        }
        let (alpha, delta, omega, phi) = best!.params
        let state = Self.run(z, m1: m1, m2: m2, alpha: alpha, delta: delta, omega: omega, phi: phi)
        let lastUsedDay = history.days[used.last!]
        return targetDays.map { day in
            (0..<m1).map { s in
                let h = (day - lastUsedDay - 1) * m1 + s + 1  // steps ahead
                let d = state.daily[(state.n + h - 1) % m1 + 0]
                let w = state.weekly[(state.n + h - 1) % m2]
                let root = state.level + d + w + pow(phi, Double(h)) * state.lastError
                return max(0, root * root - 0.25)
            }
        }
    }

    struct State {
        var level: Double
        var daily: [Double]
        var weekly: [Double]
        var lastError: Double
        var sse: Double
        var n: Int
    }

    /// Runs the additive double-seasonal recursions over `z`; seasonal arrays are indexed by `t mod m`.
    static func run(_ z: [Double], m1: Int, m2: Int, alpha: Double, delta: Double, omega: Double, phi: Double) -> State
    {
        let weeks = 2
        let initialCount = min(z.count, weeks * m2)
        var level = z[..<initialCount].reduce(0, +) / Double(initialCount)
        var weekly = [Double](repeating: 0, count: m2)
        for t in 0..<initialCount { weekly[t % m2] += (z[t] - level) / Double(weeks) }
        var daily = [Double](repeating: 0, count: m1)
        // Split the weekly pattern into its mean day and the rest.
        for t in 0..<m2 { daily[t % m1] += weekly[t] / 7 }
        for t in 0..<m2 { weekly[t] -= daily[t % m1] }
        var error = 0.0
        var sse = 0.0
        for t in 0..<z.count {
            let d = daily[t % m1]
            let w = weekly[t % m2]
            let forecast = level + d + w + phi * error
            let e = z[t] - forecast
            if t >= m2 { sse += e * e }
            let newLevel = level + alpha * (z[t] - level - d - w - phi * error)
            daily[t % m1] = d + delta * (z[t] - newLevel - w - d)
            weekly[t % m2] = w + omega * (z[t] - newLevel - daily[t % m1] - w)
            level = newLevel
            error = e
        }
        return State(level: level, daily: daily, weekly: weekly, lastError: error, sse: sse, n: z.count)
    }
}
