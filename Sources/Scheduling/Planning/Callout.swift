import CallData

/// Which on-demand agents to call in, and when, to fill a staffing gap (an outage surge, a
/// sick-out): the cheapest set of call-in shifts that covers as much of the gap as possible.
///
///     minimise  M·Σ_i u_i + Σ_{a,k} rate_a·hours_k·y_{a,k}
///     subject to Σ_{(a,k) covers i} y_{a,k} + u_i ≥ gap_i,   one call-in per agent and day,
///                no call-in on a day the agent already works, weekly hours and days within the
///                contract after what the roster already gives them, availability respected.
///
/// `M` exceeds any call-in's cost, so coverage comes first and cost second. Solved by CBC.
///
/// This is the call-in-only special case; `headcount callout` uses `RecoveryPlanner`, which adds
/// extensions, core overtime, break moves and rest, and reads its inputs with `readGapFile` and
/// `readRoster` here.
public enum Callout {
    /// A call-in.
    public struct Call: Sendable {
        public var agent: Agent
        public var start: Int
        public var end: Int
        public var covers: Int
    }

    /// The result: calls and the agent-intervals still short.
    public struct Result: Sendable {
        public var calls: [Call]
        public var uncovered: Double
    }

    /// One interval's gap (agents short; ≤ 0 needs nothing).
    public struct Gap: Sendable {
        public var start: Int
        public var utcOffset: Int
        public var agentsShort: Int
    }

    /// What the roster already gives each agent: days worked (local day numbers) and hours per ISO week.
    public struct Commitments: Sendable {
        public var days: [String: Set<Int>] = [:]
        public var weekHours: [String: [Int: Double]] = [:]
        public init() {}
    }

    public static func plan(
        gaps: [Gap], intervalSeconds: Int, agents: [Agent], commitments: Commitments, zone: PlanningTimeZone,
        callLengthSeconds: Int, startStepSeconds: Int, timeLimit: Double = 30
    ) -> Result {
        let needed = gaps.filter { $0.agentsShort > 0 }
        guard !needed.isEmpty else { return Result(calls: [], uncovered: 0) }
        var program = MixedIntegerProgram()
        var columns: [(agent: Agent, start: Int, end: Int, covers: [Int])] = []
        let pool = agents.filter { $0.pool == .onDemand }
        let days = Set(needed.map { LocalTime(utc: $0.start, utcOffset: $0.utcOffset).day })
        for a in pool {
            for day in days.sorted() where !(commitments.days[a.id]?.contains(day) ?? false) {
                let week = LocalTime.isoWeekStart(ofDay: day)
                let used = commitments.weekHours[a.id]?[week] ?? 0
                guard used + Double(callLengthSeconds) / 3600 <= a.maxHoursWeek + 1e-9 else { continue }
                let dayGaps = needed.indices.filter {
                    LocalTime(utc: needed[$0].start, utcOffset: needed[$0].utcOffset).day == day
                }
                guard let firstWall = dayGaps.map({ needed[$0].start + needed[$0].utcOffset - day * 86_400 }).min(),
                    let lastWall = dayGaps.map({ needed[$0].start + needed[$0].utcOffset - day * 86_400 }).max()
                else { continue }
                var wall = max(
                    0, (firstWall + intervalSeconds - callLengthSeconds) / startStepSeconds * startStepSeconds)
                while wall <= lastWall {
                    defer { wall += startStepSeconds }
                    guard wall + callLengthSeconds <= 86_400 + 6 * 3600 else { break }
                    if let availability = a.availability,
                        !availability.allows(
                            weekday: CivilCalendar.isoWeekday(days: day), start: wall, end: wall + callLengthSeconds)
                    {
                        continue
                    }
                    guard let start = zone.utcCandidates(forWall: day * 86_400 + wall).first else { continue }
                    let end = start + callLengthSeconds
                    let covers = dayGaps.filter {
                        needed[$0].start >= start && needed[$0].start + intervalSeconds <= end
                    }
                    guard !covers.isEmpty else { continue }
                    columns.append((a, start, end, covers))
                    program.addColumn(upper: 1, cost: a.costPerHour * Double(callLengthSeconds) / 3600, integer: true)
                }
            }
        }
        let maxCost = columns.map { $0.agent.costPerHour * Double(callLengthSeconds) / 3600 }.max() ?? 1
        let slack = needed.map { g in
            program.addColumn(
                upper: Double(g.agentsShort), cost: 10 * maxCost * Double(max(1, columns.count)), integer: false)
        }
        var covering = [[Int]](repeating: [], count: needed.count)
        for (k, c) in columns.enumerated() { for i in c.covers { covering[i].append(k) } }
        for (i, g) in needed.enumerated() {
            program.addRow(covering[i].map { ($0, 1.0) } + [(slack[i], 1)], lower: Double(g.agentsShort))
        }
        // One call-in per agent and day; weekly hours and days after the roster.
        // Keys are (agent, day) and (agent, week) pairs, never text: an agent id may contain any character.
        let byAgentDay = Dictionary(
            grouping: columns.indices,
            by: { AgentPeriod(agent: columns[$0].agent.id, period: LocalTime(utc: columns[$0].start, in: zone).day) })
        // Rows in key order: CBC's answer may depend on row order, and outputs must not vary run to run.
        for key in byAgentDay.keys.sorted() {
            guard let ks = byAgentDay[key], ks.count > 1 else { continue }
            program.addRow(ks.map { ($0, 1) }, upper: 1)
        }
        let byAgentWeek = Dictionary(
            grouping: columns.indices,
            by: {
                AgentPeriod(
                    agent: columns[$0].agent.id, period: LocalTime(utc: columns[$0].start, in: zone).isoWeekStart)
            })
        for key in byAgentWeek.keys.sorted() {
            guard let ks = byAgentWeek[key], let firstColumn = ks.first else { continue }
            let agent = columns[firstColumn].agent
            let week = key.period
            let usedHours = commitments.weekHours[agent.id]?[week] ?? 0
            let usedDays = commitments.days[agent.id]?.filter { LocalTime.isoWeekStart(ofDay: $0) == week }.count ?? 0
            program.addRow(ks.map { ($0, Double(callLengthSeconds) / 3600) }, upper: agent.maxHoursWeek - usedHours)
            program.addRow(ks.map { ($0, 1) }, upper: Double(max(0, agent.maxDaysWeek - usedDays)))
        }
        // Calling nobody is always feasible (all slack), so CBC needs no start here.
        let solution = program.solve(timeLimit: timeLimit)
        var values = solution.values
        if values.isEmpty {
            values = [Double](repeating: 0, count: program.columns.count)
            for (i, g) in needed.enumerated() { values[slack[i]] = Double(g.agentsShort) }
        }
        let calls = columns.indices.filter { values[$0] > 0.5 }.map {
            Call(
                agent: columns[$0].agent, start: columns[$0].start, end: columns[$0].end,
                covers: columns[$0].covers.count)
        }
        return Result(
            calls: calls.sorted { ($0.start, $0.agent.id) < ($1.start, $1.agent.id) },
            uncovered: slack.reduce(0) { $0 + values[$1] })
    }

    /// A gap file as read: the gaps (summed over queues), the grid and the zone of its times.
    public struct GapFile: Sendable {
        public var gaps: [Gap]
        public var intervalSeconds: Int
        public var timeZone: PlanningTimeZone
    }

    /// Reads a gap file: `interval_start` and `gap` (the coverage file), or `required` and `scheduled`.
    /// See `readGapFile`.
    public static func readGaps(path: String, zone: PlanningTimeZone) throws(CallDataError) -> (
        gaps: [Gap], intervalSeconds: Int
    ) {
        let file = try readGapFile(path: path, zone: zone)
        return (file.gaps, file.intervalSeconds)
    }

    /// The largest gap accepted, in agents (a larger one is a unit mistake or corruption).
    public static let maxGapAgents = 1_000_000.0

    /// Reads a gap file: `interval_start[, interval_minutes][, queue]` and `gap` (the coverage file),
    /// or `required` and `scheduled`. Queues are summed per interval. Each queue's rows must be in
    /// time order, without repeats, on the grid (from `interval_minutes`, else inferred from ≥ 2
    /// rows; a single row without it is refused). Offsets are honoured; `zone` may be `.fromData`.
    /// - Throws: `CallDataError` with file, line and column.
    public static func readGapFile(path: String, zone: PlanningTimeZone) throws(CallDataError) -> GapFile {
        var reader = try CSVReader(contentsOf: path)
        let fields = FieldReader(file: path)
        var resolver = TimestampResolver(zone: zone, file: path)
        var layout: HeaderLayout? = nil
        var totals: [Int: (short: Int, offset: Int, line: Int, column: Int)] = [:]
        var lastByQueue: [String: (utc: Int, line: Int, text: String)] = [:]
        var lengths: [Int] = []
        do {
            try reader.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in
                guard let h = layout else {
                    let names = (0..<r.count).map { r.string($0).trimmingWhitespace().lowercased() }
                    layout = try HeaderLayout(
                        record: r, file: path,
                        required: names.contains("gap")
                            ? ["interval_start", "gap"] : ["interval_start", "required", "scheduled"],
                        optional: ["interval_minutes", "queue", "required", "scheduled", "gap"])
                    return
                }
                try fields.fieldCount(r, expected: h.fieldCount)
                guard let c = h["interval_start"] else { return }
                let t = try fields.timestamp(r, c)
                let queue = h["queue"].map { r.string($0) } ?? ""
                let (utc, offset) = try resolver.resolve(t, previousUTC: lastByQueue[queue]?.utc, r, c)
                if let last = lastByQueue[queue] {
                    if utc == last.utc {
                        throw .duplicateInterval(
                            file: path, line: r.line, column: r.column(c), value: r.string(c), firstLine: last.line)
                    }
                    if utc < last.utc {
                        throw .outOfOrder(
                            file: path, line: r.line, column: r.column(c), value: r.string(c), previous: last.text)
                    }
                }
                lastByQueue[queue] = (utc, r.line, r.string(c))
                let short: Double
                if let g = h["gap"] {
                    guard let v = FieldParsing.double(r.field(g)), v == v.rounded() else {
                        throw .badNumber(
                            file: path, line: r.line, column: r.column(g), value: r.string(g),
                            expected: "a whole number of agents (positive = short)")
                    }
                    guard abs(v) <= maxGapAgents else {
                        throw .implausibleValue(
                            file: path, line: r.line, column: r.column(g), value: r.string(g),
                            limit: formatDecimal(maxGapAgents))
                    }
                    short = v
                } else if let cr = h["required"], let cs = h["scheduled"] {
                    let req = try fields.quantity(r, cr, limit: maxGapAgents, optional: false, what: "agents ≥ 0") ?? 0
                    let sch = try fields.quantity(r, cs, limit: maxGapAgents, optional: false, what: "agents ≥ 0") ?? 0
                    short = req - sch
                } else {
                    return
                }
                if let cl = h["interval_minutes"], let length = try fields.intervalLength(r, cl) {
                    lengths.append(length)
                }
                let previous = totals[utc]
                totals[utc] = (
                    (previous?.short ?? 0) + Int(short), offset, previous?.line ?? r.line,
                    previous?.column ?? r.column(c)
                )
            }
        } catch {
            throw error.callDataError
        }
        guard !totals.isEmpty else { throw .emptyFile(file: path) }
        let resolved = resolver.resolvedZone
        let starts = totals.keys.sorted()
        let iv: Int
        if let grid = lengths.filter({ 86_400 % $0 == 0 }).max() {
            iv = grid
        } else if let inferred = IntervalHistoryReader.inferIntervalIfPossible([starts]) {
            iv = inferred
        } else {
            throw .intervalUnknown(file: path, line: totals[starts[0]]?.line ?? 2)
        }
        var gaps: [Gap] = []
        for s in starts {
            guard let t = totals[s] else { continue }
            let local = LocalTime(utc: s, utcOffset: t.offset)
            guard local.secondOfDay % iv == 0 else {
                throw .misalignedInterval(
                    file: path, line: t.line, column: t.column,
                    value: resolved.text(wallSeconds: local.wallSeconds, utcOffset: t.offset), intervalSeconds: iv)
            }
            gaps.append(Gap(start: s, utcOffset: t.offset, agentsShort: t.short))
        }
        return GapFile(gaps: gaps, intervalSeconds: iv, timeZone: resolved)
    }

    /// What a roster file (the `schedule` output) already commits each agent to. A file with no
    /// header at all (`/dev/null`) is refused; a header with no rows commits nobody.
    public static func readRoster(path: String, zone: PlanningTimeZone) throws(CallDataError) -> Commitments {
        var reader = try CSVReader(contentsOf: path)
        let fields = FieldReader(file: path)
        var resolver = TimestampResolver(zone: zone, file: path)
        var layout: HeaderLayout? = nil
        var out = Commitments()
        do {
            try reader.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in
                guard let h = layout else {
                    layout = try HeaderLayout(
                        record: r, file: path, required: ["agent_id", "shift_start", "paid_hours"],
                        optional: ["pool", "date", "shift_end", "break_start", "break_end"])
                    return
                }
                try fields.fieldCount(r, expected: h.fieldCount)
                guard let cId = h["agent_id"], let cStart = h["shift_start"], let cPaid = h["paid_hours"] else {
                    return
                }
                let id = try fields.text(r, cId, what: "agent id")
                let t = try fields.timestamp(r, cStart)
                let (utc, offset) = try resolver.resolve(t, previousUTC: nil, r, cStart)
                let local = LocalTime(utc: utc, utcOffset: offset)
                let hours = try fields.quantity(r, cPaid, limit: 24, optional: false, what: "paid hours") ?? 0
                out.days[id, default: []].insert(local.day)
                out.weekHours[id, default: [:]][local.isoWeekStart, default: 0] += hours
            }
        } catch {
            throw error.callDataError
        }
        guard layout != nil else { throw .emptyFile(file: path) }
        return out
    }
}

/// An agent and a day or week number: a grouping key that no agent id can break.
struct AgentPeriod: Hashable, Comparable {
    var agent: String
    var period: Int
    static func < (a: AgentPeriod, b: AgentPeriod) -> Bool { (a.agent, a.period) < (b.agent, b.period) }
}
