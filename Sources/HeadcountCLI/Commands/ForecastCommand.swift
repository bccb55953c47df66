import ArgumentParser
import CallData
import Forecasting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Options shared by `forecast` and `backtest`.
struct HistoryOptions: ParsableArguments {
    @Option(help: "Interval history or per-call log CSV.")
    var history: String

    @Option(
        help:
            "Interval length of the forecast with its unit, e.g. 30m (default: the history's own; a multiple of it), or 1w (7d) for ISO-week totals (Monday 00:00 local)."
    )
    var interval: TimeSpan?

    /// Whether `--interval` asks for weekly totals (`1w` or `7d`): fitted at the history's own interval, then
    /// aggregated to ISO weeks by `WeeklyTotals`.
    var weekly: Bool { interval?.seconds == WeeklyTotals.weekSeconds }

    @OptionGroup var timeZone: TimeZoneOption

    @Option(help: "Special days CSV: date,label[,kind] with kind closed|holiday|event (default holiday).")
    var specialDays: String?

    @Option(
        help: ArgumentHelp(
            "Public holidays: auto, none, or a calendar (\(PublicHolidayCalendar.all.map(\.code).joined(separator: ", "))).",
            discussion:
                "auto: when the history's closures follow a country's core public holidays (at least two separate closures, four in five of those it covers), the coming ones are forecast closed and the working days after them as catch-up; a centre open on holidays whose calls fall on them (85 % or less of normal on three in five core holidays) gets their learnt effect instead; stderr warns. A named calendar is kept without that test. Holidays the history saw open stay open; --special-days entries win."
        ))
    var holidays: String = "auto"

    /// `--holidays` parsed (`validate()` has checked it).
    var holidayPolicy: HolidayPolicy { HolidayPolicy(text: holidays) ?? .none }

    @Option(help: "Prediction-interval level in (0, 1).")
    var level: Double = 0.9

    @Option(help: "Incidents CSV: start,end,label[,affected_customers]; their intervals are left out of every fit.")
    var incidents: String?

    func validate() throws {
        if let interval, !weekly {
            guard interval.seconds <= 86_400 else {
                throw ValidationError(
                    "--interval \(interval) is longer than a day; expected a length dividing 24 hours (e.g. 30m, 1h, 1d) or 1w for ISO-week totals"
                )
            }
            try validateInterval(interval)
        }
        guard HolidayPolicy(text: holidays) != nil else {
            throw ValidationError("unknown --holidays '\(holidays)'; expected \(HolidayPolicy.expected)")
        }
        guard level > 0, level < 1 else {
            throw ValidationError("--level \(level) must be strictly between 0 and 1, e.g. 0.9")
        }
    }

    func load() throws -> (IntervalHistory, SpecialDays) {
        let (_, masked, special, _) = try loadWithIncidents()
        return (masked, special)
    }

    /// The history as read, the history with `--incidents` masked, special days and the incidents.
    func loadWithIncidents() throws -> (IntervalHistory, IntervalHistory, SpecialDays, [Incident]) {
        let history = try HistoryFile.read(
            path: self.history, timeZone: try timeZone.zone(), intervalSeconds: weekly ? nil : interval?.seconds)
        var special = try specialDays.map { try SpecialDays.read(path: $0) } ?? .none
        special.holidays = holidayPolicy
        let known = try incidents.map { try IncidentFile.read(path: $0, timeZone: try timeZone.zone()) } ?? []
        return (history, IncidentMask.apply(known, to: history), special, known)
    }

    /// Refuses a history spanning fewer than `minimum` local days (no `nan` tables, no forecasts
    /// from an hour of data).
    func requireSpan(_ history: IntervalHistory, minimum: Int, why: String) throws {
        var first = Int.max
        var last = Int.min
        for s in history.series {
            if let a = s.records.first { first = min(first, a.local.day) }
            if let b = s.records.last { last = max(last, b.local.day) }
        }
        let span = last >= first ? last - first + 1 : 0
        guard span >= minimum else {
            throw CallDataError.tooLittleHistory(
                file: self.history, found: "\(span) day\(span == 1 ? "" : "s")", minimum: "\(minimum) days \(why)")
        }
    }
}

/// History needed before a forecast, in days: two weeks, so that every weekday is seen twice and
/// the automatic model choice has a backtest fold (`AutoModel` needs a week of training and a week
/// to test). Shorter histories are refused rather than forecast with empty prediction intervals.
let minimumForecastHistoryDays = 14

/// Training history needed before a backtest's first fold, in days (see `minimumForecastHistoryDays`).
let minimumBacktestTrainingDays = 14

/// The longest `--horizon` accepted, in days: one year. Longer horizons are a typo (`100000d`
/// ran 51 s and wrote 650 MB) and beyond what interval forecasts are for.
let maximumHorizonDays = 366

/// Whole days in a horizon like `7d` or `2w`, at most `maximumHorizonDays`.
func horizonDays(_ span: TimeSpan) throws -> Int {
    guard span.seconds >= 86_400, span.seconds % 86_400 == 0 else {
        throw ValidationError("--horizon \(span) must be whole days, e.g. 7d or 2w")
    }
    guard span.seconds / 86_400 <= maximumHorizonDays else {
        throw ValidationError("--horizon \(span) is longer than the maximum of \(maximumHorizonDays) days")
    }
    return span.seconds / 86_400
}

/// `headcount forecast`.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast calls (and AHT) per interval for the days after the history.",
        discussion: """
            Forecasts every interval of the calendar days from the first day the centre opens after the \
            history's last day (closed weekdays and closed special days right after it are skipped), for the slots where \
            the centre is open (learnt from the recent weeks). With --holidays auto (the default), a country's public-holiday \
            calendar that the history's closures follow is recognised and its coming holidays are forecast closed, the \
            working days after them as catch-up; stderr warns. Models: \(ModelCatalog.names.joined(separator: ", ")). \
            auto picks per queue by rolling-origin backtest on the history itself (and may average the best two). \
            Prediction intervals (--level) come from that backtest's errors: a day-level shock times over-dispersed \
            count noise, so a row's bounds hold that row's count with the stated probability (the bounds of a day are \
            not the sum of its rows' bounds: forecast with --interval 1d for those). --interval 1w (or 7d) writes ISO-week \
            totals, Monday 00:00 to Monday 00:00 local time, with bounds of the week's sum (the day shocks correlated); a \
            week the horizon covers only in part starts at its first forecast day, its interval_minutes say how long it \
            is, and stderr notes it. One line per queue on stderr \
            says what was chosen; --report writes it as JSON. Output columns: interval_start, queue, calls, \
            calls_lower, calls_upper, aht_seconds (interval_minutes after interval_start: each row's length).

            Examples:
              headcount forecast --history data/bank_calls_5min.csv --horizon 7d --output forecast.csv
              headcount forecast --history intervals.csv --horizon 14d --interval 30m --timezone Europe/Berlin \\
                  --special-days days.csv --level 0.8 --output forecast.csv
            """
    )

    @OptionGroup var input: HistoryOptions

    @Option(help: "How far ahead: whole days, e.g. 7d, 14d, 2w (at most 366d).")
    var horizon: TimeSpan = TimeSpan(seconds: 7 * 86_400)

    @Option(help: "Model: \(ModelCatalog.names.joined(separator: ", ")).")
    var model: String = "auto"

    @Option(help: "Surge scenario TOML (start + affected_customers, or peak_multiplier + half_life): adds the surge.")
    var scenario: String?

    @Option(help: "Output CSV (written atomically).")
    var output: String

    @Option(help: "Also write what was fitted per queue (models, weights, backtest WAPE, interval parameters) as JSON.")
    var report: String?

    @Flag(help: "Do not print the one-line fit summary per queue on stderr.")
    var quiet = false

    func validate() throws {
        if let report, report == output {
            throw ValidationError("--report \(report) must differ from --output; expected e.g. --report fit.json")
        }
        _ = try horizonDays(horizon)
        if input.weekly, scenario != nil {
            throw ValidationError(
                "--scenario adds a surge to interval forecasts; expected it without --interval \(input.interval!), e.g. --interval 30m"
            )
        }
        guard ModelCatalog.names.contains(model) else {
            throw ValidationError(
                "unknown --model '\(model)'; expected one of \(ModelCatalog.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        try checkOutputs([output, report], inputs: [input.history, input.specialDays, input.incidents, scenario])
        let (raw, history, special, known) = try input.loadWithIncidents()
        try input.requireSpan(history, minimum: minimumForecastHistoryDays, why: "(two weeks)")
        let request = ForecastRequest(
            horizonDays: try horizonDays(horizon), modelName: model, level: input.level, specialDays: special)
        var forecasts: [QueueForecast]
        do {
            if input.weekly {
                forecasts = try Forecaster.fit(history, request).map { fitted in
                    let totals = WeeklyTotals(fitted)
                    for w in totals.weeks where w.partial {
                        let days = w.lastDay - w.firstDay + 1
                        printError(
                            "note: \(fitted.queue ?? "all"): the week of \(formatISODate(days: w.monday)) is partial: its total covers \(formatISODate(days: w.firstDay)) to \(formatISODate(days: w.lastDay)) (\(days) day\(days == 1 ? "" : "s")) of the horizon; interval_minutes gives its length"
                        )
                    }
                    return QueueForecast(
                        queue: fitted.queue, rows: totals.rows(timeZone: history.timeZone),
                        modelName: fitted.model.name, summary: fitted.summary)
                }
            } else {
                forecasts = try Forecaster.forecast(history, request)
            }
        } catch let error as ForecastError {
            throw UsageError("\(input.history): \(error)", status: .badInput)
        }
        if let scenario {
            forecasts = try applyScenario(
                path: scenario, forecasts: forecasts, history: raw, incidents: known, level: input.level,
                zone: try input.timeZone.zone())
        }
        var outputs = OutputFiles()
        outputs.add(Forecaster.csv(forecasts, timeZone: history.timeZone), to: output)
        if let report {
            outputs.add(Array(FitSummary.json(forecasts.compactMap(\.summary)).utf8), to: report)
        }
        try outputs.commit()
        for f in forecasts { if let warning = f.summary?.holidayWarning { printError(warning) } }
        if !quiet {
            for f in forecasts { if let line = f.summary?.line { printError(line) } }
        }
    }
}

/// `headcount backtest`.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Rolling-origin accuracy of every forecasting model on a history.",
        discussion: """
            For each of the last --folds weeks: train on all rows before the fold's first day, forecast --horizon \
            calendar days, compare with the actual rows. Prints per model WAPE (Σ|y−f|/Σy), MAPE (intervals with ≥ 1 \
            call), sMAPE, MASE (scaled by the in-sample weekly seasonal-naive MAE), prediction-interval coverage at \
            --level at the history's interval (all intervals, and busy ones with a forecast of at least 5 calls) and \
            of daily totals (the interval model aggregated to the day), and seconds spent.

            Examples:
              headcount backtest --history data/bank_calls_5min.csv --folds 8 --horizon 7d
              headcount backtest --history intervals.csv --timezone Europe/Berlin --format csv
            """
    )

    @OptionGroup var input: HistoryOptions

    @Option(help: "Number of weekly folds.")
    var folds: Int = 8

    @Option(help: "Forecast horizon per fold, whole days.")
    var horizon: TimeSpan = TimeSpan(seconds: 7 * 86_400)

    @Option(help: "Output: table, csv or json.")
    var format: OutputFormat = .table

    func validate() throws {
        _ = try horizonDays(horizon)
        guard folds >= 1, folds <= 520 else { throw ValidationError("--folds \(folds) must be between 1 and 520") }
    }

    func run() throws {
        let (history, special) = try input.load()
        try input.requireSpan(
            history, minimum: minimumBacktestTrainingDays + 7 * folds,
            why: "(\(minimumBacktestTrainingDays) days of training + 7 × \(folds) folds; or fewer --folds)")
        let rows = try BacktestReport.run(
            history, folds: folds, horizonDays: try horizonDays(horizon), level: input.level,
            specialDays: special, alignToISOWeeks: input.weekly)
        guard rows.contains(where: { $0.metrics.wape.isFinite }) else {
            throw CallDataError.tooLittleHistory(
                file: input.history, found: "no fold with both training data and actuals",
                minimum: "one fold with \(minimumBacktestTrainingDays) days of training before it")
        }
        let weekly = input.weekly
        let header =
            ["model", "wape", "mape", "smape", "mase", "coverage", "busy_coverage", "day_coverage"]
            + (weekly ? ["week_coverage"] : []) + ["seconds"]
        let table = rows.map { r in
            [
                r.model, formatDecimal(r.metrics.wape), formatDecimal(r.metrics.mape), formatDecimal(r.metrics.smape),
                formatDecimal(r.metrics.mase), formatDecimal(r.coverage, places: 3),
                formatDecimal(r.busyCoverage, places: 3), formatDecimal(r.dayCoverage, places: 3),
            ] + (weekly ? [formatDecimal(r.weekCoverage, places: 3)] : []) + [formatDecimal(r.seconds, places: 3)]
        }
        switch format {
        case .csv:
            var w = CSVWriter(header: header)
            for r in table { w.writeRow(r) }
            print(w.text, terminator: "")
        case .json:
            let items = table.map { r in
                "{"
                    + zip(header, r).map { k, v in
                        k == "model" ? "\"\(k)\": \"\(v)\"" : "\"\(k)\": \(v == "nan" ? "null" : v)"
                    }
                    .joined(separator: ", ") + "}"
            }
            print("[" + items.joined(separator: ",\n ") + "]")
        case .table:
            let widths = header.indices.map { c in max(header[c].count, table.map { $0[c].count }.max() ?? 0) }
            func line(_ r: [String]) -> String {
                r.indices.map { c in c == 0 ? r[c].padding(widths[c]) : r[c].leftPadding(widths[c]) }.joined(
                    separator: "  ")
            }
            print(line(header))
            for r in table { print(line(r)) }
            print(
                "level \(formatDecimal(input.level)), \(folds) folds × \(horizon), \(history.series.count) queue(s), interval \(TimeSpan(seconds: history.intervalSeconds))"
            )
        }
    }
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
    func leftPadding(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
