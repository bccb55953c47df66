/// Proleptic Gregorian calendar arithmetic on integers, with no Foundation calendar
/// in the hot path.
///
/// `daysFromCivil` and `civilFromDays` are Howard Hinnant's algorithms
/// ("chrono-Compatible Low-Level Date Algorithms"), exact for all years in `Int`.
public enum CivilCalendar {
    /// Days since 1970-01-01 for the given year, month (1–12), day (1–31).
    @inlinable
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The (year, month, day) of a day number counted from 1970-01-01.
    @inlinable
    public static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// Number of days in a month of a year (leap years by the Gregorian rule).
    @inlinable
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// ISO weekday of a day number: 1 = Monday … 7 = Sunday.
    @inlinable
    public static func isoWeekday(days: Int) -> Int {
        // 1970-01-01 was a Thursday (ISO 4).
        let w = (days + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    /// `floor(a / b)` for positive `b`.
    @inlinable
    public static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
