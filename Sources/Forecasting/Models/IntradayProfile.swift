#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How intraday profiles (each weekday's shares of the daily total per slot) are estimated: a recency-weighted mean of
/// past same-weekday days' normalised profiles, with thin slots shrunk toward the all-weekday shape.
///
/// - **Recency**: day weights halve every `halfLifeWeeks` weeks, over the last `windowWeeks` same-weekday days, so a
///   profile follows shapes that drift over the year (daylight, seasonal opening hours). The half-life is *estimated*
///   per series by `estimate(_:specialDays:)`.
/// - **Shrinkage**: slot `s` of weekday `w` becomes `(n·p_w(s) + κ·p_0(s)) / (n + κ)` with `n` the slot's effective
///   number of calls (recency-weighted mean calls × effective number of days) and `p_0` the pooled all-weekday
///   profile — the empirical-Bayes compromise for slots with few calls (Weinberg, Brown & Stroud 2007 pool the
///   intraday shape across weekdays for the same reason). `κ` (calls) is estimated with the half-life.
/// - Both are smoothed with a Gaussian of `smoothingMinutes` and renormalised.
/// - **Shared detail** (`ratioSmoothingMinutes` > 0): a weekday's profile is the pooled shape times the weekday's
///   ratio to it, the ratio smoothed with a wider Gaussian — fine detail from five times the days, weekday
///   differences at the scale they have (Weinberg, Brown & Stroud 2007 share the intraday shape across weekdays). The
///   width is chosen by the same in-history backtest (0 = off).
///
/// *Edge Cases*: a weekday without history gets no profile (callers use the pooled key 0); slots a weekday has never
/// had calls in stay 0 (no shrinkage there, so closed hours receive no calls).
public struct IntradayProfile: Sendable, Equatable {
    /// Half-life of a day's weight, in weeks.
    public var halfLifeWeeks: Double
    /// Prior weight of the pooled shape, in calls.
    public var shrinkageCalls: Double
    /// Standard deviation of the Gaussian smoothing of a profile, in minutes.
    public var smoothingMinutes: Double
    /// Standard deviation (minutes) of the Gaussian smoothing of each weekday's ratio to the pooled shape; 0: each
    /// weekday's profile is smoothed on its own (`smoothingMinutes`), without borrowing the pooled shape's detail.
    public var ratioSmoothingMinutes: Double

    /// Same-weekday days used per profile: half a year (the previous fixed choice, issue 5).
    public static let windowWeeks = 26
    /// Candidate Gaussian smoothing widths (minutes): 5 was issue 5's fixed choice (removes 5-minute noise, keeps
    /// the lunch dip); wider ones trade noise for sharpness where profiles rest on few calls.
    public static let smoothingCandidates: [Double] = [5, 10, 20]
    /// Candidate half-lives (weeks) for the estimate: from "follow the last fortnight" to "a whole year".
    public static let halfLifeCandidates: [Double] = [1, 2, 4, 8, 12, 26, 52]
    /// Candidate smoothing widths (minutes) of a weekday's ratio to the pooled shape; 0 (each weekday smoothed on its
    /// own) first, so it wins ties. A weekday's shape differs from the pooled one by broad features (a busier
    /// morning, an earlier evening tail) that a wide smoother keeps, while the pooled shape, estimated from five
    /// times the days, carries the fine detail (Weinberg, Brown & Stroud 2007 share intraday structure across
    /// weekdays). 15–60 minutes: from a quarter of an hour to the hour scale of the features.
    public static let ratioSmoothingCandidates: [Double] = [0, 15, 30, 60]
    /// Candidate shrinkage weights (calls): none to strong.
    public static let shrinkageCandidates: [Double] = [0, 10, 30, 100]
    /// Relative reduction of the in-history shape error a candidate needs to replace `standard`: differences below
    /// 1 % are noise that does not carry out of sample (on the bank data 26 weeks beat 12 by less than 1 % in history
    /// and lost out of sample, WAPE 0.0800 against 0.0799; BENCHMARKS.md "Adaptive profiles").
    public static let requiredImprovement = 0.01
    /// Weekly origins of the in-history profile backtest.
    public static let estimationFolds = 8
    /// The default without history to estimate on: 12 weeks, no shrinkage (issue 5's fixed choice).
    public static let standard = IntradayProfile(halfLifeWeeks: 12, shrinkageCalls: 0, smoothingMinutes: 5)

    public init(
        halfLifeWeeks: Double, shrinkageCalls: Double, smoothingMinutes: Double = 5, ratioSmoothingMinutes: Double = 0
    ) {
        self.halfLifeWeeks = halfLifeWeeks
        self.shrinkageCalls = shrinkageCalls
        self.smoothingMinutes = smoothingMinutes
        self.ratioSmoothingMinutes = ratioSmoothingMinutes
    }

    /// Raw (weighted, unshrunk) weekday profiles, their effective calls per slot, and the pooled profile.
    struct Raw {
        var weekday: [Int: [Double]]
        var calls: [Int: [Double]]
        var pooled: [Double]?
    }

    /// Recency-weighted, unsmoothed mean profiles: per weekday (with effective calls per slot) and pooled.
    struct Means {
        var weekday: [Int: [Double]]
        var calls: [Int: [Double]]
        var pooled: [Double]?
        var intervalSeconds: Int
    }

    static func means(_ history: DayGrid, regular: [Int], halfLifeWeeks: Double) -> Means {
        guard let lastIndex = regular.last else {
            return Means(weekday: [:], calls: [:], pooled: nil, intervalSeconds: history.intervalSeconds)
        }
        let lastDay = history.days[lastIndex]
        let halfLifeDays = halfLifeWeeks * 7
        func profile(_ chosen: ArraySlice<Int>) -> ([Double], [Double])? {
            guard !chosen.isEmpty else { return nil }
            var p = [Double](repeating: 0, count: history.slotsPerDay)
            var calls = [Double](repeating: 0, count: history.slotsPerDay)
            var wsum = 0.0
            var w2sum = 0.0
            for d in chosen {
                let total = history.values[d].reduce(0, +)
                guard total > 0 else { continue }
                let w = pow(0.5, Double(lastDay - history.days[d]) / halfLifeDays)
                for s in 0..<p.count {
                    p[s] += w * history.values[d][s] / total
                    calls[s] += w * history.values[d][s]
                }
                wsum += w
                w2sum += w * w
            }
            guard wsum > 0 else { return nil }
            let effectiveDays = wsum * wsum / w2sum
            return (p.map { $0 / wsum }, calls.map { $0 / wsum * effectiveDays })
        }
        var byWeekday: [Int: [Int]] = [:]
        for d in regular { byWeekday[DayGrid.weekday(history.days[d]), default: []].append(d) }
        var out = Means(weekday: [:], calls: [:], pooled: nil, intervalSeconds: history.intervalSeconds)
        for (w, list) in byWeekday {
            if let (p, c) = profile(list.suffix(windowWeeks)) {
                out.weekday[w] = p
                out.calls[w] = c
            }
        }
        out.pooled = profile(regular.suffix(windowWeeks * 5))?.0
        return out
    }

    /// `p` scaled to sum 1, or nil when it sums to 0.
    static func normalised(_ p: [Double]) -> [Double]? {
        let sum = p.reduce(0, +)
        return sum > 0 ? p.map { $0 / sum } : nil
    }

    /// Smoothed, normalised profiles from `means`. With `ratioSmoothingMinutes` > 0 a weekday's profile is the pooled
    /// shape (smoothed at `smoothingMinutes`) times the weekday's ratio to it smoothed at `ratioSmoothingMinutes`:
    /// `p_w(s) ∝ S_σ[p_0](s) · S_ρ[p_w](s) / S_ρ[p_0 on w's open slots](s)`. Otherwise `S_σ[p_w]`.
    static func smoothed(_ means: Means, smoothingMinutes: Double, ratioSmoothingMinutes: Double) -> Raw {
        let sigma = smoothingMinutes * 60 / Double(means.intervalSeconds)
        let rho = ratioSmoothingMinutes * 60 / Double(means.intervalSeconds)
        let base = means.pooled.map { Robust.smooth($0, sigma: sigma) }
        var out = Raw(weekday: [:], calls: means.calls, pooled: base.flatMap(normalised))
        for (w, p) in means.weekday {
            let own = Robust.smooth(p, sigma: sigma)
            guard rho > 0, let pooled = means.pooled, let base else {
                out.weekday[w] = normalised(own)
                continue
            }
            let weekdayWide = Robust.smooth(p, sigma: rho)
            let pooledWide = Robust.smooth(p.indices.map { p[$0] > 0 ? pooled[$0] : 0 }, sigma: rho)
            let q = p.indices.map { s -> Double in
                guard p[s] > 0 else { return 0 }
                guard pooledWide[s] > 0, base[s] > 0 else { return own[s] }
                return base[s] * weekdayWide[s] / pooledWide[s]
            }
            out.weekday[w] = normalised(q)
        }
        return out
    }

    static func raw(
        _ history: DayGrid, regular: [Int], halfLifeWeeks: Double, smoothingMinutes: Double,
        ratioSmoothingMinutes: Double = 0
    ) -> Raw {
        smoothed(
            means(history, regular: regular, halfLifeWeeks: halfLifeWeeks), smoothingMinutes: smoothingMinutes,
            ratioSmoothingMinutes: ratioSmoothingMinutes)
    }

    static func shrunk(_ raw: Raw, shrinkageCalls kappa: Double) -> [Int: [Double]] {
        var out: [Int: [Double]] = [:]
        for (w, p) in raw.weekday {
            guard kappa > 0, let pooled = raw.pooled, let calls = raw.calls[w] else {
                out[w] = p
                continue
            }
            var q = p.indices.map { s in p[s] > 0 ? (calls[s] * p[s] + kappa * pooled[s]) / (calls[s] + kappa) : 0 }
            let sum = q.reduce(0, +)
            if sum > 0 { q = q.map { $0 / sum } }
            out[w] = q
        }
        if let pooled = raw.pooled { out[0] = pooled }
        return out
    }

    /// Normalised intraday profiles per weekday (key 0: all weekdays pooled, for weekdays without history), from the
    /// days `regular` (indices into `history`, ascending).
    public func profiles(_ history: DayGrid, regular: [Int]) -> [Int: [Double]] {
        Self.shrunk(
            Self.raw(
                history, regular: regular, halfLifeWeeks: halfLifeWeeks, smoothingMinutes: smoothingMinutes,
                ratioSmoothingMinutes: ratioSmoothingMinutes),
            shrinkageCalls: shrinkageCalls)
    }

    /// Estimates the half-life, the shrinkage and the smoothing widths by an in-history backtest of the shape alone: for each of the last
    /// `estimationFolds` weekly origins (with at least three weeks before), profiles from the regular days before the
    /// origin are scored on the following week's regular days by `Σ_s |y_s − T·p(s)|` (`T` the day's actual total),
    /// and the candidate with the least pooled error wins if it beats `standard` by `requiredImprovement`. Given it,
    /// the ratio width with the least error among `ratioSmoothingCandidates` is chosen (ties: 0, off).
    /// Without enough history, `standard`.
    public static func estimate(_ history: DayGrid, specialDays: SpecialDays) -> IntradayProfile {
        guard let first = history.days.first, let last = history.days.last else { return standard }
        let regular = history.days.indices.filter {
            !specialDays.isSpecial(history.days[$0]) && history.values[$0].reduce(0, +) > 0
        }
        let origins = (1...estimationFolds).reversed().map { last - 7 * $0 + 1 }.filter { $0 - first >= 21 }
        guard !origins.isEmpty else { return standard }
        var best: (error: Double, profile: IntradayProfile)? = nil
        var standardError = Double.infinity
        let tests = origins.map { origin in
            (
                train: regular.filter { history.days[$0] < origin },
                test: regular.filter { history.days[$0] >= origin && history.days[$0] < origin + 7 }
            )
        }
        // Σ_d Σ_s |y_s − T·p(s)| over the folds' test days, for each candidate setting.
        func shapeError(_ profiles: [Int: [Double]], _ test: [Int]) -> Double {
            var e = 0.0
            for d in test {
                guard let p = profiles[DayGrid.weekday(history.days[d])] ?? profiles[0] else { continue }
                let y = history.values[d]
                let total = y.reduce(0, +)
                for s in 0..<y.count { e += abs(y[s] - total * p[s]) }
            }
            return e
        }
        let usable = tests.filter { !$0.train.isEmpty && !$0.test.isEmpty }
        var foldMeans: [Double: [Means]] = [:]
        for h in halfLifeCandidates {
            let perFold = usable.map { means(history, regular: $0.train, halfLifeWeeks: h) }
            foldMeans[h] = perFold
            for smoothing in smoothingCandidates {
                var errors = [Double](repeating: 0, count: shrinkageCandidates.count)
                for (k, fold) in usable.enumerated() {
                    let raw = smoothed(perFold[k], smoothingMinutes: smoothing, ratioSmoothingMinutes: 0)
                    for (j, kappa) in shrinkageCandidates.enumerated() {
                        errors[j] += shapeError(shrunk(raw, shrinkageCalls: kappa), fold.test)
                    }
                }
                for (j, e) in errors.enumerated() {
                    let candidate = IntradayProfile(
                        halfLifeWeeks: h, shrinkageCalls: shrinkageCandidates[j], smoothingMinutes: smoothing)
                    if candidate == standard { standardError = e }
                    guard best == nil || e < best!.error else { continue }
                    best = (e, candidate)
                }
            }
        }
        guard let best else { return standard }
        var chosen = best.error < (1 - requiredImprovement) * standardError ? best.profile : standard
        // The ratio bandwidth: chosen by the same in-history backtest given the settings above (a bandwidth chosen by
        // cross-validation; 0, smoothing each weekday on its own, stays unless a candidate does better).
        var chosenError = Double.infinity
        for rho in ratioSmoothingCandidates {
            var e = 0.0
            for (k, fold) in usable.enumerated() {
                let m =
                    foldMeans[chosen.halfLifeWeeks]?[k]
                    ?? means(history, regular: fold.train, halfLifeWeeks: chosen.halfLifeWeeks)
                let raw = smoothed(m, smoothingMinutes: chosen.smoothingMinutes, ratioSmoothingMinutes: rho)
                e += shapeError(shrunk(raw, shrinkageCalls: chosen.shrinkageCalls), fold.test)
            }
            if e < chosenError {
                chosenError = e
                chosen.ratioSmoothingMinutes = rho
            }
        }
        return chosen
    }
}
