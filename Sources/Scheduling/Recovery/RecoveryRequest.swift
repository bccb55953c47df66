import CallData

/// What an intraday recovery starts from: the gap per interval, the roster in force, the agents
/// and their contracts, the shift templates (for break windows) and the rules.
///
/// The gap comes either from a coverage file (`Callout.readGapFile`) or from a staffing file and
/// the roster (`gaps(requirements:shifts:)`: required minus agents on the phones, breaks excluded).
///
/// *Edge Cases*: intervals may have a gap ≤ 0 (a surplus a moved break may use); `weekHours`
/// defaults to the rostered shifts' lengths minus their breaks when a caller has no `paid_hours`.
public struct RecoveryRequest: Sendable {
    /// One interval's gap: agents short (≤ 0 needs nothing).
    public struct Interval: Sendable, Equatable {
        /// UTC start and the zone's offset there.
        public var start: Int
        public var utcOffset: Int
        public var gap: Int

        public init(start: Int, utcOffset: Int, gap: Int) {
            self.start = start
            self.utcOffset = utcOffset
            self.gap = gap
        }
    }

    /// Intervals in time order, without repeats.
    public var intervals: [Interval]
    /// The grid, seconds.
    public var intervalSeconds: Int
    /// The zone of local days, weekdays and availability.
    public var zone: PlanningTimeZone
    public var agents: [Agent]
    /// The roster in force (every day it holds: neighbouring days matter for rest and weekly limits).
    public var shifts: [RosterFile.Shift]
    /// Rostered paid hours per agent and ISO week (keyed by the week's Monday day number).
    public var weekHours: [String: [Int: Double]]
    /// Shift templates whose break windows apply to rostered shifts of the same length and breaks.
    public var templates: [ShiftTemplate]
    public var rules: RecoveryRules

    public init(
        intervals: [Interval], intervalSeconds: Int, zone: PlanningTimeZone, agents: [Agent],
        shifts: [RosterFile.Shift], weekHours: [String: [Int: Double]]? = nil, templates: [ShiftTemplate] = [],
        rules: RecoveryRules = RecoveryRules()
    ) {
        self.intervals = intervals.sorted { $0.start < $1.start }
        self.intervalSeconds = intervalSeconds
        self.zone = zone
        self.agents = agents
        self.shifts = shifts
        self.templates = templates
        self.rules = rules
        if let weekHours {
            self.weekHours = weekHours
        } else {
            var hours: [String: [Int: Double]] = [:]
            for s in shifts {
                let breaks = s.breaks.reduce(0) { $0 + max(0, $1.end - $1.start) }
                let week = LocalTime(utc: s.start, in: zone).isoWeekStart
                hours[s.agentID, default: [:]][week, default: 0] += Double(s.end - s.start - breaks) / 3600
            }
            self.weekHours = hours
        }
    }

    /// The gap of a staffing file against a roster: per interval, required agents minus the agents
    /// on the phones for the whole interval (breaks excluded; a partial interval counts over its
    /// real length).
    public static func gaps(requirements: Requirements, shifts: [RosterFile.Shift]) -> [Interval] {
        let spans = shifts.flatMap(\.onDuty).sorted { $0.start < $1.start }
        let longest = spans.map { $0.end - $0.start }.max() ?? 0
        return requirements.days.flatMap(\.intervals).map { t in
            let length =
                t.lengthSeconds
                ?? requirements.timeZone.realLength(utcStart: t.start, nominal: requirements.intervalSeconds)
            // Spans starting after the interval starts cannot contain it; binary search for the last such start.
            var lo = 0
            var hi = spans.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if spans[mid].start <= t.start { lo = mid + 1 } else { hi = mid }
            }
            var onDuty = 0
            var k = lo - 1
            while k >= 0, spans[k].start + longest >= t.start {
                if spans[k].end >= t.start + length { onDuty += 1 }
                k -= 1
            }
            return Interval(start: t.start, utcOffset: t.utcOffset, gap: t.required - onDuty)
        }
    }
}
