import ArgumentParser

/// The `headcount` command: contact-centre workforce planning from the terminal and cron.
struct Headcount: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "headcount",
        abstract: "Contact-centre workforce planning: call history → forecasts → agents → rosters.",
        discussion: """
            Exit status: 0 success, 1 bad input data, 2 bad usage, 3 infeasible request, 4 another run holds the lock.
            Errors are one line on stderr naming file, line and column.

            Examples:
              headcount aggregate --calls data/sample_call_log.csv --interval 30m --timezone Europe/Berlin --output intervals.csv
              headcount erlang --calls 250 --interval 30m --aht 240 --target-sl 0.8 --target-seconds 20
              headcount staff --forecast forecast.csv --aht 300 --target-sl 0.8 --target-seconds 20 --output staffing.csv
            """,
        version: version,
        subcommands: [
            AggregateCommand.self, ForecastCommand.self, BacktestCommand.self, ErlangCommand.self, StaffCommand.self,
            ScheduleCommand.self, CalloutCommand.self, IncidentsCommand.self, ReforecastCommand.self,
            SimulateCommand.self, PlanCommand.self, ReportCommand.self,
        ]
    )
}
