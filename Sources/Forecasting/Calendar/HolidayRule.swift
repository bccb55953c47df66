import CallData

/// When a public holiday falls in a year: a fixed date, the n-th weekday of a month, the last given weekday before a
/// date, or a day counted from Easter Sunday.
package enum HolidayRule: Sendable, Equatable {
    /// The same month and day every year.
    case fixed(month: Int, day: Int)
    /// The `n`-th ISO `weekday` (1 = Monday … 7 = Sunday) of `month`; `n = -1` is the last.
    case nthWeekday(month: Int, weekday: Int, n: Int)
    /// The last ISO `weekday` strictly before `month`/`day` (Canada's Victoria Day: the Monday before 25 May).
    case weekdayBefore(month: Int, day: Int, weekday: Int)
    /// `month`/`day` when it is a Friday, else the first Monday of `month` (Ireland's St Brigid's Day since 2023).
    case fixedIfFridayElseFirstMonday(month: Int, day: Int)
    /// `offset` days after Easter Sunday (Gregorian; Good Friday −2, Easter Monday +1, Ascension +39, Whit Monday +50).
    case easter(offset: Int)

    /// The day number (days since 1970-01-01) of the rule's date in `year`.
    package func day(in year: Int) -> Int {
        switch self {
        case .fixed(let month, let day):
            return CivilCalendar.daysFromCivil(year: year, month: month, day: day)
        case .nthWeekday(let month, let weekday, let n):
            if n > 0 {
                let first = CivilCalendar.daysFromCivil(year: year, month: month, day: 1)
                let shift = (weekday - CivilCalendar.isoWeekday(days: first) + 7) % 7
                return first + shift + 7 * (n - 1)
            }
            let last = CivilCalendar.daysFromCivil(
                year: year, month: month, day: CivilCalendar.daysInMonth(year: year, month: month))
            let shift = (CivilCalendar.isoWeekday(days: last) - weekday + 7) % 7
            return last - shift - 7 * (-n - 1)
        case .weekdayBefore(let month, let day, let weekday):
            let limit = CivilCalendar.daysFromCivil(year: year, month: month, day: day) - 1
            return limit - (CivilCalendar.isoWeekday(days: limit) - weekday + 7) % 7
        case .fixedIfFridayElseFirstMonday(let month, let day):
            let fixed = CivilCalendar.daysFromCivil(year: year, month: month, day: day)
            return CivilCalendar.isoWeekday(days: fixed) == 5
                ? fixed : HolidayRule.nthWeekday(month: month, weekday: 1, n: 1).day(in: year)
        case .easter(let offset):
            return Self.easterSunday(year) + offset
        }
    }

    /// Easter Sunday of a Gregorian year: the anonymous Gregorian algorithm (Meeus/Jones/Butcher; J. Meeus,
    /// *Astronomical Algorithms*, 2nd ed., ch. 8), exact for every Gregorian year.
    package static func easterSunday(_ year: Int) -> Int {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilCalendar.daysFromCivil(year: year, month: month, day: day)
    }
}
