import CallData

extension RecoveryContext {
    /// Why the gap left by `plan` stays: for every agent and every interval still short, the first
    /// rule that stops the agent from covering it (on duty already, no shift that day for core,
    /// availability, weekly days, weekly hours or overtime cap, the longest day, rest, weekend and
    /// consecutive-day rules, or actions already taken). Each agent counts once, under its most
    /// frequent reason (ties: the reason that sorts first). Most agents first, then by text.
    func reasons(plan: RecoveryPlan, chosen: [RecoveryCandidate]) -> [RecoveryPlan.Reason] {
        let short = plan.intervals.indices.filter { plan.intervals[$0].remaining > 0 }
        guard !short.isEmpty else { return [] }
        var tally: [String: Int] = [:]
        for (a, agent) in request.agents.enumerated() {
            let mine = chosen.filter { $0.agent == a }
            var counts: [String: Int] = [:]
            for i in short { counts[reason(agent, interval: i, chosen: mine), default: 0] += 1 }
            guard let top = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { continue }
            tally[top.key, default: 0] += 1
        }
        return tally.map { RecoveryPlan.Reason(text: $0.key, agents: $0.value) }
            .sorted { ($1.agents, $0.text) < ($0.agents, $1.text) }
    }

    static let weekdayNames = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"]

    private func hoursText(_ seconds: Int) -> String { formatDecimal(Double(seconds) / 3600, places: 2) + " h" }

    /// The first rule that keeps `agent` from covering interval `i`, given the actions already chosen for them.
    func reason(_ agent: Agent, interval i: Int, chosen: [RecoveryCandidate]) -> String {
        let who = agent.pool == .core ? "core agents" : "on-demand agents"
        let t = starts[i]
        let end = t + iv
        let rules = request.rules
        let step = max(1, rules.stepSeconds)
        let mine = (shiftsOf[agent.id] ?? []).map { request.shifts[$0] }
        let worked = mine.flatMap(\.onDuty) + chosen.flatMap(\.parts)
        if worked.contains(where: { $0.start <= t && end <= $0.end }) { return "\(who) already on the phones then" }
        if mine.contains(where: { $0.start < end && t < $0.end }) { return "\(who) on a break then that cannot move" }
        let localT = LocalTime(utc: t, utcOffset: request.intervals[i].utcOffset)
        let day = localT.day
        let week = localT.isoWeekStart
        let rest = rules.restSeconds(for: agent)
        let restText = "\(who) would break their \(hoursText(rest)) rest"
        let weekHours = chosen.filter { $0.week == week }.reduce(0) { $0 + $1.hours }
        let room = hoursRoom(agent, week: week)
        if let k = (shiftsOf[agent.id] ?? []).first(where: { local(request.shifts[$0].start).day == day }) {
            let s = request.shifts[k]
            let taken = chosen.first { $0.kind == .extend && $0.shift == k }
            var span: (start: Int, end: Int) = taken?.span ?? (s.start, s.end)
            if end <= span.start {
                span.start -= (span.start - t + step - 1) / step * step
            } else if t >= span.end {
                span.end += (end - span.end + step - 1) / step * step
            }
            if span.end - span.start > rules.maxDayLengthSeconds {
                return "\(who) would work longer than the \(hoursText(rules.maxDayLengthSeconds)) day"
            }
            if !available(agent, span.start, s.start) || !available(agent, s.end, span.end) {
                return "\(who) not available at that time"
            }
            if !restAllows(agent, after: span, replacing: k) { return restText }
            let extraSeconds = span.end - span.start - (s.end - s.start)
            let hours = Double(extraSeconds) / 3600 - (taken?.hours ?? 0)
            if weekHours + hours > room.normal + room.overtime + 1e-9 {
                return agent.pool == .core ? "\(who) at their overtime cap" : "\(who) at their weekly hours"
            }
            return "\(who) already stretched by other actions"
        }
        guard agent.pool == .onDemand else { return "\(who) off that day (core agents are not called in)" }
        if let availability = agent.availability, (availability.windows[localT.isoWeekday] ?? []).isEmpty {
            return "\(who) not available on \(Self.weekdayNames[localT.isoWeekday - 1])"
        }
        let calledDays = Set(chosen.filter { $0.kind == .callIn && $0.week == week }.map(\.day))
        if usedDays(agent.id, week: week) + calledDays.count >= agent.maxDaysWeek, !calledDays.contains(day) {
            return "\(who) already at their weekly days"
        }
        if calledDays.contains(day) { return "\(who) already called in for other hours that day" }
        let length = rules.callLengthSeconds
        if usedHours(agent.id, week: week) + weekHours + Double(length) / 3600 > agent.maxHoursWeek + 1e-9 {
            return "\(who) at their weekly hours"
        }
        if !weekendAllows(agent, day: day) { return "\(who) keeping their weekend day off" }
        if !consecutiveAllows(agent, day: day) { return "\(who) at their consecutive-day limit" }
        let spans = callInWalls(day: day, step: step).compactMap { wall -> (start: Int, end: Int)? in
            guard let s = request.zone.utcCandidates(forWall: day * 86_400 + wall).first, s <= t, end <= s + length
            else { return nil }
            return (s, s + length)
        }
        let open = spans.filter { available(agent, $0.start, $0.end) }
        if open.isEmpty { return "\(who) not available at that time" }
        if !open.contains(where: { restAllows(agent, after: $0, replacing: nil) }) { return restText }
        return "\(who) tied up by other actions"
    }
}
