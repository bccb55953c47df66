/// A timestamp as written in a file: wall-clock seconds since 1970-01-01T00:00
/// (as if that clock were UTC) and, when the text carried one, its UTC offset.
public struct WrittenTimestamp: Equatable, Sendable {
    /// Wall-clock seconds (calendar arithmetic only; no zone applied).
    public var wallSeconds: Int
    /// Offset from UTC in seconds when the text had `Z` or `±HH:MM`; `nil` for naive local time.
    public var utcOffset: Int?
    /// The text said `Z` (or `-00:00`): a UTC instant that makes no claim about the local clock
    /// (RFC 3339 §4.3), as opposed to a numeric offset, which does.
    public var isUTCInstant: Bool = false

    /// A timestamp from wall-clock seconds and an optional offset.
    @inlinable
    public init(wallSeconds: Int, utcOffset: Int?) {
        self.wallSeconds = wallSeconds
        self.utcOffset = utcOffset
    }

    /// Equal when the wall clock and the offset are (`Z` and `+00:00` name the same instant).
    public static func == (lhs: WrittenTimestamp, rhs: WrittenTimestamp) -> Bool {
        lhs.wallSeconds == rhs.wallSeconds && lhs.utcOffset == rhs.utcOffset
    }

    /// The UTC instant, when the offset is known.
    public var utcSeconds: Int? { utcOffset.map { wallSeconds - $0 } }

    /// Parses ISO 8601 `YYYY-MM-DD[T| ]HH:MM[:SS[.fff]][Z|±HH[:MM]|±HHMM]` from bytes.
    ///
    /// Fractions of a second are dropped (arrivals are bucketed by interval).
    /// Returns `nil` for anything malformed or out of range (month 13, 31 April, 24:00, …).
    @inlinable
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> WrittenTimestamp? {
        var i = 0
        let n = b.count
        @inline(__always) func digits(_ count: Int) -> Int? {
            guard i + count <= n else { return nil }
            var v = 0
            for k in 0..<count {
                let c = b[i + k] &- 48
                guard c < 10 else { return nil }
                v = v * 10 + Int(c)
            }
            i += count
            return v
        }
        @inline(__always) func expect(_ c: UInt8) -> Bool {
            guard i < n, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(45), let month = digits(2), expect(45), let day = digits(2) else {
            return nil
        }
        guard month >= 1, month <= 12, day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month) else {
            return nil
        }
        guard i < n, b[i] == 84 || b[i] == 32 || b[i] == 116 else { return nil }  // 'T', ' ', 't'
        i += 1
        guard let hour = digits(2), expect(58), let minute = digits(2), hour < 24, minute < 60 else { return nil }
        var second = 0
        if i < n, b[i] == 58 {
            i += 1
            guard let s = digits(2), s < 60 else { return nil }
            second = s
            if i < n, b[i] == 46 || b[i] == 44 {  // fraction
                i += 1
                let start = i
                while i < n, b[i] &- 48 < 10 { i += 1 }
                guard i > start else { return nil }
            }
        }
        var offset: Int? = nil
        var zulu = false
        if i < n {
            let c = b[i]
            if c == 90 || c == 122 {  // Z
                i += 1
                offset = 0
                zulu = true
            } else if c == 43 || c == 45 {  // + -
                i += 1
                guard let oh = digits(2), oh <= 18 else { return nil }
                var om = 0
                if i < n {
                    _ = expect(58)
                    guard let m = digits(2), m < 60 else { return nil }
                    om = m
                }
                offset = (c == 45 ? -1 : 1) * (oh * 3600 + om * 60)
                if c == 45, oh == 0, om == 0 { zulu = true }
            } else {
                return nil
            }
        }
        guard i == n else { return nil }
        let days = CivilCalendar.daysFromCivil(year: year, month: month, day: day)
        var t = WrittenTimestamp(wallSeconds: days * 86_400 + hour * 3600 + minute * 60 + second, utcOffset: offset)
        t.isUTCInstant = zulu
        return t
    }

    /// Parses a `String` (convenience over the byte parser).
    public static func parse(_ text: String) -> WrittenTimestamp? {
        var s = text
        return s.withUTF8 { parse($0) }
    }
}

/// Formats wall-clock seconds and an offset as `2025-02-12T08:30:00+01:00`.
public func formatISO8601(wallSeconds: Int, utcOffset: Int) -> String {
    let days = CivilCalendar.floorDivide(wallSeconds, 86_400)
    let secs = wallSeconds - days * 86_400
    let (y, m, d) = CivilCalendar.civilFromDays(days)
    let sign = utcOffset < 0 ? "-" : "+"
    let off = abs(utcOffset)
    return
        "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2))"
        + "\(sign)\(pad(off / 3600, 2)):\(pad(off / 60 % 60, 2))"
}

/// Formats wall-clock seconds as naive ISO 8601, `2025-02-12T08:30:00` (no offset).
public func formatNaiveISO8601(wallSeconds: Int) -> String {
    let days = CivilCalendar.floorDivide(wallSeconds, 86_400)
    let secs = wallSeconds - days * 86_400
    let (y, m, d) = CivilCalendar.civilFromDays(days)
    return
        "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2))"
}

/// A UTC offset as `+HH:MM`.
public func formatOffset(_ utcOffset: Int) -> String {
    let off = abs(utcOffset)
    return (utcOffset < 0 ? "-" : "+") + "\(pad(off / 3600, 2)):\(pad(off / 60 % 60, 2))"
}

/// Formats a day number (days since 1970-01-01) as `YYYY-MM-DD`.
public func formatISODate(days: Int) -> String {
    let (y, m, d) = CivilCalendar.civilFromDays(days)
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
}

@inline(__always)
func pad(_ v: Int, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
