import CallData

/// What a per-call log says about behaviour, for fitting the simulation's distributions: the
/// handle times of answered calls, and every call's wait with whether it abandoned (patience,
/// right-censored by answering).
///
/// Reads `arrived_at, [queue,] [handle_seconds,] [wait_seconds,] [abandoned]` (the log
/// `aggregate` reads); arrival instants are kept for replay (`--arrivals-log`).
/// Rows are checked like `aggregate` checks them (field counts, numbers, durations up to a
/// week, `abandoned` as 0/1/true/false), each error naming file, line and column.
public struct CallLogSample: Sendable {
    /// Handle times of answered calls (positive only).
    public var handleSeconds: [Double] = []
    /// Waits of calls with a `wait_seconds` value.
    public var waitSeconds: [Double] = []
    /// Whether each of those calls abandoned (same order as `waitSeconds`).
    public var abandoned: [Bool] = []
    /// Arrival instants (UTC seconds) and queue names (`nil` without a queue column), in file order.
    public var arrivals: [Int] = []
    public var arrivalQueues: [String?] = []

    /// Reads the log at `path`; naive `arrived_at` times are wall-clock times in `zone`.
    public static func read(path: String, zone: PlanningTimeZone = .utc) throws(CallDataError) -> CallLogSample {
        let resolver = WallClockResolver(zone: zone)
        var reader = try CSVReader(contentsOf: path)
        let fields = FieldReader(file: path)
        var layout: HeaderLayout? = nil
        var sample = CallLogSample()
        do {
            try reader.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in
                guard let h = layout else {
                    layout = try HeaderLayout(
                        record: r, file: path, required: ["arrived_at"],
                        optional: ["queue", "handle_seconds", "wait_seconds", "abandoned"])
                    return
                }
                try fields.fieldCount(r, expected: h.fieldCount)
                let cArrived = h["arrived_at"]!
                let written = try fields.timestamp(r, cArrived)
                guard let utc = resolver.resolve(written, previousUTC: sample.arrivals.last) else {
                    throw .nonexistentLocalTime(
                        file: path, line: r.line, column: r.column(cArrived), value: r.string(cArrived),
                        timeZone: zone.identifier)
                }
                sample.arrivals.append(utc)
                sample.arrivalQueues.append(h["queue"].map { r.string($0).trimmingWhitespace() })
                var gaveUp = false
                if let k = h["abandoned"] {
                    let f = r.field(k)
                    if !FieldParsing.isBlank(f) {
                        guard let b = FieldParsing.bool(f) else {
                            throw .badNumber(
                                file: path, line: r.line, column: r.column(k), value: r.string(k),
                                expected: "0/1 or true/false")
                        }
                        gaveUp = b
                    }
                }
                if let k = h["handle_seconds"], !gaveUp,
                    let v = try fields.quantity(
                        r, k, limit: PlausibilityLimits.durationSeconds, optional: true,
                        what: "a handle time in seconds"),
                    v > 0
                {
                    sample.handleSeconds.append(v)
                }
                if let k = h["wait_seconds"],
                    let v = try fields.quantity(
                        r, k, limit: PlausibilityLimits.durationSeconds, optional: true, what: "a wait in seconds")
                {
                    sample.waitSeconds.append(v)
                    sample.abandoned.append(gaveUp)
                }
            }
        } catch {
            throw error.callDataError
        }
        guard layout != nil else { throw .emptyFile(file: path) }
        return sample
    }
}
