import CallData

/// Reads a forecast CSV back (`interval_start, [interval_minutes,] queue, calls, calls_lower,
/// calls_upper, aht_seconds`): calls and AHT through `IntervalHistoryReader`, the bounds in a
/// second parse of the same bytes (Poisson 90 % bounds `f ± 1.645√f` when the file has none). The file is read from
/// disk once, so both parses see the same rows even if the file is replaced meanwhile.
///
/// *Edge Cases*: a header without rows is an empty forecast; everything `IntervalHistoryReader` checks; bounds that are not numbers ≥ 0 are
/// `CallDataError.badNumber` with line and column.
public enum ForecastFile {
    /// The forecasts per queue, the interval length and the zone the file's times were read in
    /// (its offsets, or naive when it has none and no zone was named).
    public static func read(path: String, timeZone: PlanningTimeZone) throws(CallDataError) -> (
        intervalSeconds: Int, timeZone: PlanningTimeZone, forecasts: [QueueForecast]
    ) {
        var bounds: [String: [(Double?, Double?)]] = [:]
        let bytes = try CSVReader(contentsOf: path)
        var again = bytes
        let fields = FieldReader(file: path)
        var layout: HeaderLayout? = nil
        do {
            try again.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in
                guard let h = layout else {
                    layout = try HeaderLayout(
                        record: r, file: path, required: ["interval_start", "calls"],
                        optional: ["queue", "calls_lower", "calls_upper"],
                        ignored: ["interval_minutes", "aht_seconds", "answered", "abandoned", "service_level"])
                    return
                }
                let q = h["queue"].map { r.string($0).trimmingWhitespace() } ?? ""
                let lo = try h["calls_lower"].flatMap { c throws(CallDataError) in
                    try fields.quantity(
                        r, c, limit: PlausibilityLimits.callsPerInterval, optional: true, what: "calls ≥ 0")
                }
                let hi = try h["calls_upper"].flatMap { c throws(CallDataError) in
                    try fields.quantity(
                        r, c, limit: PlausibilityLimits.callsPerInterval, optional: true, what: "calls ≥ 0")
                }
                bounds[q, default: []].append((lo, hi))
            }
        } catch {
            throw error.callDataError
        }
        // A header without rows (e.g. a forecast of a closed day) is an empty forecast, not an error.
        if layout == nil { throw .emptyFile(file: path) }
        guard !bounds.isEmpty else { return (1800, timeZone, []) }
        var reader = bytes
        let history = try IntervalHistoryReader(timeZone: timeZone).read(&reader)
        let forecasts = history.series.map { s in
            let b = bounds[s.queue ?? ""] ?? []
            let rows = s.records.enumerated().map { (k, r) in
                let poisson = 1.645 * max(r.calls, 1).squareRoot()
                let lo = k < b.count ? b[k].0 : nil
                let hi = k < b.count ? b[k].1 : nil
                return ForecastRow(
                    start: r.start, utcOffset: r.utcOffset, calls: r.calls, lower: lo ?? max(0, r.calls - poisson),
                    upper: hi ?? r.calls + poisson, ahtSeconds: r.ahtSeconds, lengthSeconds: history.length(of: r))
            }
            return QueueForecast(queue: s.queue, rows: rows, modelName: "file")
        }
        return (history.intervalSeconds, history.timeZone, forecasts)
    }
}
