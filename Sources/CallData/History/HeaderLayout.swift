/// The columns of a CSV header, matched against the names a file shape allows.
public struct HeaderLayout: Sendable {
    /// Field index per known column name.
    public private(set) var index: [String: Int] = [:]
    /// Number of fields in the header (every row must have as many).
    public private(set) var fieldCount = 0

    /// Reads the header record; names are trimmed and compared case-insensitively.
    /// - Throws: `unknownColumn` / `duplicateColumn` / `missingColumn` naming the allowed set.
    public init(
        record: borrowing CSVRecord, file: String, required: [String], optional: [String], ignored: [String] = []
    )
        throws(CallDataError)
    {
        let expected = (required + optional.map { "[\($0)]" }).joined(separator: ", ")
        fieldCount = record.count
        for k in 0..<record.count {
            let name = record.string(k).trimmingWhitespace().lowercased()
            if ignored.contains(name) { continue }
            guard required.contains(name) || optional.contains(name) else {
                throw .unknownColumn(
                    file: file, line: record.line, column: record.column(k), name: name, expected: expected)
            }
            guard index[name] == nil else {
                throw .duplicateColumn(file: file, line: record.line, column: record.column(k), name: name)
            }
            index[name] = k
        }
        for name in required where index[name] == nil {
            throw .missingColumn(file: file, line: record.line, name: name, expected: expected)
        }
    }

    /// The field index of a column, if present.
    public subscript(name: String) -> Int? { index[name] }
}

/// Shared field checks with line/column reporting.
public struct FieldReader: Sendable {
    /// The file name used in messages.
    public let file: String

    /// A reader for fields of `file`.
    public init(file: String) { self.file = file }

    /// An ISO 8601 timestamp.
    public func timestamp(_ r: borrowing CSVRecord, _ k: Int) throws(CallDataError) -> WrittenTimestamp {
        guard let t = WrittenTimestamp.parse(r.field(k)) else {
            throw .badTimestamp(file: file, line: r.line, column: r.column(k), value: r.string(k))
        }
        return t
    }

    /// A non-negative finite number no larger than `limit`; `nil` for a blank field when `optional`.
    public func quantity(_ r: borrowing CSVRecord, _ k: Int, limit: Double, optional: Bool, what: String)
        throws(CallDataError) -> Double?
    {
        let f = r.field(k)
        guard let v = FieldParsing.double(f) else {
            if optional, FieldParsing.isBlank(f) { return nil }
            throw .badNumber(file: file, line: r.line, column: r.column(k), value: r.string(k), expected: what)
        }
        if v < 0 { throw .negativeValue(file: file, line: r.line, column: r.column(k), value: r.string(k)) }
        if v > limit {
            throw .implausibleValue(
                file: file, line: r.line, column: r.column(k), value: r.string(k), limit: formatDecimal(limit))
        }
        return v
    }

    /// The row has as many fields as the header.
    public func fieldCount(_ r: borrowing CSVRecord, expected: Int) throws(CallDataError) {
        guard r.count == expected else {
            throw .fieldCount(file: file, line: r.line, expected: expected, found: r.count)
        }
    }
}

/// Limits beyond which a value is taken for a unit mistake or corruption.
public enum PlausibilityLimits {
    /// Calls in one interval (a national 911 network peaks far below this).
    public static let callsPerInterval = 10_000_000.0
    /// A single call's handle or wait time: one week.
    public static let durationSeconds = 604_800.0
}

/// Turns naive wall-clock times into UTC instants in a planning zone, choosing the
/// occurrence of an ambiguous (fall-back) time that keeps the rows in time order:
/// the earlier one unless the previous row was already past it.
public struct WallClockResolver: Sendable {
    /// The planning zone.
    public let zone: PlanningTimeZone

    /// A resolver for `zone`.
    public init(zone: PlanningTimeZone) { self.zone = zone }

    /// The UTC instant of `t` (its own offset, or the wall clock in `zone`); `nil` in a DST gap.
    public func resolve(_ t: WrittenTimestamp, previousUTC: Int?) -> Int? {
        if let utc = t.utcSeconds { return utc }
        let (first, second) = zone.utcCandidates(forWall: t.wallSeconds)
        guard let first else { return nil }
        if let second, let previousUTC, previousUTC >= first { return second }
        return first
    }
}
