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
        /// The real length in seconds when this is a partial interval (a 5-minute closing slot of
        /// a 30-minute grid); `nil` for a full grid interval.
        public var lengthSeconds: Int? = nil
        /// The start as local time.
        public var local: LocalTime { LocalTime(utc: start, utcOffset: utcOffset) }

        public init(start: Int, utcOffset: Int, required: Int, lengthSeconds: Int? = nil) {
            self.start = start
            self.utcOffset = utcOffset
            self.required = required
            self.lengthSeconds = lengthSeconds
        }

        /// Seconds after local midnight.
        public var secondOfDay: Int { local.secondOfDay }
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

    /// Reads `interval_start, [interval_minutes,] [queue,] required` or the `staff` output (uses
    /// `scheduled_agents`). Queues are summed: one pool of agents serves them all.
    ///
    /// The data contract: `interval_minutes` gives the grid (the longest length that divides a day)
    /// and partial intervals; without it the grid is inferred from ≥ 2 rows, and a single row is
    /// refused. Offsets are honoured; `timeZone` may be `.fromData` (the result's `timeZone` is then
    /// the file's offsets, or naive local time). Each queue's rows must be in time order without
    /// repeats, on the grid, and every interval of a day between its first and last row present.
    /// - Throws: `CallDataError` with file, line and column.
    public static func read(path: String, timeZone: PlanningTimeZone) throws(CallDataError) -> Requirements {
        var reader = try CSVReader(contentsOf: path)
        let fields = FieldReader(file: path)
        var resolver = TimestampResolver(zone: timeZone, file: path)
        var layout: HeaderLayout? = nil
        var column = 0
        var totals: [Int: (required: Int, line: Int, column: Int, offset: Int, length: Int?)] = [:]
        var lastByQueue: [String: (utc: Int, line: Int, text: String)] = [:]
        var lastUTC: Int? = nil
        var sawLengths = false
        do {
            try reader.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in
                guard let h = layout else {
                    let names = (0..<r.count).map { r.string($0).trimmingWhitespace().lowercased() }
                    let staffing = names.contains("scheduled_agents")
                    let h = try HeaderLayout(
                        record: r, file: path,
                        required: ["interval_start", staffing ? "scheduled_agents" : "required"],
                        optional: ["interval_minutes", "queue"],
                        ignored: staffing
                            ? [
                                "calls", "aht_seconds", "agents", "service_level", "asa_seconds", "occupancy",
                                "abandon_rate", "required",
                            ] : [])
                    column = h[staffing ? "scheduled_agents" : "required"] ?? 0
                    layout = h
                    return
                }
                try fields.fieldCount(r, expected: h.fieldCount)
                guard let cStart = h["interval_start"] else { return }
                let t = try fields.timestamp(r, cStart)
                let queue = h["queue"].map { r.string($0) } ?? ""
                let (utc, offset) = try resolver.resolve(t, previousUTC: lastByQueue[queue]?.utc ?? lastUTC, r, cStart)
                lastUTC = utc
                if let last = lastByQueue[queue] {
                    if utc == last.utc {
                        throw .duplicateInterval(
                            file: path, line: r.line, column: r.column(cStart), value: r.string(cStart),
                            firstLine: last.line)
                    }
                    if utc < last.utc {
                        throw .outOfOrder(
                            file: path, line: r.line, column: r.column(cStart), value: r.string(cStart),
                            previous: last.text)
                    }
                }
                lastByQueue[queue] = (utc, r.line, r.string(cStart))
                guard
                    let v = try fields.quantity(
                        r, column, limit: 1_000_000, optional: false, what: "a whole number of agents ≥ 0"),
                    v == v.rounded(), let count = Int(exactly: v)
                else {
                    throw .badNumber(
                        file: path, line: r.line, column: r.column(column), value: r.string(column),
                        expected: "a whole number of agents ≥ 0")
                }
                var length: Int? = nil
                if let cl = h["interval_minutes"] {
                    length = try fields.intervalLength(r, cl)
                    sawLengths = true
                }
                let previous = totals[utc]
                totals[utc] = (
                    (previous?.required ?? 0) + count, previous?.line ?? r.line, previous?.column ?? r.column(cStart),
                    offset, max(previous?.length ?? 0, length ?? 0) > 0 ? max(previous?.length ?? 0, length ?? 0) : nil
                )
            }
        } catch {
            throw error.callDataError
        }
        guard !totals.isEmpty else { throw .emptyFile(file: path) }
        let zone = resolver.resolvedZone
        let starts = totals.keys.sorted()
        let iv: Int
        if sawLengths {
            guard let grid = totals.values.compactMap(\.length).filter({ 86_400 % $0 == 0 }).max() else {
                let first = totals[starts[0]]
                throw .badNumber(
                    file: path, line: first?.line ?? 2, column: 1, value: "interval_minutes",
                    expected: "an interval length in minutes that divides 24 hours, e.g. 15, 30 or 60")
            }
            iv = grid
        } else {
            guard let inferred = IntervalHistoryReader.inferIntervalIfPossible([starts]) else {
                throw .intervalUnknown(file: path, line: totals[starts[0]]?.line ?? 2)
            }
            iv = inferred
        }
        var days: [Int: [Interval]] = [:]
        for s in starts {
            guard let total = totals[s] else { continue }
            let full = zone.realLength(utcStart: s, nominal: iv)
            let interval = Interval(
                start: s, utcOffset: total.offset, required: total.required,
                lengthSeconds: total.length.flatMap { $0 < full ? $0 : nil })
            let text = zone.text(wallSeconds: s + total.offset, utcOffset: total.offset)
            if interval.secondOfDay % iv != 0 {
                throw .misalignedInterval(
                    file: path, line: total.line, column: total.column, value: text, intervalSeconds: iv)
            }
            if let length = total.length, length > full {
                throw .badNumber(
                    file: path, line: total.line, column: 1, value: formatDecimal(Double(length) / 60),
                    expected:
                        "interval_minutes at most \(formatDecimal(Double(full) / 60)) on a \(TimeSpan(seconds: iv)) grid"
                )
            }
            let day = interval.local.day
            if let previous = days[day]?.last,
                s - previous.start > zone.realLength(utcStart: previous.start, nominal: iv)
            {
                let gapStart = previous.start + zone.realLength(utcStart: previous.start, nominal: iv)
                throw .missingInterval(
                    file: path, line: total.line, column: total.column, value: text,
                    missing: zone.iso8601(utc: gapStart))
            }
            days[day, default: []].append(interval)
        }
        return Requirements(
            intervalSeconds: iv, timeZone: zone,
            days: days.keys.sorted().map { Day(day: $0, intervals: days[$0] ?? []) })
    }
}
