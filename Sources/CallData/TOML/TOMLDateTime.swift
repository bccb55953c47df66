/// A TOML date, time or date-time, kept as written (TOML 1.0 §Offset Date-Time … §Local Time).
///
/// The four TOML kinds are told apart by which parts are present: an offset date-time has
/// all three, a local date-time has no `utcOffsetSeconds`, a local date only `date`, a local
/// time only `time`. Values are range-checked when parsed (month 1–12, a day that exists in
/// that month, hours 0–23, minutes and seconds 0–59, offsets below 24 h); leap seconds are
/// refused, as Python's `tomllib` does.
public struct TOMLDateTime: Hashable, Sendable, CustomStringConvertible {
    /// A proleptic Gregorian calendar date.
    public struct Date: Hashable, Sendable {
        public var year: Int
        public var month: Int
        public var day: Int

        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }
    }

    /// A wall-clock time; fractions beyond nanoseconds are truncated.
    public struct Time: Hashable, Sendable {
        public var hour: Int
        public var minute: Int
        public var second: Int
        public var nanosecond: Int

        public init(hour: Int, minute: Int, second: Int, nanosecond: Int = 0) {
            self.hour = hour
            self.minute = minute
            self.second = second
            self.nanosecond = nanosecond
        }

        /// Seconds after midnight (the fraction dropped).
        public var secondOfDay: Int { hour * 3600 + minute * 60 + second }
    }

    public var date: Date?
    public var time: Time?
    /// Offset from UTC in seconds; `nil` for local (naive) values.
    public var utcOffsetSeconds: Int?

    public init(date: Date?, time: Time?, utcOffsetSeconds: Int? = nil) {
        self.date = date
        self.time = time
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// RFC 3339 text: `1979-05-27T07:32:00.5-07:00`, `1979-05-27T07:32:00`, `1979-05-27`, `07:32:00`
    /// (a zero offset is written `Z`; fractions without trailing zeros).
    public var description: String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        var out = ""
        if let d = date { out += "\(pad(d.year, 4))-\(pad(d.month, 2))-\(pad(d.day, 2))" }
        if let t = time {
            if date != nil { out += "T" }
            out += "\(pad(t.hour, 2)):\(pad(t.minute, 2)):\(pad(t.second, 2))"
            if t.nanosecond > 0 {
                var fraction = pad(t.nanosecond, 9)
                while fraction.last == "0" { fraction.removeLast() }
                out += "." + fraction
            }
        }
        if let offset = utcOffsetSeconds {
            if offset == 0 {
                out += "Z"
            } else {
                let a = abs(offset)
                out += (offset < 0 ? "-" : "+") + "\(pad(a / 3600, 2)):\(pad(a % 3600 / 60, 2))"
            }
        }
        return out
    }
}
