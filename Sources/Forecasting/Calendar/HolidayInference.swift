import CallData

/// A public-holiday calendar recognised in a history's closures, and the days after the history it implies are
/// closed.
///
/// Planners forget to list holidays; a forecast that opens a centre on Labor Day misses the day itself and the
/// catch-up after it (the bank data's Tuesday after Labor Day 2003 ran +25 % above its forecast). When a centre's
/// irregular closures fall on a country's public holidays, the coming holidays of that calendar are forecast closed —
/// and so the working days after them get the post-closure effect the models learnt (`PostClosureDays`).
///
/// **Recognising a calendar.** Each calendar's *core* holidays (`PublicHoliday.core`) that fall inside the history on
/// a weekday the centre opens (it had rows on that weekday a week before or after) are counted closed (no calls that
/// day) or open, each holiday of each year once. A calendar is followed when the closed ones make at least
/// `minimumClosedHolidays` separate closures (`closureGapDays`) and are at least `minimumClosedShare` of those seen; among several, the highest share, then the most closures, then the order of
/// `PublicHolidayCalendar.all` wins.
///
/// **Which coming days close.** A holiday the history has seen (on its own date or its observed day, whichever
/// was last on a weekday the centre opens) keeps what it did the last time (a US bank open on
/// Columbus Day stays open); one it has not seen closes when it is core. Days already in the special days keep their
/// own entry. The caller says so on stderr (`FitSummary.holidayWarning`): it is a guess that changes the forecast.
///
/// *Edge Cases*: a history with fewer than two core holidays on open weekdays recognises nothing; 24/7 centres that
/// stay open on holidays recognise nothing (the holidays are open); closures on other days (a data gap, a local
/// holiday) neither count for nor against a calendar.
///
/// *Postconditions*: `assumedClosed` are days after the history's last day, in day order, kind `closed`, labelled
/// with the holiday's label.
public struct HolidayInference: Sendable, Equatable {
    /// The calendar kept.
    public var calendar: PublicHolidayCalendar
    /// Whether it was recognised (`true`) or named by the caller.
    public var recognised: Bool
    /// Core holidays on open weekdays in the history, each holiday of each year once (closed when the centre was
    /// closed on its own date or its observed day): closed, and open.
    public var coreClosed: Int
    public var coreOpen: Int
    /// Separate closures among the closed core holidays: days more than `closureGapDays` apart (Christmas and Boxing
    /// Day, or Good Friday to Easter Monday, are one closure).
    public var coreClosures: Int
    /// The history's closed holidays (day and label), in day order.
    public var closedSeen: [SpecialDay]
    /// Days after the history assumed closed, in day order.
    public var assumedClosed: [SpecialDay]

    /// Fewest separate closures on core holidays (`coreClosures`) that make a calendar recognised. Two: one closure
    /// on a holiday is a coincidence as often as not (a data gap, a local event), two on the same country's holidays
    /// rarely are.
    public static let minimumClosedHolidays = 2
    /// Closed holiday days at most this far apart are one closure. Unit: days. Four: Good Friday to Easter Monday,
    /// the longest run of consecutive holidays in these calendars (Christmas, Boxing Day and a substitute day span
    /// three).
    public static let closureGapDays = 4
    /// Least share of the core holidays seen that must be closed. Four in five: core holidays are the ones nearly
    /// every business keeping the calendar closes on, so a centre that follows it closes on almost all of them (one
    /// staffed holiday in five allowed). Lower shares let neighbouring calendars in: a centre closed on the English
    /// bank holidays of 2023 also closed on 4 of the 6 German core holidays it covered (`HolidayCalendarTests`); and
    /// forecasting a day closed that opens costs the whole day.
    public static let minimumClosedShare = 0.8

    /// The calendar `policy` asks for, given `grid`'s history, and the days after it through `last` it closes; `nil`
    /// for `.none`, or `.infer` when no calendar is followed.
    package static func infer(_ policy: HolidayPolicy, grid: DayGrid, through last: Int) -> HolidayInference? {
        let candidates: [PublicHolidayCalendar]
        switch policy {
        case .none: return nil
        case .infer: candidates = PublicHolidayCalendar.all
        case .calendar(let c): candidates = [c]
        }
        guard let history = History(grid) else { return nil }
        var best: HolidayInference?
        for calendar in candidates {
            let found = history.inference(calendar, through: last)
            if case .calendar = policy {
                var named = found
                named.recognised = false
                return named
            }
            let seen = found.coreClosed + found.coreOpen
            guard found.coreClosures >= minimumClosedHolidays,
                Double(found.coreClosed) >= minimumClosedShare * Double(seen)
            else { continue }
            if let b = best {
                let share = Double(found.coreClosed) / Double(seen)
                let bestShare = Double(b.coreClosed) / Double(b.coreClosed + b.coreOpen)
                guard share > bestShare || (share == bestShare && found.coreClosed > b.coreClosed) else { continue }
            }
            best = found
        }
        return best
    }

    /// `specialDays` with the assumed closures added (days already listed keep their entry); the policy is resolved
    /// (`.none`), so the result is not inferred again.
    package func applied(to specialDays: SpecialDays) -> SpecialDays {
        var out = specialDays
        for d in assumedClosed where out.byDay[d.day] == nil { out.byDay[d.day] = d }
        out.holidays = .none
        return out
    }

    /// `specialDays` with the closures its holiday policy implies for `grid` through `last` (see `infer`), and the
    /// inference; the policy of the result is `.none`.
    package static func resolve(_ specialDays: SpecialDays, grid: DayGrid, through last: Int) -> (
        SpecialDays, HolidayInference?
    ) {
        guard let found = infer(specialDays.holidays, grid: grid, through: last) else {
            var out = specialDays
            out.holidays = .none
            return (out, nil)
        }
        return (found.applied(to: specialDays), found)
    }

    /// The history's days with calls and its open weekdays.
    struct History {
        var first: Int
        var last: Int
        /// The history's last day, with calls or not: assumed closures start after it.
        var lastRow: Int
        var present: Set<Int>
        var openWeekdays: Set<Int>

        init?(_ grid: DayGrid) {
            var present = Set<Int>()
            for (k, d) in grid.days.enumerated() where grid.values[k].contains(where: { $0 > 0 }) { present.insert(d) }
            guard let first = present.min(), let last = present.max() else { return nil }
            self.first = first
            self.last = last
            lastRow = max(last, grid.days.last ?? last)
            self.present = present
            openWeekdays = Set(present.filter { $0 > last - DayGrid.openHoursWindowDays }.map { DayGrid.weekday($0) })
        }

        /// Whether history day `d` falls on a weekday the centre opened (rows on that weekday a week before or after).
        func opensOn(_ d: Int) -> Bool { present.contains(d - 7) || present.contains(d + 7) }

        /// Memory key of an occurrence: the holiday, and whether it is the observed day (a centre open at weekends may
        /// close on 25 December and open on the observed 24th).
        static func key(_ label: String, _ observed: Bool) -> String { label + (observed ? "/observed" : "") }

        func inference(_ calendar: PublicHolidayCalendar, through end: Int) -> HolidayInference {
            // Each core holiday of each year once: closed if the centre closed on any of its days it opens on.
            var coreYears: [Int: Bool] = [:]  // holiday index * 10_000 + year → closed
            var closedCoreDays: [Int] = []
            var closedSeen: [SpecialDay] = []
            var memory: [String: Bool] = [:]
            for o in calendar.occurrences(from: first, through: last) where opensOn(o.day) {
                let holiday = calendar.holidays[o.holiday]
                let isClosed = !present.contains(o.day)
                memory[Self.key(holiday.label, o.observed)] = isClosed
                memory[holiday.label] = isClosed
                if holiday.core {
                    let k = o.holiday * 10_000 + o.year
                    coreYears[k] = (coreYears[k] ?? false) || isClosed
                    if isClosed { closedCoreDays.append(o.day) }
                }
                if isClosed, !closedSeen.contains(where: { $0.day == o.day }) {
                    closedSeen.append(SpecialDay(day: o.day, label: holiday.label, kind: .closed))
                }
            }
            var closures = 0
            var previous = Int.min
            for d in closedCoreDays.sorted() {
                if previous == Int.min || d - previous > HolidayInference.closureGapDays { closures += 1 }
                previous = d
            }
            var assumed: [SpecialDay] = []
            for o in calendar.occurrences(from: lastRow + 1, through: end)
            where openWeekdays.contains(DayGrid.weekday(o.day)) {
                let holiday = calendar.holidays[o.holiday]
                let closes = memory[Self.key(holiday.label, o.observed)] ?? memory[holiday.label] ?? holiday.core
                if closes, !assumed.contains(where: { $0.day == o.day }) {
                    assumed.append(SpecialDay(day: o.day, label: holiday.label, kind: .closed))
                }
            }
            let closedCount = coreYears.values.filter { $0 }.count
            return HolidayInference(
                calendar: calendar, recognised: true, coreClosed: closedCount, coreOpen: coreYears.count - closedCount,
                coreClosures: closures, closedSeen: closedSeen, assumedClosed: assumed)
        }
    }
}
