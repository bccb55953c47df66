import ArgumentParser
import CallData
import Forecasting

/// `headcount reforecast`: update the rest of a forecast from today's actuals.
struct ReforecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reforecast",
        abstract: "Intraday reforecast: today's actuals so far update the rest of a forecast; surges are projected.",
        discussion: """
            Rows up to the last actual carry the actuals. Without a surge, the rest of today is scaled by a shrunk \
            level update (the day's actual/forecast ratio so far, weighted by the share of the day's volume already \
            seen). When every interval of the last 30 minutes is above its upper bound and they total ≥ 1.5× the \
            forecast, a surge is declared: its onset is located, its shape (rise, peak, half-life) is fitted to the \
            excess by Poisson deviance — with the shapes of past incidents as the prior when --incidents and \
            --history are given — and its decay is projected, bounds widened by the fit's uncertainty. One line on \
            stderr per surge names the queue, detection time, fitted peak and half-life.
            Output columns: as forecast's, with interval_minutes after interval_start.

            Examples:
              headcount reforecast --forecast forecast.csv --actuals today.csv --output forecast2.csv
              headcount reforecast --forecast f.csv --actuals calls_today.csv --timezone Europe/Berlin \\
                  --history intervals.csv --incidents incidents.csv --output f2.csv
            """
    )

    @Option(help: "Forecast CSV (from 'headcount forecast').")
    var forecast: String

    @Option(help: "Today's actuals: interval CSV or per-call log (aggregated at the forecast's interval).")
    var actuals: String

    @Option(help: "Past incidents CSV: their fitted shapes become the prior (needs --history).")
    var incidents: String?

    @Option(help: "The history the incidents happened in (with --incidents).")
    var history: String?

    @OptionGroup var timeZone: TimeZoneOption

    @Option(help: "Prediction-interval level in (0, 1) for the surge's widening.")
    var level: Double = 0.9

    @Option(help: "Output CSV (written atomically).")
    var output: String

    func validate() throws {
        guard level > 0, level < 1 else { throw ValidationError("--level \(level) must be strictly between 0 and 1") }
        if (incidents == nil) != (history == nil) {
            throw ValidationError("--incidents and --history go together: the shapes are fitted on the history")
        }
    }

    func run() throws {
        try checkOutputs([output], inputs: [forecast, actuals, incidents, history])
        let zone = try timeZone.zone()
        let (iv, fileZone, forecasts) = try ForecastFile.read(path: forecast, timeZone: zone)
        if forecasts.isEmpty { printError("headcount: \(forecast) has no rows: nothing to reforecast") }
        let seen = try HistoryFile.read(path: actuals, timeZone: zone, intervalSeconds: forecasts.isEmpty ? nil : iv)
        var request = ReforecastRequest(level: level)
        if let incidents, let history {
            let past = try IncidentFile.read(path: incidents, timeZone: zone)
            let data = try HistoryFile.read(path: history, timeZone: zone, intervalSeconds: iv)
            if let prior = SurgePrior.learnt(from: SurgeLearner.fit(past, history: data).map(\.fit)) {
                request.prior = prior
            }
        }
        let (out, alerts) = Reforecaster.reforecast(forecasts, intervalSeconds: iv, actuals: seen, request: request)
        for a in alerts {
            printError(
                "headcount: surge in queue \(a.queue ?? "all") detected at " + fileZone.iso8601(utc: a.detectedAt)
                    + ": peak ×\(formatDecimal(a.fit.peakMultiplier, places: 2)) "
                    + "(±\(formatDecimal(a.fit.peakMultiplierSE, places: 2))) "
                    + "\(formatDecimal(a.fit.shape.timeToPeakHours * 60, places: 0)) min after onset, half-life "
                    + "\(formatDecimal(a.fit.shape.halfLifeHours, places: 2)) h (±\(formatDecimal(a.fit.halfLifeSE, places: 2)))"
            )
        }
        var outputs = OutputFiles()
        outputs.add(Forecaster.csv(out, timeZone: fileZone), to: output)
        try outputs.commit()
    }
}
