import CallData

/// A public-holiday calendar recognised in a history's closures (or, for a centre open on holidays, in its dips), and
/// what it implies for the days after the history: closed, or open with the learnt public-holiday effect.
///
/// Planners forget to list holidays; a forecast that opens a centre on Labor Day misses the day itself and the catch-up
/// after it (the bank data's Tuesday after Labor Day 2003 ran +25 % above its forecast). When a centre's irregular
/// closures fall on a country's public holidays, the coming holidays of that calendar are forecast closed — and so the
/// working days after them get the post-closure effect the models learnt (`PostClosureDays`).
///
/// **Recognising a calendar.** Each calendar's *core* holidays (`PublicHoliday.core`) that fall inside the history on a
/// weekday the centre opens (it had rows on that weekday a week before or after) are counted closed (no calls that day)
/// or open, each holiday of each year once. A calendar is followed when the closed ones make at least
/// `minimumClosedHolidays` separate closures (`closureGapDays`) and are at least `minimumClosedShare` of those seen;
/// among several, the highest share, then the most closures, then the order of `PublicHolidayCalendar.all` wins.
///
/// **Open on holidays: dips.** When no calendar is recognised in closures, one is recognised in dips: core holidays on
/// days the centre stayed open whose calls were at most `maximumDipRatio` of the same weekday around them, at least
/// `minimumClosedHolidays` separate dips and at least `minimumDipShare` of the core holidays seen open. The history's
/// dipped holidays and the coming ones that dipped when seen are labelled `holidayLabel` (kind `holiday`): the models
/// leave them out of their level, weekday and profile estimates, and `LevelProfile` and `RegressionProfile` learn one
/// pooled effect from them and apply it. A named calendar on a history that stayed open on more of its core holidays
/// than it closed is kept the same way.
///
/// **Which coming days close.** A holiday the history has seen (on its own date or its observed day, whichever was last
/// on a weekday the centre opens) keeps what it did the last time (a US bank open on Columbus Day stays open); one it
/// has not seen closes when it is core. Days already in the special days keep their own entry. The caller says so on
/// stderr (`FitSummary.holidayWarning`): it is a guess that changes the forecast.
///
/// *Edge Cases*: a history with fewer than two core holidays on open weekdays recognises nothing; a centre open on
/// holidays without fewer calls on them recognises nothing; only holidays that dipped are labelled, so the pooled
/// effect is that of the holidays that matter (a holiday seen at 90 % of normal stays an ordinary day); closures on
/// other days (a data gap, a local holiday) neither count for nor against a calendar.
///
/// *Postconditions*: `assumedClosed` are days after the history's last day, in day order, kind `closed`, labelled with
/// the holiday's label.
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
    /// Whether the calendar was recognised in volume dips on days the centre stayed open (a 24/7 centre), not in
    /// closures: its holidays are then forecast open with their learnt effect.
    public var dipped = false
    /// Core holidays (each holiday of each year once) on days the history was open and can compare with the same
    /// weekday around them: with calls `maximumDipRatio` or less of normal, and the others.
    public var coreDipped = 0
    public var coreUndipped = 0
    /// Separate dips (`closureGapDays`) among them.
    public var coreDips = 0
    /// With `dipped`: the history's and the coming days labelled `holidayLabel` (kind `holiday`), in day order — the
    /// holidays that dipped when seen (and, for a named calendar, the core ones not seen yet).
    public var holidayDays: [SpecialDay] = []
    /// The holiday's own label (`christmas-day`) of each day in `holidayDays`, for messages and reports.
    public var holidayNames: [Int: String] = [:]

    /// The label of the holidays of a calendar recognised in dips: one label, so that `LevelProfile` and
    /// `RegressionProfile` learn one pooled public-holiday effect from the history's holidays and apply it to the
    /// coming ones.
    public static let holidayLabel = "public-holiday"
    /// A holiday dipped when its calls were at most this share of the same weekday's around it (median of the
    /// ordinary days one and two weeks before and after). Unit: ratio. 0.85: a 15 % drop is 2.5 standard deviations
    /// of the day-level shock of ordinary days (CV 0.064 on the bank data, 0.063 on c247; BENCHMARKS.md, issue 11),
    /// so an ordinary day dips by chance about once in a hundred (the reference median's own noise, 2–3 %, included).
    public static let maximumDipRatio = 0.85
    /// Least share of the core holidays seen open that must dip for a calendar to be recognised in dips. Three in
    /// five: open centres feel the big holidays (Christmas, Easter) more than the small ones, and a holiday that did
    /// not dip when seen stays an ordinary day; a chance dip on ordinary days is rare (`maximumDipRatio`), so even
    /// three in five of a calendar's holidays dipping is no coincidence.
    public static let minimumDipShare = 0.6

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
        if case .calendar = policy, let calendar = candidates.first {
            // Named: closures, unless the history stayed open on more of its core holidays than it closed.
            var named = history.inference(calendar, through: last)
            named.recognised = false
            if named.coreOpen > named.coreClosed { named.useDips(labelUnseen: true) }
            return named
        }
        let found = candidates.map { history.inference($0, through: last) }
        // Closures first: a calendar the centre closes on.
        if let closed = best(
            found, count: \.coreClosed, other: \.coreOpen, runs: \.coreClosures, share: minimumClosedShare)
        {
            return closed
        }
        // Else dips: a centre open on holidays whose calls fall on them.
        guard
            var open = best(found, count: \.coreDipped, other: \.coreUndipped, runs: \.coreDips, share: minimumDipShare)
        else { return nil }
        open.useDips(labelUnseen: false)
        return open
    }

    /// The candidate with at least `minimumClosedHolidays` separate events (`runs`) that are at least `share` of
    /// those seen (`count` of `count + other`), with the highest share, then the most events, then the first.
    static func best(
        _ found: [HolidayInference], count: KeyPath<HolidayInference, Int>, other: KeyPath<HolidayInference, Int>,
        runs: KeyPath<HolidayInference, Int>, share: Double
    ) -> HolidayInference? {
        var chosen: HolidayInference?
        for f in found {
            let seen = f[keyPath: count] + f[keyPath: other]
            guard f[keyPath: runs] >= minimumClosedHolidays, Double(f[keyPath: count]) >= share * Double(seen) else {
                continue
            }
            if let b = chosen {
                let s = Double(f[keyPath: count]) / Double(seen)
                let bs = Double(b[keyPath: count]) / Double(b[keyPath: count] + b[keyPath: other])
                guard s > bs || (s == bs && f[keyPath: count] > b[keyPath: count]) else { continue }
            }
            chosen = f
        }
        return chosen
    }

    /// Coming core holidays the history has not seen, and coming holidays it saw closed (`inference`).
    var unseenCoreDays: [SpecialDay] = []
    var knownClosed: [SpecialDay] = []

    /// Switches to dips: only the holidays the history saw closed stay closed; the coming holidays that dipped when
    /// seen carry `holidayLabel`, and with `labelUnseen` (a named calendar) the core ones not seen yet too — a calendar
    /// recognised in dips alone labels only what it has seen dip, since calendars share their big holidays (Christmas,
    /// Easter Monday) and a wrong neighbour's own holidays must not be forecast low.
    mutating func useDips(labelUnseen: Bool) {
        dipped = true
        assumedClosed = knownClosed
        if labelUnseen { holidayDays = (holidayDays + unseenCoreDays).sorted { $0.day < $1.day } }
    }

    /// `specialDays` with the assumed closures added (days already listed keep their entry); the policy is resolved
    /// (`.none`), so the result is not inferred again.
    package func applied(to specialDays: SpecialDays) -> SpecialDays {
        var out = specialDays
        for d in assumedClosed where out.byDay[d.day] == nil { out.byDay[d.day] = d }
        if dipped { for d in holidayDays where out.byDay[d.day] == nil { out.byDay[d.day] = d } }
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
        /// Calls per day with calls.
        var totals: [Int: Double]
        var openWeekdays: Set<Int>

        init?(_ grid: DayGrid) {
            let totals = grid.dailyTotals()
            let present = Set(totals.keys)
            guard let first = present.min(), let last = present.max() else { return nil }
            self.first = first
            self.last = last
            lastRow = max(last, grid.days.last ?? last)
            self.present = present
            self.totals = totals
            openWeekdays = Set(present.filter { $0 > last - DayGrid.openHoursWindowDays }.map { DayGrid.weekday($0) })
        }

        /// Whether history day `d` falls on a weekday the centre opened (rows on that weekday a week before or after).
        func opensOn(_ d: Int) -> Bool { present.contains(d - 7) || present.contains(d + 7) }

        /// Memory key of an occurrence: the holiday, and whether it is the observed day (a centre open at weekends may
        /// close on 25 December and open on the observed 24th).
        static func key(_ label: String, _ observed: Bool) -> String { label + (observed ? "/observed" : "") }

        /// Separate events among `days`: days more than `closureGapDays` apart.
        static func runs(_ days: [Int]) -> Int {
            var count = 0
            var previous = Int.min
            for d in days.sorted() {
                if previous == Int.min || d - previous > HolidayInference.closureGapDays { count += 1 }
                previous = d
            }
            return count
        }

        /// Whether open day `d` dipped: its calls at most `maximumDipRatio` of the median of the same weekday one and
        /// two weeks around it (days with calls that are not holidays of the calendar); `nil` with fewer than two.
        func dipped(_ d: Int, holidays: Set<Int>) -> Bool? {
            guard let t = totals[d] else { return nil }
            let references = [-14, -7, 7, 14].compactMap { o -> Double? in
                holidays.contains(d + o) ? nil : totals[d + o]
            }
            guard references.count >= 2 else { return nil }
            return t <= HolidayInference.maximumDipRatio * Robust.median(references)
        }

        func inference(_ calendar: PublicHolidayCalendar, through end: Int) -> HolidayInference {
            let seen = calendar.occurrences(from: first, through: last).filter { opensOn($0.day) }
            let holidayDays = Set(seen.map(\.day))
            // Each core holiday of each year once: closed if the centre closed on any of its days it opens on, dipped
            // if it dipped on any of its open days.
            var closedYears: [Int: Bool] = [:]  // holiday index * 10_000 + year → closed
            var dippedYears: [Int: Bool] = [:]
            var closedCoreDays: [Int] = []
            var dippedCoreDays: [Int] = []
            var closedSeen: [SpecialDay] = []
            var dippedSeen: [SpecialDay] = []
            var closedMemory: [String: Bool] = [:]
            var dipMemory: [String: Bool] = [:]
            var names: [Int: String] = [:]
            for o in seen {
                let holiday = calendar.holidays[o.holiday]
                let k = o.holiday * 10_000 + o.year
                let isClosed = !present.contains(o.day)
                closedMemory[Self.key(holiday.label, o.observed)] = isClosed
                closedMemory[holiday.label] = isClosed
                if holiday.core {
                    closedYears[k] = (closedYears[k] ?? false) || isClosed
                    if isClosed { closedCoreDays.append(o.day) }
                }
                if isClosed, !closedSeen.contains(where: { $0.day == o.day }) {
                    closedSeen.append(SpecialDay(day: o.day, label: holiday.label, kind: .closed))
                }
                guard let dip = dipped(o.day, holidays: holidayDays) else { continue }
                dipMemory[Self.key(holiday.label, o.observed)] = dip
                dipMemory[holiday.label] = dip
                if holiday.core {
                    dippedYears[k] = (dippedYears[k] ?? false) || dip
                    if dip { dippedCoreDays.append(o.day) }
                }
                if dip, !dippedSeen.contains(where: { $0.day == o.day }) {
                    dippedSeen.append(SpecialDay(day: o.day, label: HolidayInference.holidayLabel, kind: .holiday))
                    names[o.day] = holiday.label
                }
            }
            var assumed: [SpecialDay] = []
            var knownClosed: [SpecialDay] = []
            var labelled = dippedSeen
            var unseenCore: [SpecialDay] = []
            for o in calendar.occurrences(from: lastRow + 1, through: end)
            where openWeekdays.contains(DayGrid.weekday(o.day)) {
                let holiday = calendar.holidays[o.holiday]
                let closedBefore = closedMemory[Self.key(holiday.label, o.observed)] ?? closedMemory[holiday.label]
                let closed = SpecialDay(day: o.day, label: holiday.label, kind: .closed)
                if closedBefore ?? holiday.core, !assumed.contains(where: { $0.day == o.day }) {
                    assumed.append(closed)
                }
                if closedBefore == true, !knownClosed.contains(where: { $0.day == o.day }) {
                    knownClosed.append(closed)
                }
                let dippedBefore = dipMemory[Self.key(holiday.label, o.observed)] ?? dipMemory[holiday.label]
                let day = SpecialDay(day: o.day, label: HolidayInference.holidayLabel, kind: .holiday)
                if closedBefore != true, dippedBefore == true, !labelled.contains(where: { $0.day == o.day }) {
                    labelled.append(day)
                    names[o.day] = holiday.label
                } else if closedBefore == nil, dippedBefore == nil, holiday.core,
                    !unseenCore.contains(where: { $0.day == o.day })
                {
                    unseenCore.append(day)
                    names[o.day] = names[o.day] ?? holiday.label
                }
            }
            let closedCount = closedYears.values.filter { $0 }.count
            let dippedCount = dippedYears.values.filter { $0 }.count
            var found = HolidayInference(
                calendar: calendar, recognised: true, coreClosed: closedCount,
                coreOpen: closedYears.count - closedCount,
                coreClosures: Self.runs(closedCoreDays), closedSeen: closedSeen, assumedClosed: assumed)
            found.coreDipped = dippedCount
            found.coreUndipped = dippedYears.count - dippedCount
            found.coreDips = Self.runs(dippedCoreDays)
            found.holidayDays = labelled
            found.unseenCoreDays = unseenCore
            found.knownClosed = knownClosed
            found.holidayNames = names
            return found
        }
    }
}
