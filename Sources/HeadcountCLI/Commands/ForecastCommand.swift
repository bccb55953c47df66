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

    @Option(help: "Interval length of the forecast (default: the history's own; must be a multiple of it).")
    var interval: TimeSpan?

    @OptionGroup var timeZone: TimeZoneOption

    @Option(help: "Special days CSV: date,label[,kind] with kind closed|holiday|event (default holiday).")
    var specialDays: String?

    @Option(help: "Prediction-interval level in (0, 1).")
    var level: Double = 0.9

    func validate() throws {
        if let interval { try validateInterval(interval) }
        guard level > 0, level < 1 else {
            throw ValidationError("--level \(level) must be strictly between 0 and 1, e.g. 0.9")
        }
    }

    func load() throws -> (IntervalHistory, SpecialDays) {
        let history = try HistoryFile.read(
            path: self.history, timeZone: try timeZone.zone(), intervalSeconds: interval?.seconds)
        let special = try specialDays.map { try SpecialDays.read(path: $0) } ?? .none
        return (history, special)
    }
}

/// Whole days in a horizon like `7d` or `2w`.
func horizonDays(_ span: TimeSpan) throws -> Int {
    guard span.seconds >= 86_400, span.seconds % 86_400 == 0 else {
        throw ValidationError("--horizon \(span) must be whole days, e.g. 7d or 2w")
    }
    return span.seconds / 86_400
}

/// `headcount forecast`.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast calls (and AHT) per interval for the days after the history.",
        discussion: """
            Forecasts every interval of the calendar days after the history's last day, for the slots where \
            the centre is open (learnt from the recent weeks). Models: \(ModelCatalog.names.joined(separator: ", ")). \
            auto picks per queue by rolling-origin backtest on the history itself (and may average the best two). \
            Prediction intervals (--level) come from that backtest's errors: a day-level shock times over-dispersed \
            count noise, so a row's bounds hold that row's count with the stated probability (the bounds of a day are \
            not the sum of its rows' bounds: forecast with --interval 1d for those). One line per queue on stderr \
            says what was chosen; --report writes it as JSON. Output columns: interval_start, queue, calls, \
            calls_lower, calls_upper, aht_seconds.

            Examples:
              headcount forecast --history data/bank_calls_5min.csv --horizon 7d --output forecast.csv
              headcount forecast --history intervals.csv --horizon 14d --interval 30m --timezone Europe/Berlin \\
                  --special-days days.csv --level 0.8 --output forecast.csv
            """
    )

    @OptionGroup var input: HistoryOptions

    @Option(help: "How far ahead: whole days, e.g. 7d, 14d, 2w.")
    var horizon: TimeSpan = TimeSpan(seconds: 7 * 86_400)

    @Option(help: "Model: \(ModelCatalog.names.joined(separator: ", ")).")
    var model: String = "auto"

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
        guard ModelCatalog.names.contains(model) else {
            throw ValidationError(
                "unknown --model '\(model)'; expected one of \(ModelCatalog.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        let (history, special) = try input.load()
        let request = ForecastRequest(
            horizonDays: try horizonDays(horizon), modelName: model, level: input.level, specialDays: special)
        let forecasts: [QueueForecast]
        do {
            forecasts = try Forecaster.forecast(history, request)
        } catch let error as ForecastError {
            throw UsageError("\(input.history): \(error)", status: .badInput)
        }
        if let report {
            // Both files or neither: a report that cannot be written must not leave a new forecast behind.
            let slash = report.lastIndex(of: "/")
            let folder = slash.map { String(report[..<$0]) } ?? "."
            guard access(folder.isEmpty ? "/" : folder, W_OK) == 0 else {
                throw CallDataError.unwritable(file: report, reason: "folder '\(folder)' is missing or not writable")
            }
        }
        try Forecaster.csv(forecasts).write(to: output)
        if let report {
            try FileBytes.writeAtomically(Array(FitSummary.json(forecasts.map(\.summary)).utf8), to: report)
        }
        if !quiet {
            for f in forecasts { printError(f.summary.line) }
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
        let rows = try BacktestReport.run(
            history, folds: folds, horizonDays: try horizonDays(horizon), level: input.level,
            specialDays: special)
        let header = ["model", "wape", "mape", "smape", "mase", "coverage", "busy_coverage", "day_coverage", "seconds"]
        let table = rows.map { r in
            [
                r.model, formatDecimal(r.metrics.wape), formatDecimal(r.metrics.mape), formatDecimal(r.metrics.smape),
                formatDecimal(r.metrics.mase), formatDecimal(r.coverage, places: 3),
                formatDecimal(r.busyCoverage, places: 3), formatDecimal(r.dayCoverage, places: 3),
                formatDecimal(r.seconds, places: 3),
            ]
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
