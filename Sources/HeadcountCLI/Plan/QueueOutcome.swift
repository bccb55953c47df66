import CallData
import Simulation

/// What planning one queue gave: its figures for `summary.json`, or why it failed.
///
/// Everything here except `seconds` is a function of the inputs, so `queue.json` and
/// `summary.json` are byte-identical run to run; `seconds` goes to `timings.json` only.
struct QueueOutcome: Sendable {
    /// One input file and its fingerprint.
    struct Input: Sendable {
        var role: String
        var path: String
        /// `nil` when the file could not be read.
        var sha256: String?
    }

    /// The plan's figures (a successful queue).
    struct Figures: Sendable {
        var model: String
        /// Prediction-interval level of the forecast band.
        var level: Double
        var firstDay: String
        var lastDay: String
        var intervals: Int
        var forecastCalls: Double
        var callsReachingAgents: Double
        var peakAgents: Int
        var paidHours: Double
        var cost: Double
        var intervalsShort: Int
        var maxShortfall: Int
        var solverGap: Double
        var solverOptimal: Bool
        var serviceLevelTarget: Double
        /// Erlang service level of the agents the roster puts on the phones (after shrinkage),
        /// weighted by calls: what the plan promises.
        var serviceLevelPromised: Double
        /// Service level the simulation of the roster delivers, with its 95 % half-width.
        var serviceLevelExpected: Estimate?
        /// Abandon rate the simulation of the roster gives, with its 95 % half-width.
        var abandonRateExpected: Estimate?
        /// Replications behind the two estimates.
        var simulationReplications: Int
        /// Public holidays in the horizon forecast closed (`date label`), from the queue's `holidays` policy.
        var publicHolidaysClosed: [String]
        var rosterRows: Int
        var agentsUsed: Int
    }

    var name: String
    var inputs: [Input]
    var figures: Figures?
    /// One line saying why the queue failed.
    var error: String?
    /// The exit status the failure maps to (1 bad data, 2 bad config use, 3 infeasible).
    var status: ExitStatus
    var seconds: Double

    /// The queue's entry of `summary.json`, keys in a fixed order, numbers by `formatDecimal`.
    var json: String {
        var fields: [(String, String)] = [
            ("name", JSONText.string(name)), ("status", JSONText.string(error == nil ? "ok" : "failed")),
        ]
        if let error { fields.append(("error", JSONText.string(error))) }
        if let f = figures {
            fields += [
                ("model", JSONText.string(f.model)), ("level", JSONText.number(f.level, places: 4)),
                ("first_day", JSONText.string(f.firstDay)),
                ("last_day", JSONText.string(f.lastDay)), ("intervals", String(f.intervals)),
                ("forecast_calls", JSONText.number(f.forecastCalls, places: 1)),
                ("calls_reaching_agents", JSONText.number(f.callsReachingAgents, places: 1)),
                ("peak_agents", String(f.peakAgents)), ("paid_hours", JSONText.number(f.paidHours, places: 2)),
                ("cost", JSONText.number(f.cost, places: 2)), ("intervals_short", String(f.intervalsShort)),
                ("max_shortfall", String(f.maxShortfall)), ("solver_gap", JSONText.number(f.solverGap, places: 6)),
                ("solver_optimal", f.solverOptimal ? "true" : "false"),
                ("service_level_target", JSONText.number(f.serviceLevelTarget, places: 4)),
                ("service_level_promised", JSONText.number(f.serviceLevelPromised, places: 4)),
                (
                    "service_level_expected",
                    f.serviceLevelExpected.map { JSONText.number($0.mean, places: 4) } ?? "null"
                ),
                (
                    "service_level_expected_ci95",
                    f.serviceLevelExpected.map { JSONText.number($0.halfWidth, places: 4) } ?? "null"
                ),
                ("abandon_rate_expected", f.abandonRateExpected.map { JSONText.number($0.mean, places: 4) } ?? "null"),
                (
                    "abandon_rate_expected_ci95",
                    f.abandonRateExpected.map { JSONText.number($0.halfWidth, places: 4) } ?? "null"
                ),
                ("simulation_replications", String(f.simulationReplications)),
                (
                    "public_holidays_closed",
                    "[" + f.publicHolidaysClosed.map(JSONText.string).joined(separator: ", ") + "]"
                ),
                ("roster_rows", String(f.rosterRows)), ("agents_used", String(f.agentsUsed)),
            ]
        }
        let inputList = inputs.map { i in
            "{\"role\": \(JSONText.string(i.role)), \"path\": \(JSONText.string(i.path)), \"sha256\": \(i.sha256.map(JSONText.string) ?? "null")}"
        }
        fields.append(("inputs", "[" + inputList.joined(separator: ", ") + "]"))
        return "{" + fields.map { "\(JSONText.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }
}
