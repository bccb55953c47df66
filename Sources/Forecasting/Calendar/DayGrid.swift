import CallData

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One queue's interval history as a day × slot matrix on the local calendar: what the
/// models are fitted on.
///
/// Rows are the local days that have at least one row (closed days have none); columns
/// are the `86,400 / interval` wall-clock slots of a day. A slot with no row on a day that
/// has rows is 0 calls (closed or quiet). On a 25-hour fall-back day the repeated hour is
/// added into its wall-clock slots; on a 23-hour day the skipped slots stay 0.
public struct DayGrid: Sendable {
    /// Interval length in seconds.
    public let intervalSeconds: Int
    /// Slots per day.
    public let slotsPerDay: Int
    /// Local day numbers (days since 1970-01-01), ascending.
    public private(set) var days: [Int]
    /// `values[d][s]`: calls on `days[d]` in slot `s`.
    public private(set) var values: [[Double]]
    /// `present[d][s]`: whether the history had a row there (used to learn opening hours).
    public private(set) var present: [[Bool]]
    /// Per-slot AHT and its weight (answered calls, or calls) when the history has AHT.
    public private(set) var aht: [[Double]]?
    public private(set) var ahtWeight: [[Double]]?

    /// Builds the grid of one series.
    public init(series: IntervalSeries, intervalSeconds: Int) {
        self.intervalSeconds = intervalSeconds
        slotsPerDay = 86_400 / intervalSeconds
        days = []
        values = []
        present = []
        let hasAHT = series.records.contains { $0.ahtSeconds != nil }
        var ahtSum: [[Double]] = []
        var ahtW: [[Double]] = []
        var index: [Int: Int] = [:]
        for r in series.records {
            let day = r.localDay
            let slot = r.secondOfDay / intervalSeconds
            let d: Int
            if let existing = index[day] {
                d = existing
            } else {
                d = days.count
                index[day] = d
                days.append(day)
                values.append([Double](repeating: 0, count: slotsPerDay))
                present.append([Bool](repeating: false, count: slotsPerDay))
                if hasAHT {
                    ahtSum.append([Double](repeating: 0, count: slotsPerDay))
                    ahtW.append([Double](repeating: 0, count: slotsPerDay))
                }
            }
            values[d][slot] += r.calls
            present[d][slot] = true
            if hasAHT, let a = r.ahtSeconds {
                let w = r.answered ?? r.calls
                ahtSum[d][slot] += a * w
                ahtW[d][slot] += w
            }
        }
        // Records are in time order, so days are ascending except across odd DST edges: sort to be sure.
        let order = days.indices.sorted { days[$0] < days[$1] }
        days = order.map { days[$0] }
        values = order.map { values[$0] }
        present = order.map { present[$0] }
        if hasAHT {
            aht = order.map { d in (0..<slotsPerDay).map { s in ahtW[d][s] > 0 ? ahtSum[d][s] / ahtW[d][s] : 0 } }
            ahtWeight = order.map { ahtW[$0] }
        }
    }

    init(
        intervalSeconds: Int, days: [Int], values: [[Double]], present: [[Bool]], aht: [[Double]]?,
        ahtWeight: [[Double]]?
    ) {
        self.intervalSeconds = intervalSeconds
        slotsPerDay = 86_400 / intervalSeconds
        self.days = days
        self.values = values
        self.present = present
        self.aht = aht
        self.ahtWeight = ahtWeight
    }

    /// The grid restricted to days before `day` (a training set for a rolling origin).
    public func before(day: Int) -> DayGrid {
        let n = days.firstIndex { $0 >= day } ?? days.count
        return DayGrid(
            intervalSeconds: intervalSeconds, days: Array(days[..<n]), values: Array(values[..<n]),
            present: Array(present[..<n]), aht: aht.map { Array($0[..<n]) },
            ahtWeight: ahtWeight.map { Array($0[..<n]) })
    }

    /// Daily totals.
    public var totals: [Double] { values.map { $0.reduce(0, +) } }

    /// ISO weekday (1 = Monday … 7 = Sunday) of a local day number.
    @inlinable public static func weekday(_ day: Int) -> Int { CivilCalendar.isoWeekday(days: day) }

    /// Calls per local day, for the days whose calls add up to more than 0 (a day of zero rows counts as closed).
    func dailyTotals() -> [Int: Double] {
        var totals: [Int: Double] = [:]
        for (k, d) in days.enumerated() {
            let t = values[k].reduce(0, +)
            if t > 0 { totals[d] = t }
        }
        return totals
    }

    /// Days of history opening hours are learnt from (the last four weeks).
    public static let openHoursWindowDays = 28
    /// Half-life of an occurrence's vote on opening hours, in weeks. Two weeks is the shortest half-life for which a
    /// single quiet occurrence (a slot without a row last week) does not close a slot, and with it a change of opening
    /// hours is followed after two occurrences (the "within two weeks"; `ForecastingTests` plants a drift).
    public static let openHoursHalfLifeWeeks = 2.0

    /// Opening hours learnt from the recent weeks: for each weekday, the slots that had rows on at least half of that
    /// weekday's occurrences within the last four weeks, each occurrence weighted by recency (the weight halves every
    /// `openHoursHalfLifeWeeks`), so a moved opening or closing time is followed after two weeks. A weekday with no
    /// rows in the last four weeks is closed.
    public func openSlots() -> [Int: [Bool]] {
        guard let last = days.last else { return [:] }
        var out: [Int: [Bool]] = [:]
        for w in 1...7 {
            let recent = days.indices.filter {
                days[$0] > last - Self.openHoursWindowDays && Self.weekday(days[$0]) == w
            }
            guard let newest = recent.last else { continue }
            let weights = recent.map { pow(0.5, Double(days[newest] - days[$0]) / (7 * Self.openHoursHalfLifeWeeks)) }
            let total = weights.reduce(0, +)
            var mask = [Bool](repeating: false, count: slotsPerDay)
            for s in 0..<slotsPerDay {
                var seen = 0.0
                for (k, d) in recent.enumerated() where present[d][s] { seen += weights[k] }
                mask[s] = 2 * seen >= total * (1 - 1e-12)
            }
            out[w] = mask
        }
        return out
    }
}
