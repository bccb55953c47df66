import CallData
import Forecasting
import Scheduling

/// Reads `plan.toml` with CallData's TOML reader into a `PlanConfig`, checking every key.
///
/// Layout: top-level `time_zone` (the calendar of the default run date) and `parallel` (queues at
/// once), a `[defaults]` table and one `[[queue]]` table per queue. Every setting key may stand in
/// `[defaults]` or in a queue (the queue wins). Relative paths are relative to the config file.
///
/// *Edge Cases*: an unknown key, a missing required key, a value of the wrong type or outside its
/// range, and a duplicated queue name are `CallDataError`s naming the file, line and column.
enum PlanConfigReader {
    /// Keys of the top level.
    static let topLevelKeys = ["time_zone", "parallel", "defaults", "queue"]
    /// Keys only a `[[queue]]` may have.
    static let queueOnlyKeys = ["name", "series"]
    /// Keys allowed in `[defaults]` and in every `[[queue]]`.
    static let settingKeys = [
        "history", "time_zone", "interval", "horizon", "model", "holidays", "level", "erlang", "patience", "target_sl",
        "target_seconds",
        "max_occupancy", "max_asa", "max_abandon", "shrinkage", "deflection", "bot_containment", "aht", "min_agents",
        "shifts", "agents", "special_days", "incidents", "scenario", "allow_understaffing", "time_limit", "work_limit",
        "replications", "min_rest", "start_spread", "start_spread_hard",
    ]
    /// Longest horizon a queue may ask for, in days (a year and a day covers every yearly plan).
    static let maximumHorizonDays = 366

    static func read(path: String) throws(CallDataError) -> PlanConfig {
        let bytes = try FileBytes.read(path)
        let root = try TOMLTable(parsing: bytes, file: path)
        try root.rejectUnknownKeys(allowed: topLevelKeys)
        let folder = directory(of: path)
        let defaults = try root["defaults"]?.table(expected: "a [defaults] table") ?? nil
        if let defaults { try defaults.rejectUnknownKeys(allowed: settingKeys) }
        let zoneName = try root["time_zone"]?.string(expected: "an IANA time zone name like \"Europe/Berlin\"")
        var zone = PlanningTimeZone.utc
        if let zoneName, let v = root["time_zone"] {
            guard let z = PlanningTimeZone(identifier: zoneName) else {
                throw v.error(expected: "an IANA time zone name like \"Europe/Berlin\"")
            }
            zone = z
        }
        var parallel = defaultParallelism()
        if let v = root["parallel"] {
            parallel = try v.int(expected: "a whole number of queues ≥ 1")
            guard parallel >= 1, parallel <= 4096 else {
                throw v.error(expected: "a whole number of queues from 1 to 4096")
            }
        }
        let queueTables = try root.tables("queue", expected: "one or more [[queue]] tables")
        var queues: [QueuePlanConfig] = []
        var seen: [String: Int] = [:]
        for table in queueTables {
            try table.rejectUnknownKeys(allowed: queueOnlyKeys + settingKeys)
            let q = try queue(table, defaults: defaults, folder: folder, fallbackZone: zone)
            if let first = seen[q.name] {
                throw table.error(
                    found: "a second queue named \"\(q.name)\"", expected: "a name used once (first at line \(first))")
            }
            seen[q.name] = table.line
            queues.append(q)
        }
        return PlanConfig(
            path: path, sha256: SHA256.hex(bytes), timeZone: zone, maxParallelQueues: parallel, queues: queues)
    }

    /// The queue's settings: its own keys over `[defaults]` over the built-in defaults.
    static func queue(
        _ table: TOMLTable, defaults: TOMLTable?, folder: String, fallbackZone: PlanningTimeZone
    ) throws(CallDataError) -> QueuePlanConfig {
        func value(_ key: String) -> TOMLValue? { table[key] ?? defaults?[key] }
        func number(
            _ key: String, _ fallback: Double?, expected: String, _ ok: (Double) -> Bool
        ) throws(CallDataError) -> Double? {
            guard let v = value(key) else { return fallback }
            let x = try v.double(expected: expected)
            guard ok(x) else { throw v.error(expected: expected) }
            return x
        }
        func path(_ key: String) throws(CallDataError) -> QueuePlanConfig.InputPath? {
            guard let v = value(key) else { return nil }
            let written = try v.string(expected: "a file path in quotes")
            guard !written.isEmpty else { throw v.error(expected: "a file path in quotes") }
            return .init(written: written, resolved: written.hasPrefix("/") ? written : folder + written)
        }
        func required(_ key: String, expected: String) -> CallDataError {
            table.error(found: "\(table.name) without `\(key)` (nor in [defaults])", expected: "`\(key)` = \(expected)")
        }

        let nameValue = try table.value("name", expected: "a queue name in quotes")
        let name = try nameValue.string(expected: "a queue name in quotes")
        guard isSafeName(name) else {
            throw nameValue.error(expected: "a name of letters, digits, '-', '_' or '.', not starting with '.'")
        }
        guard let history = try path("history") else { throw required("history", expected: "\"history.csv\"") }
        guard let shifts = try path("shifts") else { throw required("shifts", expected: "\"shifts.toml\"") }
        let series = try table["series"]?.string(expected: "the queue's name inside the history file")

        var zone = fallbackZone
        if let v = value("time_zone") {
            let id = try v.string(expected: "an IANA time zone name like \"Europe/Berlin\"")
            guard let z = PlanningTimeZone(identifier: id) else {
                throw v.error(expected: "an IANA time zone name like \"Europe/Berlin\"")
            }
            zone = z
        }
        var interval = 1800
        if let v = value("interval") {
            let span = try v.duration()
            guard span.seconds > 0, 86_400 % span.seconds == 0 else {
                throw v.error(expected: "an interval that divides 24 hours, like \"15m\", \"30m\" or \"1h\"")
            }
            interval = span.seconds
        }
        var horizon = 14
        if let v = value("horizon") {
            let span = try v.duration(expected: "whole days in quotes like \"14d\"")
            guard span.seconds % 86_400 == 0, (1...maximumHorizonDays).contains(span.seconds / 86_400) else {
                throw v.error(expected: "whole days from \"1d\" to \"\(maximumHorizonDays)d\"")
            }
            horizon = span.seconds / 86_400
        }
        var model = "auto"
        if let v = value("model") {
            model = try v.string(expected: "a model name in quotes")
            guard ModelCatalog.names.contains(model) else {
                throw v.error(expected: "one of \(ModelCatalog.names.joined(separator: ", "))")
            }
        }
        var holidays = HolidayPolicy.infer
        if let v = value("holidays") {
            let text = try v.string(expected: "\"auto\", \"none\" or a calendar code in quotes")
            guard let policy = HolidayPolicy(text: text) else { throw v.error(expected: HolidayPolicy.expected) }
            holidays = policy
        }
        var erlang = QueuePlanConfig.ErlangModel.erlangC
        if let v = value("erlang") {
            let text = try v.string(expected: "\"erlang-c\" or \"erlang-a\"")
            guard let e = QueuePlanConfig.ErlangModel(rawValue: text) else {
                throw v.error(expected: "\"erlang-c\" or \"erlang-a\"")
            }
            erlang = e
        }
        let patience = try number("patience", nil, expected: "mean patience in seconds > 0") { $0 > 0 && $0 < 1e7 }
        if erlang == .erlangA, patience == nil {
            throw required("patience", expected: "mean seconds a caller waits before hanging up (erlang-a)")
        }
        var minAgents = 0
        if let v = value("min_agents") {
            minAgents = try v.int(expected: "a whole number of agents ≥ 0")
            guard (0...100_000).contains(minAgents) else { throw v.error(expected: "a whole number of agents ≥ 0") }
        }
        var timeLimit = 60
        if let v = value("time_limit") {
            let span = try v.duration()
            guard span.seconds > 0, span.seconds <= 86_400 else {
                throw v.error(expected: "a positive duration up to \"24h\", like \"60s\"")
            }
            timeLimit = span.seconds
        }
        var workLimit: Int? = nil
        if let v = value("work_limit") {
            let n = try v.int(expected: "a whole number of work units ≥ 1 (CBC nodes and search moves)")
            guard (1...100_000_000).contains(n) else {
                throw v.error(expected: "a whole number of work units from 1 to 100000000")
            }
            workLimit = n
        }
        // Roster rules, as `schedule --min-rest / --start-spread [,hard]`.
        var rules = RosterRules()
        if let v = value("min_rest") {
            let span = try v.duration()
            guard span.seconds >= 0, Double(span.seconds) <= RestRule.maxRestHours * 3_600 else {
                throw v.error(expected: "a rest from \"0h\" (off) to \"48h\", like \"11h\"")
            }
            rules.defaultMinRestHours = Double(span.seconds) / 3_600
        }
        if let v = value("start_spread") {
            let span = try v.duration()
            guard span.seconds > 0, span.seconds < 86_400 else {
                throw v.error(expected: "a spread of start times between \"1m\" and \"23h59m\", like \"2h\"")
            }
            rules.startSpreadSeconds = span.seconds
        }
        if let v = value("start_spread_hard") {
            rules.startSpreadHard = try v.bool(expected: "true (forbid wider spreads) or false (penalise them)")
            guard rules.startSpreadSeconds != nil || !rules.startSpreadHard else {
                throw v.error(expected: "start_spread_hard only together with a start_spread")
            }
        }
        var replications = QueuePlanConfig.defaultReplications
        if let v = value("replications") {
            let expected = "a whole number of simulation replications from 1 to \(QueuePlanConfig.maximumReplications)"
            replications = try v.int(expected: expected)
            guard (1...QueuePlanConfig.maximumReplications).contains(replications) else {
                throw v.error(expected: expected)
            }
        }
        let unit: (Double) -> Bool = { $0 >= 0 && $0 < 1 }
        return QueuePlanConfig(
            name: name, line: table.line, history: history, series: series, timeZone: zone, intervalSeconds: interval,
            horizonDays: horizon, model: model, holidays: holidays,
            level: try number("level", 0.9, expected: "a level strictly between 0 and 1") { $0 > 0 && $0 < 1 } ?? 0.9,
            erlang: erlang, patienceSeconds: patience,
            targetSL: try number("target_sl", 0.8, expected: "a share strictly between 0 and 1") { $0 > 0 && $0 < 1 }
                ?? 0.8,
            targetSeconds: try number("target_seconds", 20, expected: "seconds ≥ 0") { $0 >= 0 && $0 < 1e6 } ?? 20,
            maxOccupancy: try number("max_occupancy", 1, expected: "a share in (0, 1]") { $0 > 0 && $0 <= 1 } ?? 1,
            maxASASeconds: try number("max_asa", nil, expected: "seconds > 0") { $0 > 0 && $0 < 1e6 },
            maxAbandonRate: try number("max_abandon", nil, expected: "a share strictly between 0 and 1") {
                $0 > 0 && $0 < 1
            },
            shrinkage: try number("shrinkage", 0, expected: "a share in [0, 1)", unit) ?? 0,
            deflection: try number("deflection", 0, expected: "a share in [0, 1)", unit) ?? 0,
            botContainment: try number("bot_containment", 0, expected: "a share in [0, 1)", unit) ?? 0,
            ahtSeconds: try number("aht", nil, expected: "seconds > 0") { $0 > 0 && $0 < 1e6 },
            minAgents: minAgents, shifts: shifts, agents: try path("agents"), specialDays: try path("special_days"),
            incidents: try path("incidents"), scenario: try path("scenario"),
            understaffingPenalty: try number("allow_understaffing", nil, expected: "a cost > 0") {
                $0 > 0 && $0 < 1e12
            },
            timeLimitSeconds: timeLimit, workLimit: workLimit, rules: rules, replications: replications)
    }

    /// A name that is safe as a folder name on every file system.
    static func isSafeName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first != UInt8(ascii: "."), name.utf8.count <= 128 else { return false }
        return name.utf8.allSatisfy { b in
            (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 45 || b == 95 || b == 46
        }
    }

    /// The folder part of a path, with a trailing `/` (empty for a bare file name).
    static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[...slash])
    }
}
