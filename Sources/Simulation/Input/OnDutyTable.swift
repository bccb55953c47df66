import CallData

/// Agents on duty per interval from a staffing file — the `staff` output (`interval_start,
/// [queue,] …, agents, …`) or any CSV with `interval_start` and `agents` — summed over queues
/// (one pool serves them all).
///
/// Checked, each error naming file, line and column: columns, field counts, timestamps (incl. DST
/// gaps), whole non-negative agent counts, a repeated interval within a queue.
public struct OnDutyTable: Sendable {
    /// UTC interval start → agents on duty.
    public var agents: [Int: Int]

    /// Reads the staffing file at `path`, naive times in `zone`.
    public static func read(path: String, zone: PlanningTimeZone) throws(CallDataError) -> OnDutyTable {
        var reader = try CSVReader(contentsOf: path)
        let fields = FieldReader(file: path)
        let resolver = WallClockResolver(zone: zone)
        var layout: HeaderLayout? = nil
        var totals: [Int: Int] = [:]
        var seen: [String: [Int: Int]] = [:]
        var last: [String: Int] = [:]
        do {
            try reader.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in
                guard let h = layout else {
                    layout = try HeaderLayout(
                        record: r, file: path, required: ["interval_start", "agents"], optional: ["queue"],
                        ignored: [
                            "interval_minutes", "calls", "aht_seconds", "scheduled_agents", "service_level",
                            "asa_seconds", "occupancy", "abandon_rate",
                        ])
                    return
                }
                try fields.fieldCount(r, expected: h.fieldCount)
                let queue = h["queue"].map { r.string($0).trimmingWhitespace() } ?? ""
                let cStart = h["interval_start"]!
                let t = try fields.timestamp(r, cStart)
                guard let utc = resolver.resolve(t, previousUTC: last[queue]) else {
                    throw .nonexistentLocalTime(
                        file: path, line: r.line, column: r.column(cStart), value: r.string(cStart),
                        timeZone: zone.identifier)
                }
                last[queue] = utc
                if let first = seen[queue]?[utc] {
                    throw .duplicateInterval(
                        file: path, line: r.line, column: r.column(cStart), value: r.string(cStart), firstLine: first)
                }
                seen[queue, default: [:]][utc] = r.line
                let c = h["agents"]!
                guard
                    let v = try fields.quantity(
                        r, c, limit: 1_000_000, optional: false, what: "a whole number of agents"),
                    v == v.rounded()
                else {
                    throw .badNumber(
                        file: path, line: r.line, column: r.column(c), value: r.string(c),
                        expected: "a whole number of agents ≥ 0")
                }
                totals[utc, default: 0] += Int(v)
            }
        } catch {
            throw error.callDataError
        }
        guard layout != nil, !totals.isEmpty else { throw .emptyFile(file: path) }
        return OnDutyTable(agents: totals)
    }
}
