/// A TOML value and where it was written, with typed accessors for schema-driven readers.
///
/// Every accessor checks the TOML type and throws a located `CallDataError.toml` naming the
/// key, what was found and what was expected, e.g.
/// `shifts.toml:12:8: `paid`: found the string "yes"; expected true or false`.
/// Pass `expected:` to say more precisely what the schema wants.
public struct TOMLValue: Equatable, Sendable {
    /// The TOML types (TOML 1.0). Arrays of tables and inline tables are `.array` of `.table`.
    public enum Content: Equatable, Sendable {
        case string(String)
        case integer(Int)
        case float(Double)
        case boolean(Bool)
        case dateTime(TOMLDateTime)
        case array([TOMLValue])
        case table(TOMLTable)
    }

    public var content: Content
    /// The key it was written under (`paid`), or the key and 1-based index for array elements (`window[2]`).
    public var key: String
    public var file: String
    /// Where the value starts (for `[table]` and `[[table]]` values: the header).
    public var line: Int
    public var column: Int

    public init(_ content: Content, key: String, file: String, line: Int, column: Int) {
        self.content = content
        self.key = key
        self.file = file
        self.line = line
        self.column = column
    }

    /// A located `invalidValue` error for a value of the right type that breaks a schema rule.
    public func error(expected: String) -> CallDataError {
        .toml(
            TOMLError(.invalidValue, file: file, line: line, column: column, key: key, found: found, expected: expected)
        )
    }

    /// A located `wrongType` error.
    public func typeError(expected: String) -> CallDataError {
        .toml(TOMLError(.wrongType, file: file, line: line, column: column, key: key, found: found, expected: expected))
    }

    /// A string.
    public func string(expected: String = "a string in quotes") throws(CallDataError) -> String {
        guard case .string(let s) = content else { throw typeError(expected: expected) }
        return s
    }

    /// An integer (TOML integers are 64-bit).
    public func int(expected: String = "an integer") throws(CallDataError) -> Int {
        guard case .integer(let v) = content else { throw typeError(expected: expected) }
        return v
    }

    /// A finite number: a float, or an integer converted to the nearest `Double`.
    ///
    /// *Edge Cases*: `inf` and `nan` are refused (an `invalidValue` error); read `content` to accept them.
    public func double(expected: String = "a finite number") throws(CallDataError) -> Double {
        switch content {
        case .integer(let v): return Double(v)
        case .float(let v):
            guard v.isFinite else { throw error(expected: expected) }
            return v
        default: throw typeError(expected: expected)
        }
    }

    /// `true` or `false`.
    public func bool(expected: String = "true or false") throws(CallDataError) -> Bool {
        guard case .boolean(let b) = content else { throw typeError(expected: expected) }
        return b
    }

    /// A string holding a duration as `TimeSpan` reads it: `"90s"`, `"30m"`, `"1h30m"`, `"7d"`.
    public func duration(
        expected: String = "a duration in quotes like \"8h\", \"30m\" or \"1h30m\""
    ) throws(CallDataError) -> TimeSpan {
        let text = try string(expected: expected)
        guard let span = TimeSpan(parsing: text) else { throw error(expected: expected) }
        return span
    }

    /// A date, time or date-time (any of the four TOML kinds; check the parts you need).
    public func dateTime(expected: String = "a date or time like 2025-01-06 or 07:30:00") throws(CallDataError)
        -> TOMLDateTime
    {
        guard case .dateTime(let d) = content else { throw typeError(expected: expected) }
        return d
    }

    /// An array (elements may have any type; check each with its own accessor).
    public func array(expected: String = "an array like [1, 2]") throws(CallDataError) -> [TOMLValue] {
        guard case .array(let a) = content else { throw typeError(expected: expected) }
        return a
    }

    /// A table (`[name]`, a dotted-key table or an inline table).
    public func table(expected: String = "a table") throws(CallDataError) -> TOMLTable {
        guard case .table(let t) = content else { throw typeError(expected: expected) }
        return t
    }

    /// An array whose elements are all tables: `[[name]]` sections or an array of inline tables.
    public func tables(expected: String = "an array of tables ([[name]] sections)") throws(CallDataError)
        -> [TOMLTable]
    {
        guard case .array(let a) = content else { throw typeError(expected: expected) }
        var out: [TOMLTable] = []
        out.reserveCapacity(a.count)
        for element in a {
            guard case .table(let t) = element.content else { throw element.typeError(expected: expected) }
            out.append(t)
        }
        return out
    }

    /// What the value is, for messages: `the string "yes"`, `the integer 3`, `an array of 2 values`.
    public var found: String {
        switch content {
        case .string(let s): return "the string \(Self.quoted(s))"
        case .integer(let v): return "the integer \(v)"
        case .float(let v): return "the float \(v)"
        case .boolean(let b): return "the boolean \(b)"
        case .dateTime(let d):
            let kind =
                d.date == nil
                ? "local time"
                : d.time == nil
                    ? "local date"
                    : d.utcOffsetSeconds == nil
                        ? "local date-time" : "date-time"
            return "the \(kind) \(d)"
        case .array(let a):
            return a.isEmpty ? "an empty array" : "an array of \(a.count) value\(a.count == 1 ? "" : "s")"
        case .table(let t): return "the table \(t.name)"
        }
    }

    /// Text in double quotes with control characters escaped, shortened past 40 characters.
    static func quoted(_ s: String) -> String {
        var out = "\""
        var n = 0
        for scalar in s.unicodeScalars {
            if n == 40 {
                out += "…"
                break
            }
            n += 1
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
