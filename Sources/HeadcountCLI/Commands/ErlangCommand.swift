import ArgumentParser
import CallData
import Staffing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `headcount erlang`: the one-shot calculator.
struct ErlangCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erlang",
        abstract: "Agents needed for a service level (or metrics for a given agent count), Erlang C or Erlang A.",
        discussion: """
            Without --agents: the fewest agents meeting every target at once (service level, --max-asa, \
            --max-abandon, --max-occupancy). With --agents: the metrics at that count.
            Service level is the share of OFFERED calls answered within --target-seconds; with erlang-a, \
            calls that abandon count as failures. ASA is the mean wait of answered calls. An unstable \
            Erlang C queue (agents ≤ traffic) reports service level 0 and ASA null.
            JSON keys: model, calls, interval_seconds, aht_seconds, traffic_erlangs, agents, scheduled_agents, \
            service_level, asa_seconds, occupancy, wait_probability, abandon_rate.

            Examples:
              headcount erlang --calls 250 --interval 30m --aht 240 --target-sl 0.8 --target-seconds 20
              headcount erlang --calls 250 --interval 30m --aht 240 --model erlang-a --patience 120 --format json
              headcount erlang --calls 250 --interval 30m --aht 240 --agents 38
              headcount erlang --calls 900 --aht 300 --bot-containment 0.3 --deflection 0.2 --shrinkage 0.3
            """
    )

    @Option(help: "Calls offered in the interval.")
    var calls: Double

    @Option(help: "Interval length, e.g. 30m or 1800s.")
    var interval: TimeSpan = TimeSpan(seconds: 1800)

    @Option(help: "Average handle time in seconds.")
    var aht: Double

    @OptionGroup var staffing: StaffingOptions

    @Option(help: "Evaluate this many agents instead of solving.")
    var agents: Int?

    @Option(help: "Output: table (default on a terminal), json (default otherwise) or csv.")
    var format: OutputFormat?

    func validate() throws {
        guard interval.seconds > 0 else { throw ValidationError("--interval must be positive, e.g. 30m") }
        if let agents, agents < 0 { throw ValidationError("--agents \(agents) is negative; expected a count ≥ 0") }
        // With a given agent count nothing is searched for, so targets other than the threshold mean nothing.
        if agents != nil {
            let given = Set(CommandLine.arguments.map { String($0.split(separator: "=", maxSplits: 1).first ?? "") })
            for target in ["--target-sl", "--max-asa", "--max-abandon", "--max-occupancy"] where given.contains(target)
            {
                throw ValidationError(
                    "\(target) is a target for finding the agent count; with --agents the count is given "
                        + "(drop \(target), or drop --agents to search)")
            }
        }
    }

    func run() throws {
        let request = staffing.request(calls: calls, intervalSeconds: Double(interval.seconds), ahtSeconds: aht)
        let result: StaffingResult
        do {
            if let agents {
                result = try StaffingSolver.evaluate(request, agents: agents)
            } else {
                result = try StaffingSolver.solve(request)
            }
        } catch {
            throw error.asUsageError
        }
        let fields = ErlangReport(request: request, result: result, modelName: staffing.model.rawValue).fields
        let chosen = format ?? (isatty(STDOUT_FILENO) != 0 ? .table : .json)
        print(render(fields, as: chosen), terminator: "")
    }
}

/// The calculator's result as ordered key/value pairs (SPEC keys first).
struct ErlangReport {
    var request: StaffingRequest
    var result: StaffingResult
    var modelName: String

    enum Value {
        case text(String)
        case number(Double)
        case integer(Int)
        case null
    }

    var fields: [(String, Value)] {
        let m = result.metrics
        var out: [(String, Value)] = [
            ("model", .text(modelName)),
            ("calls", .number(result.callsReachingAgents)),
            ("interval_seconds", .number(request.load.intervalSeconds)),
            ("aht_seconds", .number(request.load.ahtSeconds)),
            ("traffic_erlangs", .number(m.trafficErlangs)),
            ("agents", .integer(m.agents)),
            ("scheduled_agents", .integer(result.scheduledAgents)),
            ("service_level", .number(m.serviceLevel)),
            ("asa_seconds", m.asaSeconds.isFinite ? .number(m.asaSeconds) : .null),
            ("occupancy", m.occupancy.isFinite ? .number(m.occupancy) : .null),
            ("wait_probability", .number(m.waitProbability)),
            ("abandon_rate", .number(m.abandonRate)),
        ]
        if request.levers != LoadLevers() { out.append(("calls_before_levers", .number(request.load.calls))) }
        if let p = result.priority {
            out.append(("priority_service_level", .number(p.prioritySL)))
            out.append(("priority_asa_seconds", p.priorityASASeconds.isFinite ? .number(p.priorityASASeconds) : .null))
            out.append(("standard_service_level", .number(p.standardSL)))
            out.append(("standard_asa_seconds", p.standardASASeconds.isFinite ? .number(p.standardASASeconds) : .null))
        }
        return out
    }
}

/// Renders key/value pairs as JSON (full precision), CSV (header + one row) or an aligned table.
func render(_ fields: [(String, ErlangReport.Value)], as format: OutputFormat) -> String {
    func text(_ v: ErlangReport.Value, precise: Bool) -> String {
        switch v {
        case .text(let s): precise ? "\"\(s)\"" : s
        case .number(let x): precise ? jsonNumber(x) : formatDecimal(x, places: 4)
        case .integer(let n): String(n)
        case .null: precise ? "null" : "—"
        }
    }
    switch format {
    case .json:
        return "{" + fields.map { "\"\($0.0)\": \(text($0.1, precise: true))" }.joined(separator: ", ") + "}\n"
    case .csv:
        return fields.map(\.0).joined(separator: ",") + "\n"
            + fields.map { text($0.1, precise: true).replacingQuotes() }.joined(separator: ",") + "\n"
    case .table:
        let width = fields.map(\.0.count).max() ?? 0
        return fields.map {
            $0.0 + String(repeating: " ", count: width - $0.0.count) + "  " + text($0.1, precise: false)
        }
        .joined(separator: "\n") + "\n"
    }
}

/// A JSON number with round-trip precision (integers without a fraction).
func jsonNumber(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return "\(x)"
}

extension String {
    fileprivate func replacingQuotes() -> String { filter { $0 != "\"" } }
}
