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
}

/// Forecasts every queue of a history: the calendar days after its last day, at its interval,
/// for the slots where the centre is open (learnt from the last four weeks), skipping closed
/// special days; DST-correct (a 23-hour day has no rows in the gap; a 25-hour day repeats the hour).
public enum Forecaster {
    /// Forecasts all queues.
    /// - Throws: `ForecastError` (unknown model, too little history), `LinearAlgebraError`.
    public static func forecast(_ history: IntervalHistory, _ request: ForecastRequest) throws -> [QueueForecast] {
        try history.series.map { series in
            let grid = DayGrid(series: series, intervalSeconds: history.intervalSeconds)
            guard let last = grid.days.last else {
                return QueueForecast(queue: series.queue, rows: [], modelName: request.modelName)
            }
            let targets = Array((last + 1)...(last + request.horizonDays))
            let (model, pairs) = try chooseModel(grid, request)
            let points = try model.forecast(grid, targetDays: targets, specialDays: request.specialDays)
            let intervals = PredictionIntervals(pairs: pairs, level: request.level)
            let aht = AHTProfile(grid)
            let open = grid.openSlots()
            // Partial slots (the data contract): each weekday × slot keeps the length its most recent
            // history row had, so a 5-minute closing slot is forecast as 5 minutes, not a full interval.
            var partial: [Int: Int] = [:]
            for r in series.records {
                let local = r.local
                let key = local.isoWeekday * 100_000 + local.secondOfDay / history.intervalSeconds
                partial[key] = r.lengthSeconds
            }
            var rows: [ForecastRow] = []
            for (t, day) in targets.enumerated() {
                if request.specialDays.byDay[day]?.kind == .closed { continue }
                let w = DayGrid.weekday(day)
                guard let mask = open[w] else { continue }
                for s in 0..<grid.slotsPerDay where mask[s] {
                    let wall = day * 86_400 + s * grid.intervalSeconds
                    let (first, second) = history.timeZone.utcCandidates(forWall: wall)
                    let f = points[t][s]
                    let (lo, hi) = intervals.bounds(f, horizonDay: t)
                    let key = CivilCalendar.isoWeekday(days: day) * 100_000 + s
                    for utc in [first, second].compactMap({ $0 }) {
                        let full = history.timeZone.realLength(utcStart: utc, nominal: history.intervalSeconds)
                        rows.append(
                            ForecastRow(
                                start: utc, utcOffset: history.timeZone.offset(atUTC: utc), calls: f, lower: lo,
                                upper: hi, ahtSeconds: aht?.aht(weekday: w, slot: s),
                                lengthSeconds: min(full, partial[key] ?? full)))
                    }
                }
            }
            return QueueForecast(queue: series.queue, rows: rows, modelName: model.name)
        }
    }

    /// The model to use and its backtest pairs (for intervals).
    static func chooseModel(_ grid: DayGrid, _ request: ForecastRequest) throws -> (
        any ForecastModel, [RollingOrigin.Pair]
    ) {
        let model = try ModelCatalog.model(named: request.modelName)
        if let auto = model as? AutoModel {
            let s = try auto.select(grid, horizonDays: request.horizonDays, specialDays: request.specialDays)
            return (s.model, s.pairs)
        }
        var origin = RollingOrigin.weekly(
            grid, folds: AutoModel.selectionFolds, horizonDays: min(request.horizonDays, 14))
        if let first = grid.days.first { origin.origins = origin.origins.filter { $0 - first >= 21 } }
        let pairs = (try? origin.pairs(model, grid: grid, specialDays: request.specialDays).pairs.flatMap { $0 }) ?? []
        return (model, pairs)
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
