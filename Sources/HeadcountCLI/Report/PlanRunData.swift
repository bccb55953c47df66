import CallData
import Foundation

/// A planned run read back from its folder (`OUT/YYYY-MM-DD` or `OUT/latest`): the summary and,
/// per successful queue, the recent history, forecast, coverage and roster.
struct PlanRunData {
    /// A time series point on the local wall clock (seconds since 1970 as if the zone were UTC).
    struct Point {
        var wall: Int
        var value: Double
    }

    struct ForecastPoint {
        var wall: Int
        var calls: Double
        var lower: Double
        var upper: Double
    }

    struct CoveragePoint {
        var wall: Int
        var required: Int
        var scheduled: Int
    }

    /// One shift bar: an agent (or one of a shift plan's `count`) on a local day.
    struct Shift {
        var day: String
        var agent: String
        var onDemand: Bool
        var start: Int
        var end: Int
        var breaks: [(start: Int, end: Int)]
    }

    struct Queue {
        var name: String
        var status: String
        var error: String?
        /// The queue's `summary.json` entry.
        var figures: [String: Any]
        var intervalSeconds: Int
        var history: [Point] = []
        var forecast: [ForecastPoint] = []
        var coverage: [CoveragePoint] = []
        var shifts: [Shift] = []
    }

    var folder: String
    var runDate: String
    var tool: String
    var queues: [Queue]

    /// Reads the run folder.
    /// - Throws: `CallDataError` for unreadable or malformed files, `UsageError` for a folder that is not a run.
    static func read(folder: String) throws -> PlanRunData {
        let summaryPath = folder + "/summary.json"
        let bytes = try FileBytes.read(summaryPath)
        guard let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            let runDate = root["run_date"] as? String, let entries = root["queues"] as? [[String: Any]]
        else {
            throw UsageError(
                "\(summaryPath): not a Headcount plan summary; expected the summary.json of `headcount plan`",
                status: .badInput)
        }
        var queues: [Queue] = []
        for entry in entries {
            guard let name = entry["name"] as? String, PlanConfigReader.isSafeName(name) else { continue }
            let status = entry["status"] as? String ?? "failed"
            var q = Queue(
                name: name, status: status, error: entry["error"] as? String, figures: entry, intervalSeconds: 1800)
            if status == "ok" {
                let dir = folder + "/" + name
                q.history = try readRows(dir + "/history.csv", ["interval_start", "calls"]).map {
                    Point(wall: $0.wall, value: $0.values[0])
                }
                q.forecast = try readRows(
                    dir + "/forecast.csv", ["interval_start", "calls", "calls_lower", "calls_upper"]
                )
                .map { ForecastPoint(wall: $0.wall, calls: $0.values[0], lower: $0.values[1], upper: $0.values[2]) }
                q.coverage = try readRows(dir + "/coverage.csv", ["interval_start", "required", "scheduled"]).map {
                    CoveragePoint(
                        wall: $0.wall, required: Int(exactly: $0.values[0].rounded()) ?? 0,
                        scheduled: Int(exactly: $0.values[1].rounded()) ?? 0)
                }
                if q.forecast.count >= 2 {
                    let step = zip(q.forecast, q.forecast.dropFirst()).map { $1.wall - $0.wall }.filter { $0 > 0 }.min()
                    q.intervalSeconds = step ?? 1800
                }
                q.shifts = try readShifts(dir + "/roster.csv")
            }
            queues.append(q)
        }
        return PlanRunData(
            folder: folder, runDate: runDate, tool: root["tool"] as? String ?? "headcount", queues: queues)
    }

    /// Rows of a CSV keyed by its first column (a timestamp) with the other named columns as numbers.
    static func readRows(_ path: String, _ columns: [String]) throws -> [(wall: Int, values: [Double])] {
        let table = try CSVTable.read(path)
        let index = try columns.map { try table.column($0) }
        var out: [(Int, [Double])] = []
        for (k, row) in table.rows.enumerated() {
            guard let t = WrittenTimestamp.parse(row[index[0]]) else {
                throw CallDataError.badTimestamp(file: path, line: k + 2, column: index[0] + 1, value: row[index[0]])
            }
            out.append((t.wallSeconds, index.dropFirst().map { Double(row[$0]) ?? 0 }))
        }
        return out
    }

    /// Shift bars of a roster (`agent_id, pool, date, shift_start, …`) or a shift plan (`date, shift, start, end, count, …`).
    static func readShifts(_ path: String) throws -> [Shift] {
        let table = try CSVTable.read(path)
        let roster = table.header.contains("agent_id")
        let cDate = try table.column("date")
        let cStart = try table.column(roster ? "shift_start" : "start")
        let cEnd = try table.column(roster ? "shift_end" : "end")
        let cBreakStart = try table.column("break_start")
        let cBreakEnd = try table.column("break_end")
        var shifts: [Shift] = []
        for row in table.rows {
            guard let s = WrittenTimestamp.parse(row[cStart]), let e = WrittenTimestamp.parse(row[cEnd]) else {
                continue
            }
            let bs = row[cBreakStart].split(separator: ";").compactMap {
                WrittenTimestamp.parse(String($0))?.wallSeconds
            }
            let be = row[cBreakEnd].split(separator: ";").compactMap { WrittenTimestamp.parse(String($0))?.wallSeconds }
            let breaks = zip(bs, be).map { (start: $0, end: $1) }
            if roster {
                let agent = row[try table.column("agent_id")]
                let onDemand = row[try table.column("pool")] == "on_demand"
                shifts.append(
                    Shift(
                        day: row[cDate], agent: agent, onDemand: onDemand, start: s.wallSeconds, end: e.wallSeconds,
                        breaks: breaks))
            } else {
                let count = min(Int(row[try table.column("count")]) ?? 0, 10_000)
                let name = row[try table.column("shift")]
                for k in 0..<max(0, count) {
                    shifts.append(
                        Shift(
                            day: row[cDate], agent: "\(name)#\(k + 1)", onDemand: false, start: s.wallSeconds,
                            end: e.wallSeconds, breaks: breaks))
                }
            }
        }
        return shifts
    }
}

/// A small CSV table read whole: header and rows of strings.
struct CSVTable {
    var path: String
    var header: [String]
    var rows: [[String]]

    static func read(_ path: String) throws -> CSVTable {
        var reader = try CSVReader(contentsOf: path)
        var header: [String]? = nil
        var rows: [[String]] = []
        do {
            try reader.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in
                let fields = (0..<r.count).map { r.string($0) }
                if header == nil {
                    header = fields.map { $0.trimmingWhitespace().lowercased() }
                } else if fields.count == header?.count {
                    rows.append(fields)
                } else {
                    throw CallDataError.fieldCount(
                        file: path, line: r.line, expected: header?.count ?? 0, found: fields.count)
                }
            }
        } catch {
            throw error.callDataError
        }
        guard let header else { throw CallDataError.emptyFile(file: path) }
        return CSVTable(path: path, header: header, rows: rows)
    }

    func column(_ name: String) throws -> Int {
        guard let k = header.firstIndex(of: name) else {
            throw CallDataError.missingColumn(
                file: path, line: 1, name: name, expected: header.joined(separator: ", ") + " and \(name)")
        }
        return k
    }
}
