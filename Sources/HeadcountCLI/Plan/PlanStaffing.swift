import CallData
import Forecasting
import Scheduling
import Staffing

/// Agents per forecast interval of one queue, as the plan computed them.
struct PlanStaffing: Sendable {
    struct Row: Sendable {
        var forecast: ForecastRow
        var aht: Double
        var result: StaffingResult
    }

    var queue: String
    /// The grid length: every row is one whole interval of it.
    var intervalSeconds: Int
    var rows: [Row]

    /// The SPEC staffing CSV with `interval_minutes` after `interval_start` (the data contract).
    var csv: CSVWriter {
        var w = CSVWriter(header: [
            "interval_start", "interval_minutes", "queue", "calls", "aht_seconds", "agents", "scheduled_agents",
            "service_level", "asa_seconds", "occupancy", "abandon_rate",
        ])
        for r in rows {
            let m = r.result.metrics
            w.writeRow([
                formatISO8601(wallSeconds: r.forecast.start + r.forecast.utcOffset, utcOffset: r.forecast.utcOffset),
                String(intervalSeconds / 60), queue, formatDecimal(r.result.callsReachingAgents),
                formatDecimal(r.aht, places: 2),
                String(m.agents), String(r.result.scheduledAgents), formatDecimal(m.serviceLevel, places: 6),
                m.asaSeconds.isFinite ? formatDecimal(m.asaSeconds, places: 3) : "",
                m.occupancy.isFinite ? formatDecimal(m.occupancy, places: 6) : "",
                formatDecimal(m.abandonRate, places: 6),
            ])
        }
        return w
    }

    /// Requirements (`scheduled_agents`) on the queue's local days.
    func requirements(timeZone: PlanningTimeZone) -> Requirements {
        var days: [Int: [Requirements.Interval]] = [:]
        for r in rows {
            let day = CivilCalendar.floorDivide(r.forecast.start + r.forecast.utcOffset, 86_400)
            days[day, default: []].append(
                Requirements.Interval(
                    start: r.forecast.start, utcOffset: r.forecast.utcOffset, required: r.result.scheduledAgents))
        }
        return Requirements(
            intervalSeconds: intervalSeconds, timeZone: timeZone,
            days: days.keys.sorted().map { Requirements.Day(day: $0, intervals: days[$0] ?? []) })
    }
}
