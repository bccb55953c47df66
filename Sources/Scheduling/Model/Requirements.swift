import CallData

/// Agents required per interval, on the planning zone's local days.
public struct Requirements: Sendable {
    /// One interval's need.
    public struct Interval: Equatable, Sendable {
        /// UTC start and the zone's offset there.
        public var start: Int
        public var utcOffset: Int
        /// Agents required (summed over queues).
        public var required: Int

        public init(start: Int, utcOffset: Int, required: Int) {
            self.start = start
            self.utcOffset = utcOffset
            self.required = required
        }

        /// Seconds after local midnight.
        public var secondOfDay: Int {
            (start + utcOffset) - CivilCalendar.floorDivide(start + utcOffset, 86_400) * 86_400
        }
    }

    /// One local day's intervals, in time order.
    public struct Day: Sendable {
        public var day: Int
        public var intervals: [Interval]

        public init(day: Int, intervals: [Interval]) {
            self.day = day
            self.intervals = intervals
        }
    }

    public var intervalSeconds: Int
    public var timeZone: PlanningTimeZone
    public var days: [Day]

    public init(intervalSeconds: Int, timeZone: PlanningTimeZone, days: [Day]) {
        self.intervalSeconds = intervalSeconds
        self.timeZone = timeZone
        self.days = days
    }

    /// Reads `interval_start, [queue,] required` or the `staff` output (uses `scheduled_agents`).
    /// Queues are summed: one pool of agents serves them all.
    /// - Throws: `CallDataError` with file, line and column.
    public static func read(path: String, timeZone: PlanningTimeZone) throws(CallDataError) -> Requirements {
        var reader = try CSVReader(contentsOf: path)
        let fields = FieldReader(file: path)
        let resolver = WallClockResolver(zone: timeZone)
        var layout: HeaderLayout? = nil
        var column = 0
        var totals: [Int: (required: Int, line: Int)] = [:]
        var seen: [String: [Int: Int]] = [:]  // queue -> start -> line
        var lastUTC: Int? = nil
        do {
            try reader.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in
                guard let h = layout else {
                    let names = (0..<r.count).map { r.string($0).trimmingWhitespace().lowercased() }
                    let staffing = names.contains("scheduled_agents")
                    let h = try HeaderLayout(
                        record: r, file: path,
                        required: ["interval_start", staffing ? "scheduled_agents" : "required"],
                        optional: ["queue"],
                        ignored: staffing
                            ? [
                                "calls", "aht_seconds", "agents", "service_level", "asa_seconds", "occupancy",
                                "abandon_rate", "required",
                            ] : [])
                    column = h[staffing ? "scheduled_agents" : "required"]!
                    layout = h
                    return
                }
                try fields.fieldCount(r, expected: h.fieldCount)
                let cStart = h["interval_start"]!
                let t = try fields.timestamp(r, cStart)
                guard let utc = resolver.resolve(t, previousUTC: lastUTC) else {
                    throw .nonexistentLocalTime(
                        file: path, line: r.line, column: r.column(cStart), value: r.string(cStart),
                        timeZone: timeZone.identifier)
                }
                lastUTC = utc
                let queue = h["queue"].map { r.string($0) } ?? ""
                if let first = seen[queue]?[utc] {
                    throw .duplicateInterval(
                        file: path, line: r.line, column: r.column(cStart), value: r.string(cStart), firstLine: first)
                }
                seen[queue, default: [:]][utc] = r.line
                guard
                    let v = try fields.quantity(
                        r, column, limit: 1_000_000, optional: false, what: "a whole number of agents ≥ 0"),
                    v == v.rounded()
                else {
                    throw .badNumber(
                        file: path, line: r.line, column: r.column(column), value: r.string(column),
                        expected: "a whole number of agents ≥ 0")
                }
                totals[utc] = ((totals[utc]?.required ?? 0) + Int(v), r.line)
            }
        } catch {
            throw error.callDataError
        }
        guard !totals.isEmpty else { throw .emptyFile(file: path) }
        let starts = totals.keys.sorted()
        let iv = IntervalHistoryReader.inferInterval([starts])
        var days: [Int: [Interval]] = [:]
        for s in starts {
            let offset = timeZone.offset(atUTC: s)
            let interval = Interval(start: s, utcOffset: offset, required: totals[s]!.required)
            if interval.secondOfDay % iv != 0 {
                throw .misalignedInterval(
                    file: path, line: totals[s]!.line, column: 1,
                    value: formatISO8601(wallSeconds: s + offset, utcOffset: offset), intervalSeconds: iv)
            }
            days[CivilCalendar.floorDivide(s + offset, 86_400), default: []].append(interval)
        }
        return Requirements(
            intervalSeconds: iv, timeZone: timeZone,
            days: days.keys.sorted().map { Day(day: $0, intervals: days[$0]!) })
    }
}
