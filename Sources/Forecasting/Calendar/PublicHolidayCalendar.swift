import CallData

/// A country's public holidays, with the rules that place them in any year: the calendars Headcount can recognise in
/// a history's closures (`HolidayInference`) or be told to keep (`--holidays us`).
///
/// Dates follow the national rules (and, for the United Kingdom, the proclaimed moves and one-off bank holidays since
/// 1995); they are checked against the independent `holidays` Python package (`HolidayCalendarTests`, 2000–2030).
///
/// *Edge Cases*: regional holidays (a German state's Corpus Christi, a Canadian province's Family Day as core) are not
/// in the national calendars: list them in `--special-days`.
public struct PublicHolidayCalendar: Sendable, Equatable {
    /// Lower-case ISO 3166 code: `us`, `ca`, `gb`, `ie`, `de`, `fr`, `au`.
    public var code: String
    /// English name, e.g. `United States`.
    public var name: String
    /// The holidays.
    public var holidays: [PublicHoliday]

    package init(code: String, name: String, holidays: [PublicHoliday]) {
        self.code = code
        self.name = name
        self.holidays = holidays
    }

    /// One day a holiday is kept on: its own date, or the weekday it is observed on when that falls on a weekend.
    package struct Occurrence: Sendable, Equatable {
        /// Local day number.
        package var day: Int
        /// Index into `holidays`.
        package var holiday: Int
        /// Whether this is the observed (moved) day rather than the holiday's own date.
        package var observed: Bool
        /// The year of the holiday's own date (an observed New Year's Day may fall on 31 December before it).
        package var year: Int
    }

    /// Every occurrence (own dates and observed days) from `first` through `last` (local day numbers), in day order
    /// (ties in catalogue order).
    ///
    /// *Edge Cases*: an own date on a weekend is listed as well as its observed weekday; two holidays on one date
    /// (Ascension on 1 May) are two occurrences of the same day; `first > last` gives none.
    package func occurrences(from first: Int, through last: Int) -> [Occurrence] {
        guard first <= last else { return [] }
        let firstYear = CivilCalendar.civilFromDays(first).year
        let lastYear = CivilCalendar.civilFromDays(last).year
        var out: [Occurrence] = []
        for year in (firstYear - 1)...(lastYear + 1) {
            out += occurrences(in: year).filter { $0.day >= first && $0.day <= last }
        }
        return out.sorted { ($0.day, $0.holiday, $0.observed ? 1 : 0) < ($1.day, $1.holiday, $1.observed ? 1 : 0) }
    }

    /// The occurrences of the holidays of `year` (an observed day may fall in the year before or after).
    func occurrences(in year: Int) -> [Occurrence] {
        var own: [(day: Int, holiday: Int)] = []
        for (k, h) in holidays.enumerated() where h.years.contains(year) { own.append((h.day(in: year), k)) }
        own.sort { ($0.day, $0.holiday) < ($1.day, $1.holiday) }
        var out = own.map { Occurrence(day: $0.day, holiday: $0.holiday, observed: false, year: year) }
        // Core holidays are placed first: a non-core Boxing Day does not push Canada's Christmas to the Tuesday (a
        // Sunday Christmas is observed on Monday 26, as the nationwide reference has it; Ontario employers often give
        // Tuesday 27 with Boxing Day on the Monday — list it in --special-days there).
        var taken = Set(own.filter { holidays[$0.holiday].core && !Self.isWeekend($0.day) }.map(\.day))
        let weekend = own.filter { Self.isWeekend($0.day) }
        for (day, k) in weekend.filter({ holidays[$0.holiday].core }) + weekend.filter({ !holidays[$0.holiday].core }) {
            let weekday = CivilCalendar.isoWeekday(days: day)
            var moved: Int?
            switch holidays[k].observance {
            case .none:
                moved = nil
            case .nearestWeekday:
                moved = weekday == 6 ? day - 1 : day + 1
            case .sundayToMonday:
                moved = weekday == 7 ? day + 1 : nil
            case .substituteWeekday:
                var d = day + 1
                while Self.isWeekend(d) || taken.contains(d) { d += 1 }
                moved = d
            }
            if let moved {
                taken.insert(moved)
                out.append(Occurrence(day: moved, holiday: k, observed: true, year: year))
            }
        }
        return out.sorted { ($0.day, $0.holiday) < ($1.day, $1.holiday) }
    }

    static func isWeekend(_ day: Int) -> Bool { CivilCalendar.isoWeekday(days: day) >= 6 }

    /// The calendar with `code` (case-insensitive), or `nil`.
    public static func named(_ code: String) -> PublicHolidayCalendar? {
        all.first { $0.code == code.lowercased() }
    }

    /// Every calendar, in the order inference breaks ties.
    public static let all: [PublicHolidayCalendar] = [
        .unitedStates, .canada, .unitedKingdom, .ireland, .germany, .france, .australia,
    ]
}
