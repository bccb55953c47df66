import CallData

/// Weekly totals of a fitted forecast with prediction intervals aggregated consistently from the interval model.
///
/// **Week**: the ISO week, Monday 00:00 to the next Monday 00:00 in local (wall-clock) time of the planning zone
/// (ISO 8601 §3.2.2; a DST week is 167 or 169 hours long). A week's total is the sum of the forecast over the open
/// slots of its days that are not closed special days; its variance is `IntervalModel.variance(_ parts:)` — count
/// noise and slot dispersion add up, the day shocks add with the fitted within-forecast `dayCorrelation` — so the
/// bounds of a week are the bounds of the sum, never a sum of daily or slot bounds.
///
/// A week is **partial** when some day of it on which the centre opens (a weekday with open slots that is not a
/// closed special day) lies outside the forecast days: the first week of a horizon that starts mid-week, or the last
/// one of a horizon that ends mid-week. A partial week's total covers only its forecast days; its row starts at the
/// first forecast day's midnight and lasts to the end of its last forecast day, so `interval_minutes` states what it
/// covers, and callers say it (`forecast` prints a note on stderr).
///
/// *Edge Cases*: a week without open forecast days has no row; empty forecasts give no rows.
/// *Postconditions*: rows in time order, `0 ≤ lower ≤ calls ≤ upper`; `Σ calls` over the weeks equals the sum of the
/// slot forecasts of the open days.
public struct WeeklyTotals: Sendable {
    /// One week's total.
    public struct Week: Sendable, Equatable {
        /// Local day number of the week's Monday.
        public var monday: Int
        /// First and last forecast day inside the week (local day numbers, inclusive).
        public var firstDay: Int
        public var lastDay: Int
        /// Forecast calls and their prediction interval.
        public var calls: Double
        public var lower: Double
        public var upper: Double
        /// Calls-weighted mean AHT over the week's open slots, when the history has AHT.
        public var ahtSeconds: Double?
        /// Whether a day the centre opens in this week lies outside the forecast (see the type's documentation).
        public var partial: Bool
    }

    /// The weeks, in time order.
    public var weeks: [Week]

    /// Seconds in a week: the `--interval` value (`1w`, `7d`) that asks for weekly totals.
    public static let weekSeconds = 7 * 86_400

    /// The Monday (local day number) of the ISO week containing `day`.
    public static func monday(of day: Int) -> Int { day - (DayGrid.weekday(day) - 1) }

    /// Aggregates a fitted queue's forecast days to ISO weeks (its closed special days are skipped).
    public init(_ fitted: FittedQueue) {
        let specialDays = fitted.specialDays
        let grid = fitted.grid
        struct Acc {
            var first = Int.max
            var last = Int.min
            var parts: [IntervalModel.DayPart] = []
            var ahtSum = 0.0
        }
        var byWeek: [Int: Acc] = [:]
        let forecastDays = Set(fitted.targetDays.prefix(fitted.points.count))
        for (t, day) in fitted.targetDays.enumerated() where t < fitted.points.count {
            guard specialDays.byDay[day]?.kind != .closed, let mask = fitted.openSlots[DayGrid.weekday(day)],
                mask.contains(true)
            else { continue }
            var part = IntervalModel.DayPart(
                horizonDay: t, total: 0, sumOfSquares: 0,
                afterClosedDay: fitted.followsClosedDay(day))
            var acc = byWeek[Self.monday(of: day)] ?? Acc()
            for s in 0..<grid.slotsPerDay where mask[s] {
                let f = fitted.points[t][s]
                part.total += f
                part.sumOfSquares += f * f
                if let aht = fitted.aht { acc.ahtSum += f * aht.aht(weekday: DayGrid.weekday(day), slot: s) }
            }
            acc.first = min(acc.first, day)
            acc.last = max(acc.last, day)
            acc.parts.append(part)
            byWeek[Self.monday(of: day)] = acc
        }
        weeks = byWeek.sorted { $0.key < $1.key }.map { monday, acc in
            let calls = acc.parts.reduce(0) { $0 + $1.total }
            let (lower, upper) = fitted.intervals.bounds(mean: calls, variance: fitted.intervals.variance(acc.parts))
            let partial = (monday..<(monday + 7)).contains { day in
                !forecastDays.contains(day) && specialDays.byDay[day]?.kind != .closed
                    && (fitted.openSlots[DayGrid.weekday(day)]?.contains(true) ?? false)
            }
            return Week(
                monday: monday, firstDay: partial ? acc.first : monday, lastDay: partial ? acc.last : monday + 6,
                calls: calls, lower: lower, upper: upper,
                ahtSeconds: fitted.aht != nil && calls > 0 ? acc.ahtSum / calls : nil, partial: partial)
        }
    }

    /// The weeks as forecast rows in `timeZone`: each starts at its first day's local midnight and lasts to the
    /// midnight after its last day (the real length across a DST change).
    public func rows(timeZone: PlanningTimeZone) -> [ForecastRow] {
        weeks.map { w in
            let start = Self.utcOfMidnight(w.firstDay, timeZone)
            let end = Self.utcOfMidnight(w.lastDay + 1, timeZone)
            return ForecastRow(
                start: start, utcOffset: timeZone.offset(atUTC: start), calls: w.calls, lower: w.lower,
                upper: w.upper, ahtSeconds: w.ahtSeconds, lengthSeconds: end - start)
        }
    }

    /// The UTC instant of local midnight starting `day`; where midnight falls in a DST gap (the wall clock jumps over
    /// it), midnight read with the offset in force before the gap, an instant just after the jump.
    static func utcOfMidnight(_ day: Int, _ timeZone: PlanningTimeZone) -> Int {
        let wall = day * 86_400
        if let utc = timeZone.utcCandidates(forWall: wall).first { return utc }
        return wall - timeZone.offset(atUTC: wall - 86_400)
    }
}
