/// A problem with an input or output file, located as precisely as possible.
///
/// Every case prints as one line in the compiler style `file:line:column: message`,
/// naming what was found and what was expected, so a planner can jump to the spot.
/// Lines and columns are 1-based; the column counts bytes from the start of the line.
public enum CallDataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file could not be written (nothing was replaced).
    case unwritable(file: String, reason: String)
    /// The file is empty or has only a header.
    case emptyFile(file: String)
    /// The header names a column this file shape does not have.
    case unknownColumn(file: String, line: Int, column: Int, name: String, expected: String)
    /// A required column is absent from the header.
    case missingColumn(file: String, line: Int, name: String, expected: String)
    /// The header names the same column twice.
    case duplicateColumn(file: String, line: Int, column: Int, name: String)
    /// A row has the wrong number of fields.
    case fieldCount(file: String, line: Int, expected: Int, found: Int)
    /// A quoted field is not closed before the end of the file.
    case unterminatedQuote(file: String, line: Int, column: Int)
    /// A character after a closing quote that is not a separator or line end.
    case badQuote(file: String, line: Int, column: Int)
    /// A timestamp that is not ISO 8601.
    case badTimestamp(file: String, line: Int, column: Int, value: String)
    /// A number that does not parse (or is not finite).
    case badNumber(file: String, line: Int, column: Int, value: String, expected: String)
    /// A count or duration below zero.
    case negativeValue(file: String, line: Int, column: Int, value: String)
    /// A value too large to be real data (a unit mistake or corruption).
    case implausibleValue(file: String, line: Int, column: Int, value: String, limit: String)
    /// A local time that does not exist in the planning zone (spring-forward gap).
    case nonexistentLocalTime(file: String, line: Int, column: Int, value: String, timeZone: String)
    /// An interval start that repeats an earlier one (same queue).
    case duplicateInterval(file: String, line: Int, column: Int, value: String, firstLine: Int)
    /// Interval history that goes back in time (same queue).
    case outOfOrder(file: String, line: Int, column: Int, value: String, previous: String)
    /// An interval start that is not on the grid of the interval length.
    case misalignedInterval(file: String, line: Int, column: Int, value: String, intervalSeconds: Int)
    /// Interval history whose interval cannot be turned into the one asked for.
    case incompatibleInterval(file: String, found: Int, requested: Int)
    /// A TOML file that is malformed or does not fit its schema (see `TOMLError`).
    case toml(TOMLError)

    public var description: String {
        switch self {
        case .unreadable(let f, let r): "\(f): cannot read: \(r)"
        case .unwritable(let f, let r): "\(f): cannot write: \(r)"
        case .emptyFile(let f): "\(f):1:1: file has no data rows; expected a header row and at least one data row"
        case .unknownColumn(let f, let l, let c, let n, let e):
            "\(f):\(l):\(c): unknown column '\(n)'; expected columns: \(e)"
        case .missingColumn(let f, let l, let n, let e): "\(f):\(l):1: missing column '\(n)'; expected columns: \(e)"
        case .duplicateColumn(let f, let l, let c, let n): "\(f):\(l):\(c): column '\(n)' appears twice in the header"
        case .fieldCount(let f, let l, let e, let n): "\(f):\(l):1: row has \(n) fields; expected \(e) like the header"
        case .unterminatedQuote(let f, let l, let c):
            "\(f):\(l):\(c): quoted field is never closed; expected a closing '\"'"
        case .badQuote(let f, let l, let c):
            "\(f):\(l):\(c): unexpected character after a closing quote; expected ',' or end of line"
        case .badTimestamp(let f, let l, let c, let v):
            "\(f):\(l):\(c): bad timestamp '\(v)'; expected ISO 8601 like 2025-02-12T08:30:00+01:00 or 2025-02-12 08:30"
        case .badNumber(let f, let l, let c, let v, let e): "\(f):\(l):\(c): bad number '\(v)'; expected \(e)"
        case .negativeValue(let f, let l, let c, let v):
            "\(f):\(l):\(c): negative value '\(v)'; expected a count or duration ≥ 0"
        case .implausibleValue(let f, let l, let c, let v, let lim):
            "\(f):\(l):\(c): implausible value '\(v)'; expected at most \(lim)"
        case .nonexistentLocalTime(let f, let l, let c, let v, let z):
            "\(f):\(l):\(c): local time '\(v)' does not exist in \(z) (clocks jump forward); expected a time outside the DST gap or one with a UTC offset"
        case .duplicateInterval(let f, let l, let c, let v, let first):
            "\(f):\(l):\(c): interval '\(v)' repeats the one on line \(first); expected each interval once per queue"
        case .outOfOrder(let f, let l, let c, let v, let p):
            "\(f):\(l):\(c): interval '\(v)' comes before the previous row's '\(p)'; expected rows in time order per queue"
        case .misalignedInterval(let f, let l, let c, let v, let s):
            "\(f):\(l):\(c): interval start '\(v)' is not on the \(TimeSpan(seconds: s)) grid; expected starts at multiples of \(TimeSpan(seconds: s)) from midnight"
        case .incompatibleInterval(let f, let found, let req):
            "\(f): history is in \(TimeSpan(seconds: found)) intervals, which cannot be combined into \(TimeSpan(seconds: req)); expected a multiple of \(TimeSpan(seconds: found))"
        case .toml(let e): e.description
        }
    }
}
