import CallData
import LinearAlgebra

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Penalised regression of log daily totals × intraday profile.
///
/// Daily part: weighted ridge regression of `log(total_d)` on an intercept, weekday dummies, a
/// linear trend, smooth yearly seasonality (three Fourier harmonics of the day of year),
/// month-cycle seasonality (two harmonics of the day of month) and one dummy per special-day
/// label, solved from the normal equations `(XᵀWX + λP) β = XᵀWy` by Cholesky (LAPACK
/// `dpotrf`/`dpotrs`). Observations are weighted by recency (half-life 26 weeks) and, over
/// three iterations, by Huber weights on the residuals (outlier days count less). The ridge
/// penalty `λ = 1` shrinks the trend and the harmonics, `λ = 0.05` the label effects (not the intercept or
/// the weekday effects, which every week pins down), so yearly terms stay near zero until the
/// history covers a year. A day-level adjustment adds the median residual of the last ten
/// regular days. Intraday part: the same weekday profiles as `LevelProfile`.
public struct RegressionProfile: ForecastModel {
    public var name: String { "regression" }
    /// How the intraday profiles are estimated (shared with `LevelProfile`).
    public var profile: IntradayProfile
    public init(profile: IntradayProfile = .standard) { self.profile = profile }

    /// Observation weights halve every 182 days (half a year: issue 5).
    static let recencyHalfLifeDays = 182.0
    /// Ridge penalties: trend and harmonics, and special-day labels (issue 5; see the type's documentation).
    static let seasonalPenalty = 1.0
    static let labelPenalty = 0.05
    /// Huber's tuning constant, in robust standard deviations: 95 % efficiency at the normal (Huber 1964).
    static let huberK = 1.345

    public func forecast(_ history: DayGrid, targetDays: [Int], specialDays: SpecialDays) throws -> [[Double]] {
        let usable = history.days.indices.filter {
            history.values[$0].reduce(0, +) > 0 && specialDays.byDay[history.days[$0]]?.kind != .closed
        }
        guard usable.count >= 14 else {
            throw ForecastError.insufficientHistory("regression needs at least 14 open days")
        }
        let days = usable.map { history.days[$0] }
        let y = usable.map { log(history.values[$0].reduce(0, +)) }
        let labels = Array(Set(days.compactMap { specialDays.byDay[$0]?.label })).sorted()
        let weekdays = Array(Set(days.map(DayGrid.weekday))).sorted()
        let origin = days.last!
        func features(_ day: Int) -> [Double] {
            var f: [Double] = [1]
            for w in weekdays.dropFirst() { f.append(DayGrid.weekday(day) == w ? 1 : 0) }
            f.append(Double(day - origin) / 365.25)
            let (year, month, dom) = CivilCalendar.civilFromDays(day)
            let doy = Double(day - CivilCalendar.daysFromCivil(year: year, month: 1, day: 1))
            for k in 1...3 {
                f.append(sin(2 * .pi * Double(k) * doy / 365.25))
                f.append(cos(2 * .pi * Double(k) * doy / 365.25))
            }
            let length = Double(CivilCalendar.daysInMonth(year: year, month: month))
            for k in 1...2 {
                f.append(sin(2 * .pi * Double(k) * Double(dom - 1) / length))
                f.append(cos(2 * .pi * Double(k) * Double(dom - 1) / length))
            }
            for label in labels { f.append(specialDays.byDay[day]?.label == label ? 1 : 0) }
            return f
        }
        let x = days.map(features)
        let p = x[0].count
        let recency = days.map { pow(0.5, Double(origin - $0) / Self.recencyHalfLifeDays) }
        var robustness = [Double](repeating: 1, count: days.count)
        var beta = [Double](repeating: 0, count: p)
        for _ in 0..<3 {
            var xtwx = Matrix(rows: p, columns: p)
            var xtwy = [Double](repeating: 0, count: p)
            for i in days.indices {
                let w = recency[i] * robustness[i]
                for a in 0..<p where x[i][a] != 0 {
                    xtwy[a] += w * x[i][a] * y[i]
                    for b in 0..<p where x[i][b] != 0 { xtwx[a, b] += w * x[i][a] * x[i][b] }
                }
            }
            // Ridge on trend and seasonal harmonics (λ = 1) and, lightly, labels (λ = 0.05); intercept and
            // weekday effects are left free.
            for a in 0..<p {
                xtwx[a, a] +=
                    a < weekdays.count ? 1e-9 : (a >= p - labels.count ? Self.labelPenalty : Self.seasonalPenalty)
            }
            beta = try xtwx.choleskySolve(xtwy)
            let residuals = days.indices.map { i in y[i] - zip(x[i], beta).reduce(0) { $0 + $1.0 * $1.1 } }
            let scale = max(1e-6, 1.4826 * Robust.median(residuals.map(abs)))
            // Huber weights for regular days; labelled days are explained by their own term.
            robustness = days.indices.map { i in
                specialDays.byDay[days[i]] != nil ? 1 : min(1, Self.huberK * scale / max(abs(residuals[i]), 1e-12))
            }
        }
        let residuals = days.indices.map { i in y[i] - zip(x[i], beta).reduce(0) { $0 + $1.0 * $1.1 } }
        let recent = days.indices.filter { specialDays.byDay[days[$0]] == nil }.suffix(10).map { residuals[$0] }
        let adjustment = recent.isEmpty ? 0 : Robust.median(recent)
        let regular = history.days.indices.filter {
            !specialDays.isSpecial(history.days[$0]) && history.values[$0].reduce(0, +) > 0
        }
        let profiles = profile.profiles(history, regular: regular.isEmpty ? usable : regular)
        return targetDays.map { day in
            let total = exp(zip(features(day), beta).reduce(0) { $0 + $1.0 * $1.1 } + adjustment)
            let profile = profiles[DayGrid.weekday(day)] ?? profiles[0] ?? []
            return profile.isEmpty ? [Double](repeating: 0, count: history.slotsPerDay) : profile.map { $0 * total }
        }
    }
}
