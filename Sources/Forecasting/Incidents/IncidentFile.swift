import CallData

/// The incidents CSV: `start, end, label[, affected_customers][, peak_ratio][, excess_calls]`.
///
/// Timestamps are ISO 8601 like everywhere else (an offset is honoured; naive times are wall
/// clock in the planning zone). `end` may be blank (open-ended: until the end of that day).
/// `peak_ratio` and `excess_calls` are written by `headcount incidents` for review and are
/// read back but not used.
///
/// *Edge Cases*: an `end` not after `start`, a negative or non-numeric `affected_customers`, a
/// nonexistent local time, unknown or missing columns: each a `CallDataError` naming file, line
/// and column.
public enum IncidentFile {
    static let required = ["start", "label"]
    static let optional = ["end", "affected_customers", "peak_ratio", "excess_calls"]

    /// Reads an incidents file.
    /// - Throws: `CallDataError` with file, line and column.
    public static func read(path: String, timeZone: PlanningTimeZone) throws(CallDataError) -> [Incident] {
        var reader = try CSVReader(contentsOf: path)
        let fields = FieldReader(file: path)
        let resolver = WallClockResolver(zone: timeZone)
        var layout: HeaderLayout? = nil
        var out: [Incident] = []
        do {
            try reader.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in
                guard let h = layout else {
                    layout = try HeaderLayout(record: r, file: path, required: required, optional: optional)
                    return
                }
                try fields.fieldCount(r, expected: h.fieldCount)
                guard let cStart = h["start"], let cLabel = h["label"] else { return }
                let ws = try fields.timestamp(r, cStart)
                guard let start = resolver.resolve(ws, previousUTC: nil) else {
                    throw .nonexistentLocalTime(
                        file: path, line: r.line, column: r.column(cStart), value: r.string(cStart),
                        timeZone: timeZone.identifier)
                }
                var end: Int? = nil
                if let cEnd = h["end"], !r.string(cEnd).trimmingWhitespace().isEmpty {
                    let we = try fields.timestamp(r, cEnd)
                    guard let e = resolver.resolve(we, previousUTC: start) else {
                        throw .nonexistentLocalTime(
                            file: path, line: r.line, column: r.column(cEnd), value: r.string(cEnd),
                            timeZone: timeZone.identifier)
                    }
                    guard e > start else {
                        throw .badTimestamp(file: path, line: r.line, column: r.column(cEnd), value: r.string(cEnd))
                    }
                    end = e
                }
                func number(_ name: String, what: String) throws(CallDataError) -> Double? {
                    guard let c = h[name] else { return nil }
                    return try fields.quantity(
                        r, c, limit: PlausibilityLimits.callsPerInterval * 1000, optional: true, what: what)
                }
                let customers = try number("affected_customers", what: "a number of customers ≥ 0")
                let peak = try number("peak_ratio", what: "a ratio ≥ 0")
                let excess = try number("excess_calls", what: "a number of calls ≥ 0")
                out.append(
                    Incident(
                        start: start, end: end, label: r.string(cLabel).trimmingWhitespace(),
                        affectedCustomers: customers, peakRatio: peak, excessCalls: excess))
            }
        } catch {
            throw error.callDataError
        }
        if layout == nil { throw .emptyFile(file: path) }
        return out.sorted { $0.start < $1.start }
    }

    /// The incidents as CSV (`start, end, label, affected_customers, peak_ratio, excess_calls`),
    /// timestamps in the zone's offset at each instant.
    public static func csv(_ incidents: [Incident], timeZone: PlanningTimeZone) -> CSVWriter {
        var w = CSVWriter(header: ["start", "end", "label", "affected_customers", "peak_ratio", "excess_calls"])
        func text(_ utc: Int) -> String {
            timeZone.iso8601(utc: utc)
        }
        for i in incidents {
            w.writeRow([
                text(i.start), i.end.map(text) ?? "", i.label,
                i.affectedCustomers.map { formatDecimal($0, places: 0) } ?? "",
                i.peakRatio.map { formatDecimal($0, places: 3) } ?? "",
                i.excessCalls.map { formatDecimal($0, places: 1) } ?? "",
            ])
        }
        return w
    }
}
