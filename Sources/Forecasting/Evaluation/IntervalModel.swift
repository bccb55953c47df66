#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Prediction intervals for call counts: a day-level multiplicative shock plus over-dispersed count noise,
/// estimated from out-of-sample (rolling-origin) backtest errors and aggregated consistently to any block of slots.
///
/// **Model** (the Poisson–gamma / negative-binomial structure of Brown et al. 2005, "Statistical analysis of a
/// telephone call center", JASA 100; Weinberg, Brown & Stroud 2007, JASA 102; Taylor 2012, "Density forecasting of
/// intraday call center arrivals using models based on exponential smoothing", Management Science 58): the calls of
/// slot `s` on horizon day `h` are `y_s = D · N_s`, where `D` is a day-level shock with mean 1 and variance
/// `φ_day(h) = dayShock + dayShockPerHorizonDay · h` (the day runs hot or cold as a whole, and the level error grows
/// with the horizon) and `N_s` is Poisson–gamma with mean `f_s` and variance `f_s + φ_slot f_s²`. Hence
///
///     Var(y_s)      = f_s + (φ_day(h) + φ_slot) f_s²
///     Var(Σ_B y_s)  = F_B + φ_day(h) F_B² + φ_slot Σ_B f_s²        (any block B of slots of one day)
///
/// and across days of one forecast the day shocks are correlated with `dayCorrelation` (a shared level error). The
/// bounds of a sum therefore come from the variance of the sum, never from summing bounds. Bounds are the
/// `(1 ∓ level)/2` quantiles of the gamma distribution with that mean and variance (the continuous analogue of the
/// negative binomial), by the Wilson–Hilferty cube-root approximation (Johnson, Kotz & Balakrishnan 1994, §17.5).
///
/// **Estimation** (`init(pairs:level:)`):
/// - `φ_day(h)`: method of moments on the backtest's daily totals, `E[(Y − F)² − F] = φ_day(h) F²`, fitted as
///   `a + b·h` by least squares with `a, b ≥ 0`, and shrunk toward `priorDayShock` with a weight of
///   `priorDays` pseudo-days (short histories).
/// - `dayCorrelation`: the mean product of the relative daily errors of different days in the same fold over the
///   product of their shock standard deviations, clamped to [0, 1].
/// - `φ_slot`: the smallest value (bisection) for which the slot-level backtest coverage of slots with a forecast of
///   at least `calibrationMinimumForecast` calls reaches the requested level, given `φ_day` (0 when Poisson noise and
///   the day shock already cover).
/// - The first working day after a closed day gets `postHolidayDayShock` on top of `φ_day` (estimated from the
///   history by `PostHolidayShock`, or `defaultPostHolidayFactor − 1` times the day shock without such days).
///
/// *Edge Cases*: without backtest errors (a history too short to backtest) the prior day shock and Poisson noise are
/// used; a zero forecast has bounds (0, 0).
/// *Postconditions*: `0 ≤ lower ≤ mean ≤ upper`, all finite for finite input.
public struct IntervalModel: Sendable, Equatable {
    /// The two-sided level of the bounds, in (0, 1).
    public var level: Double
    /// Variance of the relative day-level shock on the first horizon day (dimensionless, a squared CV).
    public var dayShock: Double
    /// Growth of that variance per horizon day (squared CV per day).
    public var dayShockPerHorizonDay: Double
    /// Extra-Poisson dispersion of a single slot, `φ_slot` (squared CV).
    public var slotDispersion: Double
    /// Correlation of the day shocks of different days of one forecast, in [0, 1].
    public var dayCorrelation: Double
    /// Extra day-shock variance on the first working day after a closed day (squared CV).
    public var postHolidayDayShock: Double
    /// Days and slots of backtest errors the parameters were estimated from.
    public var backtestDays: Int
    public var backtestSlots: Int

    /// Day-shock variance assumed without backtest errors, and the prior the estimate is shrunk toward: a 5 %
    /// coefficient of variation of daily totals, the out-of-sample daily error of the bundled bank data (4.5 %,
    /// BENCHMARKS.md "Prediction intervals"), rounded up.
    public static let priorDayShock = 0.05 * 0.05
    /// Weight of that prior, in days of backtest errors (one working week).
    public static let priorDays = 5.0
    /// Smallest forecast (calls per slot) whose slots calibrate `φ_slot`: the coverage goal is stated for
    /// intervals with at least 5 forecast calls, below which counts are too discrete for a continuous bound.
    public static let calibrationMinimumForecast = 5.0
    /// Fewest such slots to calibrate on; with fewer, slots with any positive forecast are used.
    public static let calibrationMinimumSlots = 50
    /// Fewest daily totals to estimate the growth with the horizon (two weeks of working days).
    public static let growthMinimumDays = 10
    /// Variance factor on the first working day after a closed day when history has no such day to learn from:
    /// the standard deviation doubles. The bank data's four post-closure days carry a variance factor of about 11
    /// (excess 0.042 against 0.004; BENCHMARKS.md "Prediction intervals"); one centre's catch-up is no law, so the
    /// default is a moderate doubling.
    public static let defaultPostHolidayFactor = 4.0

    /// A model with explicit parameters.
    public init(
        level: Double, dayShock: Double, dayShockPerHorizonDay: Double = 0, slotDispersion: Double = 0,
        dayCorrelation: Double = 0, postHolidayDayShock: Double? = nil
    ) {
        self.level = level
        self.dayShock = max(0, dayShock)
        self.dayShockPerHorizonDay = max(0, dayShockPerHorizonDay)
        self.slotDispersion = max(0, slotDispersion)
        self.dayCorrelation = min(1, max(0, dayCorrelation))
        self.postHolidayDayShock = postHolidayDayShock ?? (Self.defaultPostHolidayFactor - 1) * max(0, dayShock)
        backtestDays = 0
        backtestSlots = 0
    }

    /// Estimates the model from backtest pairs (see the type's documentation).
    /// - Parameters:
    ///   - pairs: out-of-sample forecast/actual pairs, each with its day and horizon day.
    ///   - level: the level to calibrate the slot dispersion at.
    ///   - postHolidayDayShock: the excess variance after closed days learnt from history, when known.
    public init(pairs: [RollingOrigin.Pair], level: Double, postHolidayDayShock: Double? = nil) {
        self.init(level: level, dayShock: Self.priorDayShock)
        // Daily totals per (fold origin, day).
        struct DayTotal {
            var horizonDay: Int
            var origin: Int
            var forecast = 0.0
            var squares = 0.0
            var actual = 0.0
        }
        struct Key: Hashable {
            var origin: Int
            var day: Int
        }
        var index: [Key: Int] = [:]
        var days: [DayTotal] = []
        for p in pairs {
            let origin = p.day - p.horizonDay
            let key = Key(origin: origin, day: p.day)
            let k: Int
            if let existing = index[key] {
                k = existing
            } else {
                k = days.count
                index[key] = k
                days.append(DayTotal(horizonDay: p.horizonDay, origin: origin))
            }
            days[k].forecast += p.forecast
            days[k].squares += p.forecast * p.forecast
            days[k].actual += p.actual
        }
        days = days.filter { $0.forecast > 0 }
        backtestDays = days.count
        var slots = pairs.filter { $0.forecast >= Self.calibrationMinimumForecast }
        if slots.count < Self.calibrationMinimumSlots { slots = pairs.filter { $0.forecast > 0 } }
        backtestSlots = slots.count
        // Two rounds: the day shock by moments (net of the slot dispersion found so far), then the slot dispersion
        // by calibration given that day shock.
        for _ in 0..<2 {
            estimateDayShock(days.map { ($0.horizonDay, $0.forecast, $0.squares, $0.actual) }, postHolidayDayShock)
            calibrateSlotDispersion(slots)
        }
        // Correlation of day shocks within a fold.
        var num = 0.0
        var den = 0.0
        for (_, group) in Dictionary(grouping: days, by: \.origin) where group.count >= 2 {
            for i in group.indices {
                for j in group.indices where j > i {
                    let ri = (group[i].actual - group[i].forecast) / group[i].forecast
                    let rj = (group[j].actual - group[j].forecast) / group[j].forecast
                    num += ri * rj
                    den += (dayShockAt(group[i].horizonDay) * dayShockAt(group[j].horizonDay)).squareRoot()
                }
            }
        }
        dayCorrelation = den > 0 ? min(1, max(0, num / den)) : 0
    }

    /// `φ_day(h) = a + b·h` by least squares on `u = ((Y − F)² − F − φ_slot Σf²) / F²`, `a, b ≥ 0`, the intercept
    /// shrunk toward the prior.
    private mutating func estimateDayShock(
        _ days: [(h: Int, forecast: Double, squares: Double, actual: Double)], _ postHoliday: Double?
    ) {
        let u = days.map { d in
            ((d.actual - d.forecast) * (d.actual - d.forecast) - d.forecast - slotDispersion * d.squares)
                / (d.forecast * d.forecast)
        }
        let h = days.map { Double($0.h) }
        var a = Self.priorDayShock
        var b = 0.0
        if !days.isEmpty {
            let n = Double(days.count)
            let meanH = h.reduce(0, +) / n
            let meanU = u.reduce(0, +) / n
            let sxx = h.reduce(0) { $0 + ($1 - meanH) * ($1 - meanH) }
            let sxy = zip(h, u).reduce(0) { $0 + ($1.0 - meanH) * ($1.1 - meanU) }
            if days.count >= Self.growthMinimumDays, sxx > 0 {
                b = max(0, sxy / sxx)
                a = meanU - b * meanH
                if a < 0 {
                    // Through the origin.
                    a = 0
                    let shh = h.reduce(0) { $0 + $1 * $1 }
                    b = shh > 0 ? max(0, zip(h, u).reduce(0) { $0 + $1.0 * $1.1 } / shh) : 0
                }
            } else {
                a = max(0, meanU)
            }
            // Shrink the intercept toward the prior (matters only for short histories).
            a = (n * a + Self.priorDays * Self.priorDayShock) / (n + Self.priorDays)
        }
        dayShock = max(0, a)
        dayShockPerHorizonDay = b
        postHolidayDayShock = postHoliday ?? (Self.defaultPostHolidayFactor - 1) * dayShock
    }

    /// `φ_slot`: the smallest value (bisection on a log scale) whose slot-level coverage of `slots` reaches the level.
    private mutating func calibrateSlotDispersion(_ slots: [RollingOrigin.Pair]) {
        slotDispersion = 0
        guard slots.count >= Self.calibrationMinimumSlots else { return }
        let model = self
        func coverage(_ phi: Double) -> Double {
            var inside = 0
            for p in slots {
                let v = p.forecast + (model.dayShockAt(p.horizonDay) + phi) * p.forecast * p.forecast
                let (lo, hi) = model.bounds(mean: p.forecast, variance: v)
                if p.actual >= lo && p.actual <= hi { inside += 1 }
            }
            return Double(inside) / Double(slots.count)
        }
        guard coverage(0) < level else { return }
        var lo = 0.0
        var hi = Self.maximumSlotDispersion
        guard coverage(hi) >= level else {
            slotDispersion = hi
            return
        }
        for _ in 0..<40 {
            let mid = lo == 0 ? hi / 1024 : (lo * hi).squareRoot()
            if coverage(mid) >= level { hi = mid } else { lo = mid }
            if hi - lo < 1e-4 * hi { break }
        }
        slotDispersion = hi
    }

    /// Upper end of the slot-dispersion search (a squared CV of 4: a slot's count varying by 200 %).
    static let maximumSlotDispersion = 4.0

    /// Day-shock variance on horizon day `h` (0-based).
    public func dayShockAt(_ h: Int, afterClosedDay: Bool = false) -> Double {
        dayShock + dayShockPerHorizonDay * Double(max(0, h)) + (afterClosedDay ? postHolidayDayShock : 0)
    }

    /// Variance of a block of slots within one day: total forecast `total`, sum of squared slot forecasts
    /// `sumOfSquares`, on horizon day `h`.
    public func variance(total: Double, sumOfSquares: Double, horizonDay h: Int, afterClosedDay: Bool = false)
        -> Double
    {
        max(0, total) + dayShockAt(h, afterClosedDay: afterClosedDay) * total * total + slotDispersion * sumOfSquares
    }

    /// One day's part of a block that may span several days.
    public struct DayPart: Sendable {
        public var horizonDay: Int
        public var total: Double
        public var sumOfSquares: Double
        public var afterClosedDay: Bool
        public init(horizonDay: Int, total: Double, sumOfSquares: Double, afterClosedDay: Bool = false) {
            self.horizonDay = horizonDay
            self.total = total
            self.sumOfSquares = sumOfSquares
            self.afterClosedDay = afterClosedDay
        }
    }

    /// Variance of a block spanning several days (e.g. a week): count noise and slot dispersion add up, the day
    /// shocks add with correlation `dayCorrelation`.
    public func variance(_ parts: [DayPart]) -> Double {
        var v = 0.0
        var sd: [Double] = []
        for p in parts {
            v += max(0, p.total) + slotDispersion * p.sumOfSquares
            sd.append(dayShockAt(p.horizonDay, afterClosedDay: p.afterClosedDay).squareRoot() * p.total)
        }
        let sum = sd.reduce(0, +)
        let squares = sd.reduce(0) { $0 + $1 * $1 }
        return v + squares + dayCorrelation * (sum * sum - squares)
    }

    /// (lower, upper) for one slot's forecast `f` on horizon day `h`.
    public func bounds(_ f: Double, horizonDay h: Int, afterClosedDay: Bool = false) -> (Double, Double) {
        bounds(
            mean: f, variance: variance(total: f, sumOfSquares: f * f, horizonDay: h, afterClosedDay: afterClosedDay))
    }

    /// (lower, upper): the central `level` interval of the gamma distribution with this mean and variance.
    public func bounds(mean: Double, variance: Double) -> (Double, Double) {
        guard mean > 0, variance > 0, mean.isFinite, variance.isFinite else { return (0, max(0, mean)) }
        let z = Self.normalQuantile(1 - (1 - level) / 2)
        let shape = mean * mean / variance
        let c = 1 / (9 * shape)
        func q(_ z: Double) -> Double {
            let base = max(0, 1 - c + z * c.squareRoot())
            return mean * base * base * base
        }
        // Tiny means: the gamma's upper quantile can fall below the mean (a count of 0 is then the 95 % quantile);
        // keep lower ≤ mean ≤ upper so a row never lies outside its own bounds.
        return (min(q(-z), mean), max(q(z), mean))
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
