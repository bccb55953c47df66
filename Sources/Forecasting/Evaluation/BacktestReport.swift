import CallData

/// One model's row of the `headcount backtest` table.
public struct BacktestRow: Sendable {
    public var model: String
    public var metrics: AccuracyMetrics
    /// Share of actual interval counts inside the prediction interval (every interval with an actual row).
    public var coverage: Double
    /// The same over intervals with a forecast of at least 5 calls (the calibration goal).
    public var busyCoverage: Double
    /// Share of actual daily totals inside the day-level bounds (the interval model aggregated to the day).
    public var dayCoverage: Double
    /// Share of actual ISO-week totals (Monday–Sunday, local) inside the weekly bounds (the interval model aggregated
    /// to the week with correlated day shocks), over the weeks a fold covers entirely; `nan` without such a week
    /// (folds shorter than a week, or not starting on a Monday: see `run`'s `alignToISOWeeks`).
    public var weekCoverage: Double = .nan
    /// Seconds spent fitting and forecasting over all folds.
    public var seconds: Double
}

/// Rolling-origin accuracy and calibration of every model (and `auto`) on a history, pooled over queues.
public enum BacktestReport {
    /// Forecast calls from which an interval counts toward `busyCoverage`.
    public static let busyMinimumForecast = IntervalModel.calibrationMinimumForecast

    /// Runs the protocol: the last `folds` weekly origins, `horizonDays` ahead, train on everything before. Each fold
    /// is one `Forecaster.fit` on the training days (which, for `auto`, selects inside that history and estimates
    /// the interval model from its own backtest): exactly what `forecast` would have done on that day.
    /// With `alignToISOWeeks` the folds start on the last `folds` Mondays whose week the history covers
    /// (`RollingOrigin.isoWeekly`), so each fold of seven days or more contains a whole ISO week for `weekCoverage`.
    public static func run(
        _ history: IntervalHistory, folds: Int, horizonDays: Int, level: Double,
        specialDays: SpecialDays, modelNames: [String] = ModelCatalog.names, alignToISOWeeks: Bool = false
    ) throws -> [BacktestRow] {
        let grids = history.series.map { DayGrid(series: $0, intervalSeconds: history.intervalSeconds) }
        var rows: [BacktestRow] = []
        let clock = ContinuousClock()
        for name in modelNames {
            _ = try ModelCatalog.model(named: name)
            var pooled: [RollingOrigin.Pair] = []
            var naive: [Double] = []
            var covered = 0
            var total = 0
            var busyCovered = 0
            var busyTotal = 0
            var daysCovered = 0
            var daysTotal = 0
            var weeksCovered = 0
            var weeksTotal = 0
            let elapsed = try clock.measure {
                for (q, grid) in grids.enumerated() {
                    let origin =
                        alignToISOWeeks
                        ? RollingOrigin.isoWeekly(grid, folds: folds, horizonDays: horizonDays)
                        : RollingOrigin.weekly(grid, folds: folds, horizonDays: horizonDays)
                    let request = ForecastRequest(
                        horizonDays: horizonDays, modelName: name, level: level, specialDays: specialDays)
                    for o in origin.origins {
                        let train = grid.before(day: o)
                        guard train.days.count >= 7 else { continue }
                        let targets = Array(o..<(o + horizonDays))
                        let fitted: FittedQueue
                        do {
                            fitted = try Forecaster.fit(
                                train, queue: history.series[q].queue, request, targetDays: targets)
                        } catch is ForecastError {
                            // the model does not apply (e.g. double-seasonal with closed hours): its row shows nan
                            continue
                        }
                        let fold = RollingOrigin.compare(
                            fitted.points, targets: targets, train: train, grid: grid, specialDays: fitted.specialDays)
                        let intervals = fitted.intervals
                        var byDay: [Int: (f: Double, f2: Double, y: Double, h: Int)] = [:]
                        for p in fold {
                            let afterClosed = fitted.followsClosedDay(p.day)
                            let (lo, hi) = intervals.bounds(
                                p.forecast, horizonDay: p.horizonDay, afterClosedDay: afterClosed)
                            let inside = p.actual >= lo && p.actual <= hi
                            if inside { covered += 1 }
                            total += 1
                            if p.forecast >= busyMinimumForecast {
                                busyTotal += 1
                                if inside { busyCovered += 1 }
                            }
                            var d = byDay[p.day] ?? (0, 0, 0, p.horizonDay)
                            d.f += p.forecast
                            d.f2 += p.forecast * p.forecast
                            d.y += p.actual
                            byDay[p.day] = d
                        }
                        var byWeek: [Int: (parts: [IntervalModel.DayPart], y: Double)] = [:]
                        let targetSet = Set(targets)
                        for (day, d) in byDay.sorted(by: { $0.key < $1.key }) {
                            guard d.f > 0 else { continue }
                            let afterClosed = fitted.followsClosedDay(day)
                            let v = intervals.variance(
                                total: d.f, sumOfSquares: d.f2, horizonDay: d.h, afterClosedDay: afterClosed)
                            let (lo, hi) = intervals.bounds(mean: d.f, variance: v)
                            daysTotal += 1
                            if d.y >= lo && d.y <= hi { daysCovered += 1 }
                            let monday = WeeklyTotals.monday(of: day)
                            guard (monday..<(monday + 7)).allSatisfy({ targetSet.contains($0) }) else { continue }
                            var w = byWeek[monday] ?? ([], 0)
                            w.parts.append(
                                IntervalModel.DayPart(
                                    horizonDay: d.h, total: d.f, sumOfSquares: d.f2, afterClosedDay: afterClosed))
                            w.y += d.y
                            byWeek[monday] = w
                        }
                        for (_, w) in byWeek {
                            let f = w.parts.reduce(0) { $0 + $1.total }
                            let (lo, hi) = intervals.bounds(mean: f, variance: intervals.variance(w.parts))
                            weeksTotal += 1
                            if w.y >= lo && w.y <= hi { weeksCovered += 1 }
                        }
                        pooled += fold
                        let mae = RollingOrigin.seasonalNaiveMAE(train)
                        if mae.isFinite { naive.append(mae) }
                    }
                }
            }
            func share(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) : .nan }
            let scale = naive.isEmpty ? .nan : naive.reduce(0, +) / Double(naive.count)
            rows.append(
                BacktestRow(
                    model: name, metrics: AccuracyMetrics(pooled, naiveMAE: scale),
                    coverage: share(covered, total), busyCoverage: share(busyCovered, busyTotal),
                    dayCoverage: share(daysCovered, daysTotal), weekCoverage: share(weeksCovered, weeksTotal),
                    seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        }
        return rows
    }
}
