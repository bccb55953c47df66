import CallData

/// Reads a roster — the `schedule --agents` output, `agent_id, pool, date, shift_start,
/// shift_end, break_start, break_end, paid_hours` — back into each agent's shifts and breaks.
///
/// Only `agent_id`, `shift_start` and `shift_end` are required; `pool`, `date` and
/// `paid_hours` are accepted and ignored. Several breaks in one shift are joined with `;` in
/// `break_start` and `break_end`, in the same order. Timestamps carry their offset or are naive
/// wall-clock times in `zone` (the earlier occurrence of an ambiguous fall-back time, unless that
/// would put a time before the shift's start).
///
/// *Edge Cases*: an agent may have any number of rows (one per day, or split shifts). Checked,
/// each failing with file and line: columns, field counts, timestamps (incl. times in a DST gap),
/// a shift that does not end after it starts, break lists of different lengths, and breaks that
/// do not end after they start or fall outside their shift.
public enum RosterFile {
    /// One rostered shift of one agent, in UTC seconds.
    public struct Shift: Equatable, Sendable {
        public var agentID: String
        public var start: Int
        public var end: Int
        /// Breaks as `(start, end)` pairs, inside the shift.
        public var breaks: [ClosedBreak]

        /// A shift.
        public init(agentID: String, start: Int, end: Int, breaks: [ClosedBreak]) {
            self.agentID = agentID
            self.start = start
            self.end = end
            self.breaks = breaks
        }

        /// The spans the agent is on the phones: the shift minus its breaks, in time order.
        public var onDuty: [(start: Int, end: Int)] {
            var spans: [(start: Int, end: Int)] = []
            var from = start
            for b in breaks.sorted(by: { $0.start < $1.start }) {
                if b.start > from { spans.append((from, b.start)) }
                from = max(from, b.end)
            }
            if end > from { spans.append((from, end)) }
            return spans
        }
    }

    /// A break from `start` to `end` (UTC seconds).
    public struct ClosedBreak: Equatable, Sendable {
        public var start: Int
        public var end: Int

        /// A break.
        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    /// Reads the roster at `path`.
    /// - Throws: `CallDataError` (format) or `SchedulingInputError` (meaning), both located.
    public static func read(path: String, zone: PlanningTimeZone) throws -> [Shift] {
        var reader = try CSVReader(contentsOf: path)
        let fields = FieldReader(file: path)
        let resolver = WallClockResolver(zone: zone)
        var layout: HeaderLayout? = nil
        var shifts: [Shift] = []
        var problem: SchedulingInputError? = nil
        do {
            try reader.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in
                guard problem == nil else { return }
                guard let h = layout else {
                    layout = try HeaderLayout(
                        record: r, file: path, required: ["agent_id", "shift_start", "shift_end"],
                        optional: ["pool", "date", "break_start", "break_end", "paid_hours"])
                    return
                }
                try fields.fieldCount(r, expected: h.fieldCount)
                func instant(_ k: Int, after previous: Int?) throws(CallDataError) -> Int {
                    let t = try fields.timestamp(r, k)
                    guard let utc = resolver.resolve(t, previousUTC: previous) else {
                        throw .nonexistentLocalTime(
                            file: path, line: r.line, column: r.column(k), value: r.string(k),
                            timeZone: zone.identifier)
                    }
                    return utc
                }
                func instants(_ k: Int?, after previous: Int) throws(CallDataError) -> [Int] {
                    guard let k else { return [] }
                    let text = r.string(k).trimmingWhitespace()
                    guard !text.isEmpty else { return [] }
                    var out: [Int] = []
                    for part in text.split(separator: ";") {
                        guard let t = WrittenTimestamp.parse(String(part).trimmingWhitespace()) else {
                            throw .badTimestamp(file: path, line: r.line, column: r.column(k), value: String(part))
                        }
                        guard let utc = resolver.resolve(t, previousUTC: previous) else {
                            throw .nonexistentLocalTime(
                                file: path, line: r.line, column: r.column(k), value: String(part),
                                timeZone: zone.identifier)
                        }
                        out.append(utc)
                    }
                    return out
                }
                let id = r.string(h["agent_id"]!).trimmingWhitespace()
                let start = try instant(h["shift_start"]!, after: nil)
                let end = try instant(h["shift_end"]!, after: start)
                guard !id.isEmpty else {
                    problem = SchedulingInputError(
                        file: path, line: r.line, message: "empty agent_id; expected an agent identifier")
                    return
                }
                guard end > start, end - start <= 86_400 else {
                    problem = SchedulingInputError(
                        file: path, line: r.line,
                        message: "shift_end '\(r.string(h["shift_end"]!))' is not within 24 hours after shift_start "
                            + "'\(r.string(h["shift_start"]!))'; expected a shift of positive length up to 24h")
                    return
                }
                let starts = try instants(h["break_start"], after: start)
                let ends = try instants(h["break_end"], after: start)
                guard starts.count == ends.count else {
                    problem = SchedulingInputError(
                        file: path, line: r.line,
                        message: "\(starts.count) break_start but \(ends.count) break_end; expected as many of each")
                    return
                }
                var breaks: [ClosedBreak] = []
                for (bs, be) in zip(starts, ends) {
                    guard be > bs, bs >= start, be <= end else {
                        problem = SchedulingInputError(
                            file: path, line: r.line,
                            message: "a break is empty or outside its shift; expected break_start < break_end within "
                                + "shift_start…shift_end")
                        return
                    }
                    breaks.append(ClosedBreak(start: bs, end: be))
                }
                shifts.append(Shift(agentID: id, start: start, end: end, breaks: breaks))
            }
        } catch {
            throw error.callDataError
        }
        if let problem { throw problem }
        guard layout != nil, !shifts.isEmpty else { throw CallDataError.emptyFile(file: path) }
        return shifts
    }
}
