import CallData
import Scheduling

extension SimulationScenario {
    /// The demand of a forecast (or any interval history) on one uniform UTC grid.
    ///
    /// The grid starts at the earliest interval of any queue and ends after the latest; the
    /// intervals without a row (closed hours) have no arrivals. Handle times come from
    /// `aht_seconds` where present, else `fallbackAHT`.
    /// - Throws: `SimulationError.missingHandleTime`, `.offGrid`.
    public static func demand(forecast: IntervalHistory, fallbackAHT: Double?, file: String) throws(SimulationError)
        -> (origin: Int, intervalSeconds: Int, intervalCount: Int, queues: [Queue])
    {
        let iv = forecast.intervalSeconds
        let starts = forecast.series.flatMap { $0.records.map(\.start) }
        guard let origin = starts.min(), let last = starts.max(), iv > 0 else {
            throw .invalidParameter(name: "--forecast", value: 0, expected: "at least one interval")
        }
        var queues: [Queue] = []
        for series in forecast.series {
            var demand: [Demand] = []
            for r in series.records {
                guard (r.start - origin) % iv == 0 else {
                    throw .offGrid(file: file, interval: r.startText, intervalSeconds: iv)
                }
                guard let aht = r.ahtSeconds ?? fallbackAHT, aht > 0 else {
                    throw .missingHandleTime(file: file, interval: r.startText)
                }
                demand.append(Demand(interval: (r.start - origin) / iv, calls: r.calls, ahtSeconds: aht))
            }
            queues.append(Queue(name: series.queue, demand: demand))
        }
        return (origin, iv, (last - origin) / iv + 1, queues)
    }

    /// Duty spans of a roster's shifts (breaks excluded), agents numbered in order of first
    /// appearance, times relative to `origin`.
    public static func duty(roster: [RosterFile.Shift], origin: Int) -> [DutySpan] {
        var index: [String: Int] = [:]
        var spans: [DutySpan] = []
        for shift in roster {
            let a: Int
            if let known = index[shift.agentID] {
                a = known
            } else {
                a = index.count
                index[shift.agentID] = a
            }
            for span in shift.onDuty {
                spans.append(DutySpan(agent: a, start: Double(span.start - origin), end: Double(span.end - origin)))
            }
        }
        return spans
    }

    /// Duty spans from agents on duty per interval: in each interval of `table`, agents
    /// `0..<n` are on; the interval length is the table's most common gap.
    public static func duty(table: OnDutyTable, origin: Int) -> [DutySpan] {
        let starts = table.agents.keys.sorted()
        let length = IntervalHistoryReader.inferInterval([starts])
        var spans: [DutySpan] = []
        for s in starts {
            let n = table.agents[s] ?? 0
            for a in 0..<n {
                spans.append(DutySpan(agent: a, start: Double(s - origin), end: Double(s - origin + length)))
            }
        }
        return spans
    }

    /// Replayed first attempts from a call log, per queue of `queues` (matched by name; a log
    /// without a queue column feeds the first queue), seconds from `origin`, sorted.
    /// - Throws: `SimulationError.invalidParameter` for a queue the forecast does not have.
    public static func replay(_ sample: CallLogSample, queues: [Queue], origin: Int) throws(SimulationError)
        -> [[Double]]
    {
        var index: [String: Int] = [:]
        for (k, q) in queues.enumerated() { index[q.name ?? ""] = k }
        var out = [[Double]](repeating: [], count: queues.count)
        for (t, name) in zip(sample.arrivals, sample.arrivalQueues) {
            let k: Int
            if let name {
                guard let known = index[name] ?? (queues.count == 1 && queues[0].name == nil ? 0 : nil) else {
                    throw .invalidParameter(
                        name: "--arrivals-log queue '\(name)'", value: 0, expected: "a queue of the forecast")
                }
                k = known
            } else {
                k = 0
            }
            out[k].append(Double(t - origin))
        }
        return out.map { $0.sorted() }
    }
}
