import CallData

/// Reads a scenario file (`surge.toml`) with CallData's crash-safe TOML reader:
/// ```toml
/// start = 2025-04-08T08:00:00       # TOML date-time or an ISO 8601 string; local = planning zone
/// affected_customers = 470_000      # uses the scaling learnt from --incidents
/// # or: peak_multiplier = 3.0, half_life = "3h", [time_to_peak = "20m"]
/// queue = "retail"                  # optional: only this queue
/// bot_containment = 0.4             # optional levers for `staff`, from `from` (default: start)
/// deflection = 0.3
/// from = 2025-04-08T09:00:00
/// ```
/// Durations are strings (`"3h"`, `"90m"`) or numbers of hours.
///
/// *Edge Cases*: unknown keys (with a suggestion for near misses), wrong types, both or neither
/// size, values out of range, nonexistent local times: a `CallDataError.toml` naming file, line,
/// column and key.
public enum SurgeScenarioFile {
    /// Keys a scenario may have.
    public static let keys = [
        "start", "affected_customers", "peak_multiplier", "half_life", "time_to_peak", "queue", "bot_containment",
        "deflection", "from",
    ]

    /// Reads and validates a scenario.
    /// - Throws: `CallDataError` (file, line, column).
    public static func read(path: String, timeZone: PlanningTimeZone) throws(CallDataError) -> SurgeScenario {
        try scenario(TOMLTable(contentsOf: path), timeZone: timeZone)
    }

    /// The scenario of a parsed table.
    public static func scenario(_ t: TOMLTable, timeZone: PlanningTimeZone) throws(CallDataError) -> SurgeScenario {
        try t.rejectUnknownKeys(allowed: keys)
        let timeExpected = "a date-time like 2025-04-08T08:00:00 (or the same in quotes)"
        func time(_ key: String) throws(CallDataError) -> Int? {
            guard let v = t[key] else { return nil }
            let wall: Int
            let offset: Int?
            if case .string(let s) = v.content {
                guard let w = WrittenTimestamp.parse(s) else { throw v.error(expected: timeExpected) }
                wall = w.wallSeconds
                offset = w.utcOffset
            } else {
                let d = try v.dateTime(expected: timeExpected)
                guard let date = d.date, let clock = d.time else { throw v.error(expected: timeExpected) }
                wall =
                    CivilCalendar.daysFromCivil(year: date.year, month: date.month, day: date.day) * 86_400
                    + clock.secondOfDay
                offset = d.utcOffsetSeconds
            }
            if let offset { return wall - offset }
            let (first, second) = timeZone.utcCandidates(forWall: wall)
            guard let utc = first ?? second else {
                throw v.error(expected: "a time that exists in \(timeZone.identifier) (this one is in a DST gap)")
            }
            return utc
        }
        func number(_ key: String, in range: ClosedRange<Double>, what: String) throws(CallDataError) -> Double? {
            guard let v = t[key] else { return nil }
            let x = try v.double(expected: what)
            guard range.contains(x) else { throw v.error(expected: what) }
            return x
        }
        func hours(_ key: String) throws(CallDataError) -> Double? {
            guard let v = t[key] else { return nil }
            let what = "a duration like \"3h\" or \"90m\" (or hours as a number), at most 30 days"
            let h: Double
            if case .string = v.content {
                h = Double(try v.duration(expected: what).seconds) / 3600
            } else {
                h = try v.double(expected: what)
            }
            guard h > 0, h <= 720 else { throw v.error(expected: what) }
            return h
        }
        guard let start = try time("start") else {
            _ = try t.value("start", expected: "a date-time like 2025-04-08T08:00:00")
            throw t.error(found: "no start", expected: "start = 2025-04-08T08:00:00")
        }
        let customers = try number("affected_customers", in: 1...1e10, what: "a number of customers ≥ 1")
        let multiplier = try number("peak_multiplier", in: 1...1000, what: "a multiplier ≥ 1, e.g. 3")
        let half = try hours("half_life")
        let ttp = try hours("time_to_peak")
        let size: SurgeScenario.Size
        switch (customers, multiplier, half) {
        case (let n?, nil, nil): size = .affectedCustomers(n)
        case (nil, let m?, let h?): size = .peak(multiplier: m, halfLifeHours: h, timeToPeakHours: ttp)
        case (nil, _?, nil): throw t.error(found: "peak_multiplier without half_life", expected: "half_life = \"3h\"")
        case (nil, nil, _?): throw t.error(found: "half_life without peak_multiplier", expected: "peak_multiplier = 3")
        case (nil, nil, nil):
            throw t.error(
                found: "no surge size", expected: "affected_customers = N, or peak_multiplier and half_life")
        default:
            throw t.error(
                found: "both affected_customers and peak_multiplier/half_life",
                expected: "either affected_customers or peak_multiplier + half_life")
        }
        if customers != nil, let v = t["time_to_peak"] {
            throw v.error(expected: "no time_to_peak with affected_customers (the learnt shape is used)")
        }
        let bot = try number("bot_containment", in: 0...0.999, what: "a share in [0, 1), e.g. 0.4")
        let deflection = try number("deflection", in: 0...0.999, what: "a share in [0, 1), e.g. 0.3")
        let from = try time("from")
        if from != nil, bot == nil, deflection == nil, let v = t["from"] {
            throw v.error(expected: "a lever with it: bot_containment or deflection")
        }
        let queue = try t["queue"].map { v throws(CallDataError) in try v.string() }
        return SurgeScenario(
            start: start, size: size, queue: queue, botContainment: bot, deflection: deflection, leversFrom: from)
    }
}
