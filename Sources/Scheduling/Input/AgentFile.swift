import CallData

/// Reads `agent_id, pool (core|on_demand), min_hours_week, max_hours_week, max_days_week,
/// cost_per_hour[, available][, weekend_day_off][, min_rest_hours][, max_consecutive_days]
/// [, overtime_max_hours_week]` (`weekend_day_off`: 0/1 or true/false — at least one of Saturday
/// and Sunday off each week; the last three may be blank for the command's default).
///
/// Agent ids must be non-empty UTF-8 text and unique (`duplicateKey`); `pool` must be one of the
/// two pools (`unknownValue`). Every problem is a `CallDataError` naming file, line and column.
public enum AgentFile {
    /// Reads the agents of `path`.
    public static func read(path: String) throws -> [Agent] {
        var reader = try CSVReader(contentsOf: path)
        let fields = FieldReader(file: path)
        var layout: HeaderLayout? = nil
        var agents: [Agent] = []
        var ids: [String: Int] = [:]
        do {
            try reader.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in
                guard let h = layout else {
                    layout = try HeaderLayout(
                        record: r, file: path,
                        required: [
                            "agent_id", "pool", "min_hours_week", "max_hours_week", "max_days_week", "cost_per_hour",
                        ],
                        optional: [
                            "available", "weekend_day_off", "min_rest_hours", "max_consecutive_days",
                            "overtime_max_hours_week",
                        ])
                    return
                }
                try fields.fieldCount(r, expected: h.fieldCount)
                guard let cId = h["agent_id"], let cPool = h["pool"], let cDays = h["max_days_week"] else { return }
                let id = try fields.text(r, cId, what: "agent id")
                if let first = ids[id] {
                    throw .duplicateKey(
                        file: path, line: r.line, column: r.column(cId), what: "agent id", value: id, firstLine: first)
                }
                ids[id] = r.line
                guard let pool = Agent.Pool(rawValue: r.string(cPool).trimmingWhitespace().lowercased()) else {
                    throw .unknownValue(
                        file: path, line: r.line, column: r.column(cPool), what: "pool", value: r.string(cPool),
                        expected: "core or on_demand")
                }
                func number(_ name: String, limit: Double) throws(CallDataError) -> Double {
                    guard let c = h[name] else { return 0 }
                    return try fields.quantity(r, c, limit: limit, optional: false, what: "a number ≥ 0") ?? 0
                }
                let minH = try number("min_hours_week", limit: 168)
                let maxH = try number("max_hours_week", limit: 168)
                let days = try number("max_days_week", limit: 7)
                guard days == days.rounded(), let wholeDays = Int(exactly: days) else {
                    throw .badNumber(
                        file: path, line: r.line, column: r.column(cDays), value: r.string(cDays),
                        expected: "a whole number of days 0–7")
                }
                var availability: Availability? = nil
                if let c = h["available"] {
                    let text = r.string(c).trimmingWhitespace()
                    if !text.isEmpty {
                        guard let a = Availability(parsing: text) else {
                            throw .unknownValue(
                                file: path, line: r.line, column: r.column(c), what: "availability", value: text,
                                expected: "windows like Mon-Fri 07:00-15:00;Sat 09:00-13:00")
                        }
                        availability = a
                    }
                }
                var weekendOff = false
                if let c = h["weekend_day_off"], !FieldParsing.isBlank(r.field(c)) {
                    guard let v = FieldParsing.bool(r.field(c)) else {
                        throw .unknownValue(
                            file: path, line: r.line, column: r.column(c), what: "weekend_day_off value",
                            value: r.string(c), expected: "0/1 or true/false")
                    }
                    weekendOff = v
                }
                func optionalNumber(_ name: String, limit: Double) throws(CallDataError) -> Double? {
                    guard let c = h[name], !FieldParsing.isBlank(r.field(c)) else { return nil }
                    return try fields.quantity(r, c, limit: limit, optional: false, what: "a number ≥ 0")
                }
                let minRest = try optionalNumber("min_rest_hours", limit: 48)
                let overtime = try optionalNumber("overtime_max_hours_week", limit: 168)
                var consecutive: Int? = nil
                if let c = h["max_consecutive_days"], let v = try optionalNumber("max_consecutive_days", limit: 366) {
                    guard v == v.rounded(), v >= 1, let whole = Int(exactly: v) else {
                        throw .badNumber(
                            file: path, line: r.line, column: r.column(c), value: r.string(c),
                            expected: "a whole number of days ≥ 1")
                    }
                    consecutive = whole
                }
                agents.append(
                    Agent(
                        id: id, pool: pool, minHoursWeek: minH, maxHoursWeek: maxH, maxDaysWeek: wholeDays,
                        costPerHour: try number("cost_per_hour", limit: 1e6), availability: availability,
                        weekendDayOff: weekendOff, minRestHours: minRest, maxConsecutiveDays: consecutive,
                        overtimeMaxHoursWeek: overtime))
            }
        } catch {
            throw error.callDataError
        }
        guard !agents.isEmpty else { throw CallDataError.emptyFile(file: path) }
        return agents
    }
}
