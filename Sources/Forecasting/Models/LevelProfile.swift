import CallData

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Daily level × intraday profile: the workhorse model.
///
/// Calls in slot s of day d are forecast as `T̂_d · P̂_{w(d)}(s)`, the daily total times the
/// weekday's intraday profile (shares summing to 1) — the multiplicative decomposition of
/// Brown et al. (2005) and Weinberg, Brown & Stroud (2007), estimated robustly:
///
/// - **Weekday effects** on log daily totals: the weighted median over the last 16 weeks of
///   each day's deviation from the median of its ±3 neighbouring days (weights halve every
///   10 weeks), centred to mean 0.
/// - **Day-of-month effects** (billing cycles, paydays, month start): the mean residual of each
///   calendar day of the month against a ±7-day running median, shrunk by `n/(n+1)` and used
///   only when the day has occurred at least twice.
/// - **Holiday/event effects**: the mean residual of past days with the same label.
/// - **Level**: a robust exponential smoother on the de-seasonalised log totals — innovations
///   are clipped at one robust standard deviation (1.4826 · MAD of day-to-day changes / √2),
///   so an outage surge or a post-holiday catch-up does not drag the level (Huber-type
///   filtering; smoothing constant 0.2).
/// - **Profile**: per weekday, the recency-weighted mean of the last 26 same-weekday days' normalised
///   profiles, thin slots shrunk toward the pooled shape (`IntradayProfile`; half-life and shrinkage
///   estimated per series by an in-history backtest), smoothed with a Gaussian of 5 minutes' width.
///
/// Special days in history are left out of every estimate but their own effect.
public struct LevelProfile: ForecastModel {
    public var name: String { "level-profile" }
    /// How the intraday profiles are estimated (half-life and shrinkage; `Forecaster.fit` estimates them).
    public var profile: IntradayProfile
    public init(profile: IntradayProfile = .standard) { self.profile = profile }

    /// Smoothing constant of the robust level (per day): BENCHMARKS.md "Prediction intervals … Accuracy" — 0.1 / 0.2
    /// / 0.3 / 0.4 gave bank WAPE 0.0809 / 0.0799 / 0.0800 / 0.0801.
    static let levelSmoothing = 0.2
    /// Weekday effects use the last 16 weeks (issue 5), weights halving every 70 days.
    static let weekdayEffectWindowDays = 16 * 7
    static let weekdayEffectHalfLifeDays = 70.0
    /// A holiday's effect is measured against the regular days within ±10 days.
    static let labelReferenceDays = 10

    /// The fitted daily part, exposed for tests.
    struct DailyFit {
        var level: Double
        var weekdayEffect: [Int: Double]
        var dayOfMonthEffect: [Int: Double]
        var labelEffect: [String: Double]
    }

    public func forecast(_ history: DayGrid, targetDays: [Int], specialDays: SpecialDays) throws -> [[Double]] {
        let regular = history.days.indices.filter {
            !specialDays.isSpecial(history.days[$0]) && history.values[$0].reduce(0, +) > 0
        }
        guard regular.count >= 7 else {
            throw ForecastError.insufficientHistory("level-profile needs at least 7 open days")
        }
        let fit = fitDaily(history, regular: regular, specialDays: specialDays)
        let profiles = profile.profiles(history, regular: regular)
        return targetDays.map { day in
            let w = DayGrid.weekday(day)
            var log = fit.level + (fit.weekdayEffect[w] ?? 0) + (fit.dayOfMonthEffect[Self.dayOfMonth(day)] ?? 0)
            if let special = specialDays.byDay[day], special.kind != .closed {
                log += fit.labelEffect[special.label] ?? 0
            }
            let total = exp(log)
            let profile = profiles[w] ?? profiles[0] ?? []
            return profile.isEmpty ? [Double](repeating: 0, count: history.slotsPerDay) : profile.map { $0 * total }
        }
    }

    /// Candidate smoothing constants of the robust level (per day), from slow (a level averaged over ~20 days) to
    /// fast (~2 days); the one with the smallest in-history one-step error is used (the usual estimation of an
    /// exponential-smoothing constant: Hyndman et al. 2008, ch. 5, with a robust loss).
    static let levelSmoothingCandidates = [0.05, 0.1, 0.2, 0.3, 0.5]

    /// The robust exponential smoother of the type's documentation: innovations clipped at `clip`, smoothing
    /// constant `alpha`. Returns the final level and the sum of the clipped absolute one-step errors after a burn-in
    /// of `levelBurnInDays`.
    static func robustLevel(_ x: [Double], alpha: Double, clip: Double) -> (level: Double, loss: Double) {
        var level = Robust.median(Array(x.prefix(5)))
        var loss = 0.0
        for (i, v) in x.enumerated().dropFirst() {
            let e = min(clip, max(-clip, v - level))
            if i >= levelBurnInDays { loss += abs(e) }
            level += alpha * e
        }
        return (level, loss)
    }

    /// Days of history the level needs before its one-step errors count toward choosing the constant (the slowest
    /// candidate's time constant, 1/0.05 = 20 days). Unit: open days.
    static let levelBurnInDays = 20

    /// The candidate smoothing constant with the least clipped one-step error; `levelSmoothing` when the history is
    /// too short to tell (fewer than `levelBurnInDays` + 2 weeks of open days).
    static func estimateLevelSmoothing(_ x: [Double], clip: Double) -> Double {
        guard x.count >= levelBurnInDays + 14 else { return levelSmoothing }
        var best = (alpha: levelSmoothing, loss: robustLevel(x, alpha: levelSmoothing, clip: clip).loss)
        for a in levelSmoothingCandidates where a != levelSmoothing {
            let loss = robustLevel(x, alpha: a, clip: clip).loss
            if loss < best.loss { best = (a, loss) }
        }
        return best.alpha
    }

    /// Group means shrunk toward 0 by their empirical-Bayes (James–Stein) factor `τ² / (τ² + σ²/n)`: `σ²` is the pooled
    /// within-group variance, `τ²` the variance of the group means less their average sampling variance (method of
    /// moments; Efron & Morris 1975). Effects the data cannot tell from noise shrink to 0.
    ///
    /// *Edge Cases*: fewer than two groups, or no within-group spread, gives the means unshrunk by `n/(n+1)`.
    static func shrunkGroupMeans(_ groups: [Int: [Double]]) -> [Int: Double] {
        // (key, mean, count) in key order, empty groups dropped.
        let stats: [(key: Int, mean: Double, n: Double)] = groups.sorted { $0.key < $1.key }.compactMap { key, g in
            g.isEmpty ? nil : (key, g.reduce(0, +) / Double(g.count), Double(g.count))
        }
        var within = 0.0
        var dof = 0.0
        for (key, mean, n) in stats {
            within += (groups[key] ?? []).reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            dof += n - 1
        }
        var out: [Int: Double] = [:]
        guard stats.count >= 2, dof > 0, within > 0 else {
            for (key, mean, n) in stats { out[key] = mean * n / (n + 1) }
            return out
        }
        let sigma2 = within / dof
        let k = Double(stats.count)
        let grand = stats.reduce(0) { $0 + $1.mean } / k
        let spread = stats.reduce(0) { $0 + ($1.mean - grand) * ($1.mean - grand) } / (k - 1)
        let sampling = stats.reduce(0) { $0 + sigma2 / $1.n } / k
        let tau2 = max(0, spread - sampling)
        for (key, mean, n) in stats { out[key] = mean * tau2 / (tau2 + sigma2 / n) }
        return out
    }

    static func dayOfMonth(_ day: Int) -> Int { CivilCalendar.civilFromDays(day).day }

    func fitDaily(_ history: DayGrid, regular: [Int], specialDays: SpecialDays) -> DailyFit {
        let days = regular.map { history.days[$0] }
        let logs = regular.map { log(history.values[$0].reduce(0, +)) }
        let n = logs.count
        let lastDay = days[n - 1]
        // Weekday effects.
        var weekdayEffect: [Int: Double] = [:]
        for w in 1...7 {
            var devs: [Double] = []
            var weights: [Double] = []
            for i in 0..<n where DayGrid.weekday(days[i]) == w && days[i] > lastDay - Self.weekdayEffectWindowDays {
                let window = Array(logs[max(0, i - 3)...min(n - 1, i + 3)])
                devs.append(logs[i] - Robust.median(window))
                weights.append(pow(0.5, Double(lastDay - days[i]) / Self.weekdayEffectHalfLifeDays))
            }
            if !devs.isEmpty { weekdayEffect[w] = Robust.weightedMedian(devs, weights: weights) }
        }
        if weekdayEffect.isEmpty {  // only very old history: use it all
            for w in 1...7 {
                let devs = (0..<n).filter { DayGrid.weekday(days[$0]) == w }.map { i in
                    logs[i] - Robust.median(Array(logs[max(0, i - 3)...min(n - 1, i + 3)]))
                }
                if !devs.isEmpty { weekdayEffect[w] = Robust.median(devs) }
            }
        }
        let centre = weekdayEffect.values.reduce(0, +) / Double(max(1, weekdayEffect.count))
        for w in weekdayEffect.keys { weekdayEffect[w]! -= centre }
        let deseasonalised = (0..<n).map { logs[$0] - (weekdayEffect[DayGrid.weekday(days[$0])] ?? 0) }
        // Day-of-month effects against a ±7-day running median.
        let local = (0..<n).map { Robust.median(Array(deseasonalised[max(0, $0 - 7)...min(n - 1, $0 + 7)])) }
        var groups: [Int: [Double]] = [:]
        for i in 0..<n { groups[Self.dayOfMonth(days[i]), default: []].append(deseasonalised[i] - local[i]) }
        let dayOfMonthEffect = Self.shrunkGroupMeans(groups.filter { $0.value.count >= 2 })
        // Holiday / event effects by label, against the regular days' running median around them.
        var labelEffect: [String: Double] = [:]
        var labelSums: [String: (Double, Int)] = [:]
        // sorted: sums must not vary run to run
        for d in specialDays.byDay.keys.sorted() where specialDays.byDay[d]!.kind != .closed {
            let special = specialDays.byDay[d]!
            guard let k = history.days.firstIndex(of: d) else { continue }
            let total = history.values[k].reduce(0, +)
            guard total > 0 else { continue }
            let near = (0..<n).filter { abs(days[$0] - d) <= Self.labelReferenceDays }
            guard !near.isEmpty else { continue }
            let base = Robust.median(near.map { deseasonalised[$0] }) + (weekdayEffect[DayGrid.weekday(d)] ?? 0)
            let r = log(total) - base
            labelSums[special.label] = ((labelSums[special.label]?.0 ?? 0) + r, (labelSums[special.label]?.1 ?? 0) + 1)
        }
        for (label, (sum, count)) in labelSums { labelEffect[label] = sum / Double(count) }
        // Robust level.
        let adjusted = (0..<n).map { deseasonalised[$0] - (dayOfMonthEffect[Self.dayOfMonth(days[$0])] ?? 0) }
        var changes: [Double] = []
        for i in 1..<n { changes.append(abs(adjusted[i] - adjusted[i - 1])) }
        let sigma = max(1e-6, 1.4826 * Robust.median(changes) / 2.0.squareRoot())
        let alpha = Self.estimateLevelSmoothing(adjusted, clip: sigma)
        let level = Self.robustLevel(adjusted, alpha: alpha, clip: sigma).level
        return DailyFit(
            level: level, weekdayEffect: weekdayEffect, dayOfMonthEffect: dayOfMonthEffect, labelEffect: labelEffect)
    }
}
