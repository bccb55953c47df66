/// Marks the first working days after a closure as special days of their own, so that their catch-up neither drags
/// the models' level and weekday effects nor goes unforecast when the closure is known in advance.
///
/// Callers who could not call on a closed weekday call the next working days instead (the bank data's Tuesday after
/// Labor Day 2003 ran +35 % and the Wednesday +10 %; the day after the 14 October 2003 gap +15 %). Left in the
/// history as ordinary days, such a day lifts the robust level for weeks (the bank's two folds after Labor Day were
/// forecast 3–6 % high). Marked as `event` days with the labels `postClosureLabels`, every model leaves them out of
/// its regular estimates and `LevelProfile`/`RegressionProfile` learn each label's own effect, which is forecast when
/// a closed special day is known ahead (`--special-days`).
///
/// A closure is a closed special day, or a day without rows inside the history whose weekday had rows a week
/// before or after (`PostHolidayShock.followsClosure`: an irregular closure, not a weekend).
///
/// *Edge Cases*: days the caller already marked keep their own label; a closure at the very start of the history
/// is not recognised (nothing before it); consecutive closures (a long weekend) count from the last closed day; the
/// centre's weekend in between is skipped (`SpecialDays.followsClosure`: the Monday after a closed Friday is the first
/// working day after it); the public holidays of `specialDays.holidays` are resolved for `grid` first
/// (`HolidayInference`).
///
/// *Postconditions*: only days that are not special in `specialDays` are added, with kind `event`.
enum PostClosureDays {
    /// Labels of the first, second, … working day after a closure. Two days: the bank data's catch-up lasts two
    /// working days (+35 % then +10 % after Labor Day, +15 % then +7 % after the 14 October gap; the third day is
    /// within the ordinary ±4 %). Source: BENCHMARKS.md, "Accuracy" under issue 11.
    static let postClosureLabels = ["after-closure-1", "after-closure-2"]

    /// `specialDays` plus the public holidays its policy implies for `grid` (`HolidayInference.resolve`), plus the
    /// post-closure days of `grid`'s history and of the `futureDays` after it.
    static func marked(_ given: SpecialDays, grid: DayGrid, futureDays: Int) -> SpecialDays {
        guard let first = grid.days.first, let last = grid.days.last else { return given }
        let specialDays = HolidayInference.resolve(given, grid: grid, through: last + max(0, futureDays)).0
        var present = Set<Int>()
        for (k, d) in grid.days.enumerated() where grid.values[k].contains(where: { $0 > 0 }) { present.insert(d) }
        var out = specialDays.byDay
        // Working days in order: history days with calls, then every future day that is not a closed special day.
        var working = grid.days.filter { present.contains($0) }
        // Future days of a weekday with calls in the last four weeks (`DayGrid.openHoursWindowDays`).
        let openWeekdays = Set(working.filter { $0 > last - DayGrid.openHoursWindowDays }.map { DayGrid.weekday($0) })
        if futureDays > 0 {
            for d in (last + 1)...(last + futureDays)
            where specialDays.byDay[d]?.kind != .closed && openWeekdays.contains(DayGrid.weekday(d)) {
                working.append(d)
            }
        }
        var sinceClosure = Int.max
        for d in working {
            let afterGap: Bool
            if d > last {
                afterGap = specialDays.followsClosure(d) { openWeekdays.contains(DayGrid.weekday($0)) }
            } else {
                afterGap = PostHolidayShock.followsClosure(d, present: present, first: first, specialDays: specialDays)
            }
            if afterGap {
                sinceClosure = 0
            } else if sinceClosure < Int.max {
                sinceClosure += 1
            }
            if sinceClosure < Self.postClosureLabels.count, out[d] == nil {
                out[d] = SpecialDay(day: d, label: Self.postClosureLabels[sinceClosure], kind: .event)
            }
        }
        return SpecialDays(byDay: out)
    }
}
