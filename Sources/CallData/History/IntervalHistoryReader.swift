/// Reads interval history (already aggregated): `interval_start, [queue,] calls
/// [, aht_seconds][, answered][, abandoned][, service_level]`.
///
/// Forecast files (`calls_lower`, `calls_upper` too) read the same way; those two
/// columns are accepted and ignored. Missing intervals (closed hours and days) are
/// normal. Checked, each failing with file, line and column: timestamps, numbers,
/// negative or implausible values, nonexistent local times, a duplicated interval,
/// rows out of time order within a queue, and starts off the interval grid.
///
/// The interval length is the most common gap between consecutive rows of a queue
/// (ties: the shorter), unless `intervalSeconds` is given.
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
    static let optionalColumns = ["queue", "aht_seconds", "answered", "abandoned", "service_level"]
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
        let resolver = WallClockResolver(zone: timeZone)
        let zone = timeZone
        var layout: HeaderLayout? = nil
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
                    let name = r.string(cq).trimmingWhitespace()
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
                let cStart = h["interval_start"]!
                let written = try fields.timestamp(r, cStart)
                guard let utc = resolver.resolve(written, previousUTC: queues[q].records.last?.start) else {
                    throw .nonexistentLocalTime(
                        file: file, line: r.line, column: r.column(cStart),
                        value: r.string(cStart), timeZone: zone.identifier)
                }
                if let last = queues[q].records.last {
                    if utc == last.start {
                        throw .duplicateInterval(
                            file: file, line: r.line, column: r.column(cStart),
                            value: r.string(cStart), firstLine: queues[q].lines.last!)
                    }
                    if utc < last.start {
                        throw .outOfOrder(
                            file: file, line: r.line, column: r.column(cStart),
                            value: r.string(cStart), previous: previousText[q] ?? "")
                    }
                }
                previousText[q] = r.string(cStart)
                let calls = try fields.quantity(
                    r, h["calls"]!, limit: PlausibilityLimits.callsPerInterval,
                    optional: false, what: "a number of calls ≥ 0")!
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
                        start: utc, utcOffset: zone.offset(atUTC: utc), calls: calls,
                        answered: answered, abandoned: abandoned, ahtSeconds: aht, serviceLevel: sl))
                queues[q].lines.append(r.line)
                queues[q].columns.append(r.column(cStart))
            }
        } catch {
            throw error.callDataError
        }
        guard !queues.isEmpty else { throw .emptyFile(file: file) }
        let iv = intervalSeconds ?? Self.inferInterval(queues.map { $0.records.map(\.start) })
        for qr in queues {
            for (k, rec) in qr.records.enumerated()
            where CivilCalendar.floorDivide(rec.wallStart, iv) * iv != rec.wallStart {
                throw .misalignedInterval(
                    file: file, line: qr.lines[k], column: qr.columns[k],
                    value: rec.startText, intervalSeconds: iv)
            }
        }
        return IntervalHistory(
            intervalSeconds: iv, timeZone: zone,
            series: queues.map { IntervalSeries(queue: $0.name, records: $0.records) })
    }

    /// The most common positive gap between consecutive starts (ties: shorter), restricted
    /// to lengths that divide a day; 30 minutes when no gap is seen (a single row).
    public static func inferInterval(_ starts: [[Int]]) -> Int {
        var counts: [Int: Int] = [:]
        for s in starts where s.count > 1 {
            for k in 1..<s.count {
                let gap = s[k] - s[k - 1]
                if gap > 0, gap <= 86_400 { counts[gap, default: 0] += 1 }
            }
        }
        let best = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        for (gap, _) in best where 86_400 % gap == 0 { return gap }
        return 1800
    }
}
