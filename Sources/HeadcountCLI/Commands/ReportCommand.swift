import ArgumentParser
import CallData

/// `headcount report`: one self-contained HTML page for a planned run.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A self-contained HTML report of a planned run (inline SVG; no script, no network).",
        discussion: """
            Reads a run folder written by `headcount plan` (DIR/YYYY-MM-DD or DIR/latest) and writes one HTML file: \
            per queue, KPI tiles (calls, peak agents, paid hours, cost, service level promised and, when simulated, \
            expected), the forecast after the recent history with its prediction band, required vs scheduled agents \
            per interval with the net over (green) and under (red), and a roster Gantt per day with breaks. \
            Failed queues are listed with their error.

            Examples:
              headcount report --plan plans/latest --output report.html
            """
    )

    @Option(help: "A run folder of `headcount plan` (e.g. plans/latest).")
    var plan: String

    @Option(help: "Output HTML file (written atomically).")
    var output: String

    func run() throws {
        let folder = plan.hasSuffix("/") ? String(plan.dropLast()) : plan
        let data = try PlanRunData.read(folder: folder)
        try PlanFiles.write(ReportPage.html(data), to: output)
    }
}
