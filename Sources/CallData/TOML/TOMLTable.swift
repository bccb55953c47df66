/// A TOML table read from a file, with typed, located accessors for schema-driven readers.
///
/// Parse a file with `TOMLTable(contentsOf:)` (or bytes with `TOMLTable(parsing:file:)`), then
/// read keys with the accessors; each throws a `CallDataError.toml` naming the file, line,
/// column, key, what was found and what was expected:
/// ```swift
/// let root = try TOMLTable(contentsOf: path)
/// try root.rejectUnknownKeys(allowed: ["shift"])
/// for shift in try root.tables("shift") {
///     try shift.rejectUnknownKeys(allowed: ["name", "length", "paid"])
///     let name = try shift.string("name")                 // required
///     let length = try shift.duration("length")           // required, "8h"
///     let paid = try shift["paid"]?.bool() ?? false       // optional
/// }
/// ```
/// The reader is TOML 1.0 (see `TOMLParser`); it never traps on any input.
public struct TOMLTable: Equatable, Sendable {
    /// Deepest nesting of tables, dotted keys, arrays and inline tables accepted; deeper input is a
    /// `tooDeep` error rather than a stack overflow. A configuration file needs a handful of levels.
    public static let maximumNestingDepth = 64

    struct Entry: Equatable, Sendable {
        var key: String
        /// Where the key was (first) written.
        var line: Int
        var column: Int
        var value: TOMLValue
    }

    /// How the table is written, for messages: `[[shift]]`, `[a.b]`, `` `a.b` `` (dotted or inline), `the top level`.
    public var name: String
    public var file: String
    /// Where the table starts: its header, its key, or 1:1 for the top level.
    public var line: Int
    public var column: Int
    var entries: [Entry]
    /// Key → index for tables with more than `linearScanLimit` keys; smaller ones are scanned.
    var index: [String: Int]?

    /// Tables up to this many keys are searched linearly (faster than hashing for config-sized tables).
    static let linearScanLimit = 16

    init(name: String, file: String, line: Int, column: Int, entries: [Entry]) {
        self.name = name
        self.file = file
        self.line = line
        self.column = column
        self.entries = entries
        self.index =
            entries.count > Self.linearScanLimit
            ? Dictionary(entries.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first }) : nil
    }

    /// Parses TOML 1.0 bytes (UTF-8, an optional byte-order mark is skipped).
    /// - Throws: `CallDataError.toml` with kind `syntax`, `duplicateKey` or `tooDeep`.
    public init(parsing bytes: [UInt8], file: String) throws(CallDataError) {
        var parser = TOMLParser(bytes: bytes, file: file)
        self = try parser.parseDocument()
    }

    /// Reads and parses a TOML file.
    /// - Throws: `CallDataError.unreadable`, or `CallDataError.toml` as `init(parsing:file:)`.
    public init(contentsOf path: String) throws(CallDataError) {
        try self.init(parsing: try FileBytes.read(path), file: path)
    }

    /// The keys in the order they were first written.
    public var keys: [String] { entries.map(\.key) }

    /// The value under `key`, or `nil` when absent (use for optional keys: `try t["x"]?.bool() ?? false`).
    public subscript(key: String) -> TOMLValue? {
        if let index { return index[key].map { entries[$0].value } }
        return entries.first { $0.key == key }?.value
    }

    /// The value under a required `key`.
    /// - Throws: a `missingKey` error located at the table, saying `key = expected`.
    public func value(_ key: String, expected: String = "a value") throws(CallDataError) -> TOMLValue {
        guard let v = self[key] else {
            throw .toml(
                TOMLError(
                    .missingKey, file: file, line: line, column: column, key: key,
                    found: "\(name) without `\(key)`", expected: "`\(key)` = \(expected)"))
        }
        return v
    }

    /// A required string.
    public func string(_ key: String, expected: String = "a string in quotes") throws(CallDataError) -> String {
        try value(key, expected: expected).string(expected: expected)
    }

    /// A required integer.
    public func int(_ key: String, expected: String = "an integer") throws(CallDataError) -> Int {
        try value(key, expected: expected).int(expected: expected)
    }

    /// A required finite number (integers accepted).
    public func double(_ key: String, expected: String = "a finite number") throws(CallDataError) -> Double {
        try value(key, expected: expected).double(expected: expected)
    }

    /// A required `true`/`false`.
    public func bool(_ key: String, expected: String = "true or false") throws(CallDataError) -> Bool {
        try value(key, expected: expected).bool(expected: expected)
    }

    /// A required duration string (`"8h"`, `"30m"`).
    public func duration(
        _ key: String, expected: String = "a duration in quotes like \"8h\", \"30m\" or \"1h30m\""
    ) throws(CallDataError) -> TimeSpan {
        try value(key, expected: expected).duration(expected: expected)
    }

    /// A required date, time or date-time.
    public func dateTime(_ key: String, expected: String = "a date or time like 2025-01-06 or 07:30:00")
        throws(CallDataError) -> TOMLDateTime
    {
        try value(key, expected: expected).dateTime(expected: expected)
    }

    /// A required array.
    public func array(_ key: String, expected: String = "an array like [1, 2]") throws(CallDataError) -> [TOMLValue] {
        try value(key, expected: expected).array(expected: expected)
    }

    /// A required table.
    public func table(_ key: String, expected: String = "a table") throws(CallDataError) -> TOMLTable {
        try value(key, expected: expected).table(expected: expected)
    }

    /// A required array of tables (`[[key]]` sections or an array of inline tables).
    public func tables(_ key: String, expected: String = "an array of tables ([[name]] sections)")
        throws(CallDataError) -> [TOMLTable]
    {
        try value(key, expected: expected).tables(expected: expected)
    }

    /// Throws for the first key (in file order) not in `allowed`, naming it, its line, the allowed
    /// keys and, for a near miss (at most two edits, or a different case), the key meant.
    public func rejectUnknownKeys(allowed: [String]) throws(CallDataError) {
        for e in entries where !allowed.contains(e.key) {
            let list = allowed.map { "`\($0)`" }.joined(separator: ", ")
            throw .toml(
                TOMLError(
                    .unknownKey(suggestion: Self.suggestion(for: e.key, among: allowed)), file: file, line: e.line,
                    column: e.column, key: e.key, found: "an unknown key in \(name)",
                    expected: allowed.isEmpty ? "no keys" : "one of \(list)"))
        }
    }

    /// A located `invalidValue` error for a rule that involves several keys of this table.
    public func error(found: String, expected: String) -> CallDataError {
        .toml(TOMLError(.invalidValue, file: file, line: line, column: column, found: found, expected: expected))
    }

    /// The allowed key closest to `key` when it is a near miss: equal ignoring case, or at most
    /// two edits (optimal string alignment distance: insertions, deletions, substitutions and
    /// adjacent transpositions) and fewer edits than half its length.
    static func suggestion(for key: String, among allowed: [String]) -> String? {
        let lower = Array(key.lowercased().utf8)
        var best: (String, Int)? = nil
        for candidate in allowed {
            let d = editDistance(lower, Array(candidate.lowercased().utf8))
            guard d <= 2, d * 2 < max(lower.count, 1) || d == 0 else { continue }
            if best.map({ d < $0.1 }) ?? true { best = (candidate, d) }
        }
        return best?.0
    }

    /// Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring).
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, before[j - 2] + 1) }
                current[j] = d
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
