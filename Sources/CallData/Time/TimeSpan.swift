/// A length of time in whole seconds, written the way planners type it:
/// `90s`, `15m`, `1h30m`, `7d`, `2w` (units may be combined, largest first).
///
/// A bare number is read as seconds (`"300"` = 5 minutes).
public struct TimeSpan: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The length in seconds (non-negative).
    public var seconds: Int

    /// A span of `seconds` seconds.
    public init(seconds: Int) { self.seconds = seconds }

    /// Parses `90s`, `15m`, `1h30m`, `7d`, `1w`, or a bare number of seconds.
    /// Returns `nil` for anything else (empty text, unknown units, negative values,
    /// units out of order, overflow).
    public init?(parsing text: String) {
        let s = text.trimmingWhitespace()
        guard !s.isEmpty else { return nil }
        if let plain = Int(s) {
            guard plain >= 0 else { return nil }
            self.seconds = plain
            return
        }
        let units: [(Character, Int)] = [("w", 604_800), ("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]
        var total = 0
        var number = 0
        var haveDigits = false
        var lastUnitIndex = -1
        for ch in s {
            if let d = ch.wholeNumberValue, ch.isASCII {
                let (m, o1) = number.multipliedReportingOverflow(by: 10)
                let (v, o2) = m.addingReportingOverflow(d)
                guard !o1, !o2 else { return nil }
                number = v
                haveDigits = true
            } else if let index = units.firstIndex(where: { $0.0 == Character(ch.lowercased()) }) {
                guard haveDigits, index > lastUnitIndex else { return nil }
                let (p, o1) = number.multipliedReportingOverflow(by: units[index].1)
                let (t, o2) = total.addingReportingOverflow(p)
                guard !o1, !o2 else { return nil }
                total = t
                number = 0
                haveDigits = false
                lastUnitIndex = index
            } else {
                return nil
            }
        }
        guard !haveDigits else { return nil }  // trailing number without a unit, e.g. "1h30"
        self.seconds = total
    }

    /// The shortest spelling, e.g. `1h30m`, `7d`, `0s`.
    public var description: String {
        if seconds == 0 { return "0s" }
        var rest = seconds
        var out = ""
        for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] where rest >= size {
            out += "\(rest / size)\(unit)"
            rest %= size
        }
        return out
    }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.seconds < rhs.seconds }
}

extension String {
    /// The text without leading and trailing whitespace (no Foundation needed).
    public func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let f = scalars.first, f.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
