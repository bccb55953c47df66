#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The first working day after a closed day (a public holiday) is harder to forecast: callers catch up on what they
/// could not do (the bank data's Tuesday after Labor Day 2003 ran +30 %). This estimates, from the history itself,
/// how much extra day-level variance such days carry.
///
/// A *post-closure day* is a day with calls whose previous opening day (weekends skipped) is a closed special day, or
/// has no rows while the same weekday a week earlier or later has (an irregular closure, not a weekend). Each day's log total is compared
/// with the median of the same weekday one and two weeks before and after (regular days only); the estimate is the
/// mean squared deviation of post-closure days minus that of regular days.
///
/// *Edge Cases*: fewer than `minimumEvents` post-closure days gives `nil` (callers fall back to
/// `IntervalModel.defaultPostHolidayFactor`); a negative excess is 0.
enum PostHolidayShock {
    /// Fewest post-closure days to estimate from.
    static let minimumEvents = 2

    /// Whether history day `day` follows a closure (`SpecialDays.followsClosure`): the centre opens on a day with
    /// rows, or on a day after the history's first whose weekday had rows a week before or after; a day it opens on
    /// without rows, or a closed special day, is a closure. A Monday after a closed Friday follows it.
    static func followsClosure(_ day: Int, present: Set<Int>, first: Int, specialDays: SpecialDays) -> Bool {
        specialDays.followsClosure(
            day,
            opens: { p in present.contains(p) || (p > first && (present.contains(p - 7) || present.contains(p + 7))) },
            closed: { !present.contains($0) })
    }

    /// The excess variance of the relative daily total on post-closure days (squared CV), or `nil`.
    static func estimate(_ grid: DayGrid, specialDays: SpecialDays) -> Double? {
        let total = grid.dailyTotals()
        let present = Set(total.keys)
        guard let first = grid.days.first else { return nil }
        var events: [Double] = []
        var regular: [Double] = []
        for d in grid.days {
            guard let t = total[d], !specialDays.isSpecial(d) else { continue }
            let references = [-14, -7, 7, 14].compactMap { offset -> Double? in
                let r = d + offset
                guard let v = total[r], !specialDays.isSpecial(r),
                    !followsClosure(r, present: present, first: first, specialDays: specialDays)
                else { return nil }
                return log(v)
            }
            guard references.count >= 2 else { continue }
            let r = log(t) - Robust.median(references)
            if followsClosure(d, present: present, first: first, specialDays: specialDays) {
                events.append(r * r)
            } else {
                regular.append(r * r)
            }
        }
        guard events.count >= minimumEvents, !regular.isEmpty else { return nil }
        let excess = events.reduce(0, +) / Double(events.count) - regular.reduce(0, +) / Double(regular.count)
        return max(0, excess)
    }
}
