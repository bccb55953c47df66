/// An instant together with the UTC offset of the planning zone there: the one local-time type
/// every module uses for local days, seconds of the day, weekdays and ISO weeks.
///
/// Day numbers count local calendar days from 1970-01-01 (proleptic Gregorian, Hinnant's
/// algorithms in `CivilCalendar`); ISO weeks start on Monday and are named by the day number of
/// their Monday, so they compare and subtract like days.
///
/// *Edge Cases*: a 23- or 25-hour DST day is one local day; an instant in the repeated hour of a
/// fall-back day has the offset that was in force then, so its wall clock repeats but its `utc`
/// does not. *Postconditions*: `0 ≤ secondOfDay < 86_400`, `1 ≤ isoWeekday ≤ 7`,
/// `isoWeekStart ≤ day < isoWeekStart + 7`.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The instant, seconds since 1970-01-01T00:00Z.
    public var utc: Int
    /// The zone's offset from UTC at `utc`, in seconds.
    public var utcOffset: Int

    /// The local time of `utc` with the given offset.
    @inlinable
    public init(utc: Int, utcOffset: Int) {
        self.utc = utc
        self.utcOffset = utcOffset
    }

    /// The local time of `utc` in `zone`.
    @inlinable
    public init(utc: Int, in zone: PlanningTimeZone) {
        self.init(utc: utc, utcOffset: zone.offset(atUTC: utc))
    }

    /// Wall-clock seconds since 1970-01-01T00:00 on the local calendar.
    @inlinable public var wallSeconds: Int { utc + utcOffset }
    /// The local day number (days since 1970-01-01 on the local calendar).
    @inlinable public var day: Int { CivilCalendar.floorDivide(wallSeconds, 86_400) }
    /// Seconds since local midnight.
    @inlinable public var secondOfDay: Int { wallSeconds - day * 86_400 }
    /// ISO weekday of the local day: 1 = Monday … 7 = Sunday.
    @inlinable public var isoWeekday: Int { CivilCalendar.isoWeekday(days: day) }
    /// The day number of the Monday that starts this local day's ISO week.
    @inlinable public var isoWeekStart: Int { Self.isoWeekStart(ofDay: day) }

    /// The day number of the Monday starting the ISO week of local day `day`.
    @inlinable
    public static func isoWeekStart(ofDay day: Int) -> Int { day - (CivilCalendar.isoWeekday(days: day) - 1) }

    /// The local date, `YYYY-MM-DD`.
    public var dateText: String { formatISODate(days: day) }
    /// ISO 8601 with the offset, e.g. `2025-02-12T08:30:00+01:00`.
    public var description: String { formatISO8601(wallSeconds: wallSeconds, utcOffset: utcOffset) }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.utc < rhs.utc }
}
