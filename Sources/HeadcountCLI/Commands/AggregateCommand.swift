import ArgumentParser
import CallData

/// `headcount aggregate`: per-call log (or finer interval history) → interval history.
struct AggregateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aggregate",
        abstract: "Aggregate a per-call log (or finer interval history) into interval history.",
        discussion: """
            Input is told apart by its header: a call log has arrived_at (plus optional queue, \
            handle_seconds, wait_seconds, abandoned); interval history has interval_start and calls.
            Output columns: interval_start, interval_minutes, [queue,] calls, [answered, abandoned, aht_seconds, service_level]. \
            service_level is calls answered within --answer-threshold over offered calls. \
            Intervals follow the local wall clock: a 23-hour day has 46 half-hours, a 25-hour day 50.

            Examples:
              headcount aggregate --calls data/sample_call_log.csv --interval 30m --timezone Europe/Berlin --output intervals.csv
              headcount aggregate --calls data/bank_calls_5min.csv --interval 30m --output bank_30min.csv
            """
    )

    @Option(help: "Per-call log or interval history CSV.")
    var calls: String

    @Option(help: "Interval length with its unit: 5m, 6m, 10m, 15m, 30m, 1h, … (a bare number is refused).")
    var interval: TimeSpan = TimeSpan(seconds: 1800)

    @OptionGroup var timeZone: TimeZoneOption

    @Option(help: "A call counts as answered in time when its wait is at most this, with its unit (e.g. 20s).")
    var answerThreshold: TimeSpan = TimeSpan(seconds: 20)

    @Option(help: "Output CSV (written atomically).")
    var output: String

    func validate() throws { try validateInterval(interval) }

    func run() throws {
        try checkOutputs([output], inputs: [calls])
        let history = try HistoryFile.read(
            path: calls, timeZone: try timeZone.zone(), intervalSeconds: interval.seconds,
            answerThresholdSeconds: Double(answerThreshold.seconds))
        var outputs = OutputFiles()
        outputs.add(history.csv(), to: output)
        try outputs.commit()
    }
}
