/// One interval of call history (or forecast) for one queue.
public struct IntervalRecord: Equatable, Sendable {
    /// The interval's start as a UTC instant (seconds since 1970).
    public var start: Int
    /// The planning zone's UTC offset at `start`, in seconds.
    public var utcOffset: Int
    /// Offered calls (answered + abandoned; may be fractional in forecasts).
    public var calls: Double
    /// Answered calls, when known.
    public var answered: Double?
    /// Abandoned calls, when known.
    public var abandoned: Double?
    /// Mean handle time of answered calls in seconds, when known.
    public var ahtSeconds: Double?
    /// Calls answered within the answer threshold over offered calls, when known.
    public var serviceLevel: Double?
    /// The real length of this interval in seconds when it is not the history's grid length: a
    /// partial interval (a 5-minute closing slot of a 30-minute grid) or a DST-length day.
    /// `nil`: the full grid interval (see `IntervalHistory.length(of:)`).
    public var lengthSeconds: Int?

    /// A record with the given counts.
    public init(
        start: Int, utcOffset: Int, calls: Double, answered: Double? = nil, abandoned: Double? = nil,
        ahtSeconds: Double? = nil, serviceLevel: Double? = nil, lengthSeconds: Int? = nil
    ) {
        self.lengthSeconds = lengthSeconds
        self.start = start
        self.utcOffset = utcOffset
        self.calls = calls
        self.answered = answered
        self.abandoned = abandoned
        self.ahtSeconds = ahtSeconds
        self.serviceLevel = serviceLevel
    }

    /// Local wall-clock seconds of the start (calendar arithmetic, zone applied).
    @inlinable public var wallStart: Int { start + utcOffset }
    /// Local day number (days since 1970-01-01 on the local calendar).
    @inlinable public var localDay: Int { local.day }
    /// Seconds since local midnight.
    @inlinable public var secondOfDay: Int { local.secondOfDay }
    /// The start as ISO 8601 with offset, e.g. `2025-02-12T08:30:00+01:00` (for messages; files
    /// are written with `PlanningTimeZone.text`, which leaves naive times naive).
    public var startText: String { formatISO8601(wallSeconds: wallStart, utcOffset: utcOffset) }
    /// The start as a `LocalTime`.
    @inlinable public var local: LocalTime { LocalTime(utc: start, utcOffset: utcOffset) }
}

/// The interval history of one queue, in time order without duplicates.
public struct IntervalSeries: Equatable, Sendable {
    /// The queue name; `nil` when the file had no `queue` column.
    public var queue: String?
    /// Records in strictly increasing `start` order.
    public var records: [IntervalRecord]

    /// A series for `queue`.
    public init(queue: String?, records: [IntervalRecord]) {
        self.queue = queue
        self.records = records
    }
}

/// Interval history for one or more queues at one interval length in one planning zone.
public struct IntervalHistory: Equatable, Sendable {
    /// Interval length in seconds (divides a day).
    public var intervalSeconds: Int
    /// The zone in which intervals are aligned and days are counted.
    public var timeZone: PlanningTimeZone
    /// One series per queue, in order of first appearance.
    public var series: [IntervalSeries]

    /// History with the given series.
    public init(intervalSeconds: Int, timeZone: PlanningTimeZone, series: [IntervalSeries]) {
        self.intervalSeconds = intervalSeconds
        self.timeZone = timeZone
        self.series = series
    }

    /// Total number of interval rows over all queues.
    public var rowCount: Int { series.reduce(0) { $0 + $1.records.count } }

    /// The real length of `record` in seconds: its own `lengthSeconds`, else the grid interval at
    /// its start (DST-adjusted for intervals of an hour or more).
    public func length(of record: IntervalRecord) -> Int {
        record.lengthSeconds ?? timeZone.realLength(utcStart: record.start, nominal: intervalSeconds)
    }

    /// Distinct local days with at least one row, over all queues.
    public var dayCount: Int {
        var days = Set<Int>()
        for s in series { for r in s.records { days.insert(r.local.day) } }
        return days.count
    }
}
