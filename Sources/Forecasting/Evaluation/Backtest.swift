#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Rolling-origin evaluation: for each origin, train on the days before it, forecast the
/// following `horizonDays` calendar days, and compare with the slots that have actual rows.
///
/// Forecasts for slots the centre is not open in (learnt from the training days, as the
/// `Forecaster` does) count as 0, exactly as a missing forecast row would.
public struct RollingOrigin: Sendable {
    /// First day of each fold (local day numbers), ascending.
    public var origins: [Int]
    /// Calendar days forecast from each origin.
    public var horizonDays: Int

    /// The last `folds` weekly origins of `grid`: fold k starts `7k − 1` days before the last day.
    public static func weekly(_ grid: DayGrid, folds: Int, horizonDays: Int) -> RollingOrigin {
        guard let last = grid.days.last else { return RollingOrigin(origins: [], horizonDays: horizonDays) }
        let origins = (1...max(1, folds)).reversed().map { last - 7 * $0 + 1 }.filter { o in
            grid.days.contains { $0 < o }
        }
        return RollingOrigin(origins: origins, horizonDays: horizonDays)
    }

    /// The last `folds` origins on ISO Mondays whose whole week (Monday–Sunday, local) lies in `grid`'s history:
    /// the week ends on or before the last day, or its days after the last day fall on weekdays without rows in the
    /// last four weeks (`DayGrid.openHoursWindowDays`; a Monday–Friday centre's week is complete on Friday).
    ///
    /// *Edge Cases*: only origins with history before them are kept (as in `weekly`).
    public static func isoWeekly(_ grid: DayGrid, folds: Int, horizonDays: Int) -> RollingOrigin {
        guard let last = grid.days.last else { return RollingOrigin(origins: [], horizonDays: horizonDays) }
        let openWeekdays = Set(
            grid.days.indices.filter { grid.days[$0] > last - DayGrid.openHoursWindowDays }.map {
                DayGrid.weekday(grid.days[$0])
            })
        var monday = WeeklyTotals.monday(of: last)
        if ((last + 1)..<(monday + 7)).contains(where: { openWeekdays.contains(DayGrid.weekday($0)) }) { monday -= 7 }
        let origins = (0..<max(1, folds)).reversed().map { monday - 7 * $0 }.filter { o in grid.days.contains { $0 < o }
        }
        return RollingOrigin(origins: origins, horizonDays: horizonDays)
    }

    /// One fold's comparison: (horizon day index, forecast, actual) for every actual slot, with the slot's local
    /// day number and slot index (the fold's origin is `day − horizonDay`).
    public struct Pair: Sendable {
        public var horizonDay: Int
        public var forecast: Double
        public var actual: Double
        public var day: Int = 0
        public var slot: Int = 0

        public init(horizonDay: Int, forecast: Double, actual: Double, day: Int = 0, slot: Int = 0) {
            self.horizonDay = horizonDay
            self.forecast = forecast
            self.actual = actual
            self.day = day
            self.slot = slot
        }
    }

    /// Forecast/actual pairs of every fold for `model`, and the in-sample seasonal-naive MAE per fold.
    public func pairs(_ model: any ForecastModel, grid: DayGrid, specialDays: SpecialDays) throws -> (
        pairs: [[Pair]], naiveMAE: [Double]
    ) {
        var all: [[Pair]] = []
        var naive: [Double] = []
        for origin in origins {
            let train = grid.before(day: origin)
            guard train.days.count >= 7 else { continue }
            all.append(try fold(model, train: train, grid: grid, origin: origin, specialDays: specialDays))
            naive.append(Self.seasonalNaiveMAE(train))
        }
        return (all, naive)
    }

    /// One fold: forecast `horizonDays` from `origin` with a model trained on `train`, compared with `grid`'s actual rows.
    /// The model sees the post-closure days (`PostClosureDays`) that `train` and `specialDays` reveal at the origin —
    /// not those of closures inside the fold that only its actuals show, which a real forecast could not know — and
    /// the public holidays `specialDays.holidays` implies from `train` alone; days it forecasts closed score as 0.
    public func fold(_ model: any ForecastModel, train: DayGrid, grid: DayGrid, origin: Int, specialDays: SpecialDays)
        throws -> [Pair]
    {
        let targets = Array(origin..<(origin + horizonDays))
        let known = PostClosureDays.marked(
            specialDays, grid: train, futureDays: max(0, origin + horizonDays - 1 - (train.days.last ?? origin)))
        let forecast = try model.forecast(train, targetDays: targets, specialDays: known)
        return Self.compare(forecast, targets: targets, train: train, grid: grid, specialDays: known)
    }

    /// Pairs of a forecast of `targets` (made from `train`) with `grid`'s actual rows; slots closed in the opening
    /// hours learnt from `train`, and closed special days, count as a forecast of 0.
    public static func compare(
        _ forecast: [[Double]], targets: [Int], train: DayGrid, grid: DayGrid, specialDays: SpecialDays
    ) -> [Pair] {
        let open = train.openSlots()
        var out: [Pair] = []
        var index: [Int: Int] = [:]
        for (k, d) in grid.days.enumerated() { index[d] = k }
        for (t, day) in targets.enumerated() where t < forecast.count {
            guard let d = index[day] else { continue }
            let mask = open[DayGrid.weekday(day)]
            let closed = specialDays.byDay[day]?.kind == .closed
            for s in 0..<grid.slotsPerDay where grid.present[d][s] {
                let f = (mask?[s] ?? false) && !closed ? forecast[t][s] : 0
                out.append(Pair(horizonDay: t, forecast: f, actual: grid.values[d][s], day: day, slot: s))
            }
        }
        return out
    }

    /// In-sample MAE of "same slot, seven days earlier" over slots present on both days.
    static func seasonalNaiveMAE(_ grid: DayGrid) -> Double {
        var index: [Int: Int] = [:]
        for (k, d) in grid.days.enumerated() { index[d] = k }
        var sum = 0.0
        var count = 0.0
        for (k, d) in grid.days.enumerated() {
            guard let p = index[d - 7] else { continue }
            for s in 0..<grid.slotsPerDay where grid.present[k][s] && grid.present[p][s] {
                sum += abs(grid.values[k][s] - grid.values[p][s])
                count += 1
            }
        }
        return count > 0 ? sum / count : .nan
    }
}

/// Accuracy of a forecast against actuals.
public struct AccuracyMetrics: Equatable, Sendable {
    /// Σ|y − f| / Σy.
    public var wape: Double
    /// Mean |y − f| / y over intervals with y ≥ 1.
    public var mape: Double
    /// Mean 2|y − f| / (|y| + |f|) over intervals where y + f > 0.
    public var smape: Double
    /// MAE over the in-sample MAE of the weekly seasonal-naive forecast (Hyndman & Koehler 2006).
    public var mase: Double
    /// Number of intervals compared.
    public var count: Int

    /// Metrics of pooled pairs, scaled by `naiveMAE` for MASE.
    public init(_ pairs: [RollingOrigin.Pair], naiveMAE: Double) {
        var absError = 0.0
        var total = 0.0
        var ape = 0.0
        var apeCount = 0.0
        var sape = 0.0
        var sapeCount = 0.0
        for p in pairs {
            let e = abs(p.actual - p.forecast)
            absError += e
            total += p.actual
            if p.actual >= 1 {
                ape += e / p.actual
                apeCount += 1
            }
            if p.actual + p.forecast > 0 {
                sape += 2 * e / (abs(p.actual) + abs(p.forecast))
                sapeCount += 1
            }
        }
        wape = total > 0 ? absError / total : .nan
        mape = apeCount > 0 ? ape / apeCount : .nan
        smape = sapeCount > 0 ? sape / sapeCount : .nan
        mase = pairs.isEmpty || !(naiveMAE > 0) ? .nan : absError / Double(pairs.count) / naiveMAE
        count = pairs.count
    }
}
