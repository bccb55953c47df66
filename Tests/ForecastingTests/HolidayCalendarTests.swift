import CallData
import Testing

@testable import Forecasting

/// Public-holiday calendars against the independent `holidays` package, and recognising a calendar in a history's
/// closures (`HolidayInference`).
@Suite struct HolidayCalendarTests {
    static func day(_ text: String) -> Int {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return CivilCalendar.daysFromCivil(year: parts[0], month: parts[1], day: parts[2])
    }

    @Test(arguments: PublicHolidayCalendar.all.map(\.code))
    func datesMatchTheIndependentReferenceFrom2000To2030(code: String) throws {
        let calendar = try #require(PublicHolidayCalendar.named(code))
        let published = Set(try #require(PublicHolidayReference.dates[code]).map(Self.day))
        let first = Self.day("2000-01-01")
        let last = Self.day("2030-12-31")
        // Canada: the reference lists the nationwide holidays, which are Headcount's core ones.
        let ours = Set(
            calendar.occurrences(from: first, through: last).filter {
                code != "ca" || calendar.holidays[$0.holiday].core
            }
            .map(\.day))
        // Two known disagreements, where the reference departs from the law: Canada Day on a Sunday is kept on the
        // Monday (Holidays Act, R.S.C. 1985, c. H-5, s. 2(2)), which the reference omits; Ireland's National Day of
        // Mourning was Friday 14 September 2001, which the reference puts in 2011.
        var reference = published
        if code == "ca" {
            for y in 2000...2030 where CivilCalendar.isoWeekday(days: Self.day("\(y)-07-01")) == 7 {
                reference.insert(Self.day("\(y)-07-02"))
            }
        }
        if code == "ie" {
            reference.remove(Self.day("2011-09-14"))
            reference.insert(Self.day("2001-09-14"))
        }
        let missing = reference.subtracting(ours).sorted().map(formatISODate(days:))
        let extra = ours.subtracting(reference).sorted().map(formatISODate(days:))
        #expect(missing.isEmpty && extra.isEmpty, "\(code): missing \(missing), extra \(extra)")
    }

    @Test func easterSundayMatchesPublishedDates() {
        // Published Gregorian Easter dates (including the extremes 22 March and 25 April).
        for text in ["1818-03-22", "1943-04-25", "2003-04-20", "2024-03-31", "2025-04-20", "2038-04-25", "2285-03-22"] {
            let d = Self.day(text)
            #expect(HolidayRule.easterSunday(CivilCalendar.civilFromDays(d).year) == d, "\(text)")
        }
    }

    /// Mon–Fri from `first` through `last`, closed on `closed`, +30 % on the working day after a closure.
    static func centre(from first: String, through last: String, closed: Set<Int>) -> IntervalHistory {
        let start = day(first)
        var h = Synthetic.history(firstDay: start, days: day(last) - start + 1) { d in
            let w = CivilCalendar.isoWeekday(days: d)
            let base = 1000 * ([1: 1.2, 2: 1.0, 3: 1.0, 4: 1.0, 5: 0.9][w] ?? 0)
            let previous = w == 1 ? d - 3 : d - 1
            return closed.contains(previous) ? base * 1.3 : base
        }
        h.series[0].records.removeAll { closed.contains(CivilCalendar.floorDivide($0.start, 86_400)) }
        return h
    }

    static func grid(_ h: IntervalHistory) -> DayGrid {
        DayGrid(series: h.series[0], intervalSeconds: h.intervalSeconds)
    }

    @Test func aCentreClosedOnEnglishBankHolidaysIsRecognisedAndChristmasForecastClosedWithItsCatchUp() throws {
        let bankHolidays = [
            "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28",
        ]
        let h = Self.centre(from: "2023-01-02", through: "2023-12-20", closed: Set(bankHolidays.map(Self.day)))
        var special = SpecialDays.none
        special.holidays = .infer
        let found = try #require(HolidayInference.infer(.infer, grid: Self.grid(h), through: Self.day("2024-01-10")))
        #expect(found.calendar.code == "gb" && found.recognised)
        #expect(found.coreClosed == 6 && found.coreOpen == 0)  // 2 January is New Year's substitute day (core)
        #expect(found.assumedClosed.map(\.label) == ["christmas-day", "boxing-day", "new-years-day"])
        // Germany shares Easter and Whit Monday: 4 of its 6 core holidays on open weekdays were closed — not enough.
        let german = try #require(
            HolidayInference.infer(.calendar(.germany), grid: Self.grid(h), through: Self.day("2023-12-31")))
        #expect(german.coreClosed == 4 && german.coreOpen == 2 && !german.recognised)
        #expect(Double(german.coreClosed) / 6 < HolidayInference.minimumClosedShare)

        let fitted = try Forecaster.fit(
            h, ForecastRequest(horizonDays: 14, modelName: "level-profile", specialDays: special))[0]
        let rows = Forecaster.forecast([fitted], timeZone: .utc, ForecastRequest(horizonDays: 14, specialDays: special))
        let forecastDays = Set(rows[0].rows.map { CivilCalendar.floorDivide($0.start, 86_400) })
        #expect(!forecastDays.contains(Self.day("2023-12-25")) && !forecastDays.contains(Self.day("2023-12-26")))
        #expect(forecastDays.contains(Self.day("2023-12-27")))
        let summary = try #require(fitted.summary.holidays)
        #expect(summary.calendar.code == "gb")
        #expect(fitted.summary.holidaysInHorizon.map(\.label) == ["christmas-day", "boxing-day", "new-years-day"])
        #expect(fitted.summary.holidayWarning?.contains("2023-12-25 christmas-day") == true)
        // The Wednesday after Boxing Day carries the learnt catch-up; the Thursday after it does not.
        func total(_ text: String) -> Double {
            guard let t = fitted.targetDays.firstIndex(of: Self.day(text)) else { return 0 }
            return fitted.points[t].reduce(0, +)
        }
        #expect(total("2023-12-27") / 1000 > 1.2)
        #expect(abs(total("2023-12-28") / 1000 - 1) < 0.05)
        #expect(fitted.followsClosedDay(Self.day("2023-12-27")))

        // --holidays none: Christmas forecast open, no catch-up.
        let plain = try Forecaster.fit(h, ForecastRequest(horizonDays: 14, modelName: "level-profile"))[0]
        #expect(plain.summary.holidays == nil && plain.targetDays.contains(Self.day("2023-12-25")))
        let t = try #require(plain.targetDays.firstIndex(of: Self.day("2023-12-27")))
        #expect(abs(plain.points[t].reduce(0, +) / 1000 - 1) < 0.05)
    }

    @Test func aHolidayListedAsOpenInTheSpecialDaysIsNeitherClosedNorReported() throws {
        let bankHolidays = [
            "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28",
        ]
        let h = Self.centre(from: "2023-01-02", through: "2023-12-20", closed: Set(bankHolidays.map(Self.day)))
        var special = SpecialDays([SpecialDay(day: Self.day("2023-12-26"), label: "boxing-sale", kind: .event)])
        special.holidays = .infer
        let fitted = try Forecaster.fit(
            h, ForecastRequest(horizonDays: 14, modelName: "level-profile", specialDays: special))[0]
        #expect(fitted.summary.holidaysInHorizon.map(\.label) == ["christmas-day", "new-years-day"])
        #expect(fitted.specialDays.byDay[Self.day("2023-12-26")]?.label == "boxing-sale")
        #expect(fitted.targetDays.contains(Self.day("2023-12-26")))
    }

    @Test func oneClosureOnTwoHolidaysIsOneClosure() {
        // Christmas and Boxing Day closed (and nothing else): two core holidays, one closure — not a calendar.
        let h = Self.centre(
            from: "2023-01-02", through: "2024-01-19", closed: Set(["2023-12-25", "2023-12-26"].map(Self.day)))
        #expect(HolidayInference.infer(.infer, grid: Self.grid(h), through: Self.day("2024-02-01")) == nil)
        let named = HolidayInference.infer(
            .calendar(.unitedKingdom), grid: Self.grid(h), through: Self.day("2024-02-01"))
        #expect(named?.coreClosed == 2 && named?.coreClosures == 1)
    }

    @Test func aTwentyFourSevenCentreWhoseCallsFallOnGermanHolidaysGetsTheirEffect() throws {
        // Open every day; the German national holidays of 2024 and 2025 run at 55 % of normal.
        let e24 = HolidayRule.easterSunday(2024)
        let e25 = HolidayRule.easterSunday(2025)
        var holidays = Set<Int>()
        for (y, e) in [(2024, e24), (2025, e25)] {
            for md in [(1, 1), (5, 1), (10, 3), (12, 25), (12, 26)] {
                holidays.insert(CivilCalendar.daysFromCivil(year: y, month: md.0, day: md.1))
            }
            for offset in [-2, 1, 39, 50] { holidays.insert(e + offset) }
        }
        let start = Self.day("2024-01-01")
        let h = Synthetic.history(
            firstDay: start, days: Self.day("2025-05-23") - start + 1,
            weekdayFactor: [1: 1.1, 2: 1.0, 3: 1.0, 4: 1.0, 5: 0.95, 6: 0.6, 7: 0.5]
        ) { d in
            let base =
                1000
                * ([1: 1.1, 2: 1.0, 3: 1.0, 4: 1.0, 5: 0.95, 6: 0.6, 7: 0.5][CivilCalendar.isoWeekday(days: d)] ?? 0)
            return holidays.contains(d) ? 0.55 * base : base
        }
        let found = try #require(HolidayInference.infer(.infer, grid: Self.grid(h), through: Self.day("2025-06-20")))
        #expect(found.calendar.code == "de" && found.dipped && found.assumedClosed.isEmpty)
        #expect(found.coreDipped >= 12 && found.coreUndipped == 0 && found.coreClosed == 0)
        var special = SpecialDays.none
        special.holidays = .infer
        let fitted = try Forecaster.fit(
            h, ForecastRequest(horizonDays: 21, modelName: "level-profile", specialDays: special))[0]
        // Ascension (29 May, a Thursday) and Whit Monday (9 June) are forecast open, near 55 % of their weekday.
        #expect(fitted.summary.holidaysInHorizon.map(\.day) == [Self.day("2025-05-29"), Self.day("2025-06-09")])
        #expect(fitted.summary.holidayWarning?.contains("2025-05-29 ascension-day, 2025-06-09 whit-monday") == true)
        for (text, base) in [("2025-05-29", 1000.0), ("2025-06-09", 1100)] {
            let t = try #require(fitted.targetDays.firstIndex(of: Self.day(text)))
            let ratio = fitted.points[t].reduce(0, +) / base
            #expect(abs(ratio - 0.55) < 0.05, "\(text): \(ratio)")
        }
        // The days around them are ordinary.
        let t = try #require(fitted.targetDays.firstIndex(of: Self.day("2025-05-28")))
        #expect(abs(fitted.points[t].reduce(0, +) / 1000 - 1) < 0.03)
        // Closed on Christmas 2024 (no rows that day) and dipping on the rest: Christmas 2025 stays closed, the other
        // holidays keep their effect; auto labels only holidays it has seen dip.
        var closedChristmas = h
        closedChristmas.series[0].records.removeAll {
            CivilCalendar.floorDivide($0.start, 86_400) == Self.day("2024-12-25")
        }
        let mixed = try #require(
            HolidayInference.infer(.infer, grid: Self.grid(closedChristmas), through: Self.day("2025-12-31")))
        #expect(mixed.dipped && mixed.assumedClosed.map(\.day) == [Self.day("2025-12-25")])
        #expect(!mixed.holidayDays.contains { $0.day == Self.day("2025-12-25") })
        #expect(mixed.holidayDays.contains { $0.day == Self.day("2025-12-26") })
        // A named calendar on this history is kept as dips too (the centre stayed open on its holidays).
        let named = try #require(
            HolidayInference.infer(.calendar(.germany), grid: Self.grid(h), through: Self.day("2025-06-20")))
        #expect(named.dipped && !named.recognised && named.assumedClosed.isEmpty && named.holidayDays.count > 10)
    }

    @Test func aCentreOpenOnHolidaysOrWithOneClosureRecognisesNothing() {
        let open = Self.centre(from: "2023-01-02", through: "2023-12-20", closed: [])
        #expect(HolidayInference.infer(.infer, grid: Self.grid(open), through: Self.day("2024-01-10")) == nil)
        let once = Self.centre(from: "2023-01-02", through: "2023-12-20", closed: [Self.day("2023-05-29")])
        #expect(HolidayInference.infer(.infer, grid: Self.grid(once), through: Self.day("2024-01-10")) == nil)
        // Closures on days that are nobody's holiday count for no calendar.
        let random = Set(["2023-02-15", "2023-03-22", "2023-06-14", "2023-09-13"].map(Self.day))
        let gaps = Self.centre(from: "2023-01-02", through: "2023-12-20", closed: random)
        #expect(HolidayInference.infer(.infer, grid: Self.grid(gaps), through: Self.day("2024-01-10")) == nil)
    }

    @Test func aHolidayKeepsWhatTheHistorySawLastYear() throws {
        // A US centre closed on its core holidays but open on Thanksgiving 2023 (core) and closed on Veterans Day
        // 2023 (non-core, observed Friday 10 November); open on the other non-core holidays.
        let closed = [
            "2023-01-02", "2023-05-29", "2023-07-04", "2023-09-04", "2023-11-10", "2023-12-25", "2024-01-01",
            "2024-05-27", "2024-07-04", "2024-09-02",
        ]
        let h = Self.centre(from: "2023-01-02", through: "2024-09-27", closed: Set(closed.map(Self.day)))
        let found = try #require(HolidayInference.infer(.infer, grid: Self.grid(h), through: Self.day("2024-12-31")))
        #expect(found.calendar.code == "us")
        // 2 January 2023 opens the history, so its closure cannot be told from the start of the data.
        #expect(found.coreClosed == 8 && found.coreOpen == 1)  // Thanksgiving 2023 open
        let labels = found.assumedClosed.map { "\(formatISODate(days: $0.day)) \($0.label)" }
        // Columbus Day (seen open) stays open, Veterans Day (seen closed) closes, Thanksgiving (seen open) stays open,
        // Christmas (core, seen closed) closes.
        #expect(labels == ["2024-11-11 veterans-day", "2024-12-25 christmas-day"])
    }

    @Test func aNamedCalendarIsKeptWithoutTheTest() throws {
        let h = Self.centre(from: "2023-01-02", through: "2023-12-20", closed: [])
        let found = try #require(
            HolidayInference.infer(.calendar(.unitedKingdom), grid: Self.grid(h), through: Self.day("2024-01-10")))
        #expect(!found.recognised && found.coreClosed == 0 && found.coreOpen == 7)
        // Kept without the test; the centre stayed open on every holiday it covered (with ordinary calls), so the
        // calendar is kept as open holidays: none closes, the ones not seen yet are labelled for their effect.
        #expect(found.dipped && found.assumedClosed.isEmpty)
        #expect(found.holidayDays.compactMap { found.holidayNames[$0.day] } == ["christmas-day", "boxing-day"])
        // A centre that closed on them keeps them closed (see the English test above); one seen open on a holiday
        // keeps that holiday open: 2 January 2023, New Year's substitute day, is not labelled.
        let closedCentre = Self.centre(
            from: "2023-01-02", through: "2023-12-20",
            closed: Set(["2023-04-07", "2023-04-10", "2023-05-01", "2023-05-29", "2023-08-28"].map(Self.day)))
        let kept = try #require(
            HolidayInference.infer(
                .calendar(.unitedKingdom), grid: Self.grid(closedCentre), through: Self.day("2024-01-10")))
        #expect(!kept.dipped && kept.assumedClosed.map(\.label) == ["christmas-day", "boxing-day"])
        let later = try #require(
            HolidayInference.infer(.calendar(.unitedKingdom), grid: Self.grid(h), through: Self.day("2024-04-30")))
        #expect(!later.assumedClosed.contains { $0.label == "good-friday" || $0.label == "easter-monday" })
    }

    @Test func theFirstWorkingDayAfterAFridayClosureIsTheMonday() {
        let friday = Self.day("2024-07-05")
        let special = SpecialDays([SpecialDay(day: friday, label: "x", kind: .closed)])
        let weekdays: (Int) -> Bool = { CivilCalendar.isoWeekday(days: $0) <= 5 }
        #expect(special.followsClosure(friday + 3, opens: weekdays))
        #expect(!special.followsClosure(friday + 4, opens: weekdays))
        #expect(!special.followsClosure(friday, opens: weekdays))
        #expect(special.followsClosure(friday + 1, opens: { _ in true }))
        // A closed Saturday of a Mon–Fri centre is no closure: the Monday after it is an ordinary day.
        let saturday = SpecialDays([SpecialDay(day: friday + 1, label: "x", kind: .closed)])
        #expect(!saturday.followsClosure(friday + 3, opens: weekdays))
        // In a history, a weekday without rows is a closure.
        #expect(SpecialDays.none.followsClosure(friday + 3, opens: weekdays, closed: { $0 == friday }))
    }

    @Test func policiesParseFromText() {
        #expect(HolidayPolicy(text: "auto") == .infer)
        #expect(HolidayPolicy(text: "NONE") == HolidayPolicy.none)
        #expect(HolidayPolicy(text: "Us") == .calendar(.unitedStates))
        #expect(HolidayPolicy(text: "xx") == nil)
    }
}
