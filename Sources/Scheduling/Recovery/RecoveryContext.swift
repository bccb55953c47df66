import CallData

/// What `RecoveryPlanner` and its reasons derive from a request once: interval lookup, each
/// agent's rostered shifts, days and weekly hours, and the checks every action must pass
/// (availability, rest, coverage of the grid).
///
/// The rest check is this file's own: a new or longer shift must leave at least the agent's rest
/// (`RecoveryRules.restSeconds`) to every other shift of the agent, and an extension may not shorten
/// a rest that was already below it.
struct RecoveryContext {
    let request: RecoveryRequest
    let iv: Int
    let starts: [Int]
    let gaps: [Int]
    /// Indices of shifts per agent id, in start order.
    let shiftsOf: [String: [Int]]
    /// Local days the roster gives each agent a shift on (by shift start).
    let daysOf: [String: Set<Int>]
    /// Local days with a positive gap.
    let gapDays: Set<Int>

    init(_ request: RecoveryRequest) {
        self.request = request
        iv = max(1, request.intervalSeconds)
        starts = request.intervals.map(\.start)
        gaps = request.intervals.map(\.gap)
        var shiftsOf: [String: [Int]] = [:]
        var daysOf: [String: Set<Int>] = [:]
        for (k, s) in request.shifts.enumerated() {
            shiftsOf[s.agentID, default: []].append(k)
            daysOf[s.agentID, default: []].insert(LocalTime(utc: s.start, in: request.zone).day)
        }
        self.shiftsOf = shiftsOf.mapValues { ks in ks.sorted { request.shifts[$0].start < request.shifts[$1].start } }
        self.daysOf = daysOf
        gapDays = Set(
            request.intervals.filter { $0.gap > 0 }.map { LocalTime(utc: $0.start, utcOffset: $0.utcOffset).day })
    }

    func local(_ utc: Int) -> LocalTime { LocalTime(utc: utc, in: request.zone) }

    /// The first interval index whose start is ≥ `t`.
    func firstInterval(from t: Int) -> Int {
        var lo = 0
        var hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Intervals overlapping `[a, b)`.
    func intervals(overlapping a: Int, _ b: Int) -> Range<Int> {
        let lo = firstInterval(from: a - iv + 1)
        let hi = firstInterval(from: b)
        return lo..<max(lo, hi)
    }

    /// Intervals that lie wholly inside one of `spans`, among those overlapping `[a, b)`.
    func covered(by spans: [(start: Int, end: Int)], within a: Int, _ b: Int) -> Set<Int> {
        var out: Set<Int> = []
        for i in intervals(overlapping: a, b)
        where spans.contains(where: { $0.start <= starts[i] && starts[i] + iv <= $0.end }) {
            out.insert(i)
        }
        return out
    }

    /// Per-interval change in agents on the phones when `before` becomes `after` (both within `[a, b)`).
    func effects(before: [(start: Int, end: Int)], after: [(start: Int, end: Int)], within a: Int, _ b: Int) -> [(
        Int, Int
    )] {
        let was = covered(by: before, within: a, b)
        let now = covered(by: after, within: a, b)
        return now.subtracting(was).sorted().map { ($0, 1) } + was.subtracting(now).sorted().map { ($0, -1) }
    }

    /// Whether `[a, b)` overlaps one of the intervals `rows`.
    func touches(_ rows: Set<Int>, _ a: Int, _ b: Int) -> Bool {
        intervals(overlapping: a, b).contains { rows.contains($0) }
    }

    /// Whether the agent's availability allows working `[a, b)` (one window of the local day of `a`).
    func available(_ agent: Agent, _ a: Int, _ b: Int) -> Bool {
        guard let availability = agent.availability else { return true }
        let t = local(a)
        return availability.allows(weekday: t.isoWeekday, start: t.secondOfDay, end: t.secondOfDay + (b - a))
    }

    /// Rostered paid hours of an agent in an ISO week.
    func usedHours(_ id: String, week: Int) -> Double { request.weekHours[id]?[week] ?? 0 }

    /// Rostered days of an agent in an ISO week.
    func usedDays(_ id: String, week: Int) -> Int {
        daysOf[id]?.filter { LocalTime.isoWeekStart(ofDay: $0) == week }.count ?? 0
    }

    /// The time from the end of the earlier span to the start of the later (negative when they overlap).
    static func separation(_ x: (start: Int, end: Int), _ y: (start: Int, end: Int)) -> Int {
        max(y.start - x.end, x.start - y.end)
    }

    /// Whether the agent may work `after` (replacing rostered shift `replacing`, or a new shift when
    /// `nil`) given their other rostered shifts: each separation is at least the rest, or no shorter
    /// than it was before.
    func restAllows(_ agent: Agent, after: (start: Int, end: Int), replacing: Int?) -> Bool {
        let rest = request.rules.restSeconds(for: agent)
        for k in shiftsOf[agent.id] ?? [] where k != replacing {
            let other = (start: request.shifts[k].start, end: request.shifts[k].end)
            let now = Self.separation(after, other)
            if now >= rest { continue }
            guard let r = replacing else { return false }
            let was = Self.separation((request.shifts[r].start, request.shifts[r].end), other)
            if now < was || now < 0 { return false }
        }
        return true
    }

    /// Hours an agent may still add in a week: on-demand up to `max_hours_week`, core also their overtime cap.
    func hoursRoom(_ agent: Agent, week: Int) -> (normal: Double, overtime: Double) {
        let rostered = usedHours(agent.id, week: week)
        let used = rostered.isFinite ? min(max(0, rostered), 168) : 168
        let maxHours = agent.maxHoursWeek.isFinite ? min(max(0, agent.maxHoursWeek), 168) : 0
        let normal = max(0, maxHours - used)
        guard agent.pool == .core else { return (normal, 0) }
        let cap = request.rules.overtimeCap(for: agent)
        return (normal, max(0, cap - max(0, used - maxHours)))
    }
}
