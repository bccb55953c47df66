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

    /// An ISO 8601 timestamp on a plausible date (`PlausibilityLimits.earliestDay…latestDay`).
    public func timestamp(_ r: borrowing CSVRecord, _ k: Int) throws(CallDataError) -> WrittenTimestamp {
        guard let t = WrittenTimestamp.parse(r.field(k)) else {
            throw .badTimestamp(file: file, line: r.line, column: r.column(k), value: r.string(k))
        }
        let day = CivilCalendar.floorDivide(t.wallSeconds, 86_400)
        guard day >= PlausibilityLimits.earliestDay, day <= PlausibilityLimits.latestDay else {
            throw PlausibilityLimits.dateError(file: file, line: r.line, column: r.column(k), value: r.string(k))
        }
        return t
    }

    /// An `interval_minutes` field: a positive length in minutes that is a whole number of seconds
    /// and at most 25 hours (a fall-back day). Returns seconds; `nil` for a blank field (the full
    /// grid interval).
    public func intervalLength(_ r: borrowing CSVRecord, _ k: Int) throws(CallDataError) -> Int? {
        if FieldParsing.isBlank(r.field(k)) { return nil }
        guard let v = FieldParsing.double(r.field(k)), v > 0, v <= 1500, let s = Int(exactly: (v * 60).rounded()),
            abs(v * 60 - Double(s)) < 1e-6
        else {
            throw .badNumber(
                file: file, line: r.line, column: r.column(k), value: r.string(k),
                expected: "an interval length in minutes > 0 and at most 1500 (whole seconds), e.g. 30")
        }
        return s
    }

    /// A non-empty UTF-8 text field (names and ids), trimmed.
    public func text(_ r: borrowing CSVRecord, _ k: Int, what: String) throws(CallDataError) -> String {
        let f = r.field(k)
        guard let s = String(validating: f, as: UTF8.self) else {
            throw .notUTF8(file: file, line: r.line, column: r.column(k), what: what)
        }
        let t = s.trimmingWhitespace()
        guard !t.isEmpty else { throw .emptyField(file: file, line: r.line, column: r.column(k), what: what) }
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
    /// The earliest date accepted in any file: 1900-01-01 (the start of the time-zone table; older
    /// dates are typos such as year 0000).
    public static let earliestDay = CivilCalendar.daysFromCivil(year: 1900, month: 1, day: 1)
    /// The latest date accepted in any file: 2100-12-31 (the end of the time-zone table; later
    /// dates are typos such as year 9999).
    public static let latestDay = CivilCalendar.daysFromCivil(year: 2100, month: 12, day: 31)

    /// The error for a date outside `earliestDay…latestDay`.
    public static func dateError(file: String, line: Int, column: Int, value: String) -> CallDataError {
        .implausibleDate(
            file: file, line: line, column: column, value: value, earliest: formatISODate(days: earliestDay),
            latest: formatISODate(days: latestDay))
    }
}

/// Turns timestamps as written into instants and offsets, enforcing the data contract on zones:
///
/// - a zone was named (`kind == .named`): naive times are its wall clock (a time in a DST gap is
///   an error; one in a fall-back overlap takes the occurrence that keeps rows in order); a numeric
///   offset must be the zone's offset at that instant (else `offsetContradictsZone`); `Z` marks a
///   UTC instant and is converted.
/// - no zone was named (`.fromData`): the first timestamp decides. With offsets, each row keeps its
///   own offset and `resolvedZone` is the file's offsets; naive, times stay naive (`.naive`). A
///   file mixing the two is an error (`mixedOffsets`).
public struct TimestampResolver: Sendable {
    /// The zone asked for.
    public let zone: PlanningTimeZone
    /// The file, for messages.
    public let file: String
    private let wallClock: WallClockResolver
    private var withOffsets: Bool? = nil
    private var firstLine = 0
    private var observed: [(utc: Int, offset: Int)] = []
    private var lastOffset: Int? = nil
    private var minUTC = Int.max
    private var maxUTC = Int.min

    /// A resolver for timestamps of `file` in `zone` (`.fromData` to take the zone from the file).
    public init(zone: PlanningTimeZone, file: String) {
        self.zone = zone
        self.file = file
        self.wallClock = WallClockResolver(zone: zone)
    }

    /// The instant and local offset of `t`, read from field `k` of `r`.
    public mutating func resolve(_ t: WrittenTimestamp, previousUTC: Int?, _ r: borrowing CSVRecord, _ k: Int)
        throws(CallDataError) -> (utc: Int, offset: Int)
    {
        if zone.kind == .named {
            if let utc = t.utcSeconds {
                let zoneOffset = zone.offset(atUTC: utc)
                if !t.isUTCInstant, let written = t.utcOffset, written != zoneOffset {
                    throw .offsetContradictsZone(
                        file: file, line: r.line, column: r.column(k), value: r.string(k),
                        timeZone: zone.identifier, zoneOffset: formatOffset(zoneOffset))
                }
                return (utc, zoneOffset)
            }
            guard let utc = wallClock.resolve(t, previousUTC: previousUTC) else {
                throw .nonexistentLocalTime(
                    file: file, line: r.line, column: r.column(k), value: r.string(k), timeZone: zone.identifier)
            }
            return (utc, zone.offset(atUTC: utc))
        }
        let hasOffset = t.utcOffset != nil
        if let mode = withOffsets {
            guard mode == hasOffset else {
                throw .mixedOffsets(
                    file: file, line: r.line, column: r.column(k), value: r.string(k), firstLine: firstLine,
                    firstHadOffset: mode)
            }
        } else {
            withOffsets = hasOffset
            firstLine = r.line
        }
        guard let utc = t.utcSeconds, let offset = t.utcOffset else { return (t.wallSeconds, 0) }
        if offset != lastOffset || utc < minUTC || utc > maxUTC {
            observed.append((utc, offset))
            lastOffset = offset
            minUTC = min(minUTC, utc)
            maxUTC = max(maxUTC, utc)
        }
        return (utc, offset)
    }

    /// The zone the rows were read in: the named zone, the file's offsets, or naive local time.
    public var resolvedZone: PlanningTimeZone {
        if zone.kind != .fromData { return zone }
        return withOffsets == true ? .fileOffsets(observed) : .naive
    }
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
