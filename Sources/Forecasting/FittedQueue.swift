/// What `Forecaster.fit` learnt for one queue: the chosen model and its point forecast for the requested days, the
/// prediction-interval model, the intraday-profile settings, the opening hours and the AHT profile. `Forecaster`
/// turns it into rows; the backtests score it; nothing in it is fitted again.
public struct FittedQueue: Sendable {
    /// The queue (`nil` when the history had no queue column).
    public var queue: String?
    /// The history the model was fitted on.
    public var grid: DayGrid
    /// The model used (for `auto`, the one it chose).
    public var model: any ForecastModel
    /// Local day numbers forecast, and the point forecast per day and slot (`points[t][s]`).
    public var targetDays: [Int]
    public var points: [[Double]]
    /// The prediction-interval model, estimated from the model's out-of-sample backtest errors.
    public var intervals: IntervalModel
    /// Opening hours per ISO weekday (learnt from the recent weeks).
    public var openSlots: [Int: [Bool]]
    /// Forecast AHT, when the history has AHT.
    public var aht: AHTProfile?
    /// What was chosen and why, for `--report`.
    public var summary: FitSummary
    /// The length in seconds of partial slots (a closing slot open 5 of its 30 minutes), keyed by
    /// `isoWeekday * 100_000 + slot`, from the most recent history row of that weekday and slot.
    public var slotLengths: [Int: Int] = [:]
    /// The special days the forecast kept: the request's, plus the public holidays its `HolidayPolicy` implies for
    /// this history (`HolidayInference`).
    public var specialDays: SpecialDays = .none

    /// Whether target day `day` is the first working day after a closed special day: the closest earlier day on a
    /// weekday the centre opens (at most a week back) is a closed special day (a Monday after a Friday holiday counts).
    public func followsClosedDay(_ day: Int) -> Bool {
        specialDays.followsClosure(day) { openSlots[DayGrid.weekday($0)]?.contains(true) ?? false }
    }
}
