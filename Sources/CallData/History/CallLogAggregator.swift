/// Reads a per-call log (one row per call) and aggregates it into interval history
/// in a planning time zone, in one streaming pass.
///
/// Columns: `arrived_at` (required; ISO 8601 with an offset, or naive wall-clock time
/// in the planning zone), optional `queue`, `handle_seconds`, `wait_seconds`, `abandoned`
/// (`0/1`, `true/false`). Per interval and queue it counts offered, answered and
/// abandoned calls, the mean handle time of answered calls (when `handle_seconds` is
/// present) and the share of offered calls answered within the threshold (when
/// `wait_seconds` is present).
///
/// Intervals are aligned on the local wall clock, so a 23-hour spring-forward day has
/// 46 half-hours and a 25-hour fall-back day 50 (the repeated hour keeps its two offsets).
/// Within each local day, intervals between the first and the last call are emitted
/// even when empty (a quiet half-hour is a zero, not a gap); days without calls are
/// closed and emit nothing. Rows need not be sorted.
public struct CallLogAggregator: Sendable {
    /// Interval length in seconds; must divide 24 hours.
    public var intervalSeconds: Int
    /// The planning zone.
    public var timeZone: PlanningTimeZone
    /// A call counts towards service level when answered with `wait ≤` this many seconds.
    public var answerThresholdSeconds: Double

    /// An aggregator for the given interval, zone and threshold.
    public init(intervalSeconds: Int, timeZone: PlanningTimeZone, answerThresholdSeconds: Double = 20) {
        self.intervalSeconds = intervalSeconds
        self.timeZone = timeZone
        self.answerThresholdSeconds = answerThresholdSeconds
    }

    static let requiredColumns = ["arrived_at"]
    static let optionalColumns = ["queue", "handle_seconds", "wait_seconds", "abandoned"]

    private struct Bucket {
        var utcOffset: Int
        var offered = 0.0
        var answered = 0.0
        var abandoned = 0.0
        var handleSum = 0.0
        var answeredWithin = 0.0
    }

    private struct QueueBuckets {
        var name: String?
        var index: [Int: Int] = [:]
        var starts: [Int] = []
        var buckets: [Bucket] = []
        var lastStart = Int.min
        var lastSlot = -1
        var lastUTC: Int? = nil
    }

    /// Aggregates a call log held in `reader`.
    /// - Throws: `CallDataError` naming file, line and column of the first bad field.
    public func aggregate(_ reader: inout CSVReader) throws(CallDataError) -> IntervalHistory {
        let file = reader.file
        let iv = intervalSeconds
        let threshold = answerThresholdSeconds
        let fields = FieldReader(file: file)
        var resolver = TimestampResolver(zone: timeZone, file: file)
        var layout: HeaderLayout? = nil
        var cArrived = 0
        var cQueue = -1
        var cHandle = -1
        var cWait = -1
        var cAbandoned = -1
        var queues: [QueueBuckets] = []
        var queueIndex: [String: Int] = [:]
        var queueSpellings: [(bytes: [UInt8], queue: Int)] = []  // each distinct spelling seen, and its queue
        var lastQueue = -1  // index into queueSpellings
        var rows = 0
        do {
            try reader.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in
                guard let header = layout else {
                    let h = try HeaderLayout(
                        record: r, file: file, required: Self.requiredColumns, optional: Self.optionalColumns)
                    cArrived = h["arrived_at"] ?? 0
                    cQueue = h["queue"] ?? -1
                    cHandle = h["handle_seconds"] ?? -1
                    cWait = h["wait_seconds"] ?? -1
                    cAbandoned = h["abandoned"] ?? -1
                    layout = h
                    return
                }
                try fields.fieldCount(r, expected: header.fieldCount)
                rows += 1
                // Queue (interned; consecutive rows usually share it).
                var q: Int
                if cQueue >= 0 {
                    // Interned by raw bytes: rows of a few queues interleave, so compare with every known
                    // spelling before decoding a String (no allocation on the hot path).
                    let qb = r.field(cQueue)
                    if lastQueue >= 0, qb.elementsEqual(queueSpellings[lastQueue].bytes) {
                        q = lastQueue
                    } else if let known = queueSpellings.firstIndex(where: { qb.elementsEqual($0.bytes) }) {
                        q = queueSpellings[known].queue
                        lastQueue = known
                    } else {
                        let name = try fields.text(r, cQueue, what: "queue name")
                        if let existing = queueIndex[name] {
                            q = existing
                        } else {
                            q = queues.count
                            queueIndex[name] = q
                            queues.append(QueueBuckets(name: name))
                        }
                        queueSpellings.append((Array(qb), q))
                        lastQueue = queueSpellings.count - 1
                    }
                } else {
                    if queues.isEmpty { queues.append(QueueBuckets(name: nil)) }
                    q = 0
                }
                let written = try fields.timestamp(r, cArrived)
                let (utc, offset) = try resolver.resolve(written, previousUTC: queues[q].lastUTC, r, cArrived)
                queues[q].lastUTC = utc
                var abandoned = false
                if cAbandoned >= 0 {
                    guard let a = FieldParsing.bool(r.field(cAbandoned)) else {
                        throw .badNumber(
                            file: file, line: r.line, column: r.column(cAbandoned), value: r.string(cAbandoned),
                            expected: "0/1 or true/false")
                    }
                    abandoned = a
                }
                let handle =
                    cHandle >= 0
                    ? try fields.quantity(
                        r, cHandle, limit: PlausibilityLimits.durationSeconds, optional: true,
                        what: "handle time in seconds")
                    : nil
                let wait =
                    cWait >= 0
                    ? try fields.quantity(
                        r, cWait, limit: PlausibilityLimits.durationSeconds, optional: true,
                        what: "wait time in seconds")
                    : nil
                let wall = utc + offset
                let utcStart = CivilCalendar.floorDivide(wall, iv) * iv - offset
                var slot: Int
                if utcStart == queues[q].lastStart {
                    slot = queues[q].lastSlot
                } else if let s = queues[q].index[utcStart] {
                    slot = s
                } else {
                    slot = queues[q].buckets.count
                    queues[q].index[utcStart] = slot
                    queues[q].starts.append(utcStart)
                    queues[q].buckets.append(Bucket(utcOffset: offset))
                }
                queues[q].lastStart = utcStart
                queues[q].lastSlot = slot
                queues[q].buckets[slot].offered += 1
                if abandoned {
                    queues[q].buckets[slot].abandoned += 1
                } else {
                    queues[q].buckets[slot].answered += 1
                    queues[q].buckets[slot].handleSum += handle ?? 0
                    if let wait, wait <= threshold { queues[q].buckets[slot].answeredWithin += 1 }
                }
            }
        } catch {
            throw error.callDataError
        }
        guard rows > 0 else { throw .emptyFile(file: file) }
        let zone = resolver.resolvedZone
        let hasHandle = cHandle >= 0
        let hasWait = cWait >= 0
        let hasAbandoned = cAbandoned >= 0
        var series: [IntervalSeries] = []
        for qb in queues {
            let order = qb.starts.indices.sorted { qb.starts[$0] < qb.starts[$1] }
            var records: [IntervalRecord] = []
            records.reserveCapacity(order.count)
            func emit(_ start: Int, _ b: Bucket) {
                records.append(
                    IntervalRecord(
                        start: start, utcOffset: b.utcOffset, calls: b.offered,
                        answered: hasAbandoned || hasWait ? b.answered : nil,
                        abandoned: hasAbandoned ? b.abandoned : nil,
                        ahtSeconds: hasHandle && b.answered > 0 ? b.handleSum / b.answered : nil,
                        serviceLevel: hasWait && b.offered > 0 ? b.answeredWithin / b.offered : nil))
            }
            var previous: (start: Int, day: Int)? = nil
            for k in order {
                let start = qb.starts[k]
                let b = qb.buckets[k]
                let day = LocalTime(utc: start, utcOffset: b.utcOffset).day
                if let p = previous, p.day == day {
                    var t = p.start + iv
                    while t < start {  // quiet intervals inside an open day
                        emit(t, Bucket(utcOffset: zone.offset(atUTC: t)))
                        t += iv
                    }
                }
                emit(start, b)
                previous = (start, day)
            }
            series.append(IntervalSeries(queue: qb.name, records: records))
        }
        return IntervalHistory(intervalSeconds: iv, timeZone: zone, series: series)
    }
}
