/// Fix-and-optimise over one class (a large-neighbourhood step with an exact subproblem): every
/// other agent's week is fixed, and CBC re-plans the class's members exactly.
///
/// Members of a class are interchangeable except for which days and shift lengths each works, so
/// the subproblem has binaries `y[m][d][ℓ]` (member m works a shift of paid length ℓ on day d),
/// integers `n[d][k]` (the class works option k on day d `n` times) linked by
/// `Σ_{k of length ℓ} n[d][k] = Σ_m y[m][d][ℓ]`, each member's contract on `y` (one shift a day,
/// paid minutes and days per week, weekend rule), and coverage of what the fixed agents leave
/// open, with the penalty. Members are ordered by weekly minutes to cut symmetric branches.
/// The times of day are handed out latest-ended member first and any member whose times still
/// break a rule (`RosterRules`) is re-planned by best response, so the class keeps every rule.
/// Started from the members' current weeks, so CBC's answer is never worse; it is taken only
/// when the whole roster's objective falls.
extension RosterSearch {
    mutating func reoptimiseClass(
        _ members: [Int], timeLimit: Double, maxNodes: Int?, effort: MixedIntegerProgram.Effort = .full
    ) -> Bool {
        guard let first = members.first else { return false }
        let inst = instance
        let agent = inst.agents[first]
        let window = TourBuilder.minuteWindow(agent)
        let saved = members.map { tours[$0] }
        let before = objective
        for a in members { for d in tours[a].indices { remove(a, d) } }
        var program = MixedIntegerProgram()
        var start: [Double] = []
        func column(upper: Double, cost: Double, integer: Bool, value: Double) -> Int {
            start.append(value)
            return program.addColumn(upper: upper, cost: cost, integer: integer)
        }
        // Lengths per day and the option columns.
        var n: [[Int: Int]] = []
        var lengthsOfDay: [[Int]] = []
        for d in inst.options.indices {
            var cols: [Int: Int] = [:]
            for k in inst.candidates[first][d] {
                let used = saved.filter { $0[d] == k }.count
                cols[k] = column(
                    upper: Double(members.count), cost: inst.cost(first, d, k), integer: true, value: Double(used))
            }
            n.append(cols)
            lengthsOfDay.append(Array(Set(cols.keys.map { inst.minutes(d, $0) })).sorted())
        }
        var y: [[[Int]]] = []  // y[m][d][j] column (j indexes lengthsOfDay[d])
        for (m, _) in members.enumerated() {
            y.append(
                inst.options.indices.map { d in
                    lengthsOfDay[d].map { len in
                        let works = saved[m][d] >= 0 && inst.minutes(d, saved[m][d]) == len
                        return column(upper: 1, cost: 0, integer: true, value: works ? 1 : 0)
                    }
                })
        }
        for d in inst.options.indices {
            for (j, len) in lengthsOfDay[d].enumerated() {
                var terms = n[d].keys.sorted().filter { inst.minutes(d, $0) == len }.map { (n[d][$0]!, 1.0) }
                terms += members.indices.map { (y[$0][d][j], -1.0) }
                program.addRow(terms, lower: 0, upper: 0)
            }
        }
        for m in members.indices {
            for d in inst.options.indices where y[m][d].count > 1 {
                program.addRow(y[m][d].map { ($0, 1.0) }, upper: 1)
            }
            for days in inst.daysOfWeek {
                var hours: [(Int, Double)] = []
                var count: [(Int, Double)] = []
                var weekend: [(Int, Double)] = []
                for d in days {
                    for (j, len) in lengthsOfDay[d].enumerated() {
                        hours.append((y[m][d][j], Double(len)))
                        count.append((y[m][d][j], 1))
                        if inst.isWeekend[d] { weekend.append((y[m][d][j], 1)) }
                    }
                }
                program.addRow(hours, lower: Double(window.lowerBound), upper: Double(window.upperBound))
                program.addRow(count, upper: Double(max(0, agent.maxDaysWeek)))
                if agent.weekendDayOff && weekend.count > 1 { program.addRow(weekend, upper: 1) }
            }
        }
        // Symmetry: members in non-increasing weekly minutes (the start is sorted to match below).
        for m in members.indices.dropLast() {
            var terms: [(Int, Double)] = []
            for d in inst.options.indices {
                for (j, len) in lengthsOfDay[d].enumerated() {
                    terms.append((y[m][d][j], Double(len)))
                    terms.append((y[m + 1][d][j], -Double(len)))
                }
            }
            program.addRow(terms, lower: 0)
        }
        for d in inst.required.indices {
            var covering = [[(Int, Double)]](repeating: [], count: inst.required[d].count)
            for k in n[d].keys.sorted() { for i in inst.options[d][k].covers { covering[i].append((n[d][k]!, 1)) } }
            for (i, r) in inst.required[d].enumerated() where r > covered[d][i] {
                let open = Double(r - covered[d][i])
                let s = column(upper: open, cost: inst.penalty, integer: false, value: 0)
                program.addRow(covering[i] + [(s, 1)], lower: open)
            }
        }
        // The start must respect the symmetry rows: reorder the members' current weeks by minutes.
        let minutesOf = saved.map { tour in
            tour.enumerated().reduce(0) { $0 + ($1.1 >= 0 ? inst.minutes($1.0, $1.1) : 0) }
        }
        let order = members.indices.sorted { (minutesOf[$0], -$0) > (minutesOf[$1], -$1) }
        for (m, source) in order.enumerated() {
            for d in inst.options.indices {
                for (j, len) in lengthsOfDay[d].enumerated() {
                    let k = saved[source][d]
                    start[y[m][d][j]] = k >= 0 && inst.minutes(d, k) == len ? 1 : 0
                }
            }
        }
        // Slack values of the start: what the current weeks leave short.
        var cover = covered
        for tour in saved {
            for (d, k) in tour.enumerated() where k >= 0 { for i in inst.options[d][k].covers { cover[d][i] += 1 } }
        }
        var col = start.count - 1
        var slackValues: [Double] = []
        for d in inst.required.indices {
            for (i, r) in inst.required[d].enumerated() where r > covered[d][i] {
                slackValues.append(Double(max(0, r - cover[d][i])))
            }
        }
        for v in slackValues.reversed() {
            start[col] = v
            col -= 1
        }
        let solution = program.solve(
            timeLimit: timeLimit, relativeGap: 1e-6, start: start, maxNodes: maxNodes, effort: effort)
        if !solution.values.isEmpty {
            var pool: [[Int: [Int]]] = inst.options.indices.map { d in
                var byLength: [Int: [Int]] = [:]
                for k in n[d].keys.sorted() {
                    let count = Int(exactly: solution.values[n[d][k]!].rounded()) ?? 0
                    byLength[inst.minutes(d, k), default: []] += Array(repeating: k, count: max(0, count))
                }
                return byLength
            }
            // Day by day, later starts to the members who ended latest (rest), then in member order.
            for d in inst.options.indices {
                let order = members.indices.sorted {
                    (lastEnd(members[$0], before: d), -$0) > (lastEnd(members[$1], before: d), -$1)
                }
                for m in order {
                    for (j, len) in lengthsOfDay[d].enumerated() where solution.values[y[m][d][j]] > 0.5 {
                        if let k = pool[d][len]?.popLast() { add(members[m], d, k) }
                    }
                }
            }
            // CBC placed lengths, not times: members whose times break a rule are re-planned.
            var kept = true
            for a in members where breaksRules(a) { kept = replan(a) && kept }
            if kept, objective < before - Self.improvementEpsilon, !members.contains(where: { breaksRules($0) }) {
                return true
            }
            for a in members { for d in tours[a].indices { remove(a, d) } }
        }
        for (a, tour) in zip(members, saved) { for (d, k) in tour.enumerated() where k >= 0 { add(a, d, k) } }
        return false
    }
}
