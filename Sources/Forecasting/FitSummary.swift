import CallData

/// What `fit` chose for one queue, in words and numbers: the model (for `auto`, the members of the combination and
/// their weights), the backtest WAPE it was chosen on, every candidate's WAPE, the prediction-interval parameters and
/// the intraday-profile settings. Printed one line per queue on stderr by `forecast`, and as JSON by `--report`.
public struct FitSummary: Sendable {
    /// The queue (`nil` when the history had no queue column).
    public var queue: String?
    /// The model asked for (`auto` or a name) and the one used.
    public var requestedModel: String
    public var modelName: String
    /// Members of the forecast and their weights (one member with weight 1 for a single model).
    public var members: [(name: String, weight: Double)]
    /// The used model's rolling-origin backtest WAPE inside the history (nan when too short to backtest).
    public var backtestWAPE: Double
    /// Weekly origins of that backtest.
    public var backtestFolds: Int
    /// Every candidate's backtest WAPE (for `auto`).
    public var candidates: [(name: String, wape: Double)]
    /// The prediction-interval model.
    public var intervals: IntervalModel
    /// The intraday-profile settings (estimated half-life and shrinkage).
    public var profile: IntradayProfile
    /// Days of history fitted on.
    public var historyDays: Int
    /// The whole horizon's forecast calls and bounds at the level: the interval model aggregated over every open
    /// slot of every forecast day, day shocks correlated (bounds of the sum, not sums of bounds).
    public var horizonTotal: (calls: Double, lower: Double, upper: Double)?
    /// The public-holiday calendar kept (recognised in the history's closures, or named), if any.
    public var holidays: HolidayInference?
    /// Its holidays between the history's last day and the last forecast day: forecast closed (kind `closed`; skipped
    /// when they open the horizon), or, for a calendar recognised in dips, forecast with the learnt public-holiday
    /// effect (kind `holiday`).
    public var holidaysInHorizon: [SpecialDay] = []

    /// A warning for stderr when a recognised calendar changes forecast days (a guess that changes the forecast), else
    /// `nil`.
    public var holidayWarning: String? {
        guard let h = holidays, h.recognised, !holidaysInHorizon.isEmpty else { return nil }
        func list(_ days: [SpecialDay], label: (SpecialDay) -> String) -> String {
            days.map { "\(formatISODate(days: $0.day)) \(label($0))" }.joined(separator: ", ")
        }
        let one = holidaysInHorizon.count == 1
        if h.dipped {
            return
                "warning: \(queue ?? "all"): calls fell by \(formatDecimal((1 - HolidayInference.maximumDipRatio) * 100, places: 0)) % or more "
                + "on \(h.coreDipped) of \(h.coreDipped + h.coreUndipped) \(h.calendar.name) core public holidays the history covers; "
                + "forecasting \(list(holidaysInHorizon) { h.holidayNames[$0.day] ?? $0.label }) with the public-holiday effect learnt from them "
                + "(--holidays none to forecast \(one ? "it" : "them") as ordinary days, or list \(one ? "it" : "them") in --special-days)"
        }
        let seen = list(Array(h.closedSeen.suffix(3))) { $0.label }
        return
            "warning: \(queue ?? "all"): the history closed on \(h.coreClosed) of \(h.coreClosed + h.coreOpen) \(h.calendar.name) "
            + "core public holidays it covers (\(seen)); forecasting \(list(holidaysInHorizon) { $0.label }) closed and the "
            + "working day\(one ? "" : "s") after as catch-up (--holidays none to forecast \(one ? "it" : "them") open, or list "
            + "\(one ? "it" : "them") in --special-days)"
    }

    /// One line for stderr.
    public var line: String {
        let weights = members.map { "\($0.name) \(formatDecimal($0.weight, places: 2))" }.joined(separator: " + ")
        let i = intervals
        return
            "forecast \(queue ?? "all"): \(requestedModel) -> \(weights); backtest WAPE \(formatDecimal(backtestWAPE, places: 4))"
            + " (\(backtestFolds) folds); intervals day-shock CV \(formatDecimal(i.dayShock.squareRoot(), places: 3))"
            + " +\(formatDecimal(i.dayShockPerHorizonDay, places: 5))/day, slot dispersion \(formatDecimal(i.slotDispersion, places: 4)),"
            + " day correlation \(formatDecimal(i.dayCorrelation, places: 2)); profile half-life"
            + " \(formatDecimal(profile.halfLifeWeeks, places: 0)) weeks, shrinkage \(formatDecimal(profile.shrinkageCalls, places: 0)) calls,"
            + " smoothing \(formatDecimal(profile.smoothingMinutes, places: 0)) min,"
            + " weekday ratio smoothing \(formatDecimal(profile.ratioSmoothingMinutes, places: 0)) min"
    }

    /// The `--report` JSON document for several queues.
    public static func json(_ summaries: [FitSummary]) -> String {
        "{\"queues\": [\n" + summaries.map(\.json).joined(separator: ",\n") + "\n]}\n"
    }

    /// One queue's JSON object.
    public var json: String {
        func number(_ x: Double) -> String { JSONText.number(x, places: 6) }
        let string = JSONText.string
        let i = intervals
        let memberList = members.map { "{\"model\": \(string($0.name)), \"weight\": \(number($0.weight))}" }
        let candidateList = candidates.map { "{\"model\": \(string($0.name)), \"backtest_wape\": \(number($0.wape))}" }
        let holidayJSON = holidays.map { h in
            func days(_ list: [SpecialDay]) -> String {
                "["
                    + list.map {
                        "{\"date\": \"\(formatISODate(days: $0.day))\", \"label\": \(string(h.holidayNames[$0.day] ?? $0.label))}"
                    }.joined(separator: ", ") + "]"
            }
            return "{\"calendar\": \(string(h.calendar.code)), \"recognised\": \(h.recognised), "
                + "\"from\": \(string(!h.recognised ? "named" : h.dipped ? "dips" : "closures")), "
                + "\"kept_as\": \(string(h.dipped ? "open holidays" : "closed holidays")), "
                + "\"core_closed\": \(h.coreClosed), \"core_open\": \(h.coreOpen), "
                + "\"core_dipped\": \(h.coreDipped), \"core_not_dipped\": \(h.coreUndipped), "
                + "\"closed_in_history\": \(days(h.closedSeen)), "
                + "\"closed_in_horizon\": \(days(holidaysInHorizon.filter { $0.kind == .closed })), "
                + "\"holidays_in_horizon\": \(days(holidaysInHorizon.filter { $0.kind != .closed }))}"
        }
        let total = horizonTotal.map {
            "{\"calls\": \(number($0.calls)), \"lower\": \(number($0.lower)), \"upper\": \(number($0.upper))}"
        }
        return """
              {"queue": \(queue.map(string) ?? "null"), "requested_model": \(string(requestedModel)), \
            "model": \(string(modelName)), "history_days": \(historyDays), "horizon_total": \(total ?? "null"),
               "public_holidays": \(holidayJSON ?? "null"),
               "members": [\(memberList.joined(separator: ", "))],
               "backtest": {"folds": \(backtestFolds), "wape": \(number(backtestWAPE)), \
            "candidates": [\(candidateList.joined(separator: ", "))]},
               "intervals": {"model": "day-level multiplicative shock x Poisson-gamma count noise", \
            "level": \(number(i.level)), "day_shock_variance": \(number(i.dayShock)), \
            "day_shock_variance_per_horizon_day": \(number(i.dayShockPerHorizonDay)), \
            "slot_dispersion": \(number(i.slotDispersion)), "day_correlation": \(number(i.dayCorrelation)), \
            "post_holiday_day_shock_variance": \(number(i.postHolidayDayShock)), \
            "backtest_days": \(i.backtestDays), "backtest_slots": \(i.backtestSlots)},
               "profile": {"half_life_weeks": \(number(profile.halfLifeWeeks)), \
            "shrinkage_calls": \(number(profile.shrinkageCalls)), \
            "smoothing_minutes": \(number(profile.smoothingMinutes)), \
            "ratio_smoothing_minutes": \(number(profile.ratioSmoothingMinutes))}}
            """
    }
}
