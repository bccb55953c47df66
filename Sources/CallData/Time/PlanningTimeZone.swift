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

    /// Where the zone came from, which decides how its times are written.
    public enum Kind: Sendable, Equatable {
        /// An IANA zone (or UTC) named by the planner: times carry their offset.
        case named
        /// Naive local time: the file had no offsets and no zone was named. Offset 0 in arithmetic,
        /// and times are written back naive (no false `+00:00`).
        case naive
        /// The UTC offsets written in a file (no zone named): exact for the instants in the file;
        /// before the first and after the last row the nearest offset in the file applies.
        case fileOffsets
        /// Not a zone yet: "take it from the input". Readers replace it with `.naive` or
        /// `.fileOffsets` from what the file says; used directly it behaves like `.naive`.
        case fromData
    }

    /// How this zone was chosen.
    public let kind: Kind

    /// Coordinated Universal Time (no transitions).
    public static let utc = PlanningTimeZone(identifier: "UTC", transitions: [], offsets: [0])
    /// Naive local time (see `Kind.naive`).
    public static let naive = PlanningTimeZone(
        identifier: "naive local time", transitions: [], offsets: [0], kind: .naive)
    /// "The zone the input says" (see `Kind.fromData`): what readers get when no zone is named.
    public static let fromData = PlanningTimeZone(
        identifier: "the input's own offsets", transitions: [], offsets: [0], kind: .fromData)

    init(identifier: String, transitions: [Int], offsets: [Int], kind: Kind = .named) {
        self.identifier = identifier
        self.transitions = transitions
        self.offsets = offsets
        self.kind = kind
    }

    /// Whether times in this zone are written without an offset.
    @inlinable public var isNaive: Bool { kind == .naive || kind == .fromData }

    /// The zone that a file's own offsets describe: `observed` lists (UTC instant, offset) pairs in
    /// any order; the offset changes at the first instant that shows a new one.
    /// - Postcondition: `offset(atUTC: utc) == offset` for every observed pair whose neighbours
    ///   in time agree with it (the file is consistent when its offsets change only forward in time).
    public static func fileOffsets(_ observed: [(utc: Int, offset: Int)]) -> PlanningTimeZone {
        let sorted = observed.sorted { $0.utc < $1.utc }
        guard let first = sorted.first else { return .naive }
        var transitions: [Int] = []
        var offsets = [first.offset]
        for p in sorted.dropFirst() where p.offset != offsets[offsets.count - 1] {
            transitions.append(p.utc)
            offsets.append(p.offset)
        }
        let distinct = Set(offsets).sorted().map { formatOffset($0) }
        let name =
            distinct.count == 1 ? "UTC\(distinct[0])" : "the file's UTC offsets (\(distinct.joined(separator: ", ")))"
        return PlanningTimeZone(identifier: name, transitions: transitions, offsets: offsets, kind: .fileOffsets)
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
        return text(wallSeconds: utc + offset, utcOffset: offset)
    }

    /// Wall-clock seconds and an offset as ISO 8601: with the offset, or naive for a naive zone.
    public func text(wallSeconds: Int, utcOffset: Int) -> String {
        isNaive
            ? formatNaiveISO8601(wallSeconds: wallSeconds)
            : formatISO8601(wallSeconds: wallSeconds, utcOffset: utcOffset)
    }

    /// The real length in seconds of the grid interval that starts at the instant `utcStart`, on a
    /// wall-clock grid of `nominal` seconds from local midnight: it ends at the first instant whose
    /// wall-clock time falls in another grid slot. A DST change inside it makes it shorter or longer
    /// (a 1-day interval lasts 23 hours on a spring-forward day, 25 on a fall-back day; the two
    /// occurrences of a repeated half-hour last 30 minutes each).
    ///
    /// *Edge Cases*: `nominal ≤ 0` returns `nominal`. *Postcondition*: the result is positive for
    /// `nominal > 0`.
    public func realLength(utcStart: Int, nominal: Int) -> Int {
        guard nominal > 0, !transitions.isEmpty else { return nominal }
        var u = utcStart
        let bucket = CivilCalendar.floorDivide(utcStart + offset(atUTC: utcStart), nominal)
        for _ in 0..<8 {  // at most a few offset changes inside one interval
            let off = offset(atUTC: u)
            let end = (bucket + 1) * nominal - off
            // The first transition after u.
            var lo = 0
            var hi = transitions.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if transitions[mid] <= u { lo = mid + 1 } else { hi = mid }
            }
            guard lo < transitions.count, transitions[lo] < end else { return end - utcStart }
            u = transitions[lo]
            if CivilCalendar.floorDivide(u + offset(atUTC: u), nominal) != bucket { return u - utcStart }
        }
        return nominal
    }
}
