/// Seasonal naive (weekly): each slot repeats the most recent day with the same weekday.
/// The simplest honest baseline; MASE is scaled by its in-sample error.
public struct SeasonalNaive: ForecastModel {
    public var name: String { "seasonal-naive" }
    public init() {}

    public func forecast(_ history: DayGrid, targetDays: [Int], specialDays: SpecialDays) throws -> [[Double]] {
        guard !history.days.isEmpty else {
            throw ForecastError.insufficientHistory("seasonal-naive needs at least one day")
        }
        return targetDays.map { day in
            let w = DayGrid.weekday(day)
            let regular = history.days.indices.last {
                DayGrid.weekday(history.days[$0]) == w && !specialDays.isSpecial(history.days[$0])
            }
            let any = history.days.indices.last { DayGrid.weekday(history.days[$0]) == w }
            guard let d = regular ?? any else { return [Double](repeating: 0, count: history.slotsPerDay) }
            return history.values[d]
        }
    }
}

/// Mean of the last `weeks` days with the same weekday, slot by slot (the planner's spreadsheet
/// standard). Special days in history are skipped.
public struct WeeklyMean: ForecastModel {
    /// How many past same-weekday days to average.
    public var weeks: Int
    public var name: String { "weekly-mean" }
    public init(weeks: Int = 4) { self.weeks = weeks }

    public func forecast(_ history: DayGrid, targetDays: [Int], specialDays: SpecialDays) throws -> [[Double]] {
        guard !history.days.isEmpty else {
            throw ForecastError.insufficientHistory("weekly-mean needs at least one day")
        }
        return targetDays.map { day in
            let w = DayGrid.weekday(day)
            let chosen = history.days.indices.filter {
                DayGrid.weekday(history.days[$0]) == w && !specialDays.isSpecial(history.days[$0])
            }
            .suffix(weeks)
            var out = [Double](repeating: 0, count: history.slotsPerDay)
            guard !chosen.isEmpty else { return out }
            for d in chosen { for s in 0..<out.count { out[s] += history.values[d][s] } }
            return out.map { $0 / Double(chosen.count) }
        }
    }
}

extension SpecialDays {
    /// Whether a day is any kind of special day.
    func isSpecial(_ day: Int) -> Bool { byDay[day] != nil }
}
