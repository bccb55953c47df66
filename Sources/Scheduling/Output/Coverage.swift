import CallData

/// Agents on the phones per interval (breaks count as absent) against the requirement.
public struct Coverage: Sendable {
    public struct Row: Equatable, Sendable {
        public var start: Int
        public var utcOffset: Int
        public var required: Int
        public var scheduled: Int
        /// The interval's real length in seconds.
        public var lengthSeconds: Int = 0
        /// `required − scheduled`: positive means short, negative a surplus.
        public var gap: Int { required - scheduled }
    }
    public var rows: [Row]
    /// The zone the times are written in (naive stays naive).
    public var timeZone: PlanningTimeZone = .utc

    /// Coverage of `requirements` by shift options worked `count` times each.
    public init(_ requirements: Requirements, worked: [(option: ShiftOption, count: Int)]) {
        var scheduled = requirements.days.map { [Int](repeating: 0, count: $0.intervals.count) }
        for (option, count) in worked {
            for i in option.covers { scheduled[option.dayIndex][i] += count }
        }
        let zone = requirements.timeZone
        let iv = requirements.intervalSeconds
        timeZone = zone
        rows = requirements.days.enumerated().flatMap { d, day in
            day.intervals.enumerated().map { i, t in
                Row(
                    start: t.start, utcOffset: t.utcOffset, required: t.required, scheduled: scheduled[d][i],
                    lengthSeconds: t.lengthSeconds ?? zone.realLength(utcStart: t.start, nominal: iv))
            }
        }
    }

    /// Intervals short and the largest shortfall.
    public var intervalsShort: Int { rows.filter { $0.gap > 0 }.count }
    public var maxShortfall: Int { rows.map(\.gap).max().map { max(0, $0) } ?? 0 }

    /// `interval_start, interval_minutes, queue, required, scheduled, gap` (the data contract).
    public func csv(queue: String = "all") -> CSVWriter {
        var w = CSVWriter(header: ["interval_start", "interval_minutes", "queue", "required", "scheduled", "gap"])
        for r in rows {
            w.writeRow([
                timeZone.text(wallSeconds: r.start + r.utcOffset, utcOffset: r.utcOffset),
                formatDecimal(Double(r.lengthSeconds) / 60), queue, String(r.required),
                String(r.scheduled), String(r.gap),
            ])
        }
        return w
    }
}

extension ShiftPlan {
    /// `date, shift, start, end, count, paid_hours, break_start, break_end` — `paid_hours` is the
    /// row's total (count × the shift's paid hours); several breaks are joined with `;`.
    public func csv(_ requirements: Requirements) -> CSVWriter {
        let zone = requirements.timeZone
        var w = CSVWriter(header: ["date", "shift", "start", "end", "count", "paid_hours", "break_start", "break_end"])
        for e in entries.sorted(by: {
            ($0.option.start, $0.option.end, $0.option.template, $0.option.breakStarts.first ?? 0) < (
                $1.option.start, $1.option.end, $1.option.template, $1.option.breakStarts.first ?? 0
            )
        }) {
            let o = e.option
            w.writeRow([
                formatISODate(days: requirements.days[o.dayIndex].day), o.template, zone.iso8601(utc: o.start),
                zone.iso8601(utc: o.end), String(e.count),
                formatDecimal(Double(e.count) * o.paidHours, places: 2),
                o.breakStarts.map { zone.iso8601(utc: $0) }.joined(separator: ";"),
                zip(o.breakStarts, o.breakLengths).map { zone.iso8601(utc: $0 + $1) }.joined(separator: ";"),
            ])
        }
        return w
    }

    /// Total paid hours.
    public var paidHours: Double { entries.reduce(0) { $0 + Double($1.count) * $1.option.paidHours } }
}
