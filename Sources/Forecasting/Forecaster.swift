import CallData

/// What a planner asks for: how far ahead, which model, which interval level, which special days.
public struct ForecastRequest: Sendable {
    /// Calendar days to forecast after the history's last day.
    public var horizonDays: Int
    /// A name from `ModelCatalog.names` (`auto` picks per series by backtest).
    public var modelName: String
    /// Prediction-interval level in (0, 1).
    public var level: Double
    /// Closed days, holidays and events (past and future).
    public var specialDays: SpecialDays

    /// A request; model `auto`, level 0.9 and no special days by default.
    public init(horizonDays: Int, modelName: String = "auto", level: Double = 0.9, specialDays: SpecialDays = .none) {
        self.horizonDays = horizonDays
        self.modelName = modelName
        self.level = level
        self.specialDays = specialDays
    }
}

/// One forecast interval.
public struct ForecastRow: Equatable, Sendable {
    /// UTC start and the planning zone's offset there.
    public var start: Int
    public var utcOffset: Int
    /// Point forecast and prediction interval of calls.
    public var calls: Double
    public var lower: Double
    public var upper: Double
    /// Forecast AHT in seconds, when the history has AHT.
    public var ahtSeconds: Double?
    /// The interval's real length in seconds (a partial closing slot is shorter than the grid, a
    /// DST day longer or shorter); `nil` when unknown (written blank: the full grid interval).
    public var lengthSeconds: Int? = nil
}

/// The forecast of one queue.
public struct QueueForecast: Sendable {
    /// The queue (`nil` when the history had no queue column).
    public var queue: String?
    /// Rows in time order, open slots only.
    public var rows: [ForecastRow]
    /// The model used (for `auto`, the one it chose).
    public var modelName: String
    /// What was fitted and chosen (for `--report` and the stderr line); `nil` for forecasts read
    /// back from a file or built by a scenario.
    public var summary: FitSummary? = nil

    /// A queue's forecast from its rows (e.g. `WeeklyTotals.rows`).
    public init(queue: String?, rows: [ForecastRow], modelName: String, summary: FitSummary? = nil) {
        self.queue = queue
        self.rows = rows
        self.modelName = modelName
        self.summary = summary
    }
}

/// Forecasts every queue of a history: the calendar days after its last day, at its interval,
/// for the slots where the centre is open (learnt from the recent weeks), skipping closed
/// special days; DST-correct (a 23-hour day has no rows in the gap; a 25-hour day repeats the hour).
///
/// Two steps: `fit` (choose and fit the model, estimate the intraday-profile settings, the prediction-interval model
/// and the opening hours: a `FittedQueue` per queue) and `forecast(_:timeZone:_:)` (rows with bounds from it).
/// `forecast(_:_:)` does both.
public enum Forecaster {
    /// Forecasts all queues: `fit`, then rows.
    /// - Throws: `ForecastError` (unknown model, too little history), `LinearAlgebraError`.
    public static func forecast(_ history: IntervalHistory, _ request: ForecastRequest) throws -> [QueueForecast] {
        forecast(try fit(history, request), timeZone: history.timeZone, request)
    }

    /// Fits every queue of a history for the calendar days after its last day.
    /// - Throws: `ForecastError` (unknown model, too little history), `LinearAlgebraError`.
    public static func fit(_ history: IntervalHistory, _ request: ForecastRequest) throws -> [FittedQueue] {
        try history.series.map { series in
            var fitted = try fit(
                DayGrid(series: series, intervalSeconds: history.intervalSeconds), queue: series.queue, request)
            // Partial slots (the data contract): each weekday × slot keeps the length its most recent
            // history row had, so a 5-minute closing slot is forecast as 5 minutes, not a full interval.
            for r in series.records {
                let local = r.local
                fitted.slotLengths[local.isoWeekday * 100_000 + local.secondOfDay / history.intervalSeconds] =
                    r.lengthSeconds
            }
            return fitted
        }
    }

    /// Fits one queue's grid: estimates the intraday-profile settings, chooses the model (for `auto`, by the
    /// in-history backtest), forecasts `targetDays` (default: the `request.horizonDays` days after the grid's last
    /// day) once, and estimates the prediction-interval model from the chosen model's backtest errors.
    /// - Throws: `ForecastError`, `LinearAlgebraError`.
    public static func fit(_ grid: DayGrid, queue: String?, _ request: ForecastRequest, targetDays: [Int]? = nil)
        throws -> FittedQueue
    {
        let open = grid.openSlots()
        // The public holidays the request's policy implies for this history, through the farthest day the horizon
        // can reach (`HolidayInference`); the backtests infer them per fold from the fold's training days.
        let lastDay = grid.days.last ?? 0
        let reach = targetDays?.max() ?? (lastDay + request.horizonDays + maximumLeadingClosedDays)
        let (resolved, holidays) = HolidayInference.resolve(request.specialDays, grid: grid, through: reach)
        let targets: [Int]
        if let targetDays {
            targets = targetDays
        } else if let last = grid.days.last, request.horizonDays > 0 {
            let first = firstOpenDay(after: last, open: open, specialDays: resolved)
            targets = Array(first...(first + request.horizonDays - 1))
        } else {
            targets = []
        }
        // The models see the post-closure days as special days of their own (`PostClosureDays`); the backtests mark
        // them per fold from the fold's training days (`RollingOrigin.fold`), so no fold knows a closure in advance.
        let special = PostClosureDays.marked(
            resolved, grid: grid, futureDays: max(0, (targets.max() ?? 0) - (grid.days.last ?? 0)))
        let profile = IntradayProfile.estimate(grid, specialDays: special)
        let requested = try ModelCatalog.model(named: request.modelName, profile: profile)
        var model: any ForecastModel = requested
        var pairs: [RollingOrigin.Pair] = []
        var candidates: [(name: String, wape: Double)] = []
        if let auto = requested as? AutoModel {
            let selection = try auto.select(grid, horizonDays: request.horizonDays, specialDays: request.specialDays)
            model = selection.model
            pairs = selection.pairs
            candidates = selection.scores
        } else {
            var origin = RollingOrigin.weekly(
                grid, folds: AutoModel.selectionFolds, horizonDays: min(max(1, request.horizonDays), 14))
            if let first = grid.days.first { origin.origins = origin.origins.filter { $0 - first >= 21 } }
            pairs = (try? origin.pairs(model, grid: grid, specialDays: request.specialDays).pairs.flatMap { $0 }) ?? []
        }
        let points =
            grid.days.isEmpty || targets.isEmpty
            ? [] : try model.forecast(grid, targetDays: targets, specialDays: special)
        let intervals = IntervalModel(
            pairs: pairs, level: request.level,
            postHolidayDayShock: PostHolidayShock.estimate(grid, specialDays: request.specialDays))
        let members: [(name: String, weight: Double)]
        if let combination = model as? Combination {
            members = zip(combination.members, combination.weights).map { ($0.name, $1) }
        } else {
            members = [(model.name, 1)]
        }
        var summary = FitSummary(
            queue: queue, requestedModel: request.modelName, modelName: model.name, members: members,
            backtestWAPE: pairs.isEmpty ? .nan : AccuracyMetrics(pairs, naiveMAE: 1).wape,
            backtestFolds: Set(pairs.map { $0.day - $0.horizonDay }).count, candidates: candidates,
            intervals: intervals, profile: profile, historyDays: grid.days.count)
        summary.holidays = holidays
        // The holidays the forecast keeps (closed, or open with the public-holiday effect); a day the request lists
        // itself keeps the request's entry and is not reported.
        let openHolidays = holidays?.dipped == true ? (holidays?.holidayDays ?? []).filter { $0.day > lastDay } : []
        let horizonHolidays = (holidays?.assumedClosed ?? []) + openHolidays
        summary.holidaysInHorizon = horizonHolidays.filter { d in
            d.day <= (targets.max() ?? lastDay) && resolved.byDay[d.day] == d
        }
        var fitted = FittedQueue(
            queue: queue, grid: grid, model: model, targetDays: targets, points: points, intervals: intervals,
            openSlots: open, aht: AHTProfile(grid), summary: summary)
        fitted.specialDays = resolved
        // The horizon's total and its bounds: the interval model aggregated over the forecast days.
        var parts: [IntervalModel.DayPart] = []
        for (t, day) in targets.enumerated() where t < points.count && special.byDay[day]?.kind != .closed {
            guard let mask = open[DayGrid.weekday(day)] else { continue }
            var part = IntervalModel.DayPart(
                horizonDay: t, total: 0, sumOfSquares: 0,
                afterClosedDay: fitted.followsClosedDay(day))
            for s in 0..<grid.slotsPerDay where mask[s] {
                part.total += points[t][s]
                part.sumOfSquares += points[t][s] * points[t][s]
            }
            parts.append(part)
        }
        if !parts.isEmpty {
            let calls = parts.reduce(0) { $0 + $1.total }
            let (lower, upper) = intervals.bounds(mean: calls, variance: intervals.variance(parts))
            summary.horizonTotal = (calls, lower, upper)
            fitted.summary = summary
        }
        return fitted
    }

    /// Days the centre is closed that may open a horizon and be skipped, at most: a week of closed
    /// weekdays plus a long closed holiday period. Unit: days. Source: a calendar week (7) plus the
    /// longest run of closed public holidays seen in European and North American calendars
    /// (Christmas to New Year, about a week).
    static let maximumLeadingClosedDays = 14

    /// The first day after `last` on which the centre opens: the horizon counts from there, so that
    /// `--horizon 1d` after a Friday forecasts Monday for a centre closed at weekends instead of an
    /// empty Saturday. Days are closed when their weekday has no open slot in the recent weeks or
    /// they are closed special days.
    ///
    /// *Edge Cases*: a centre with no open weekday (or more than `maximumLeadingClosedDays` closed
    /// days in a row) keeps the calendar: the horizon starts the day after `last`.
    static func firstOpenDay(after last: Int, open: [Int: [Bool]], specialDays: SpecialDays) -> Int {
        var day = last + 1
        while day - last <= maximumLeadingClosedDays {
            let weekdayOpen = open[DayGrid.weekday(day)]?.contains(true) ?? false
            if weekdayOpen && specialDays.byDay[day]?.kind != .closed { return day }
            day += 1
        }
        return last + 1
    }

    /// Rows with prediction intervals from fitted queues: open slots of the target days that are not closed special
    /// days, each wall-clock slot mapped to its UTC instant(s) in `timeZone`.
    public static func forecast(_ fitted: [FittedQueue], timeZone: PlanningTimeZone, _ request: ForecastRequest)
        -> [QueueForecast]
    {
        fitted.map { fit in
            let grid = fit.grid
            var rows: [ForecastRow] = []
            for (t, day) in fit.targetDays.enumerated() where t < fit.points.count {
                if fit.specialDays.byDay[day]?.kind == .closed { continue }
                let w = DayGrid.weekday(day)
                guard let mask = fit.openSlots[w] else { continue }
                let afterClosed = fit.followsClosedDay(day)
                for s in 0..<grid.slotsPerDay where mask[s] {
                    let wall = day * 86_400 + s * grid.intervalSeconds
                    let (first, second) = timeZone.utcCandidates(forWall: wall)
                    let f = fit.points[t][s]
                    let (lo, hi) = fit.intervals.bounds(f, horizonDay: t, afterClosedDay: afterClosed)
                    let key = CivilCalendar.isoWeekday(days: day) * 100_000 + s
                    for utc in [first, second].compactMap({ $0 }) {
                        let full = timeZone.realLength(utcStart: utc, nominal: grid.intervalSeconds)
                        rows.append(
                            ForecastRow(
                                start: utc, utcOffset: timeZone.offset(atUTC: utc), calls: f, lower: lo,
                                upper: hi, ahtSeconds: fit.aht?.aht(weekday: w, slot: s),
                                lengthSeconds: min(full, fit.slotLengths[key] ?? full)))
                    }
                }
            }
            return QueueForecast(queue: fit.queue, rows: rows, modelName: fit.model.name, summary: fit.summary)
        }
    }

    /// The SPEC forecast CSV: `interval_start, interval_minutes, queue, calls, calls_lower, calls_upper,
    /// aht_seconds` (the data contract: each row's length; times naive when `timeZone` is naive).
    public static func csv(_ forecasts: [QueueForecast], timeZone: PlanningTimeZone = .utc) -> CSVWriter {
        var w = CSVWriter(header: [
            "interval_start", "interval_minutes", "queue", "calls", "calls_lower", "calls_upper", "aht_seconds",
        ])
        for f in forecasts {
            for r in f.rows {
                w.writeRow([
                    timeZone.text(wallSeconds: r.start + r.utcOffset, utcOffset: r.utcOffset),
                    r.lengthSeconds.map { formatDecimal(Double($0) / 60) } ?? "", f.queue ?? "all",
                    formatDecimal(r.calls, places: 3), formatDecimal(r.lower, places: 3),
                    formatDecimal(r.upper, places: 3),
                    r.ahtSeconds.map { formatDecimal($0, places: 2) } ?? "",
                ])
            }
        }
        return w
    }
}
