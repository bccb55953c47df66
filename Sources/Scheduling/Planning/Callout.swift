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
        let days = Set(needed.map { CivilCalendar.floorDivide($0.start + $0.utcOffset, 86_400) })
        for a in pool {
            for day in days.sorted() where !(commitments.days[a.id]?.contains(day) ?? false) {
                let week = day - (CivilCalendar.isoWeekday(days: day) - 1)
                let used = commitments.weekHours[a.id]?[week] ?? 0
                guard used + Double(callLengthSeconds) / 3600 <= a.maxHoursWeek + 1e-9 else { continue }
                let dayGaps = needed.indices.filter {
                    CivilCalendar.floorDivide(needed[$0].start + needed[$0].utcOffset, 86_400) == day
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
        let byAgentDay = Dictionary(
            grouping: columns.indices,
            by: {
                "\(columns[$0].agent.id)|\(CivilCalendar.floorDivide(columns[$0].start + zone.offset(atUTC: columns[$0].start), 86_400))"
            })
        // Rows in key order: CBC's answer may depend on row order, and outputs must not vary run to run.
        for key in byAgentDay.keys.sorted() where byAgentDay[key]!.count > 1 {
            program.addRow(byAgentDay[key]!.map { ($0, 1) }, upper: 1)
        }
        let byAgentWeek = Dictionary(
            grouping: columns.indices,
            by: { k -> String in
                let day = CivilCalendar.floorDivide(columns[k].start + zone.offset(atUTC: columns[k].start), 86_400)
                return "\(columns[k].agent.id)|\(day - (CivilCalendar.isoWeekday(days: day) - 1))"
            })
        for key in byAgentWeek.keys.sorted() {
            let ks = byAgentWeek[key]!
            let parts = key.split(separator: "|")
            let agent = columns[ks[0]].agent
            let week = Int(parts[1])!
            let usedHours = commitments.weekHours[agent.id]?[week] ?? 0
            let usedDays =
                commitments.days[agent.id]?.filter { $0 - (CivilCalendar.isoWeekday(days: $0) - 1) == week }.count ?? 0
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

    /// Reads a gap file: `interval_start` and `gap` (the coverage file), or `required` and `scheduled`.
    public static func readGaps(path: String, zone: PlanningTimeZone) throws(CallDataError) -> (
        gaps: [Gap], intervalSeconds: Int
    ) {
        var reader = try CSVReader(contentsOf: path)
        let fields = FieldReader(file: path)
        let resolver = WallClockResolver(zone: zone)
        var layout: HeaderLayout? = nil
        var gaps: [Gap] = []
        do {
            try reader.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in
                guard let h = layout else {
                    let names = (0..<r.count).map { r.string($0).trimmingWhitespace().lowercased() }
                    layout = try HeaderLayout(
                        record: r, file: path,
                        required: names.contains("gap")
                            ? ["interval_start", "gap"] : ["interval_start", "required", "scheduled"],
                        optional: ["queue", "required", "scheduled", "gap"])
                    return
                }
                try fields.fieldCount(r, expected: h.fieldCount)
                let c = h["interval_start"]!
                let t = try fields.timestamp(r, c)
                guard let utc = resolver.resolve(t, previousUTC: gaps.last?.start) else {
                    throw .nonexistentLocalTime(
                        file: path, line: r.line, column: r.column(c), value: r.string(c), timeZone: zone.identifier)
                }
                let short: Double
                if let g = h["gap"] {
                    guard let v = FieldParsing.double(r.field(g)), v == v.rounded() else {
                        throw .badNumber(
                            file: path, line: r.line, column: r.column(g), value: r.string(g),
                            expected: "a whole number of agents (positive = short)")
                    }
                    short = v
                } else {
                    let req = try fields.quantity(r, h["required"]!, limit: 1e6, optional: false, what: "agents ≥ 0")!
                    let sch = try fields.quantity(r, h["scheduled"]!, limit: 1e6, optional: false, what: "agents ≥ 0")!
                    short = req - sch
                }
                gaps.append(Gap(start: utc, utcOffset: zone.offset(atUTC: utc), agentsShort: Int(short)))
            }
        } catch {
            throw error.callDataError
        }
        guard !gaps.isEmpty else { throw .emptyFile(file: path) }
        return (gaps, IntervalHistoryReader.inferInterval([gaps.map(\.start).sorted()]))
    }

    /// What a roster file (the `schedule` output) already commits each agent to.
    public static func readRoster(path: String, zone: PlanningTimeZone) throws(CallDataError) -> Commitments {
        var reader = try CSVReader(contentsOf: path)
        let fields = FieldReader(file: path)
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
                let id = r.string(h["agent_id"]!)
                let t = try fields.timestamp(r, h["shift_start"]!)
                let utc = t.utcSeconds ?? zone.utcCandidates(forWall: t.wallSeconds).first ?? t.wallSeconds
                let day = CivilCalendar.floorDivide(utc + zone.offset(atUTC: utc), 86_400)
                let week = day - (CivilCalendar.isoWeekday(days: day) - 1)
                let hours = try fields.quantity(r, h["paid_hours"]!, limit: 24, optional: false, what: "paid hours")!
                out.days[id, default: []].insert(day)
                out.weekHours[id, default: [:]][week, default: 0] += hours
            }
        } catch {
            throw error.callDataError
        }
        return out
    }
}
