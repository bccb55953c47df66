import CallData

/// One model's row of the `headcount backtest` table.
public struct BacktestRow: Sendable {
    public var model: String
    public var metrics: AccuracyMetrics
    /// Share of actuals inside the prediction interval.
    public var coverage: Double
    /// Seconds spent fitting and forecasting over all folds.
    public var seconds: Double
}

/// Rolling-origin accuracy of every model (and `auto`) on a history, pooled over queues.
public enum BacktestReport {
    /// Runs the protocol: the last `folds` weekly origins, `horizonDays` ahead, train on everything before.
    public static func run(
        _ history: IntervalHistory, folds: Int, horizonDays: Int, level: Double,
        specialDays: SpecialDays, modelNames: [String] = ModelCatalog.names
    ) throws -> [BacktestRow] {
        let grids = history.series.map { DayGrid(series: $0, intervalSeconds: history.intervalSeconds) }
        var rows: [BacktestRow] = []
        let clock = ContinuousClock()
        for name in modelNames {
            let model = try ModelCatalog.model(named: name)
            var pooled: [RollingOrigin.Pair] = []
            var naive: [Double] = []
            var covered = 0
            var total = 0
            let elapsed = try clock.measure {
                for grid in grids {
                    let origin = RollingOrigin.weekly(grid, folds: folds, horizonDays: horizonDays)
                    let request = ForecastRequest(
                        horizonDays: horizonDays, modelName: name, level: level, specialDays: specialDays)
                    for o in origin.origins {
                        let train = grid.before(day: o)
                        guard train.days.count >= 7 else { continue }
                        // The model (for auto: the one it picks inside this fold's history) and its in-history
                        // backtest errors, which give this fold's prediction intervals — selected once per fold.
                        let fold: [RollingOrigin.Pair]
                        let inHistory: [RollingOrigin.Pair]
                        do {
                            let (chosen, pairs) = try Forecaster.chooseModel(train, request)
                            fold = try origin.fold(
                                chosen, train: train, grid: grid, origin: o, specialDays: specialDays)
                            inHistory = pairs
                        } catch is ForecastError {
                            // the model does not apply (e.g. double-seasonal with closed hours): its row shows nan
                            continue
                        }
                        let intervals = PredictionIntervals(pairs: inHistory, level: level)
                        for p in fold {
                            let (lo, hi) = intervals.bounds(p.forecast, horizonDay: p.horizonDay)
                            if p.actual >= lo && p.actual <= hi { covered += 1 }
                            total += 1
                        }
                        pooled += fold
                        let mae = RollingOrigin.seasonalNaiveMAE(train)
                        if mae.isFinite { naive.append(mae) }
                    }
                }
            }
            let scale = naive.isEmpty ? .nan : naive.reduce(0, +) / Double(naive.count)
            rows.append(
                BacktestRow(
                    model: name, metrics: AccuracyMetrics(pooled, naiveMAE: scale),
                    coverage: total > 0 ? Double(covered) / Double(total) : .nan,
                    seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        }
        return rows
    }
}
