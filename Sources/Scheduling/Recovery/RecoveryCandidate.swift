import CallData

/// One action `RecoveryPlanner` may take, with what it changes: a column of its MIP.
struct RecoveryCandidate {
    enum Kind: Int, Comparable {
        case callIn, extend, moveBreak
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    var kind: Kind
    var agent: Int
    /// The rostered shift extended or whose break moves; `nil` for a call-in.
    var shift: Int?
    /// Local day and ISO week (Monday's day number) of the shift.
    var day: Int
    var week: Int
    /// The shift as worked after the action (a call-in: the call-in itself).
    var span: (start: Int, end: Int)
    /// The shift before the action (a call-in: the call-in itself).
    var base: (start: Int, end: Int)
    /// Worked time added (call-in and extension), in time order.
    var parts: [(start: Int, end: Int)]
    /// The moved break's new place.
    var newBreak: (start: Int, end: Int)? = nil
    /// Paid hours added.
    var hours: Double
    /// Price in the objective (core extensions: 0 here, priced by the week's hours columns).
    var cost: Double
    /// (interval, change in agents on the phones).
    var effects: [(Int, Int)]
}

extension RecoveryContext {
    /// Every action the rules allow that adds an agent where it can count: an interval with a
    /// positive gap, or one a candidate break move would take an agent from.
    func candidates() -> [RecoveryCandidate] {
        let step = max(1, request.rules.stepSeconds)
        // Break moves first: the intervals they may take an agent from join the coverage rows, so an
        // extension or call-in that adds an agent there can pay (it lets a break move off a gap).
        var moves: [RecoveryCandidate] = []
        for (a, agent) in request.agents.enumerated() {
            for k in shiftsOf[agent.id] ?? [] {
                let t = local(request.shifts[k].start)
                guard gapDays.contains(t.day) else { continue }
                moves += breakMoves(agent: a, shift: k, day: t.day, week: t.isoWeekStart, step: step)
            }
        }
        var rows = Set(gaps.indices.filter { gaps[$0] > 0 })
        for m in moves { for (i, d) in m.effects where d < 0 { rows.insert(i) } }
        var out = moves.filter { $0.effects.contains { $0.1 > 0 && rows.contains($0.0) } }
        for (a, agent) in request.agents.enumerated() {
            // Extensions of rostered shifts on gap days.
            for k in shiftsOf[agent.id] ?? [] {
                let t = local(request.shifts[k].start)
                guard gapDays.contains(t.day) else { continue }
                out += extensions(agent: a, shift: k, day: t.day, week: t.isoWeekStart, step: step, rows: rows)
            }
            // Call-ins of on-demand agents on gap days the roster leaves free.
            if agent.pool == .onDemand {
                for day in gapDays.sorted() where !(daysOf[agent.id]?.contains(day) ?? false) {
                    out += callIns(agent: a, day: day, step: step, rows: rows)
                }
            }
        }
        return out
    }

    private func extensions(agent a: Int, shift k: Int, day: Int, week: Int, step: Int, rows: Set<Int>)
        -> [RecoveryCandidate]
    {
        let agent = request.agents[a]
        let s = request.shifts[k]
        let extra = min(max(0, request.rules.maxDayLengthSeconds), 86_400) - (s.end - s.start)
        guard extra >= step else { return [] }
        let steps = extra / step
        let room = hoursRoom(agent, week: week)
        let onDuty = s.onDuty
        // A part whose outermost step touches no gap only adds cost: such options are dominated.
        let befores = (0...steps).filter { n in
            guard n > 0 else { return true }
            let from = s.start - n * step
            return touches(rows, from, from + step) && available(agent, from, s.start)
                && restAllows(agent, after: (from, s.end), replacing: k)
        }
        let afters = (0...steps).filter { n in
            guard n > 0 else { return true }
            let to = s.end + n * step
            return touches(rows, to - step, to) && available(agent, s.end, to)
                && restAllows(agent, after: (s.start, to), replacing: k)
        }
        var out: [RecoveryCandidate] = []
        for n in befores {
            for m in afters where n + m >= 1 && n + m <= steps {
                let span = (start: s.start - n * step, end: s.end + m * step)
                let hours = Double((n + m) * step) / 3600
                guard hours <= room.normal + room.overtime + 1e-9 else { continue }
                guard n == 0 || m == 0 || restAllows(agent, after: span, replacing: k) else { continue }
                var after = onDuty
                if n > 0, !after.isEmpty { after[0].start = span.start }
                if m > 0, !after.isEmpty { after[after.count - 1].end = span.end }
                let effects = self.effects(before: onDuty, after: after, within: span.start, span.end)
                guard effects.contains(where: { $0.1 > 0 && rows.contains($0.0) }) else { continue }
                var parts: [(start: Int, end: Int)] = []
                if n > 0 { parts.append((span.start, s.start)) }
                if m > 0 { parts.append((s.end, span.end)) }
                out.append(
                    RecoveryCandidate(
                        kind: .extend, agent: a, shift: k, day: day, week: week, span: span, base: (s.start, s.end),
                        parts: parts, hours: hours, cost: agent.pool == .core ? 0 : hours * agent.costPerHour,
                        effects: effects))
            }
        }
        return out
    }

    /// The window a rostered break may start in: the matching template's (same length, same break
    /// lengths), else `RecoveryRules.breakWindowSeconds` either side of where it is; inside the shift.
    func breakWindow(shift s: RosterFile.Shift, index j: Int) -> ClosedRange<Int> {
        let sorted = s.breaks.sorted { $0.start < $1.start }
        let b = sorted[j]
        let length = b.end - b.start
        let lengths = sorted.map { $0.end - $0.start }
        var lo = b.start - request.rules.breakWindowSeconds
        var hi = b.start + request.rules.breakWindowSeconds
        if let template = request.templates.first(where: {
            $0.lengthSeconds == s.end - s.start && $0.breaks.map(\.lengthSeconds) == lengths
        }) {
            lo = s.start + template.breaks[j].window.lowerBound
            hi = s.start + template.breaks[j].window.upperBound
        }
        lo = max(lo, s.start)
        hi = min(hi, s.end - length)
        return lo...max(lo, hi)
    }

    private func breakMoves(agent a: Int, shift k: Int, day: Int, week: Int, step: Int) -> [RecoveryCandidate] {
        let s = request.shifts[k]
        let sorted = s.breaks.sorted { $0.start < $1.start }
        let onDuty = s.onDuty
        var out: [RecoveryCandidate] = []
        for (j, b) in sorted.enumerated() {
            let length = b.end - b.start
            guard length > 0 else { continue }
            let window = breakWindow(shift: s, index: j)
            let first = -((b.start - window.lowerBound) / step)
            let last = (window.upperBound - b.start) / step
            guard first <= last else { continue }
            for n in first...last where n != 0 {
                let nb = b.start + n * step
                guard nb >= s.start, nb + length <= s.end, window.contains(nb) else { continue }
                let others = sorted.enumerated().filter { $0.offset != j }.map(\.element)
                guard !others.contains(where: { $0.start < nb + length && nb < $0.end }) else { continue }
                // The break may only move into intervals the gap file knows (elsewhere its cost is unknown).
                let known = intervals(overlapping: nb, nb + length)
                guard !known.isEmpty, starts[known.lowerBound] <= nb,
                    starts[known.upperBound - 1] + iv >= nb + length, known.count * iv >= length
                else { continue }
                let moved = RosterFile.Shift(
                    agentID: s.agentID, start: s.start, end: s.end,
                    breaks: others + [RosterFile.ClosedBreak(start: nb, end: nb + length)])
                let effects = self.effects(before: onDuty, after: moved.onDuty, within: s.start, s.end)
                guard effects.contains(where: { $0.1 > 0 }) else { continue }
                out.append(
                    RecoveryCandidate(
                        kind: .moveBreak, agent: a, shift: k, day: day, week: week, span: (s.start, s.end),
                        base: (s.start, s.end), parts: [], newBreak: (nb, nb + length), hours: 0,
                        cost: RecoveryPlanner.breakMoveTieBreak, effects: effects))
            }
        }
        return out
    }

    /// Call-in starts on `day` whose shift could cover one of `rows` (default: the positive-gap intervals), wall seconds after midnight.
    func callInWalls(day: Int, step: Int, rows: Set<Int>? = nil) -> [Int] {
        let length = request.rules.callLengthSeconds
        let walls = request.intervals.indices.filter { rows?.contains($0) ?? (gaps[$0] > 0) }
            .map { LocalTime(utc: request.intervals[$0].start, utcOffset: request.intervals[$0].utcOffset) }
            .filter { $0.day == day }.map(\.secondOfDay)
        guard let first = walls.min(), let last = walls.max() else { return [] }
        let from = max(0, (first + iv - length) / step * step)
        return stride(from: from, through: last, by: step).filter { $0 + length <= 86_400 + 6 * 3600 }
    }

    private func callIns(agent a: Int, day: Int, step: Int, rows: Set<Int>) -> [RecoveryCandidate] {
        let agent = request.agents[a]
        let length = request.rules.callLengthSeconds
        let week = LocalTime.isoWeekStart(ofDay: day)
        let hours = Double(length) / 3600
        guard usedDays(agent.id, week: week) < agent.maxDaysWeek,
            usedHours(agent.id, week: week) + hours <= agent.maxHoursWeek + 1e-9,
            weekendAllows(agent, day: day), consecutiveAllows(agent, day: day)
        else { return [] }
        var out: [RecoveryCandidate] = []
        for wall in callInWalls(day: day, step: step, rows: rows) {
            guard let start = request.zone.utcCandidates(forWall: day * 86_400 + wall).first else { continue }
            let span = (start: start, end: start + length)
            guard available(agent, span.start, span.end), restAllows(agent, after: span, replacing: nil) else {
                continue
            }
            let effects = covered(by: [span], within: span.start, span.end).sorted().map { ($0, 1) }
            guard effects.contains(where: { rows.contains($0.0) }) else { continue }
            out.append(
                RecoveryCandidate(
                    kind: .callIn, agent: a, shift: nil, day: day, week: week, span: span, base: span, parts: [span],
                    hours: hours, cost: hours * agent.costPerHour, effects: effects))
        }
        return out
    }

    /// Weekend rule: a call-in on Saturday or Sunday leaves the other weekend day of its week off in the roster.
    func weekendAllows(_ agent: Agent, day: Int) -> Bool {
        let weekday = CivilCalendar.isoWeekday(days: day)
        guard agent.weekendDayOff, weekday >= 6 else { return true }
        let week = LocalTime.isoWeekStart(ofDay: day)
        return !(daysOf[agent.id]?.contains { $0 == week + 5 || $0 == week + 6 } ?? false)
    }

    /// Consecutive-day rule: the run of rostered days through a call-in day stays within the agent's limit.
    func consecutiveAllows(_ agent: Agent, day: Int) -> Bool {
        guard let limit = agent.maxConsecutiveDays.map({ min($0, 366) }) else { return true }
        let days = daysOf[agent.id] ?? []
        var run = 1
        var d = day - 1
        while days.contains(d) {
            run += 1
            d -= 1
        }
        d = day + 1
        while days.contains(d) {
            run += 1
            d += 1
        }
        return run <= limit
    }
}
