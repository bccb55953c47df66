import CallData
import PropertyBased
import Testing

@testable import Scheduling

/// Rest, days in a row and start spread (`RosterRules`): hand-checked instances, and rosters of
/// random small instances checked by a reference checker written here (not the production code)
/// and against a brute-force optimum with the rules.
@Suite struct RosterRulesTests {
    static let monday = CivilCalendar.daysFromCivil(year: 2025, month: 1, day: 6)

    /// Requirements from `hour` local (UTC) on days `first + d`, 30-minute intervals.
    static func requirements(_ needs: [[Int]], first: Int = monday, from hour: Int = 6) -> Requirements {
        Requirements(
            intervalSeconds: 1800, timeZone: .utc,
            days: needs.enumerated().map { d, day in
                Requirements.Day(
                    day: first + d,
                    intervals: day.enumerated().map { i, r in
                        Requirements.Interval(
                            start: (first + d) * 86_400 + hour * 3600 + i * 1800, utcOffset: 0, required: r)
                    })
            })
    }

    /// 32 intervals from 06:00 (to 22:00) needing 1 agent from `from` to `to` o'clock.
    static func day(_ from: Int, _ to: Int) -> [Int] { (0..<32).map { 6 + $0 / 2 >= from && 6 + $0 / 2 < to ? 1 : 0 } }

    static let fourHours = [ShiftTemplate(name: "4h", lengthSeconds: 4 * 3600, startStepSeconds: 3600)]

    /// Agent-intervals short, recomputed from the shift times.
    static func shortfall(_ roster: Roster, _ req: Requirements) -> Int {
        var short = 0
        for day in req.days {
            for t in day.intervals {
                let n = roster.assignments.filter { $0.option.start <= t.start && t.start + 1800 <= $0.option.end }
                    .count
                short += max(0, t.required - n)
            }
        }
        return short
    }

    /// Day 1 needs 18–22, day 2 needs 06–10; one agent works both days (8 h). Without rest the
    /// two shifts cover everything (8 h rest between them); with 11 h rest, start(2) ≥ end(1) − 13 h,
    /// so whatever the pair, 5 of the 8 hours are covered: 6 agent-intervals short.
    @Test func restForcesADifferentPattern() throws {
        let req = Self.requirements([Self.day(18, 22), Self.day(6, 10)])
        let agent = Agent(id: "a", pool: .core, minHoursWeek: 8, maxHoursWeek: 8, maxDaysWeek: 2, costPerHour: 1)
        let free = try Rosterer.roster(
            req, templates: Self.fourHours, agents: [agent], understaffingPenalty: 10, limits: .work(units: 50),
            rules: .none)
        #expect(free.cost == 8 && Self.shortfall(free, req) == 0)
        let rested = try Rosterer.roster(
            req, templates: Self.fourHours, agents: [agent], understaffingPenalty: 10, limits: .work(units: 50))
        let shifts = rested.assignments.map(\.option).sorted { $0.start < $1.start }
        #expect(shifts.count == 2)
        #expect(shifts[1].start - shifts[0].end >= 11 * 3600)
        #expect(Self.shortfall(rested, req) == 6)
        #expect(rested.cost == 8 + 6 * 10)
        // The class program's rest rows (a clique per end time) are exact for a class of one: the
        // bound proves the optimum.
        #expect(abs(rested.bound - 68) < 1e-6 && rested.provenOptimal)
    }

    /// The previous roster's shift ended 22:00 the evening before; day 1 needs 06–10; 11 h rest
    /// puts the first shift at 09:00 at the earliest, and the best one starts exactly then.
    @Test func previousRosterForcesALaterFirstShift() throws {
        let req = Self.requirements([Self.day(6, 10)])
        let agent = Agent(id: "a", pool: .core, minHoursWeek: 4, maxHoursWeek: 4, maxDaysWeek: 1, costPerHour: 1)
        let previous = [
            RosterFile.Shift(
                agentID: "a", start: Self.monday * 86_400 - 6 * 3600, end: Self.monday * 86_400 - 2 * 3600, breaks: [])
        ]
        let roster = try Rosterer.roster(
            req, templates: Self.fourHours, agents: [agent], understaffingPenalty: 10, limits: .work(units: 50),
            rules: RosterRules(previousShifts: previous))
        #expect(roster.assignments.map(\.option.start) == [Self.monday * 86_400 + 9 * 3600])
        #expect(Self.shortfall(roster, req) == 6)
        // Someone else's previous shift changes nothing.
        let other = try Rosterer.roster(
            req, templates: Self.fourHours, agents: [agent], understaffingPenalty: 10, limits: .work(units: 50),
            rules: RosterRules(
                previousShifts: previous.map {
                    var s = $0
                    s.agentID = "b"
                    return s
                }))
        #expect(other.assignments.map(\.option.start) == [Self.monday * 86_400 + 6 * 3600])
    }

    /// Rest is real time: the night of 2025-03-30 (Berlin, clocks go forward at 02:00) is an hour
    /// short. After a shift ending Saturday 22:00 CET, a 09:00 CEST start is 11 h later on the wall
    /// but only 10 h in real time; with 11 h rest the best start for a 06:00–12:00 need is 10:00.
    @Test func restCountsRealTimeAcrossAClockChange() throws {
        guard let berlin = PlanningTimeZone(identifier: "Europe/Berlin") else {
            Issue.record("no Europe/Berlin")
            return
        }
        let sunday = CivilCalendar.daysFromCivil(year: 2025, month: 3, day: 30)
        let req = Requirements(
            intervalSeconds: 1800, timeZone: berlin,
            days: [
                Requirements.Day(
                    day: sunday,
                    intervals: (0..<32).map { i in
                        let wall = 6 * 3600 + i * 1800
                        return Requirements.Interval(
                            start: sunday * 86_400 + wall - 7200, utcOffset: 7200,
                            required: wall < 12 * 3600 ? 1 : 0)
                    })
            ])
        let agent = Agent(id: "a", pool: .core, minHoursWeek: 4, maxHoursWeek: 4, maxDaysWeek: 1, costPerHour: 1)
        // Saturday 18:00–22:00 CET = 17:00–21:00 UTC.
        let previous = [
            RosterFile.Shift(
                agentID: "a", start: sunday * 86_400 - 7 * 3600, end: sunday * 86_400 - 3 * 3600, breaks: [])
        ]
        let roster = try Rosterer.roster(
            req, templates: Self.fourHours, agents: [agent], understaffingPenalty: 10, limits: .work(units: 50),
            rules: RosterRules(previousShifts: previous))
        #expect(roster.assignments.map(\.option.wallStart) == [10 * 3600])
        #expect(roster.assignments.map(\.option.start) == [sunday * 86_400 + 8 * 3600])
    }

    /// Four days in a row before Monday (Thu–Sun of the previous ISO week) and a cap of 5: of
    /// Mon–Wed the agent may not work both Monday and Tuesday, so one of the three days stays
    /// uncovered (8 agent-intervals short) and the run never exceeds 5.
    @Test func consecutiveDayCapAcrossTheWeekBoundary() throws {
        let req = Self.requirements([Self.day(8, 12), Self.day(8, 12), Self.day(8, 12)])
        let agent = Agent(
            id: "a", pool: .core, minHoursWeek: 0, maxHoursWeek: 12, maxDaysWeek: 3, costPerHour: 1,
            maxConsecutiveDays: 5)
        let previous = (1...4).map { k in
            RosterFile.Shift(
                agentID: "a", start: (Self.monday - k) * 86_400 + 8 * 3600, end: (Self.monday - k) * 86_400 + 12 * 3600,
                breaks: [])
        }
        let roster = try Rosterer.roster(
            req, templates: Self.fourHours, agents: [agent], understaffingPenalty: 10, limits: .work(units: 50),
            rules: RosterRules(previousShifts: previous))
        let days = Set(roster.assignments.map(\.option.dayIndex))
        #expect(days.count == 2 && days != [0, 1])
        #expect(Self.shortfall(roster, req) == 8)
        // Without history all three days are worked.
        let fresh = try Rosterer.roster(
            req, templates: Self.fourHours, agents: [agent], understaffingPenalty: 10, limits: .work(units: 50))
        #expect(fresh.assignments.count == 3 && Self.shortfall(fresh, req) == 0)
    }

    /// Day 1 needs 08–12, day 2 needs 14–18; 4 h shifts, both days worked. A hard 2 h spread keeps
    /// |start₁ − start₂| ≤ 2 h, so 4 of the 8 hours are covered (8 short) whatever the pair; soft,
    /// the half-hour penalty is cheaper than 8 short intervals: full cover and one violation.
    @Test func hardAndSoftStartSpread() throws {
        let req = Self.requirements([Self.day(8, 12), Self.day(14, 18)])
        let agent = Agent(id: "a", pool: .core, minHoursWeek: 8, maxHoursWeek: 8, maxDaysWeek: 2, costPerHour: 1)
        let hard = try Rosterer.roster(
            req, templates: Self.fourHours, agents: [agent], understaffingPenalty: 10, limits: .work(units: 50),
            rules: RosterRules(startSpreadSeconds: 7200, startSpreadHard: true))
        let starts = hard.assignments.map(\.option.wallStart)
        #expect(starts.count == 2 && (starts.max() ?? 0) - (starts.min() ?? 0) <= 7200)
        #expect(Self.shortfall(hard, req) == 8 && hard.startSpreadViolations == 0)
        let soft = try Rosterer.roster(
            req, templates: Self.fourHours, agents: [agent], understaffingPenalty: 10, limits: .work(units: 50),
            rules: RosterRules(startSpreadSeconds: 7200))
        #expect(Self.shortfall(soft, req) == 0 && soft.startSpreadViolations == 1 && soft.cost == 8)
    }

    /// The violations of a week: fewest shifts outside the best window.
    @Test func spreadViolationsCountShiftsOutsideTheBestWindow() {
        #expect(RosterRules.spreadViolations(wallStarts: [], spread: 7200) == 0)
        #expect(RosterRules.spreadViolations(wallStarts: [7 * 3600, 9 * 3600, 9 * 3600], spread: 7200) == 0)
        #expect(
            RosterRules.spreadViolations(wallStarts: [7 * 3600, 13 * 3600, 7 * 3600, 14 * 3600], spread: 3600) == 2)
        #expect(RosterRules.spreadViolations(wallStarts: [6, 10, 14, 18].map { $0 * 3600 }, spread: 7200) == 3)
    }

    @Test func restRuleResolvesTheAgentsOverride() {
        let a = Agent(id: "a", pool: .core, minHoursWeek: 0, maxHoursWeek: 8, maxDaysWeek: 1, costPerHour: 1)
        #expect(RestRule.minRestSeconds(agent: a, defaultHours: 11) == 39_600)
        var b = a
        b.minRestHours = 12.5
        #expect(RestRule.minRestSeconds(agent: b, defaultHours: 11) == 45_000)
        b.minRestHours = 0
        #expect(RestRule.minRestSeconds(agent: b, defaultHours: 11) == 0)
        #expect(RestRule.seconds(hours: .nan) == 0 && RestRule.seconds(hours: -3) == 0)
        #expect(RestRule.allows(previousEnd: 100, nextStart: 100 + 39_600, minRestSeconds: 39_600))
        #expect(!RestRule.allows(previousEnd: 100, nextStart: 99 + 39_600, minRestSeconds: 39_600))
    }

    /// Fairness on a hand-built roster: Saturday 2025-01-11 and a shift ending 21:00 are counted.
    @Test func fairnessReportCountsWeekendsLateShiftsAndHours() {
        let req = Self.requirements((0..<6).map { _ in Self.day(6, 22) })
        let options = ShiftOptions.enumerate(req, templates: Self.fourHours)
        let a = Agent(id: "a", pool: .core, minHoursWeek: 0, maxHoursWeek: 40, maxDaysWeek: 5, costPerHour: 1)
        let b = Agent(id: "b", pool: .core, minHoursWeek: 0, maxHoursWeek: 40, maxDaysWeek: 5, costPerHour: 1)
        let c = Agent(id: "c", pool: .core, minHoursWeek: 0, maxHoursWeek: 40, maxDaysWeek: 5, costPerHour: 1)
        // a: Monday 17–21 (late) and Saturday 08–12; b: Monday 08–12; c: nothing.
        func option(_ d: Int, _ hour: Int) -> ShiftOption {
            options[d].first { $0.wallStart == hour * 3600 } ?? options[d][0]
        }
        let roster = Roster(
            assignments: [
                .init(agent: a, option: option(0, 17)), .init(agent: a, option: option(5, 8)),
                .init(agent: b, option: option(0, 8)),
            ], cost: 12, bound: 12, provenOptimal: true)
        let report = FairnessReport(roster, agents: [a, b, c], requirements: req)
        #expect(report.pools.count == 1 && report.pools[0].agents == 3)
        #expect(report.pools[0].weekendDays == .init([1, 0, 0]))
        #expect(report.pools[0].lateShifts.max == 1 && report.pools[0].lateShifts.median == 0)
        let hours = report.pools[0].paidHours
        #expect(hours.min == 0 && hours.median == 4 && hours.max == 8)
        // Population standard deviation of (8, 4, 0): √(32/3).
        #expect(abs(hours.std - (32.0 / 3).squareRoot()) < 1e-12)
        #expect(report.json.contains("\"paid_hours\": {\"min\": 0, \"median\": 4, \"max\": 8, \"std\": 3.266}"))
    }

    // MARK: - Reference checker and brute force

    struct Rules {
        var rest: Int
        var cap: Int?
        var spread: Int?
        var previous: [(start: Int, end: Int)]
    }

    /// Every rule broken by one agent's week of options, recomputed from times and dates alone.
    static func broken(_ shifts: [ShiftOption], _ rules: Rules, _ req: Requirements) -> [String] {
        var errors: [String] = []
        let firstDay = req.days[0].day
        let sorted = shifts.sorted { $0.start < $1.start }
        var lastEnd = rules.previous.filter { $0.start / 86_400 < firstDay }.map(\.end).max()
        for s in sorted {
            if let e = lastEnd, s.start - e < rules.rest { errors.append("rest \(s.start - e) s") }
            lastEnd = s.end
        }
        var dates = Set(rules.previous.map { $0.start / 86_400 }.filter { $0 < firstDay })
        dates.formUnion(sorted.map { req.days[$0.dayIndex].day })
        if let cap = rules.cap {
            for d in sorted.map({ req.days[$0.dayIndex].day }) {
                var run = 1
                while dates.contains(d - run) { run += 1 }
                if run > cap { errors.append("\(run) days in a row up to \(d)") }
            }
        }
        if let spread = rules.spread {
            // ISO week of an epoch day: 1970-01-01 was a Thursday, so Monday-based weeks are (day + 3) / 7.
            let weeks = Dictionary(grouping: sorted) { (req.days[$0.dayIndex].day + 3) / 7 }
            for (_, week) in weeks {
                let starts = week.map { ($0.start % 86_400) }
                if (starts.max() ?? 0) - (starts.min() ?? 0) > spread { errors.append("start spread") }
            }
        }
        return errors
    }

    /// Random Sun–Tue instances (two ISO weeks) with 4 h shifts at 06, 10, 14 or 18, random rules
    /// and previous shifts: every roster keeps the contract and every rule (reference checker),
    /// and bound ≤ brute-force optimum with the rules ≤ cost (= when proven optimal).
    @Test func randomRostersNeverBreakARuleAndTheBoundHolds() async {
        let needs = Gen.int(in: 0...2).array(of: 4...4).array(of: 3...3)
        await propertyCheck(
            count: 20, input: needs, Gen.int(in: 0...2), Gen.int(in: 0...3), Gen.int(in: 0...2), Gen.int(in: 0...23)
        ) { blocks, restKind, capKind, spreadKind, previousHour in
            // Needs per 4-hour block (06, 10, 14, 18) of each day, one interval per half hour.
            let req = Self.requirements(blocks.map { b in (0..<32).map { b[$0 / 8] } }, first: Self.monday - 1)
            let templates = [ShiftTemplate(name: "4h", lengthSeconds: 4 * 3600, startStepSeconds: 4 * 3600)]
            let rest = [0, 11, 13][restKind] * 3600
            let cap: Int? = [nil, 1, 2, 3][capKind]
            let spread: Int? = [nil, 4 * 3600, 8 * 3600][spreadKind]
            let previousEnd = (Self.monday - 1) * 86_400 - 24 * 3600 + previousHour * 3600
            let previous = [
                RosterFile.Shift(agentID: "a", start: previousEnd - 4 * 3600, end: previousEnd, breaks: []),
                RosterFile.Shift(
                    agentID: "a", start: previousEnd - 28 * 3600, end: previousEnd - 24 * 3600, breaks: []),
            ]
            let agents = [
                Agent(
                    id: "a", pool: .core, minHoursWeek: 0, maxHoursWeek: 8, maxDaysWeek: 2, costPerHour: 1,
                    maxConsecutiveDays: cap),
                Agent(
                    id: "b", pool: .core, minHoursWeek: 0, maxHoursWeek: 12, maxDaysWeek: 3, costPerHour: 1.2,
                    minRestHours: 12, maxConsecutiveDays: cap),
            ]
            let rules = RosterRules(
                defaultMinRestHours: Double(rest) / 3600, startSpreadSeconds: spread, startSpreadHard: true,
                previousShifts: previous)
            let reference = agents.map { a in
                Rules(
                    rest: Int((a.minRestHours ?? Double(rest) / 3600) * 3600), cap: a.maxConsecutiveDays,
                    spread: spread,
                    previous: previous.filter { $0.agentID == a.id }.map { ($0.start, $0.end) })
            }
            let penalty = 3.0
            // Brute force: every agent's weeks (per day nothing or one option), filtered by the reference.
            let options = ShiftOptions.enumerate(req, templates: templates)
            func weeks(_ i: Int) -> [[ShiftOption]] {
                var out: [[ShiftOption]] = [[]]
                for day in options { out = out.flatMap { w in [w] + day.map { w + [$0] } } }
                return out.filter { w in
                    let h = w.reduce(0.0) { $0 + $1.paidHours }
                    // Contract per ISO week.
                    let byWeek = Dictionary(grouping: w) { (req.days[$0.dayIndex].day + 3) / 7 }
                    return byWeek.values.allSatisfy { wk in
                        wk.count <= agents[i].maxDaysWeek
                            && wk.reduce(0.0) { $0 + $1.paidHours } <= agents[i].maxHoursWeek + 1e-9
                    } && h >= 0 && Self.broken(w, reference[i], req).isEmpty
                }
            }
            let choices = agents.indices.map(weeks)
            var best = Double.infinity
            for x in choices[0] {
                for y in choices[1] {
                    var c = x.reduce(0.0) { $0 + $1.paidHours } + y.reduce(0.0) { $0 + 1.2 * $1.paidHours }
                    for (d, day) in req.days.enumerated() {
                        for (i, t) in day.intervals.enumerated() {
                            let n = (x + y).filter {
                                $0.dayIndex == d && $0.start <= t.start && t.start + 1800 <= $0.end
                            }.count
                            _ = i
                            c += penalty * Double(max(0, t.required - n))
                        }
                    }
                    best = min(best, c)
                }
            }
            guard
                let roster = try? Rosterer.roster(
                    req, templates: templates, agents: agents, understaffingPenalty: penalty,
                    limits: .work(units: 200), rules: rules)
            else {
                Issue.record("no roster")
                return
            }
            for (i, a) in agents.enumerated() {
                let mine = roster.assignments.filter { $0.agent.id == a.id }.map(\.option)
                #expect(Self.broken(mine, reference[i], req) == [], "agent \(a.id)")
                #expect(Set(mine.map(\.dayIndex)).count == mine.count)
            }
            #expect(roster.bound <= best + 1e-6, "bound \(roster.bound) optimum \(best)")
            #expect(roster.cost >= best - 1e-6, "cost \(roster.cost) optimum \(best)")
            if roster.provenOptimal { #expect(abs(roster.cost - best) < 1e-6) }
        }
    }
}
