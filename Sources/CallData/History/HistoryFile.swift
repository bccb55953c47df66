/// Reads call history in either SPEC shape, told apart by the header:
/// a per-call log (has `arrived_at`) is aggregated; interval history (has
/// `interval_start`) is validated and, when asked, combined into longer intervals.
public enum HistoryFile {
    /// The two shapes of history file.
    public enum Shape: Sendable, Equatable { case callLog, intervalHistory }

    /// The shape of a file from its first non-blank line.
    /// - Throws: `emptyFile`, or `missingColumn` when neither `arrived_at` nor `interval_start` is present.
    public static func shape(of reader: CSVReader) throws(CallDataError) -> Shape {
        var copy = reader
        var names: [String]? = nil
        var headerLine = 1
        do {
            try copy.forEachRecord { (r: borrowing CSVRecord) throws(StopReading) in
                names = (0..<r.count).map { r.string($0).trimmingWhitespace().lowercased() }
                headerLine = r.line
                throw StopReading()
            }
        } catch {
            if case .malformed(let e) = error { throw e }
        }
        guard let names else { throw .emptyFile(file: reader.file) }
        if names.contains("arrived_at") { return .callLog }
        if names.contains("interval_start") { return .intervalHistory }
        throw .missingColumn(
            file: reader.file, line: headerLine, name: "arrived_at' or 'interval_start",
            expected: "a call log (arrived_at, [queue], [handle_seconds], [wait_seconds], [abandoned]) "
                + "or interval history (interval_start, [queue], calls, [aht_seconds])")
    }

    struct StopReading: Error {}

    /// Reads `path` as interval history at `intervalSeconds` (or the file's own interval
    /// for interval history when `nil`; 30 minutes for call logs when `nil`).
    ///
    /// `timeZone` may be `.fromData`: the zone is then the file's own offsets, or naive local time
    /// when it has none (see `TimestampResolver`); the result's `timeZone` says which.
    /// - Throws: `CallDataError` with file, line and column.
    public static func read(
        path: String, timeZone: PlanningTimeZone, intervalSeconds: Int? = nil,
        answerThresholdSeconds: Double = 20
    ) throws(CallDataError) -> IntervalHistory {
        var reader = try CSVReader(contentsOf: path)
        switch try shape(of: reader) {
        case .callLog:
            let agg = CallLogAggregator(
                intervalSeconds: intervalSeconds ?? 1800, timeZone: timeZone,
                answerThresholdSeconds: answerThresholdSeconds)
            return try agg.aggregate(&reader)
        case .intervalHistory:
            let history = try IntervalHistoryReader(timeZone: timeZone).read(&reader)
            guard let target = intervalSeconds, target != history.intervalSeconds else { return history }
            guard target % history.intervalSeconds == 0, 86_400 % target == 0 else {
                throw .incompatibleInterval(file: path, found: history.intervalSeconds, requested: target)
            }
            return history.combined(into: target)
        }
    }
}

extension IntervalHistory {
    /// History in intervals of `target` seconds, a multiple of the current length that
    /// divides a day: calls, answered and abandoned are summed; AHT is weighted by answered
    /// calls (by calls when answered is unknown); service level by calls.
    ///
    /// *Partial intervals*: a longer interval's length is the sum of the lengths of the rows that
    /// fall in it, so the bank's last 5-minute row of a day (21:00) becomes a 30-minute-grid row
    /// with `lengthSeconds` 300, not a full half-hour.
    ///
    /// *Edge Cases*: a `target` that is not a positive multiple of `intervalSeconds` dividing a day
    /// returns the history unchanged (`HistoryFile.read` reports it as `incompatibleInterval`).
    public func combined(into target: Int) -> IntervalHistory {
        guard target > 0, intervalSeconds > 0, target % intervalSeconds == 0, 86_400 % target == 0 else {
            return self
        }
        var out: [IntervalSeries] = []
        for s in series {
            var records: [IntervalRecord] = []
            var handleWeight = 0.0
            var handleSum = 0.0
            var slSum = 0.0
            var slWeight = 0.0
            var covered = 0
            func close() {
                guard var last = records.popLast() else { return }
                last.ahtSeconds = handleWeight > 0 ? handleSum / handleWeight : nil
                last.serviceLevel = slWeight > 0 ? slSum / slWeight : nil
                let full = timeZone.realLength(utcStart: last.start, nominal: target)
                last.lengthSeconds = covered < full ? covered : nil
                records.append(last)
            }
            for r in s.records {
                let wallStart = CivilCalendar.floorDivide(r.wallStart, target) * target
                let start = wallStart - r.utcOffset
                if records.last?.start != start {
                    close()
                    handleWeight = 0
                    handleSum = 0
                    slSum = 0
                    slWeight = 0
                    covered = 0
                    records.append(
                        IntervalRecord(
                            start: start, utcOffset: r.utcOffset, calls: 0,
                            answered: r.answered.map { _ in 0 }, abandoned: r.abandoned.map { _ in 0 }))
                }
                let k = records.count - 1
                covered += length(of: r)
                records[k].calls += r.calls
                if let a = r.answered { records[k].answered = (records[k].answered ?? 0) + a }
                if let a = r.abandoned { records[k].abandoned = (records[k].abandoned ?? 0) + a }
                if let aht = r.ahtSeconds {
                    let w = r.answered ?? r.calls
                    handleSum += aht * w
                    handleWeight += w
                }
                if let sl = r.serviceLevel {
                    slSum += sl * r.calls
                    slWeight += r.calls
                }
            }
            close()
            out.append(IntervalSeries(queue: s.queue, records: records))
        }
        return IntervalHistory(intervalSeconds: target, timeZone: timeZone, series: out)
    }

    /// The history as CSV: `interval_start, interval_minutes, [queue,] calls[, answered][, abandoned]
    /// [, aht_seconds][, service_level]`, with an optional column present when any row has a value
    /// for it. Times carry the zone's offset, or none for naive local time (the data contract).
    public func csv() -> CSVWriter {
        let all = series.flatMap(\.records)
        let hasQueue = series.contains { $0.queue != nil }
        let hasAnswered = all.contains { $0.answered != nil }
        let hasAbandoned = all.contains { $0.abandoned != nil }
        let hasAHT = all.contains { $0.ahtSeconds != nil }
        let hasSL = all.contains { $0.serviceLevel != nil }
        var header = ["interval_start", "interval_minutes"]
        if hasQueue { header.append("queue") }
        header.append("calls")
        if hasAnswered { header.append("answered") }
        if hasAbandoned { header.append("abandoned") }
        if hasAHT { header.append("aht_seconds") }
        if hasSL { header.append("service_level") }
        var w = CSVWriter(header: header)
        for s in series {
            for r in s.records {
                var row = [
                    timeZone.text(wallSeconds: r.wallStart, utcOffset: r.utcOffset),
                    formatDecimal(Double(length(of: r)) / 60),
                ]
                if hasQueue { row.append(s.queue ?? "") }
                row.append(formatDecimal(r.calls))
                if hasAnswered { row.append(r.answered.map { formatDecimal($0) } ?? "") }
                if hasAbandoned { row.append(r.abandoned.map { formatDecimal($0) } ?? "") }
                if hasAHT { row.append(r.ahtSeconds.map { formatDecimal($0, places: 2) } ?? "") }
                if hasSL { row.append(r.serviceLevel.map { formatDecimal($0) } ?? "") }
                w.writeRow(row)
            }
        }
        return w
    }
}
