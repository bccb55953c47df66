import CallData
import PropertyBased
import Testing

@testable import Scheduling

/// The roster method's parts against independent recomputations and a brute-force optimum.
@Suite struct RosterSearchTests {
    static let templates = [
        ShiftTemplate(
            name: "full", lengthSeconds: 8 * 3600, startStepSeconds: 3600,
            breaks: [.init(lengthSeconds: 1800, paid: false, window: 10_800...14_400)]),
        ShiftTemplate(name: "part", lengthSeconds: 6 * 3600, startStepSeconds: 3600),
        ShiftTemplate(name: "peak", lengthSeconds: 4 * 3600, startStepSeconds: 3600),
    ]

    /// Contract check recomputed from scratch: one shift a day, days, hours, availability, weekend rule.
    static func contractViolations(_ assignments: [Roster.Assignment], _ agents: [Agent], _ req: Requirements)
        -> [String]
    {
        var errors: [String] = []
        for agent in agents {
            let mine = assignments.filter { $0.agent.id == agent.id }
            let days = mine.map(\.option.dayIndex)
            if Set(days).count != days.count { errors.append("\(agent.id) twice on a day") }
            let hours = mine.reduce(0.0) { $0 + $1.option.paidHours }
            if hours < agent.minHoursWeek - 1e-9 || hours > agent.maxHoursWeek + 1e-9 {
                errors.append("\(agent.id) works \(hours) h")
            }
            if mine.count > agent.maxDaysWeek { errors.append("\(agent.id) works \(mine.count) days") }
            let weekend = mine.filter { CivilCalendar.isoWeekday(days: req.days[$0.option.dayIndex].day) >= 6 }
            if agent.weekendDayOff && weekend.count > 1 { errors.append("\(agent.id) works both weekend days") }
            for a in mine {
                if let av = agent.availability,
                    !av.allows(
                        weekday: CivilCalendar.isoWeekday(days: req.days[a.option.dayIndex].day),
                        start: a.option.wallStart, end: a.option.wallEnd)
                {
                    errors.append("\(agent.id) outside availability")
                }
            }
        }
        return errors
    }

    /// Agents covering each interval, recomputed from shift times and breaks.
    static func coverage(_ assignments: [Roster.Assignment], _ req: Requirements) -> [[Int]] {
        req.days.map { day in
            day.intervals.map { t in
                assignments.filter { a in
                    a.option.start <= t.start && t.start + req.intervalSeconds <= a.option.end
                        && !zip(a.option.breakStarts, a.option.breakLengths).contains { b, l in
                            b < t.start + req.intervalSeconds && t.start < b + l
                        }
                }.count
            }
        }
    }

    static func assignments(_ search: RosterSearch) -> [Roster.Assignment] {
        search.tours.enumerated().flatMap { a, tour in
            tour.enumerated().compactMap { d, k in
                k >= 0
                    ? Roster.Assignment(agent: search.instance.agents[a], option: search.instance.options[d][k]) : nil
            }
        }
    }

    /// Random weeks (weekend included) and contracts: the construction keeps every hard rule, and
    /// its coverage and objective equal an independent recomputation.
    @Test func constructionIsAlwaysFeasibleUnderHardRules() async {
        let needs = Gen.int(in: 0...6).array(of: 24...24).array(of: 7...7)
        await propertyCheck(count: 25, input: needs, Gen.int(in: 1...8), Gen.int(in: 0...5), Gen.bool) {
            week, core, onDemand, weekendOff in
            let req = Instance.requirements(week)
            var agents = (0..<core).map {
                Agent(
                    id: "c\($0)", pool: .core, minHoursWeek: $0 % 2 == 0 ? 30 : 16, maxHoursWeek: 40,
                    maxDaysWeek: $0 % 2 == 0 ? 5 : 4, costPerHour: 1, weekendDayOff: weekendOff)
            }
            agents += (0..<onDemand).map {
                Agent(
                    id: "d\($0)", pool: .onDemand, minHoursWeek: 0, maxHoursWeek: 12, maxDaysWeek: 3, costPerHour: 1.4,
                    availability: Availability(parsing: $0 % 2 == 0 ? "Mon-Fri 08:00-14:00" : "Sat,Sun 10:00-20:00"))
            }
            let instance = RosterInstance(req, templates: Self.templates, agents: agents, understaffingPenalty: 20)
            var search = RosterSearch(instance)
            #expect(search.construct() == nil)
            let roster = Self.assignments(search)
            #expect(Self.contractViolations(roster, agents, req) == [])
            let covered = Self.coverage(roster, req)
            #expect(covered == search.covered)
            let short = zip(req.days, covered).reduce(0) { s, p in
                s + zip(p.0.intervals, p.1).reduce(0) { $0 + max(0, $1.0.required - $1.1) }
            }
            let cost = roster.reduce(0.0) { $0 + $1.agent.costPerHour * $1.option.paidHours } + 20 * Double(short)
            #expect(abs(search.cost - cost) < 1e-6)
            #expect(abs(search.objective - cost) < 1e-6)
            // Improvement moves never break a rule either.
            for _ in 0..<5 { search.ruinAndRecreate(size: 4) }
            _ = search.reoptimiseClass(
                Array(agents.indices.filter { $0 < core && $0 % 2 == 0 }), timeLimit: 5, maxNodes: nil)
            #expect(Self.contractViolations(Self.assignments(search), agents, req) == [])
            #expect(search.cost <= cost + 1e-9)
        }
    }

    /// Tiny instances: the roster's cost equals the optimum of a brute-force search over every
    /// combination of weeks, and it is reported as proven optimal with a zero gap.
    @Test func tinyInstancesReachTheBruteForceOptimum() async throws {
        let needs = Gen.int(in: 0...2).array(of: 8...8).array(of: 2...2)
        await propertyCheck(count: 10, input: needs) { week in
            let req = Instance.requirements(week)
            let templates = [
                ShiftTemplate(name: "2h", lengthSeconds: 7200, startStepSeconds: 3600),
                ShiftTemplate(name: "3h", lengthSeconds: 3 * 3600, startStepSeconds: 3600, costPerHour: 0.9),
            ]
            let agents = [
                Agent(id: "a", pool: .core, minHoursWeek: 2, maxHoursWeek: 5, maxDaysWeek: 2, costPerHour: 1),
                Agent(id: "b", pool: .core, minHoursWeek: 0, maxHoursWeek: 4, maxDaysWeek: 2, costPerHour: 1.2),
                Agent(
                    id: "c", pool: .onDemand, minHoursWeek: 0, maxHoursWeek: 3, maxDaysWeek: 1, costPerHour: 1.5,
                    availability: Availability(parsing: "Mon-Fri 09:00-13:00")),
            ]
            let penalty = 3.0
            // Brute force: every agent's week is a choice of (nothing or one option) per day.
            let options = ShiftOptions.enumerate(req, templates: templates)
            func weeks(_ agent: Agent) -> [[ShiftOption]] {
                var out: [[ShiftOption]] = [[]]
                for day in options {
                    out = out.flatMap { w in [w] + day.map { w + [$0] } }
                }
                return out.filter { w in
                    let h = w.reduce(0.0) { $0 + $1.paidHours }
                    return h >= agent.minHoursWeek - 1e-9 && h <= agent.maxHoursWeek + 1e-9
                        && w.count <= agent.maxDaysWeek
                        && w.allSatisfy { o in
                            agent.availability.map {
                                $0.allows(
                                    weekday: CivilCalendar.isoWeekday(days: req.days[o.dayIndex].day),
                                    start: o.wallStart, end: o.wallEnd)
                            } ?? true
                        }
                }
            }
            let choices = agents.map(weeks)
            var best = Double.infinity
            for x in choices[0] {
                for y in choices[1] {
                    for z in choices[2] {
                        let all = zip(agents, [x, y, z]).flatMap { a, w in
                            w.map { Roster.Assignment(agent: a, option: $0) }
                        }
                        let covered = Self.coverage(all, req)
                        var c = all.reduce(0.0) {
                            $0 + $1.agent.costPerHour * $1.option.templateCostPerHour * $1.option.paidHours
                        }
                        for (d, day) in req.days.enumerated() {
                            for (i, t) in day.intervals.enumerated() {
                                c += penalty * Double(max(0, t.required - covered[d][i]))
                            }
                        }
                        best = min(best, c)
                    }
                }
            }
            guard
                let roster = try? Rosterer.roster(
                    req, templates: templates, agents: agents, understaffingPenalty: penalty, limits: .work(units: 500))
            else {
                Issue.record("no roster")
                return
            }
            #expect(abs(roster.cost - best) < 1e-6, "roster \(roster.cost) brute force \(best)")
            #expect(roster.provenOptimal && roster.gap < 1e-9)
        }
    }

    /// With coverage hard and no covering roster found, the message names the limit that was given.
    @Test func noRosterMessageNamesTheRealLimit() {
        let req = Instance.requirements([[3, 3, 3, 3]])
        let agents = [Agent(id: "a", pool: .core, minHoursWeek: 0, maxHoursWeek: 40, maxDaysWeek: 5, costPerHour: 1)]
        let instance = RosterInstance(
            req, templates: [ShiftTemplate(name: "2h", lengthSeconds: 7200, startStepSeconds: 1800)], agents: agents,
            understaffingPenalty: nil)
        var search = RosterSearch(instance)
        _ = search.construct()
        let unproved = MixedIntegerProgram.Solution(
            values: [], objective: .infinity, bound: 0, provenOptimal: false, provenInfeasible: false)
        let timed = Rosterer.noCoveringRoster(instance, search, solution: unproved, limits: .time(seconds: 7.5))
        #expect(timed.message.contains("within the --time-limit of 7.5 s"), "\(timed.message)")
        #expect(timed.message.contains("needs 3 agents, the best roster has 1"), "\(timed.message)")
        let work = Rosterer.noCoveringRoster(instance, search, solution: unproved, limits: .work(units: 42))
        #expect(work.message.contains("within the --work-limit of 42"))
        // The real call: one agent cannot cover 3, and CBC proves it.
        #expect {
            try Rosterer.roster(
                req, templates: [ShiftTemplate(name: "2h", lengthSeconds: 7200, startStepSeconds: 1800)],
                agents: agents,
                understaffingPenalty: nil, limits: .time(seconds: 5))
        } throws: { error in
            (error as? InfeasibleScheduleError)?.message.contains("CBC proved it") ?? false
        }
    }
}
