import CallData

/// One public holiday of a `PublicHolidayCalendar`: its label, when it falls, where it is observed when it falls on
/// a weekend, the years it exists, and whether closing on it is the norm (`core`) or only some employers' practice.
public struct PublicHoliday: Sendable, Equatable {
    /// Lower-case label, used as the closed special day's label (`labor-day`).
    public var label: String
    /// Whether businesses that keep the calendar's holidays close on it as a rule. Headcount assumes an unseen core
    /// holiday closed once the history follows the calendar; a non-core holiday (US Columbus Day) only when the history
    /// shows it closed.
    public var core: Bool
    /// First and last year it is kept (inclusive).
    public var years: ClosedRange<Int>
    package var rule: HolidayRule
    package var observance: HolidayObservance
    /// Years the date was moved by proclamation, to `month * 100 + day` (the UK's 2022 spring bank holiday: 602).
    package var movedTo: [Int: Int]

    package init(
        _ label: String, _ rule: HolidayRule, observance: HolidayObservance = .none, core: Bool = true,
        years: ClosedRange<Int> = 1900...9999, movedTo: [Int: Int] = [:]
    ) {
        self.movedTo = movedTo
        self.label = label
        self.rule = rule
        self.observance = observance
        self.core = core
        self.years = years
    }
}

extension PublicHoliday {
    /// The holiday's own date in `year` (a proclaimed move included).
    package func day(in year: Int) -> Int {
        if let md = movedTo[year] { return CivilCalendar.daysFromCivil(year: year, month: md / 100, day: md % 100) }
        return rule.day(in: year)
    }

    /// A holiday kept once, on `year`-`month`-`day` (a jubilee, a state funeral).
    package static func once(_ label: String, _ year: Int, _ month: Int, _ day: Int) -> PublicHoliday {
        PublicHoliday(label, .fixed(month: month, day: day), years: year...year)
    }
}
