import ArgumentParser
import CallData
import Forecasting
import Staffing

/// `headcount incidents`: detect surges in history, or fit the surge shape of known incidents.
struct IncidentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "Find outage surges in call history; fit their shape (peak, time to peak, half-life).",
        discussion: """
            Detection compares each day with a baseline fitted without that day (same weekday in the 8 weeks \
            either side for the shape, the day's own robust level), in 30-minute blocks: a run starts where calls \
            are ≥ 1.5× the baseline and 5 standard deviations above it (count noise plus the series' intraday \
            over-dispersion) and lasts while they stay 2 above. Ordinary busy days and holidays shift the whole \
            day and are not flagged. Output: start, end, label, affected_customers, peak_ratio, excess_calls — \
            review it, add affected_customers, and pass it as --incidents to forecast, backtest and reforecast.

            --fit fits each incident's surge (of --incidents, or the detected ones) per queue by Poisson \
            deviance: x(u) = A(1 − e^(−u/τ)) e^(−λu) excess calls per hour, with standard errors from the \
            observed information, and the scaling of the peak with affected_customers.

            Examples:
              headcount incidents --history intervals.csv --timezone Europe/Berlin --output incidents.csv
              headcount incidents --history intervals.csv --timezone Europe/Berlin --incidents incidents.csv --fit
              headcount incidents --history data/bank_calls_5min.csv --fit --format json
            """
    )

    @Option(help: "Interval history or per-call log CSV.")
    var history: String

    @Option(help: "Interval length (default: the history's own; 30m for call logs).")
    var interval: TimeSpan?

    @OptionGroup var timeZone: TimeZoneOption

    @Option(help: "Known incidents CSV to fit (with --fit) instead of the detected ones.")
    var incidents: String?

    @Flag(help: "Fit the surge shape of each incident and print parameters with standard errors.")
    var fit = false

    @Option(help: "Fit output: table or json.")
    var format: OutputFormat = .table

    @Option(help: "Write the detected incidents CSV here (atomically) instead of stdout.")
    var output: String?

    func validate() throws {
        if let interval { try validateInterval(interval) }
        if incidents != nil, !fit { throw ValidationError("--incidents is only used with --fit") }
        if format == .csv, fit { throw ValidationError("--format for --fit is table or json") }
    }

    func run() throws {
        try checkOutputs([output], inputs: [history, incidents])
        let data = try HistoryFile.read(
            path: history, timeZone: try timeZone.zone(), intervalSeconds: interval?.seconds)
        let zone = data.timeZone  // the history's own zone: its offsets, or naive
        let list =
            try incidents.map { try IncidentFile.read(path: $0, timeZone: zone) } ?? IncidentDetector().detect(data)
        if !fit || output != nil {
            let csv = IncidentFile.csv(list, timeZone: zone)
            if let output {
                var outputs = OutputFiles()
                outputs.add(csv, to: output)
                try outputs.commit()
            } else {
                print(csv.text, terminator: "")
            }
        }
        guard fit else { return }
        let results = SurgeLearner.fit(list, history: data)
        printFits(results, zone: zone)
    }

    func printFits(_ results: [SurgeLearner.Result], zone: PlanningTimeZone) {
        func time(_ utc: Int) -> String {
            zone.iso8601(utc: utc)
        }
        let header = [
            "start", "queue", "label", "onset", "peak_multiplier", "peak_multiplier_se", "time_to_peak_h",
            "time_to_peak_se", "half_life_h", "half_life_se", "excess_calls", "excess_calls_se", "dispersion",
        ]
        let rows = results.map { r in
            [
                time(r.incident.start), r.queue ?? "all", r.incident.label, time(r.fit.shape.onset),
                formatDecimal(r.fit.peakMultiplier, places: 3), formatDecimal(r.fit.peakMultiplierSE, places: 3),
                formatDecimal(r.fit.shape.timeToPeakHours, places: 3), formatDecimal(r.fit.timeToPeakSE, places: 3),
                formatDecimal(r.fit.shape.halfLifeHours, places: 3), formatDecimal(r.fit.halfLifeSE, places: 3),
                formatDecimal(r.fit.shape.totalExcess, places: 1), formatDecimal(r.fit.totalExcessSE, places: 1),
                formatDecimal(r.fit.dispersion, places: 2),
            ]
        }
        let scalings = Dictionary(grouping: results, by: { $0.queue ?? "all" }).compactMap { q, rs in
            SurgeScaling(rs).map { (q, $0) }
        }.sorted { $0.0 < $1.0 }
        switch format {
        case .json:
            let items = rows.map { r in
                "{"
                    + zip(header, r).map { k, v in
                        let numeric = !["start", "queue", "label", "onset"].contains(k) && v != "nan" && v != "inf"
                        return numeric ? "\"\(k)\": \(v)" : "\"\(k)\": \(JSONText.string(v))"
                    }.joined(separator: ", ") + "}"
            }
            let scale = scalings.map { q, s in
                "{\"queue\": \(JSONText.string(q)), \"peak_calls_per_hour_per_customer\": \(formatDecimal(s.peakRatePerCustomer, places: 8)), "
                    + "\"excess_calls_per_customer\": \(formatDecimal(s.excessPerCustomer, places: 8)), "
                    + "\"log_sd\": \(formatDecimal(s.logSD, places: 4)), \"incidents\": \(s.incidents)}"
            }
            print(
                "{\"incidents\": [" + items.joined(separator: ",\n ") + "],\n \"scaling\": ["
                    + scale.joined(separator: ", ") + "]}")
        default:
            let widths = header.indices.map { c in max(header[c].count, rows.map { $0[c].count }.max() ?? 0) }
            func line(_ r: [String]) -> String {
                r.indices.map { c in c <= 3 ? r[c].padding(widths[c]) : r[c].leftPadding(widths[c]) }.joined(
                    separator: "  ")
            }
            print(line(header))
            for r in rows { print(line(r)) }
            for (q, s) in scalings {
                print(
                    "scaling \(q): peak \(formatDecimal(s.peakRatePerCustomer * 1000, places: 4)) calls/h and "
                        + "\(formatDecimal(s.excessPerCustomer * 1000, places: 4)) excess calls per 1,000 affected customers "
                        + "(log-SD \(formatDecimal(s.logSD, places: 3)), \(s.incidents) incident(s))")
            }
        }
    }
}

/// Reads a scenario file (its errors are `CallDataError`s: exit 1, bad input data).
func readScenario(path: String, zone: PlanningTimeZone) throws -> SurgeScenario {
    try SurgeScenarioFile.read(path: path, timeZone: zone)
}

/// `forecast --scenario`: the forecasts with the scenario's surge added.
func applyScenario(
    path: String, forecasts: [QueueForecast], history: IntervalHistory, incidents: [Incident], level: Double,
    zone: PlanningTimeZone
) throws -> [QueueForecast] {
    let scenario = try readScenario(path: path, zone: zone)
    var scaling: [String: SurgeScaling] = [:]
    if case .affectedCustomers = scenario.size {
        let results = SurgeLearner.fit(incidents, history: history)
        for (q, rs) in Dictionary(grouping: results, by: { $0.queue ?? "all" }) {
            if let s = SurgeScaling(rs) { scaling[q] = s }
        }
    }
    do {
        return try ScenarioForecast.apply(
            scenario, to: forecasts, intervalSeconds: history.intervalSeconds, scaling: scaling, level: level)
    } catch {
        throw UsageError("\(path): \(error)", status: .badUsage)
    }
}

/// `staff --scenario`: the scenario's levers from its `from` time (or start), on top of the base levers.
func scenarioLevers(path: String, options: StaffingOptions, zone: PlanningTimeZone) throws -> LeverSchedule {
    let scenario = try readScenario(path: path, zone: zone)
    let base = LoadLevers(deflection: options.deflection, botContainment: options.botContainment)
    let on = LoadLevers(
        deflection: scenario.deflection ?? options.deflection,
        botContainment: scenario.botContainment ?? options.botContainment)
    return LeverSchedule(base: base, steps: [.init(from: scenario.leversFrom ?? scenario.start, levers: on)])
}
