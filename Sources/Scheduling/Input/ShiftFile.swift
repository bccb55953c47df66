import CallData
import TOMLKit

/// A problem in a shifts file or an agents file that is not a CSV/CSV-field problem.
public struct SchedulingInputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line):1: \(message)" }
}

/// Reads `shifts.toml`:
/// ```toml
/// [[shift]]
/// name = "full"              # unique
/// length = "8h"
/// start_step = "30m"
/// earliest_start = "07:00"   # optional
/// latest_end = "21:30"       # optional
/// cost_per_hour = 1.0        # optional, default 1
/// [[shift.break]]            # optional, any number
/// length = "30m"
/// paid = false
/// window = ["3h", "5h"]
/// ```
public enum ShiftFile {
    /// Parses and checks the shifts; errors name the file, the line and what was expected.
    public static func read(path: String) throws -> [ShiftTemplate] {
        let bytes = try FileBytes.read(path)
        let text = String(decoding: bytes, as: UTF8.self)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw SchedulingInputError(
                file: path, line: e.source.begin.line,
                message: "\(e.description); expected TOML like [[shift]] name = \"full\" length = \"8h\"")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func line(of needle: String, after: Int = 0) -> Int {
            for k in after..<lines.count where lines[k].contains(needle) { return k + 1 }
            return max(1, after)
        }
        guard let shifts = table["shift"]?.array, shifts.count > 0 else {
            throw SchedulingInputError(
                file: path, line: 1, message: "no [[shift]] tables; expected at least one shift with name and length")
        }
        var out: [ShiftTemplate] = []
        var shiftLine = 0
        for value in shifts {
            shiftLine = line(of: "[[shift]]", after: shiftLine)
            guard let s = value.table else {
                throw SchedulingInputError(file: path, line: shiftLine, message: "shift is not a table")
            }
            func fail(_ key: String, _ what: String) -> SchedulingInputError {
                SchedulingInputError(file: path, line: line(of: key, after: shiftLine - 1), message: what)
            }
            guard let name = s["name"]?.string, !name.isEmpty else {
                throw fail("[[shift]]", "shift without a name; expected name = \"…\"")
            }
            guard !out.contains(where: { $0.name == name }) else {
                throw fail("name", "shift name '\(name)' is used twice; expected unique names")
            }
            func span(_ key: String, required: Bool) throws -> Int? {
                guard let v = s[key] else {
                    if required {
                        throw fail("[[shift]]", "shift '\(name)' has no \(key); expected e.g. \(key) = \"8h\"")
                    }
                    return nil
                }
                guard let text = v.string, let t = TimeSpan(parsing: text), t.seconds > 0 else {
                    throw fail(key, "shift '\(name)': \(key) is not a duration; expected e.g. \"8h\", \"30m\"")
                }
                return t.seconds
            }
            func clock(_ key: String) throws -> Int? {
                guard let v = s[key] else { return nil }
                guard let text = v.string, let t = Availability.clock(text) else {
                    throw fail(key, "shift '\(name)': \(key) is not a time of day; expected \"HH:MM\" (24:00 allowed)")
                }
                return t
            }
            let length = try span("length", required: true)!
            let step = try span("start_step", required: false) ?? 1800
            let cost = s["cost_per_hour"].map { $0.double ?? $0.int.map(Double.init) ?? -1 } ?? 1
            guard cost >= 0 else { throw fail("cost_per_hour", "shift '\(name)': cost_per_hour must be a number ≥ 0") }
            var breaks: [ShiftTemplate.BreakRule] = []
            if let list = s["break"]?.array {
                for b in list {
                    guard let bt = b.table, let lt = bt["length"]?.string, let bl = TimeSpan(parsing: lt),
                        bl.seconds > 0
                    else {
                        throw fail("length", "shift '\(name)': break needs length = \"30m\"")
                    }
                    let paid = bt["paid"]?.bool ?? false
                    var window = 0...(length - bl.seconds)
                    if let w = bt["window"]?.array {
                        guard w.count == 2, let a = w[0].string.flatMap(TimeSpan.init(parsing:)),
                            let z = w[1].string.flatMap(TimeSpan.init(parsing:)),
                            a.seconds <= z.seconds, z.seconds + bl.seconds <= length
                        else {
                            throw fail(
                                "window", "shift '\(name)': break window must be [\"3h\", \"5h\"] inside the shift")
                        }
                        window = a.seconds...z.seconds
                    }
                    breaks.append(.init(lengthSeconds: bl.seconds, paid: paid, window: window))
                }
            }
            out.append(
                ShiftTemplate(
                    name: name, lengthSeconds: length, startStepSeconds: step,
                    earliestStart: try clock("earliest_start"),
                    latestEnd: try clock("latest_end"), costPerHour: cost, breaks: breaks))
        }
        return out
    }
}
