/// The aggregated roster program over classes of interchangeable agents, with weekly patterns.
///
/// Agents with the same pool, contract, cost and candidates form a class; the program decides how
/// many members of each class work each option each day (integers `n`), and how many members
/// follow each weekly **pattern** — a count of shifts per paid length whose hours and days keep
/// the contract (integers `p`, Σ p = class size). Linking rows make the class's shifts of each
/// length equal the patterns' total, so a class can never be handed a mix of shifts its members
/// cannot combine within their hours (the failure of a pure count aggregation). Per day at most
/// one shift per member, with `weekend_day_off` at most one weekend shift per member per week.
///
/// Every agent-by-agent roster maps to a solution of equal cost (count each class's shifts and
/// each member's pattern), so the program is a relaxation: CBC's bound is a valid lower bound
/// for every roster. Its size does not grow with the number of agents, only with classes.
///
/// **Rules** (`RosterRules`): members of a class share them (and the previous roster's tail). Exact
/// tours that no roster could work are left out: a run of days above the cap, or two consecutive
/// shifts whose lengths leave less rest than required even with the latest start after the
/// earliest end; weekly patterns are cut to the most shifts the cap allows. Both are necessary
/// conditions, so the program stays a relaxation of the problem with the rules.
///
/// **Split** (`assign`): members get the patterns, longest first; then day by day each class's
/// shifts go to the members who still need that length, the tightest first (fewest spare days);
/// a member the greedy leaves outside the contract is re-planned by `TourBuilder`, so the result
/// always keeps every hard rule; its cost is then re-evaluated, never assumed.
struct ClassProgram {
    struct AgentClass {
        /// Agent indices, ascending.
        var members: [Int]
        var template: Int { members[0] }
    }

    /// A member's exact week: a length index (or -1) per working day of the class.
    struct Tour {
        var lengths: [Int]
        var column: Int
    }

    struct Pattern {
        /// Shifts per length (index into the week's `lengths`).
        var counts: [Int]
        var column: Int
    }

    /// Subset rows are added for weeks of at most this many working days (2^7 − 2 = 126 sets).
    static let maxDaysForSubsetRows = 7
    /// Tour columns per class and week above which weekly patterns are used instead (5-day weeks
    /// with three lengths have at most 4⁵ = 1,024).
    static let maxToursPerClassWeek = 1_500

    let instance: RosterInstance
    let classes: [AgentClass]
    var program = MixedIntegerProgram()
    /// `count[c][d][k]`: column of class c working option k on day d.
    var count: [[[Int: Int]]] = []
    /// `patterns[c][w]` and the paid lengths (minutes) they count.
    var patterns: [[[Pattern]]] = []
    var lengths: [[[Int]]] = []
    /// `tours[c][w]`: the exact tours when the class-week has at most `maxToursPerClassWeek` of them
    /// (then no patterns), over `workingDays[c][w]`.
    var tours: [[[Tour]?]] = []
    var workingDays: [[[Int]]] = []
    /// Understaffing columns per day and interval (understaffing allowed only).
    var slack: [[Int?]] = []

    init(_ instance: RosterInstance) {
        self.instance = instance
        var index: [String: Int] = [:]
        var classes: [AgentClass] = []
        for a in instance.agents.indices {
            let key = instance.classKey(a)
            if let c = index[key] {
                classes[c].members.append(a)
            } else {
                index[key] = classes.count
                classes.append(AgentClass(members: [a]))
            }
        }
        self.classes = classes
        build()
    }

    private mutating func build() {
        let inst = instance
        for cls in classes {
            let a = cls.template
            let size = Double(cls.members.count)
            var perDay: [[Int: Int]] = []
            for d in inst.options.indices {
                var cols: [Int: Int] = [:]
                for k in inst.candidates[a][d] {
                    cols[k] = program.addColumn(upper: size, cost: inst.cost(a, d, k), integer: true)
                }
                perDay.append(cols)
                if !cols.isEmpty { program.addRow(cols.keys.sorted().map { (cols[$0]!, 1.0) }, upper: size) }
            }
            count.append(perDay)
            addRuleRows(perDay, template: a, size: size)
            var classPatterns: [[Pattern]] = []
            var classTours: [[Tour]?] = []
            var classWorking: [[Int]] = []
            var classLengths: [[Int]] = []
            let agent = inst.agents[a]
            let window = TourBuilder.minuteWindow(agent)
            let rest = inst.restSeconds[a]
            let cap = inst.maxRun[a]
            for days in inst.daysOfWeek {
                let working = days.filter { !perDay[$0].isEmpty }
                let weekdays = working.filter { !inst.isWeekend[$0] }.count
                let weekendDays = working.count - weekdays
                // The previous roster's run counts only for the horizon's first day.
                let runBefore = days.first == 0 ? inst.previousRun[a] : 0
                func adjacent(_ t: Int) -> Bool {
                    t == 0
                        ? inst.dayNumber[working[0]] == (inst.dayNumber.first ?? 0) && working[0] == 0
                        : inst.dayNumber[working[t]] == inst.dayNumber[working[t - 1]] + 1
                }
                var mostByRun = working.count
                if let cap {
                    // Working whenever the cap allows is a largest set of days with runs ≤ cap.
                    var run = runBefore
                    mostByRun = 0
                    for t in working.indices {
                        if !adjacent(t) { run = 0 }
                        if run + 1 <= cap {
                            run += 1
                            mostByRun += 1
                        } else {
                            run = 0
                        }
                    }
                }
                let maxShifts = min(
                    max(0, agent.maxDaysWeek), agent.weekendDayOff ? weekdays + min(1, weekendDays) : working.count,
                    mostByRun)
                var daysWithLength: [Int: Int] = [:]
                for d in working {
                    for m in Set(perDay[d].keys.map { inst.minutes(d, $0) }) { daysWithLength[m, default: 0] += 1 }
                }
                let ls = daysWithLength.keys.sorted()
                // Exact tours when there are few: a tour is a length (or none) per working day.
                var tourList: [[Int]] = []
                var tour = [Int](repeating: -1, count: working.count)
                let dayLengths = working.map { d in
                    ls.indices.filter { j in perDay[d].keys.contains { inst.minutes(d, $0) == ls[j] } }
                }
                // Latest start and earliest end per working day and length (the rest test of a pair).
                let latestStart = working.map { d in
                    ls.map { m in
                        perDay[d].keys.filter { inst.minutes(d, $0) == m }.map { inst.options[d][$0].start }.max()
                    }
                }
                let earliestEnd = working.map { d in
                    ls.map { m in
                        perDay[d].keys.filter { inst.minutes(d, $0) == m }.map { inst.options[d][$0].end }.min()
                    }
                }
                let previousEnd = days.first == 0 ? inst.previousEnd[a] : nil
                func walk(_ t: Int, _ shifts: Int, _ minutes: Int, _ weekend: Int, _ run: Int, _ last: Int?) {
                    if tourList.count > Self.maxToursPerClassWeek { return }
                    if t == working.count {
                        if window.contains(minutes) { tourList.append(tour) }
                        return
                    }
                    tour[t] = -1
                    walk(t + 1, shifts, minutes, weekend, 0, last)
                    let isWeekend = inst.isWeekend[working[t]]
                    guard shifts < agent.maxDaysWeek, !(agent.weekendDayOff && isWeekend && weekend > 0) else { return }
                    let newRun = (adjacent(t) ? run : 0) + 1
                    if let cap, newRun > cap { return }
                    for j in dayLengths[t] where minutes + ls[j] <= window.upperBound {
                        guard let s = latestStart[t][j] else { continue }
                        if let p = last, let e = earliestEnd[p][tour[p]], s - e < rest { continue }
                        if last == nil, let e = previousEnd, s - e < rest { continue }
                        tour[t] = j
                        walk(t + 1, shifts + 1, minutes + ls[j], weekend + (isWeekend ? 1 : 0), newRun, t)
                    }
                    tour[t] = -1
                }
                walk(0, 0, 0, 0, runBefore, nil)
                if tourList.count <= Self.maxToursPerClassWeek {
                    let ts = tourList.map {
                        Tour(lengths: $0, column: program.addColumn(upper: size, cost: 0, integer: true))
                    }
                    program.addRow(ts.map { ($0.column, 1.0) }, lower: size, upper: size)
                    for (t, d) in working.enumerated() {
                        for j in dayLengths[t] {
                            var terms: [(Int, Double)] = perDay[d].keys.sorted().filter { inst.minutes(d, $0) == ls[j] }
                                .map { (perDay[d][$0]!, 1.0) }
                            terms += ts.filter { $0.lengths[t] == j }.map { ($0.column, -1.0) }
                            program.addRow(terms, lower: 0, upper: 0)
                        }
                    }
                    classTours.append(ts)
                    classWorking.append(working)
                    classPatterns.append([])
                    classLengths.append(ls)
                    continue
                }
                classTours.append(nil)
                classWorking.append(working)
                var found: [[Int]] = []
                var counts = [Int](repeating: 0, count: ls.count)
                func enumerate(_ j: Int, _ shifts: Int, _ minutes: Int) {
                    if j == ls.count {
                        if window.contains(minutes) { found.append(counts) }
                        return
                    }
                    var n = 0
                    while shifts + n <= maxShifts && n <= daysWithLength[ls[j]]!
                        && minutes + n * ls[j] <= window.upperBound
                    {
                        counts[j] = n
                        enumerate(j + 1, shifts + n, minutes + n * ls[j])
                        n += 1
                    }
                    counts[j] = 0
                }
                enumerate(0, 0, 0)
                let ps = found.map {
                    Pattern(counts: $0, column: program.addColumn(upper: size, cost: 0, integer: true))
                }
                program.addRow(ps.map { ($0.column, 1.0) }, lower: size, upper: size)
                for (j, m) in ls.enumerated() {
                    var terms: [(Int, Double)] = []
                    for d in days {
                        for k in perDay[d].keys.sorted() where inst.minutes(d, k) == m {
                            terms.append((perDay[d][k]!, 1))
                        }
                    }
                    for p in ps where p.counts[j] > 0 { terms.append((p.column, -Double(p.counts[j]))) }
                    program.addRow(terms, lower: 0, upper: 0)
                }
                // Distinct days: over any set S of the class's working days, members following pattern π work
                // at most min(|π|, |S|) shifts in S and at least |π| − (days outside S); per length ℓ at most
                // min(π_ℓ, |S|). Valid for every roster; they keep the split from needing two shifts a day.
                if working.count <= Self.maxDaysForSubsetRows {
                    for mask in 1..<(1 << working.count) - 1 {
                        let inside = working.indices.filter { mask & (1 << $0) != 0 }.map { working[$0] }
                        let outside = working.count - inside.count
                        var all: [(Int, Double)] = []
                        var byLength = [[(Int, Double)]](repeating: [], count: ls.count)
                        for d in inside {
                            for k in perDay[d].keys.sorted() {
                                all.append((perDay[d][k]!, 1))
                                if let j = ls.firstIndex(of: inst.minutes(d, k)) {
                                    byLength[j].append((perDay[d][k]!, 1))
                                }
                            }
                        }
                        var atMost = all
                        var atLeast = all
                        for p in ps {
                            let shifts = p.counts.reduce(0, +)
                            if min(shifts, inside.count) > 0 {
                                atMost.append((p.column, -Double(min(shifts, inside.count))))
                            }
                            if shifts - outside > 0 { atLeast.append((p.column, -Double(shifts - outside))) }
                        }
                        program.addRow(atMost, upper: 0)
                        program.addRow(atLeast, lower: 0)
                        for j in ls.indices where !byLength[j].isEmpty {
                            var terms = byLength[j]
                            for p in ps where min(p.counts[j], inside.count) > 0 {
                                terms.append((p.column, -Double(min(p.counts[j], inside.count))))
                            }
                            program.addRow(terms, upper: 0)
                        }
                    }
                }
                if agent.weekendDayOff {
                    var terms: [(Int, Double)] = []
                    for d in days where inst.isWeekend[d] {
                        for k in perDay[d].keys.sorted() { terms.append((perDay[d][k]!, 1)) }
                    }
                    if !terms.isEmpty { program.addRow(terms, upper: size) }
                }
                classPatterns.append(ps)
                classLengths.append(ls)
            }
            patterns.append(classPatterns)
            tours.append(classTours)
            workingDays.append(classWorking)
            lengths.append(classLengths)
        }
        slack = inst.required.map { $0.map { _ in nil } }
        for d in inst.required.indices {
            var covering = [[(Int, Double)]](repeating: [], count: inst.required[d].count)
            for c in classes.indices {
                for k in count[c][d].keys.sorted() {
                    for i in inst.options[d][k].covers { covering[i].append((count[c][d][k]!, 1)) }
                }
            }
            for (i, r) in inst.required[d].enumerated() where r > 0 {
                var terms = covering[i]
                if inst.understaffingAllowed {
                    let s = program.addColumn(upper: Double(r), cost: inst.penalty, integer: false)
                    slack[d][i] = s
                    terms.append((s, 1))
                }
                program.addRow(terms, lower: Double(r))
            }
        }
    }

    /// Valid inequalities of the day-linking rules for one class (`perDay[d][k]`: its option columns).
    ///
    /// - Rest, per pair of consecutive requirement days and each end time `e` of the first: a member
    ///   works at most one of the first day's options ending at or after `e` and the second day's
    ///   options starting before `e` + rest (any two of them are less than the rest apart), so
    ///   their total is at most the class size — a clique row; exact for a class of one.
    /// - Rest after the previous roster: options of the first day starting too early are closed.
    /// - Days in a row: in any `cap + 1` consecutive calendar days at most `cap` shifts per member;
    ///   after a previous run `r`, at most `cap − r` of the first `cap − r + 1` days.
    /// Every roster that keeps the rules satisfies them, so the program stays a relaxation.
    private mutating func addRuleRows(_ perDay: [[Int: Int]], template a: Int, size: Double) {
        let inst = instance
        let rest = inst.restSeconds[a]
        func terms(_ d: Int, _ keep: (ShiftOption) -> Bool) -> [(Int, Double)] {
            perDay[d].keys.sorted().filter { keep(inst.options[d][$0]) }.compactMap { k in
                perDay[d][k].map { ($0, 1.0) }
            }
        }
        if rest > 0 {
            for d in perDay.indices.dropLast() where !perDay[d].isEmpty && !perDay[d + 1].isEmpty {
                let ends = Set(perDay[d].keys.map { inst.options[d][$0].end }).sorted()
                var previous: [Int] = []
                for e in ends {
                    let late = terms(d) { $0.end >= e }
                    let early = terms(d + 1) { $0.start < e + rest }
                    guard !late.isEmpty, !early.isEmpty else { continue }
                    // Skip a row whose early set did not grow (the previous one, with more late options, dominates).
                    let key = early.map(\.0)
                    if key == previous { continue }
                    previous = key
                    program.addRow(late + early, upper: size)
                }
            }
            if let e = inst.previousEnd[a], !perDay.isEmpty {
                let closed = terms(0) { $0.start - e < rest }
                if !closed.isEmpty { program.addRow(closed, upper: 0) }
            }
        }
        if let cap = inst.maxRun[a] {
            let days = perDay.indices
            for first in days {
                let window = days.filter {
                    inst.dayNumber[$0] >= inst.dayNumber[first] && inst.dayNumber[$0] <= inst.dayNumber[first] + cap
                }
                guard window.count == cap + 1 else { continue }
                let all = window.flatMap { d in terms(d) { _ in true } }
                if !all.isEmpty { program.addRow(all, upper: size * Double(cap)) }
            }
            let run = inst.previousRun[a]
            if run > 0 {
                let allowed = max(0, cap - run)
                let window = days.filter { inst.dayNumber[$0] <= (inst.dayNumber.first ?? 0) + allowed }
                let all = window.flatMap { d in terms(d) { _ in true } }
                if !all.isEmpty { program.addRow(all, upper: size * Double(allowed)) }
            }
        }
    }

    /// The program's values for a roster (a MIP start), or `nil` when it is not feasible for the
    /// program (a shortfall with coverage hard).
    func start(from search: RosterSearch) -> [Double]? {
        let inst = instance
        var x = [Double](repeating: 0, count: program.columns.count)
        for (c, cls) in classes.enumerated() {
            for (w, days) in inst.daysOfWeek.enumerated() {
                for a in cls.members {
                    var counts = [Int](repeating: 0, count: lengths[c][w].count)
                    for d in days where search.tours[a][d] >= 0 {
                        let k = search.tours[a][d]
                        guard let col = count[c][d][k], let j = lengths[c][w].firstIndex(of: inst.minutes(d, k))
                        else { return nil }
                        x[col] += 1
                        counts[j] += 1
                    }
                    if let ts = tours[c][w] {
                        let lengthsWorked = workingDays[c][w].map { d in
                            search.tours[a][d] >= 0
                                ? lengths[c][w].firstIndex(of: inst.minutes(d, search.tours[a][d])) ?? -2 : -1
                        }
                        guard let t = ts.first(where: { $0.lengths == lengthsWorked }) else { return nil }
                        x[t.column] += 1
                        continue
                    }
                    guard let p = patterns[c][w].first(where: { $0.counts == counts }) else { return nil }
                    x[p.column] += 1
                }
            }
        }
        for d in inst.required.indices {
            for (i, r) in inst.required[d].enumerated() where r > search.covered[d][i] {
                guard let s = slack[d][i] else { return nil }
                x[s] = Double(r - search.covered[d][i])
            }
        }
        return x
    }

    /// Hands the program's shifts to named agents in `search` (which must hold no shifts of the classes'
    /// members), then re-plans any member left outside the contract or the rules. Returns false
    /// when a re-plan found no week within them (the split must then not be used).
    @discardableResult
    func assign(_ values: [Double], into search: inout RosterSearch, limits: RosterLimits) -> Bool {
        let inst = instance
        var broken: [Int] = []
        for (c, cls) in classes.enumerated() {
            for (w, days) in inst.daysOfWeek.enumerated() {
                let ls = lengths[c][w]
                if let ts = tours[c][w] {
                    // Exact tours: members take the tours; each day's options of a length go to the members
                    // whose tour works that length that day (the linking rows make the counts equal).
                    var memberTours: [[Int]] = []
                    for t in ts {
                        let n = Int(exactly: values[t.column].rounded()) ?? 0
                        for _ in 0..<max(0, n) { memberTours.append(t.lengths) }
                    }
                    for (t, d) in workingDays[c][w].enumerated() {
                        var pool: [Int: [Int]] = [:]
                        for k in count[c][d].keys.sorted() {
                            let n = Int(exactly: values[count[c][d][k]!].rounded()) ?? 0
                            pool[inst.minutes(d, k), default: []] += Array(repeating: k, count: max(0, n))
                        }
                        // Later starts to the members who ended latest (rest), then in member order.
                        let order = memberTours.indices.filter { $0 < cls.members.count && memberTours[$0][t] >= 0 }
                            .sorted {
                                (search.lastEnd(cls.members[$0], before: d), -$0) > (
                                    search.lastEnd(cls.members[$1], before: d), -$1
                                )
                            }
                        for m in order {
                            if let k = pool[ls[memberTours[m][t]]]?.popLast() { search.add(cls.members[m], d, k) }
                        }
                    }
                    continue
                }
                // Patterns, most shifts and hours first, one per member.
                var plan: [[Int]] = []
                for p in patterns[c][w] {
                    let n = Int(exactly: values[p.column].rounded()) ?? 0
                    for _ in 0..<max(0, min(n, cls.members.count)) { plan.append(p.counts) }
                }
                plan.sort {
                    let a = ($0.reduce(0, +), zip($0, ls).reduce(0) { $0 + $1.0 * $1.1 })
                    let b = ($1.reduce(0, +), zip($1, ls).reduce(0) { $0 + $1.0 * $1.1 })
                    return a != b ? a > b : $0.lexicographicallyPrecedes($1)
                }
                var need = cls.members.indices.map { m in
                    m < plan.count ? plan[m] : Array(repeating: 0, count: ls.count)
                }
                var weekendWorked = [Int](repeating: 0, count: cls.members.count)
                let agent = inst.agents[cls.template]
                // Units of each length still to hand out this week (today included).
                var futureUnits = [Int](repeating: 0, count: ls.count)
                for d in days {
                    for (k, col) in count[c][d] {
                        if let j = ls.firstIndex(of: inst.minutes(d, k)) {
                            futureUnits[j] += Int(exactly: values[col].rounded()) ?? 0
                        }
                    }
                }
                var picks: [(member: Int, day: Int, option: Int)] = []
                var allUnits: [Int: [Int: [Int]]] = [:]  // day -> length index -> options
                for d in days {
                    var units: [Int: [Int]] = [:]  // length index -> options
                    for k in count[c][d].keys.sorted() {
                        let n = Int(exactly: values[count[c][d][k]!].rounded()) ?? 0
                        guard n > 0, let j = ls.firstIndex(of: inst.minutes(d, k)) else { continue }
                        units[j, default: []] += Array(repeating: k, count: n)
                    }
                    allUnits[d] = units
                    var busy = Set<Int>()
                    let weekendRule = agent.weekendDayOff && inst.isWeekend[d]
                    func eligible(_ m: Int, _ j: Int) -> Bool {
                        !busy.contains(m) && need[m][j] > 0 && !(weekendRule && weekendWorked[m] > 0)
                    }
                    // Scarcest length first: most units per eligible member.
                    let order = units.keys.sorted { x, y in
                        let ex = cls.members.indices.filter { eligible($0, x) }.count
                        let ey = cls.members.indices.filter { eligible($0, y) }.count
                        return (units[x]!.count * max(1, ey), x) > (units[y]!.count * max(1, ex), y)
                    }
                    let future = days.filter { $0 > d && !count[c][$0].isEmpty }.count
                    for j in order {
                        // Urgency: members who must work every remaining day first, then those whose need for
                        // this length is largest against what later days still offer of it.
                        let supply = Double(futureUnits[j] - units[j]!.count)
                        let urgency: [Int: (Int, Double, Int)] = Dictionary(
                            uniqueKeysWithValues: cls.members.indices.filter { eligible($0, j) }.map { m in
                                let total = need[m].reduce(0, +)
                                return (m, (total > future ? 1 : 0, Double(need[m][j]) / (supply + 1), total))
                            })
                        let candidates = urgency.keys.sorted { p, q in
                            let (a, b) = (urgency[p]!, urgency[q]!)
                            if a.0 != b.0 { return a.0 > b.0 }
                            if a.1 != b.1 { return a.1 > b.1 }
                            if a.2 != b.2 { return a.2 > b.2 }
                            return p < q
                        }
                        for (k, m) in zip(units[j]!, candidates) {
                            picks.append((m, d, k))
                            need[m][j] -= 1
                            busy.insert(m)
                            if weekendRule { weekendWorked[m] += 1 }
                        }
                        futureUnits[j] -= units[j]!.count
                    }
                }
                var short = need.indices.filter { need[$0].contains(where: { $0 > 0 }) }
                let fullPlan = cls.members.indices.map {
                    $0 < plan.count ? plan[$0] : Array(repeating: 0, count: ls.count)
                }
                for fixed in [true, false] where !short.isEmpty {
                    if let exact = exactSplit(
                        plan: fullPlan, units: allUnits, days: days, lengths: ls, agent: agent, fixed: fixed,
                        limits: limits)
                    {
                        picks = exact
                        short = []
                    }
                }
                for (m, d, k) in picks { search.add(cls.members[m], d, k) }
                broken += short.map { cls.members[$0] }
            }
        }
        for cls in classes { broken += cls.members.filter { search.breaksRules($0) } }
        var kept = true
        for a in Set(broken).sorted() { kept = search.replan(a) && kept }
        return kept
    }

    /// Node budget of one exact split in work-limit mode; in time mode at most this many seconds and a fifth of
    /// the time left (`assign` gets the remaining seconds as its limit).
    static let exactSplitNodes = 2_000
    static let exactSplitSeconds = 2.0

    /// The exact split of one class-week when the greedy fails: binaries y[m][d][ℓ] (member m works a
    /// shift of length ℓ on day d), one per member and day, each member's pattern met exactly, each
    /// day's units of each length handed out exactly (CBC). `nil` when CBC finds no split in its budget.
    ///
    /// With `fixed` false the members' patterns are free: each member's shifts only have to keep the
    /// contract (`agent`'s paid-minute window and days), which succeeds more often.
    func exactSplit(
        plan: [[Int]], units: [Int: [Int: [Int]]], days: [Int], lengths ls: [Int], agent: Agent, fixed: Bool,
        limits: RosterLimits
    ) -> [(member: Int, day: Int, option: Int)]? {
        let weekendRule = agent.weekendDayOff
        var program = MixedIntegerProgram()
        let lengthsCount = plan.first?.count ?? 0
        var y: [Int: Int] = [:]  // (m * days + t) * lengths + j -> column
        func key(_ m: Int, _ t: Int, _ j: Int) -> Int { (m * days.count + t) * lengthsCount + j }
        for m in plan.indices {
            for (t, d) in days.enumerated() {
                for j in 0..<lengthsCount where (!fixed || plan[m][j] > 0) && (units[d]?[j]?.count ?? 0) > 0 {
                    y[key(m, t, j)] = program.addColumn(upper: 1, cost: 0, integer: true)
                }
            }
        }
        for m in plan.indices {
            for t in days.indices {
                let terms = (0..<lengthsCount).compactMap { y[key(m, t, $0)] }.map { ($0, 1.0) }
                if terms.count > 1 { program.addRow(terms, upper: 1) }
            }
            if fixed {
                for j in 0..<lengthsCount where plan[m][j] > 0 {
                    let terms = days.indices.compactMap { y[key(m, $0, j)] }.map { ($0, 1.0) }
                    program.addRow(terms, lower: Double(plan[m][j]), upper: Double(plan[m][j]))
                }
            } else {
                let all = days.indices.flatMap { t in
                    (0..<lengthsCount).compactMap { j in y[key(m, t, j)].map { (j, $0) } }
                }
                let window = TourBuilder.minuteWindow(agent)
                program.addRow(
                    all.map { ($0.1, Double(ls[$0.0])) }, lower: Double(window.lowerBound),
                    upper: Double(window.upperBound))
                program.addRow(all.map { ($0.1, 1.0) }, upper: Double(max(0, agent.maxDaysWeek)))
            }
            if weekendRule {
                let terms = days.indices.filter { instance.isWeekend[days[$0]] }.flatMap { t in
                    (0..<lengthsCount).compactMap { y[key(m, t, $0)] }.map { ($0, 1.0) }
                }
                if terms.count > 1 { program.addRow(terms, upper: 1) }
            }
        }
        for (t, d) in days.enumerated() {
            for j in 0..<lengthsCount {
                let n = units[d]?[j]?.count ?? 0
                guard n > 0 else { continue }
                let terms = plan.indices.compactMap { y[key($0, t, j)] }.map { ($0, 1.0) }
                program.addRow(terms, lower: Double(n), upper: Double(n))
            }
        }
        let solution: MixedIntegerProgram.Solution
        switch limits {
        case .time(let seconds):
            solution = program.solve(timeLimit: min(Self.exactSplitSeconds, max(0.05, seconds * 0.2)))
        case .work: solution = program.solve(timeLimit: .infinity, maxNodes: Self.exactSplitNodes)
        }
        guard !solution.values.isEmpty else { return nil }
        var left = units
        var out: [(member: Int, day: Int, option: Int)] = []
        for m in plan.indices {
            for (t, d) in days.enumerated() {
                for j in 0..<lengthsCount {
                    guard let col = y[key(m, t, j)], solution.values[col] > 0.5, let k = left[d]?[j]?.popLast()
                    else { continue }
                    out.append((m, d, k))
                }
            }
        }
        return out
    }
}
