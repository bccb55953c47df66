/// Where a holiday that falls on a weekend is observed.
package enum HolidayObservance: Sendable, Equatable {
    /// Not moved.
    case none
    /// Saturday → the Friday before, Sunday → the Monday after (US federal holidays, 5 U.S.C. 6103(b)).
    case nearestWeekday
    /// Sunday → the Monday after; Saturday stays (Canada Day).
    case sundayToMonday
    /// Saturday or Sunday → the next weekday that is not already a holiday (UK "substitute day", Canada:
    /// Christmas on Saturday → Monday 27, Boxing Day on Sunday → Tuesday 28).
    case substituteWeekday
}
