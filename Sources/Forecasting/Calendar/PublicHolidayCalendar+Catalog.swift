/// The national calendars. Sources: United States, 5 U.S.C. 6103 (federal holidays; the "core" six are the holidays
/// nearly all US private employers close on — New Year, Memorial Day, Independence Day, Labor Day, Thanksgiving,
/// Christmas — the others, which many banks and call centres keep open, are closed only when the history shows it);
/// Canada, the holidays observed nationwide (the others are provincial or federally regulated only, so not core);
/// United Kingdom, England and Wales bank holidays (Banking and Financial Dealings Act 1971 and proclamations);
/// Ireland, Organisation of Working Time Act 1997 Sch. 2; Germany and France, national public holidays; Australia,
/// the national public holidays (Labour Day and the King's Birthday vary by state and are left out).
extension PublicHolidayCalendar {
    /// United States federal holidays (5 U.S.C. 6103).
    public static let unitedStates = PublicHolidayCalendar(
        code: "us", name: "United States",
        holidays: [
            PublicHoliday("new-years-day", .fixed(month: 1, day: 1), observance: .nearestWeekday),
            PublicHoliday(
                "martin-luther-king-day", .nthWeekday(month: 1, weekday: 1, n: 3), core: false, years: 1986...9999),
            PublicHoliday("presidents-day", .nthWeekday(month: 2, weekday: 1, n: 3), core: false, years: 1971...9999),
            PublicHoliday("memorial-day", .nthWeekday(month: 5, weekday: 1, n: -1), years: 1971...9999),
            PublicHoliday(
                "juneteenth", .fixed(month: 6, day: 19), observance: .nearestWeekday, core: false, years: 2021...9999),
            PublicHoliday("independence-day", .fixed(month: 7, day: 4), observance: .nearestWeekday),
            PublicHoliday("labor-day", .nthWeekday(month: 9, weekday: 1, n: 1)),
            PublicHoliday("columbus-day", .nthWeekday(month: 10, weekday: 1, n: 2), core: false, years: 1971...9999),
            PublicHoliday(
                "veterans-day", .fixed(month: 11, day: 11), observance: .nearestWeekday, core: false,
                years: 1978...9999),
            PublicHoliday("thanksgiving", .nthWeekday(month: 11, weekday: 4, n: 4), years: 1942...9999),
            PublicHoliday("christmas-day", .fixed(month: 12, day: 25), observance: .nearestWeekday),
        ])

    /// Canada: the nationwide holidays as core; Victoria Day, Thanksgiving, Remembrance Day, Boxing Day, the National
    /// Day for Truth and Reconciliation and the provinces' Family Day and Civic Holiday as non-core.
    public static let canada = PublicHolidayCalendar(
        code: "ca", name: "Canada",
        holidays: [
            PublicHoliday("new-years-day", .fixed(month: 1, day: 1), observance: .substituteWeekday),
            PublicHoliday("family-day", .nthWeekday(month: 2, weekday: 1, n: 3), core: false, years: 2008...9999),
            PublicHoliday("good-friday", .easter(offset: -2)),
            PublicHoliday("victoria-day", .weekdayBefore(month: 5, day: 25, weekday: 1), core: false),
            PublicHoliday("canada-day", .fixed(month: 7, day: 1), observance: .sundayToMonday),
            PublicHoliday("civic-holiday", .nthWeekday(month: 8, weekday: 1, n: 1), core: false),
            PublicHoliday("labour-day", .nthWeekday(month: 9, weekday: 1, n: 1)),
            PublicHoliday(
                "truth-and-reconciliation-day", .fixed(month: 9, day: 30), core: false, years: 2021...9999),
            PublicHoliday("thanksgiving", .nthWeekday(month: 10, weekday: 1, n: 2), core: false),
            PublicHoliday("remembrance-day", .fixed(month: 11, day: 11), core: false),
            PublicHoliday("christmas-day", .fixed(month: 12, day: 25), observance: .substituteWeekday),
            PublicHoliday("boxing-day", .fixed(month: 12, day: 26), observance: .substituteWeekday, core: false),
        ])

    /// United Kingdom: the bank holidays of England and Wales, proclaimed moves and one-off holidays included.
    public static let unitedKingdom = PublicHolidayCalendar(
        code: "gb", name: "United Kingdom (England and Wales)",
        holidays: [
            PublicHoliday(
                "new-years-day", .fixed(month: 1, day: 1), observance: .substituteWeekday, years: 1974...9999),
            PublicHoliday("good-friday", .easter(offset: -2)),
            PublicHoliday("easter-monday", .easter(offset: 1)),
            PublicHoliday(
                "early-may-bank-holiday", .nthWeekday(month: 5, weekday: 1, n: 1), years: 1978...9999,
                movedTo: [1995: 508, 2020: 508]),
            PublicHoliday(
                "spring-bank-holiday", .nthWeekday(month: 5, weekday: 1, n: -1), years: 1971...9999,
                movedTo: [2002: 604, 2012: 604, 2022: 602]),
            PublicHoliday("summer-bank-holiday", .nthWeekday(month: 8, weekday: 1, n: -1), years: 1971...9999),
            PublicHoliday("christmas-day", .fixed(month: 12, day: 25), observance: .substituteWeekday),
            PublicHoliday("boxing-day", .fixed(month: 12, day: 26), observance: .substituteWeekday),
            .once("millennium-holiday", 1999, 12, 31),
            .once("golden-jubilee", 2002, 6, 3),
            .once("royal-wedding", 2011, 4, 29),
            .once("diamond-jubilee", 2012, 6, 5),
            .once("platinum-jubilee", 2022, 6, 3),
            .once("state-funeral", 2022, 9, 19),
            .once("coronation", 2023, 5, 8),
        ])

    /// Ireland: the public holidays of the Organisation of Working Time Act 1997.
    public static let ireland = PublicHolidayCalendar(
        code: "ie", name: "Ireland",
        holidays: [
            PublicHoliday("new-years-day", .fixed(month: 1, day: 1)),
            PublicHoliday("st-brigids-day", .fixedIfFridayElseFirstMonday(month: 2, day: 1), years: 2023...9999),
            PublicHoliday("st-patricks-day", .fixed(month: 3, day: 17)),
            .once("national-day-of-mourning", 2001, 9, 14),
            .once("day-of-remembrance-and-recognition", 2022, 3, 18),
            PublicHoliday("easter-monday", .easter(offset: 1)),
            PublicHoliday("may-bank-holiday", .nthWeekday(month: 5, weekday: 1, n: 1), years: 1994...9999),
            PublicHoliday("june-bank-holiday", .nthWeekday(month: 6, weekday: 1, n: 1)),
            PublicHoliday("august-bank-holiday", .nthWeekday(month: 8, weekday: 1, n: 1)),
            PublicHoliday("october-bank-holiday", .nthWeekday(month: 10, weekday: 1, n: -1), years: 1977...9999),
            PublicHoliday("christmas-day", .fixed(month: 12, day: 25)),
            PublicHoliday("st-stephens-day", .fixed(month: 12, day: 26)),
        ])

    /// Germany: the national public holidays (the states add their own).
    public static let germany = PublicHolidayCalendar(
        code: "de", name: "Germany",
        holidays: [
            PublicHoliday("new-years-day", .fixed(month: 1, day: 1)),
            PublicHoliday("good-friday", .easter(offset: -2)),
            PublicHoliday("easter-monday", .easter(offset: 1)),
            PublicHoliday("labour-day", .fixed(month: 5, day: 1)),
            PublicHoliday("ascension-day", .easter(offset: 39)),
            PublicHoliday("whit-monday", .easter(offset: 50)),
            PublicHoliday("german-unity-day", .fixed(month: 10, day: 3), years: 1990...9999),
            .once("reformation-day", 2017, 10, 31),
            PublicHoliday("christmas-day", .fixed(month: 12, day: 25)),
            PublicHoliday("st-stephens-day", .fixed(month: 12, day: 26)),
        ])

    /// France: the national public holidays (jours fériés).
    public static let france = PublicHolidayCalendar(
        code: "fr", name: "France",
        holidays: [
            PublicHoliday("new-years-day", .fixed(month: 1, day: 1)),
            PublicHoliday("easter-monday", .easter(offset: 1)),
            PublicHoliday("labour-day", .fixed(month: 5, day: 1)),
            PublicHoliday("victory-day", .fixed(month: 5, day: 8)),
            PublicHoliday("ascension-day", .easter(offset: 39)),
            // Whit Monday was a working "solidarity day" in 2005–2007.
            PublicHoliday("whit-monday", .easter(offset: 50), years: 1900...2004),
            PublicHoliday("whit-monday", .easter(offset: 50), years: 2008...9999),
            PublicHoliday("bastille-day", .fixed(month: 7, day: 14)),
            PublicHoliday("assumption-day", .fixed(month: 8, day: 15)),
            PublicHoliday("all-saints-day", .fixed(month: 11, day: 1)),
            PublicHoliday("armistice-day", .fixed(month: 11, day: 11)),
            PublicHoliday("christmas-day", .fixed(month: 12, day: 25)),
        ])

    /// Australia: the national public holidays (state substitute days and state holidays are left out).
    public static let australia = PublicHolidayCalendar(
        code: "au", name: "Australia",
        holidays: [
            PublicHoliday("new-years-day", .fixed(month: 1, day: 1)),
            PublicHoliday("australia-day", .fixed(month: 1, day: 26)),
            PublicHoliday("good-friday", .easter(offset: -2)),
            PublicHoliday("easter-monday", .easter(offset: 1)),
            PublicHoliday("anzac-day", .fixed(month: 4, day: 25)),
            .once("national-day-of-mourning", 2022, 9, 22),
            PublicHoliday("christmas-day", .fixed(month: 12, day: 25)),
            PublicHoliday("boxing-day", .fixed(month: 12, day: 26)),
        ])
}
