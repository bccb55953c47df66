import Foundation

/// An IANA time zone as a precomputed table of UTC-offset changes, so that
/// converting millions of timestamps costs a binary search each, not a Foundation call.
///
/// The table covers 1900–2100 (every transition Foundation/ICU reports, including
/// changes of standard offset, not only DST). Outside that range the nearest
/// known offset applies.
///
/// Local → UTC conversion follows the wall clock: a local time inside a spring-forward
/// gap does not exist (`LocalTimeResolution.nonexistent`); one inside a fall-back
/// overlap is ambiguous and the caller chooses which occurrence (see `resolve`).
public struct PlanningTimeZone: Sendable, Equatable {
    /// The IANA identifier, e.g. `Europe/Berlin`, or `UTC`.
    public let identifier: String
    /// UTC instants at which the offset changes, ascending.
    @usableFromInline let transitions: [Int]
    /// `offsets[k]` is the offset in force before `transitions[k]`; the last entry after the last one.
    @usableFromInline let offsets: [Int]

    /// Coordinated Universal Time (no transitions).
    public static let utc = PlanningTimeZone(identifier: "UTC", transitions: [], offsets: [0])

    init(identifier: String, transitions: [Int], offsets: [Int]) {
        self.identifier = identifier
        self.transitions = transitions
        self.offsets = offsets
    }

    /// Looks up an IANA zone name (`Europe/Berlin`, `America/New_York`, `UTC`).
    /// Returns `nil` when the name is unknown.
    public init?(identifier: String) {
        if identifier == "UTC" || identifier == "Z" || identifier == "Etc/UTC" {
            self = .utc
            return
        }
        guard identifier.contains("/") || identifier.hasPrefix("GMT") || identifier.hasPrefix("UTC"),
            let tz = TimeZone(identifier: identifier)
        else { return nil }
        let start = Date(timeIntervalSince1970: -2_208_988_800)  // 1900-01-01
        let end = 4_102_444_800.0  // 2100-01-01
        var transitions: [Int] = []
        var offsets: [Int] = [tz.secondsFromGMT(for: start)]
        var cursor = start
        while let next = tz.nextDaylightSavingTimeTransition(after: cursor), next.timeIntervalSince1970 < end {
            let offset = tz.secondsFromGMT(for: next)
            if offset != offsets.last! {
                transitions.append(Int(next.timeIntervalSince1970.rounded()))
                offsets.append(offset)
            }
            cursor = next
        }
        self.init(identifier: identifier, transitions: transitions, offsets: offsets)
    }

    /// The UTC offset (seconds) in force at a UTC instant.
    @inlinable
    public func offset(atUTC utc: Int) -> Int {
        if transitions.isEmpty { return offsets[0] }
        var lo = 0
        var hi = transitions.count  // first transition > utc
        while lo < hi {
            let mid = (lo + hi) >> 1
            if transitions[mid] <= utc { lo = mid + 1 } else { hi = mid }
        }
        return offsets[lo]
    }

    /// All UTC instants whose local wall-clock time is `wall`: none (spring-forward gap),
    /// one, or two (fall-back overlap, earlier instant first).
    @inlinable
    public func utcCandidates(forWall wall: Int) -> (first: Int?, second: Int?) {
        if transitions.isEmpty { return (wall - offsets[0], nil) }
        // Offsets that might apply: those in force a day either side.
        let before = offset(atUTC: wall - 86_400 - 50_400)
        let after = offset(atUTC: wall + 86_400 + 50_400)
        var found: [Int] = []
        for o in before == after ? [before] : [before, after] {
            let u = wall - o
            if offset(atUTC: u) == o { found.append(u) }
        }
        if found.isEmpty {
            // Rare: more than one change within a day; fall back to a scan of nearby offsets.
            for o in Set(offsets) {
                let u = wall - o
                if offset(atUTC: u) == o { found.append(u) }
            }
        }
        found.sort()
        return (found.first, found.count > 1 ? found.last : nil)
    }

    /// A UTC instant as ISO 8601 local time with this zone's offset there, e.g. `2025-02-12T08:30:00+01:00`.
    public func iso8601(utc: Int) -> String {
        let offset = offset(atUTC: utc)
        return formatISO8601(wallSeconds: utc + offset, utcOffset: offset)
    }
}
