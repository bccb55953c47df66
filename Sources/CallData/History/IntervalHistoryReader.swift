/// Reads interval history (already aggregated): `interval_start, [queue,] calls
/// [, aht_seconds][, answered][, abandoned][, service_level]`.
///
/// Forecast files (`calls_lower`, `calls_upper` too) read the same way; those two
/// columns are accepted and ignored. Missing intervals (closed hours and days) are
/// normal. Checked, each failing with file, line and column: timestamps, numbers,
/// negative or implausible values, nonexistent local times, a duplicated interval,
/// rows out of time order within a queue, and starts off the interval grid.
///
/// The interval length (the data contract, see the README): the file's `interval_minutes` column
/// when present — the grid is the longest length that divides a day, and a row may be shorter
/// (a partial interval, kept as `lengthSeconds`) or DST-adjusted, never longer than its slot;
/// else `intervalSeconds` when given; else the most common gap between consecutive rows of a
/// queue (ties: the shorter). A file with one row per queue and neither is refused
/// (`intervalUnknown`), never guessed.
///
/// Time zones: see `TimestampResolver` (offsets are honoured; `.fromData` takes the zone from
/// the file; a named zone that contradicts an offset is an error).
public struct IntervalHistoryReader: Sendable {
    /// The planning zone for naive timestamps and for day alignment.
    public var timeZone: PlanningTimeZone
    /// The interval length of the file when known in advance; inferred when `nil`.
    public var intervalSeconds: Int?

    /// A reader for the given zone.
    public init(timeZone: PlanningTimeZone, intervalSeconds: Int? = nil) {
        self.timeZone = timeZone
        self.intervalSeconds = intervalSeconds
    }

    static let requiredColumns = ["interval_start", "calls"]
    static let optionalColumns = [
        "queue", "interval_minutes", "aht_seconds", "answered", "abandoned", "service_level",
    ]
    static let ignoredColumns = ["calls_lower", "calls_upper"]

    private struct QueueRows {
        var name: String?
        var records: [IntervalRecord] = []
        var lines: [Int] = []
        var columns: [Int] = []
        var texts: [String] = []  // only for the previous row, for messages
    }

    /// Reads the history in `reader`.
    public func read(_ reader: inout CSVReader) throws(CallDataError) -> IntervalHistory {
        let file = reader.file
        let fields = FieldReader(file: file)
        var resolver = TimestampResolver(zone: timeZone, file: file)
        var layout: HeaderLayout? = nil
        var lengths: [Int?] = []  // per row in file order when interval_minutes is present
        var lengthLines: [(line: Int, column: Int)] = []
        var rowQueue: [(queue: Int, index: Int)] = []
        var queues: [QueueRows] = []
        var queueIndex: [String: Int] = [:]
        var previousText: [Int: String] = [:]
        do {
            try reader.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in
                guard let h = layout else {
                    layout = try HeaderLayout(
                        record: r, file: file, required: Self.requiredColumns,
                        optional: Self.optionalColumns, ignored: Self.ignoredColumns)
                    return
                }
                try fields.fieldCount(r, expected: h.fieldCount)
                var q = 0
                if let cq = h["queue"] {
                    let name = try fields.text(r, cq, what: "queue name")
                    if let existing = queueIndex[name] {
                        q = existing
                    } else {
                        q = queues.count
                        queueIndex[name] = q
                        queues.append(QueueRows(name: name))
                    }
                } else if queues.isEmpty {
                    queues.append(QueueRows(name: nil))
                }
                guard let cStart = h["interval_start"], let cCalls = h["calls"] else { return }
                let written = try fields.timestamp(r, cStart)
                let (utc, offset) = try resolver.resolve(written, previousUTC: queues[q].records.last?.start, r, cStart)
                if let last = queues[q].records.last {
                    if utc == last.start {
                        throw .duplicateInterval(
                            file: file, line: r.line, column: r.column(cStart),
                            value: r.string(cStart), firstLine: queues[q].lines.last ?? 0)
                    }
                    if utc < last.start {
                        throw .outOfOrder(
                            file: file, line: r.line, column: r.column(cStart),
                            value: r.string(cStart), previous: previousText[q] ?? "")
                    }
                }
                previousText[q] = r.string(cStart)
                let calls =
                    try fields.quantity(
                        r, cCalls, limit: PlausibilityLimits.callsPerInterval,
                        optional: false, what: "a number of calls ≥ 0") ?? 0
                if let cl = h["interval_minutes"] {
                    lengths.append(try fields.intervalLength(r, cl))
                    lengthLines.append((r.line, r.column(cl)))
                    rowQueue.append((q, queues[q].records.count))
                }
                func optional(_ name: String, limit: Double, what: String) throws(CallDataError) -> Double? {
                    guard let c = h[name] else { return nil }
                    return try fields.quantity(r, c, limit: limit, optional: true, what: what)
                }
                let aht = try optional(
                    "aht_seconds", limit: PlausibilityLimits.durationSeconds, what: "a handle time in seconds")
                let answered = try optional(
                    "answered", limit: PlausibilityLimits.callsPerInterval, what: "a number of calls ≥ 0")
                let abandoned = try optional(
                    "abandoned", limit: PlausibilityLimits.callsPerInterval, what: "a number of calls ≥ 0")
                let sl = try optional("service_level", limit: 1, what: "a share between 0 and 1")
                queues[q].records.append(
                    IntervalRecord(
                        start: utc, utcOffset: offset, calls: calls,
                        answered: answered, abandoned: abandoned, ahtSeconds: aht, serviceLevel: sl))
                queues[q].lines.append(r.line)
                queues[q].columns.append(r.column(cStart))
            }
        } catch {
            throw error.callDataError
        }
        guard !queues.isEmpty else { throw .emptyFile(file: file) }
        let zone = resolver.resolvedZone
        let iv: Int
        if !lengths.isEmpty {
            // The grid: the longest written length that divides a day.
            guard let grid = lengths.compactMap({ $0 }).filter({ 86_400 % $0 == 0 }).max() else {
                throw .badNumber(
                    file: file, line: lengthLines[0].line, column: lengthLines[0].column,
                    value: formatDecimal(Double(lengths[0] ?? 0) / 60),
                    expected: "an interval length in minutes that divides 24 hours, e.g. 5, 15, 30 or 60")
            }
            iv = grid
            for (k, length) in lengths.enumerated() {
                guard let length else { continue }
                let (q, i) = rowQueue[k]
                let rec = queues[q].records[i]
                let full = zone.realLength(utcStart: rec.start, nominal: grid)
                guard length <= full else {
                    throw .badNumber(
                        file: file, line: lengthLines[k].line, column: lengthLines[k].column,
                        value: formatDecimal(Double(length) / 60),
                        expected:
                            "at most \(formatDecimal(Double(full) / 60)) minutes (the file's grid is \(TimeSpan(seconds: grid)))"
                    )
                }
                if length != full { queues[q].records[i].lengthSeconds = length }
            }
        } else if let given = intervalSeconds {
            iv = given
        } else {
            guard let inferred = Self.inferIntervalIfPossible(queues.map { $0.records.map(\.start) }) else {
                throw .intervalUnknown(file: file, line: queues[0].lines.first ?? 2)
            }
            iv = inferred
        }
        for qr in queues {
            for (k, rec) in qr.records.enumerated()
            where CivilCalendar.floorDivide(rec.wallStart, iv) * iv != rec.wallStart {
                throw .misalignedInterval(
                    file: file, line: qr.lines[k], column: qr.columns[k],
                    value: zone.text(wallSeconds: rec.wallStart, utcOffset: rec.utcOffset), intervalSeconds: iv)
            }
        }
        return IntervalHistory(
            intervalSeconds: iv, timeZone: zone,
            series: queues.map { IntervalSeries(queue: $0.name, records: $0.records) })
    }

    /// The most common positive gap between consecutive starts (ties: shorter), restricted
    /// to lengths that divide a day; 30 minutes when no gap is seen (a single row).
    /// Prefer `inferIntervalIfPossible`, which does not guess.
    public static func inferInterval(_ starts: [[Int]]) -> Int {
        inferIntervalIfPossible(starts) ?? 1800
    }

    /// The most common positive gap between consecutive starts that divides a day (ties: the
    /// shorter); `nil` when there is none (a single row per queue).
    public static func inferIntervalIfPossible(_ starts: [[Int]]) -> Int? {
        var counts: [Int: Int] = [:]
        for s in starts where s.count > 1 {
            for k in 1..<s.count {
                let gap = s[k] - s[k - 1]
                if gap > 0, gap <= 86_400 { counts[gap, default: 0] += 1 }
            }
        }
        let best = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        for (gap, _) in best where 86_400 % gap == 0 { return gap }
        return nil
    }
}
