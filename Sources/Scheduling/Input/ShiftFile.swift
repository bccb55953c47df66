import CallData

/// Reads `shifts.toml` with CallData's TOML reader:
/// ```toml
/// [[shift]]
/// name = "full"              # unique
/// length = "8h"              # > 0, at most 24h
/// start_step = "30m"         # optional, default 30m; divides 24h
/// earliest_start = "07:00"   # optional, "HH:MM" or 07:00:00
/// latest_end = "21:30"       # optional, "HH:MM" (24:00 allowed) or 21:30:00
/// cost_per_hour = 1.0        # optional, default 1, ≥ 0
/// [[shift.break]]            # optional, any number, placed in this order
/// length = "30m"             # > 0, shorter than the shift
/// paid = false               # optional, default false
/// window = ["3h", "5h"]      # optional: earliest and latest start after the shift starts
/// ```
/// Every problem is a `CallDataError.toml` naming the file, line and column of the offending
/// key or value, what was found and what was expected: malformed TOML, unknown or misspelt
/// keys (with a did-you-mean), wrong types (`paid = "yes"`), and inconsistent templates (a
/// break longer than its shift or outside it, a start step that does not divide a day, an
/// earliest start that leaves no room before the latest end, breaks that cannot all fit).
public enum ShiftFile {
    /// Keys of a `[[shift]]` table.
    public static let shiftKeys = [
        "name", "length", "start_step", "earliest_start", "latest_end", "cost_per_hour", "break",
    ]
    /// Keys of a `[[shift.break]]` table.
    public static let breakKeys = ["length", "paid", "window"]
    /// Longest shift accepted, seconds (a day; longer is a unit mistake, e.g. "80h").
    public static let maximumShiftSeconds = 86_400
    /// Start grid when `start_step` is absent, seconds.
    public static let defaultStartStepSeconds = 1800

    /// Reads and checks a shift file.
    /// - Throws: `CallDataError.unreadable` or `CallDataError.toml`.
    public static func read(path: String) throws(CallDataError) -> [ShiftTemplate] {
        try parse(try FileBytes.read(path), file: path)
    }

    /// Parses and checks shift-file bytes; `file` names them in errors.
    /// - Throws: `CallDataError.toml`.
    public static func parse(_ bytes: [UInt8], file: String) throws(CallDataError) -> [ShiftTemplate] {
        let root = try TOMLTable(parsing: bytes, file: file)
        try root.rejectUnknownKeys(allowed: ["shift"])
        let tables = try root.tables("shift", expected: "[[shift]] tables with at least name and length")
        var out: [ShiftTemplate] = []
        var firstLine: [String: Int] = [:]
        for table in tables {
            let template = try shift(table)
            if let first = firstLine[template.name] {
                throw try table.value("name").error(expected: "a name not used before (line \(first) has it)")
            }
            firstLine[template.name] = table.line
            out.append(template)
        }
        return out
    }

    static func shift(_ s: TOMLTable) throws(CallDataError) -> ShiftTemplate {
        try s.rejectUnknownKeys(allowed: shiftKeys)
        let nameValue = try s.value("name", expected: "a name in quotes like \"full\"")
        let name = try nameValue.string(expected: "a name in quotes like \"full\"")
        guard !name.trimmingWhitespace().isEmpty else { throw nameValue.error(expected: "a non-empty name") }

        let lengthValue = try s.value("length", expected: "a duration like \"8h\"")
        let length = try positiveDuration(lengthValue, "the shift length")
        guard length <= maximumShiftSeconds else {
            throw lengthValue.error(expected: "a shift length of at most 24h")
        }

        var step = defaultStartStepSeconds
        if let v = s["start_step"] {
            step = try positiveDuration(v, "the grid shift starts sit on")
            guard step <= 86_400, 86_400 % step == 0 else {
                throw v.error(expected: "a start step that divides 24h, like \"15m\", \"30m\" or \"1h\"")
            }
        }

        let earliest = try s["earliest_start"].map { v throws(CallDataError) in try clock(v, allowMidnightEnd: false) }
        let latestEnd = try s["latest_end"].map { v throws(CallDataError) in try clock(v, allowMidnightEnd: true) }
        if let v = s["latest_end"], let end = latestEnd {
            let start = earliest ?? 0
            guard start + length <= end else {
                let what =
                    earliest == nil
                    ? "a latest end at least the shift length (\(TimeSpan(seconds: length))) after midnight"
                    : "a latest end at least earliest_start + length = \(clockText(start + length))"
                throw v.error(expected: what)
            }
        }

        var cost = 1.0
        if let v = s["cost_per_hour"] {
            cost = try v.double(expected: "a number ≥ 0, like 1.0")
            guard cost >= 0 else { throw v.error(expected: "a number ≥ 0, like 1.0") }
        }

        var breaks: [ShiftTemplate.BreakRule] = []
        var earliestFree = 0  // earliest a next break can start, seconds after the shift start
        for b in try s["break"]?.tables(expected: "[[shift.break]] tables with a length") ?? [] {
            try b.rejectUnknownKeys(allowed: breakKeys)
            let lengthValue = try b.value("length", expected: "a duration like \"30m\"")
            let breakLength = try positiveDuration(lengthValue, "the break length")
            guard breakLength < length else {
                throw lengthValue.error(
                    expected: "a break shorter than its shift (\(TimeSpan(seconds: length)))")
            }
            let paid = try b["paid"]?.bool() ?? false
            var window = 0...(length - breakLength)
            if let w = b["window"] {
                let expected =
                    "a window [\"earliest\", \"latest\"] of break starts after the shift start, like [\"3h\", \"5h\"]"
                let ends = try w.array(expected: expected)
                guard ends.count == 2 else { throw w.error(expected: expected) }
                let lo = try ends[0].duration(expected: expected).seconds
                let hi = try ends[1].duration(expected: expected).seconds
                guard lo <= hi else {
                    throw ends[1].error(expected: "a latest start not before the earliest (\(TimeSpan(seconds: lo)))")
                }
                guard hi <= length - breakLength else {
                    throw ends[1].error(
                        expected: "a latest start that lets the break end inside the shift: at most "
                            + "\(TimeSpan(seconds: length - breakLength)) (shift \(TimeSpan(seconds: length)), break "
                            + "\(TimeSpan(seconds: breakLength)))")
                }
                window = lo...hi
            }
            let start = max(window.lowerBound, earliestFree)
            guard start <= window.upperBound else {
                throw b.error(
                    found: "a break whose window ends before the previous break can end",
                    expected: "breaks listed in time order, each window reaching past "
                        + "\(TimeSpan(seconds: earliestFree)) after the shift start")
            }
            earliestFree = start + breakLength
            breaks.append(.init(lengthSeconds: breakLength, paid: paid, window: window))
        }
        let template = ShiftTemplate(
            name: name, lengthSeconds: length, startStepSeconds: step, earliestStart: earliest, latestEnd: latestEnd,
            costPerHour: cost, breaks: breaks)
        if let problem = template.problem { throw s.error(found: "an inconsistent shift", expected: problem) }
        return template
    }

    static func positiveDuration(_ v: TOMLValue, _ what: String) throws(CallDataError) -> Int {
        let expected = "\(what) as a duration in quotes like \"8h\", \"30m\" or \"1h30m\""
        let seconds = try v.duration(expected: expected).seconds
        guard seconds > 0 else { throw v.error(expected: "\(what) > 0, like \"30m\"") }
        return seconds
    }

    /// `"HH:MM"` (`24:00` only as an end) or a TOML local time like `07:30:00`, as seconds after midnight.
    static func clock(_ v: TOMLValue, allowMidnightEnd: Bool) throws(CallDataError) -> Int {
        let expected =
            allowMidnightEnd ? "a time of day \"HH:MM\" (24:00 allowed)" : "a time of day \"HH:MM\" before 24:00"
        let seconds: Int
        switch v.content {
        case .string(let text):
            guard let t = Availability.clock(text) else { throw v.error(expected: expected) }
            seconds = t
        case .dateTime(let d):
            guard d.date == nil, let t = d.time else { throw v.typeError(expected: expected) }
            seconds = t.secondOfDay
        default: throw v.typeError(expected: expected)
        }
        guard allowMidnightEnd || seconds < 86_400 else { throw v.error(expected: expected) }
        guard !allowMidnightEnd || seconds > 0 else { throw v.error(expected: "a latest end after 00:00") }
        return seconds
    }

    static func clockText(_ seconds: Int) -> String {
        let h = seconds / 3600
        let m = seconds % 3600 / 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}
