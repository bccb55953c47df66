import CallData
import Forecasting
import Scheduling

/// What the nightly plan is asked to do for one queue: where its inputs are and how it is
/// forecast, staffed and rostered. Built by `PlanConfigReader` from the `[defaults]` table and one
/// `[[queue]]` table of `plan.toml` (queue keys override defaults); paths are already resolved
/// against the config file's folder.
///
/// *Postconditions*: `name` is a safe folder name (letters, digits, `-`, `_`, `.`, not starting with
/// `.`); every number is inside the range its key documents; `patience` is set for Erlang A.
struct QueuePlanConfig: Sendable, Equatable {
    /// A path as written in the config and as resolved against the config's folder.
    struct InputPath: Sendable, Equatable {
        var written: String
        var resolved: String
    }

    enum ErlangModel: String, Sendable, Equatable, CaseIterable {
        case erlangC = "erlang-c"
        case erlangA = "erlang-a"
    }

    var name: String
    /// The config line of the queue's `[[queue]]` header (for messages).
    var line: Int
    var history: InputPath
    /// The queue's name inside the history file (default: `name`, or the file's only series).
    var series: String?
    var timeZone: PlanningTimeZone
    var intervalSeconds: Int
    var horizonDays: Int
    var model: String
    /// Public holidays (`holidays` key: "auto", the default, "none" or a calendar code), as `forecast --holidays`.
    var holidays: HolidayPolicy
    var level: Double
    var erlang: ErlangModel
    var patienceSeconds: Double?
    var targetSL: Double
    var targetSeconds: Double
    var maxOccupancy: Double
    var maxASASeconds: Double?
    var maxAbandonRate: Double?
    var shrinkage: Double
    var deflection: Double
    var botContainment: Double
    /// AHT in seconds where the history has none.
    var ahtSeconds: Double?
    var minAgents: Int
    var shifts: InputPath
    /// Roster of named agents when set; a shift plan (counts per shift) otherwise.
    var agents: InputPath?
    var specialDays: InputPath?
    /// Past incidents and a surge scenario (issue 10): accepted by the config, applied once the
    /// forecasting library has them; until then a queue that names one fails with a clear message.
    var incidents: InputPath?
    var scenario: InputPath?
    /// Understaffing allowed at this cost per agent-interval short (`nil`: coverage is a hard rule).
    var understaffingPenalty: Double?
    /// Wall-clock limit for the roster solver, seconds. Results are identical run to run as long as
    /// the solver proves its gap inside it; `workLimit` makes them identical on any machine.
    var timeLimitSeconds: Int
    /// Deterministic work budget for rosters of named agents (CBC nodes and search moves; the
    /// Scheduling library's `RosterLimits.work`): when set, the clock is not read and the same
    /// inputs give a byte-identical roster on any machine speed. `nil`: `timeLimitSeconds` applies.
    var workLimit: Int? = nil
    /// Roster rules (`min_rest`, default 11 h; `start_spread`, `start_spread_hard`), as `schedule`'s.
    var rules = RosterRules()
    /// Replications of the roster's simulation (`replications` key).
    var replications: Int = Self.defaultReplications

    /// Replications when the config does not say: 30, `headcount simulate`'s default — enough for
    /// Student-t 95 % half-widths of about ±1 point of service level on a week of a mid-size queue.
    static let defaultReplications = 30
    /// Most replications a queue may ask for (as `simulate --replications`).
    static let maximumReplications = 10_000

    /// Every input file, in a fixed order, for the summary's SHA-256 list.
    var inputs: [(role: String, path: InputPath)] {
        var list: [(String, InputPath)] = [("history", history), ("shifts", shifts)]
        if let agents { list.append(("agents", agents)) }
        if let specialDays { list.append(("special_days", specialDays)) }
        if let incidents { list.append(("incidents", incidents)) }
        if let scenario { list.append(("scenario", scenario)) }
        return list
    }

    static func == (a: QueuePlanConfig, b: QueuePlanConfig) -> Bool { a.name == b.name && a.line == b.line }
}
