/// One agent's best week against the demand the other agents leave uncovered: a day-by-day
/// dynamic program (the pricing problem of tour column generation; Dantzig–Wolfe over agents).
///
/// State after each day: shifts worked, paid minutes, weekend days worked and the run of days
/// worked in a row (only with a consecutive-day cap). A day either stays free or takes one option;
/// the weekly rules (at most `max_days_week` shifts, paid minutes within `[min_hours_week,
/// max_hours_week]`, at most one weekend day with `weekend_day_off`, at most `maxRun` days in a
/// row counting the days before and after the week) are the transitions and the final test.
///
/// **Rest** (when `Frame.restSeconds` is set): the end of the last shift worked is a label on the
/// state, and a state keeps only its Pareto-optimal labels (an earlier end with at least the value
/// dominates — a resource-constrained shortest path, Irnich & Desaulniers 2005). An end that no
/// later start can conflict with is clamped to a floor, so labels merge when rest cannot bind.
///
/// Without rest, per day only the best option of each paid length can be part of an optimal tour,
/// so the caller passes one choice per length: O(days × states × lengths).
///
/// *Edge Cases*: a week with no feasible tour (contract out of reach) gives `nil`; `runBefore`
/// above the cap forbids working the first day.
/// *Postconditions*: every tour returned keeps the contract and the frame's rules; ties keep the
/// first choice in ascending state order, so the result is deterministic.
enum TourBuilder {
    struct Choice {
        var option: Int
        var minutes: Int
        var value: Double
        /// UTC start and end (used by the rest rule only).
        var start: Int = 0
        var end: Int = 0
    }

    /// The week's calendar and the rules that link its days to each other and to its neighbours.
    struct Frame {
        /// Calendar day of each day of the week (consecutive-day runs break at gaps).
        var dayNumbers: [Int]
        var weekend: [Bool]
        /// Minimum rest in seconds, `nil` = not checked (and ends not tracked).
        var restSeconds: Int? = nil
        /// Most days in a row, `nil` = no cap.
        var maxRun: Int? = nil
        /// End (UTC) of the agent's last shift before the week, and its run of days ending the
        /// calendar day before the week's first day.
        var lastEnd: Int? = nil
        var runBefore = 0
        /// Start (UTC) of the agent's first shift after the week, and its run of days starting the
        /// calendar day after the week's last day.
        var nextStart: Int? = nil
        var runAfter = 0
    }

    /// An end that constrains nothing (far before any start; no overflow in `start − end`).
    static let noEnd = -(1 << 60)

    /// The weekly window of paid minutes allowed by a contract.
    static func minuteWindow(_ agent: Agent) -> ClosedRange<Int> {
        let lo = Int((min(max(agent.minHoursWeek, 0), 10_000) * 60 - 1e-6).rounded(.up))
        let hi = Int((min(max(agent.maxHoursWeek, 0), 10_000) * 60 + 1e-6).rounded(.down))
        return max(0, lo)...max(max(0, lo), hi)
    }

    /// The tour of highest total value with no day-linking rule: `choices[t]` are day `t`'s
    /// options, `weekend[t]` whether it is a Saturday or Sunday.
    static func best(_ agent: Agent, choices: [[Choice]], weekend: [Bool]) -> (value: Double, picks: [Int])? {
        best(agent, choices: choices, frame: Frame(dayNumbers: Array(choices.indices), weekend: weekend))
    }

    /// The tour of highest total value within `frame`. Returns the value and the option picked per
    /// day (`-1` = free).
    static func best(_ agent: Agent, choices: [[Choice]], frame: Frame) -> (value: Double, picks: [Int])? {
        let window = minuteWindow(agent)
        guard agent.minHoursWeek <= agent.maxHoursWeek else { return nil }
        let maxDays = min(7, max(0, agent.maxDaysWeek))
        let runs = (frame.maxRun ?? 0) + 1
        struct Label {
            var end: Int
            var value: Double
            var previousKey: Int
            var previousLabel: Int
            var pick: Int
        }
        func key(_ count: Int, _ minutes: Int, _ weekendDays: Int, _ run: Int) -> Int {
            ((minutes * 8 + count) * 2 + weekendDays) * runs + run
        }
        // floors[t]: ends at or below it cannot conflict with any start after day t.
        var floors = [Int](repeating: noEnd, count: choices.count)
        if let rest = frame.restSeconds {
            var earliest = frame.nextStart ?? Int.max
            for t in stride(from: choices.count - 1, through: 0, by: -1) {
                floors[t] = earliest == Int.max ? noEnd : earliest - rest
                earliest = min(earliest, choices[t].map(\.start).min() ?? Int.max)
            }
        }
        let initialEnd = frame.restSeconds == nil ? noEnd : frame.lastEnd ?? noEnd
        let initialRun = frame.maxRun.map { min(max(0, frame.runBefore), $0) } ?? 0
        var layers: [[Int: [Label]]] = []
        var current: [Int: [Label]] = [
            key(0, 0, 0, initialRun): [Label(end: initialEnd, value: 0, previousKey: -1, previousLabel: -1, pick: -1)]
        ]
        for t in choices.indices {
            var next: [Int: [Label]] = [:]
            func relax(_ k: Int, _ l: Label) {
                if let list = next[k], list.contains(where: { $0.end <= l.end && $0.value >= l.value }) { return }
                next[k, default: []].removeAll { $0.end >= l.end && $0.value <= l.value }
                next[k, default: []].append(l)
            }
            let adjacent = t == 0 || frame.dayNumbers[t] == frame.dayNumbers[t - 1] + 1
            let floor = floors[t]
            for k in current.keys.sorted() {
                guard let labels = current[k] else { continue }
                let run = adjacent ? k % runs : 0
                let rest = k / runs
                let weekendDays = rest % 2
                let count = (rest / 2) % 8
                let minutes = rest / 16
                for (i, l) in labels.enumerated() {
                    relax(
                        key(count, minutes, weekendDays, 0),
                        Label(end: max(l.end, floor), value: l.value, previousKey: k, previousLabel: i, pick: -1))
                }
                guard count < maxDays else { continue }
                if let cap = frame.maxRun, run + 1 > cap { continue }
                let takesWeekend = agent.weekendDayOff && frame.weekend[t]
                if takesWeekend && weekendDays == 1 { continue }
                let newRun = frame.maxRun == nil ? 0 : run + 1
                for c in choices[t] where minutes + c.minutes <= window.upperBound {
                    let target = key(count + 1, minutes + c.minutes, weekendDays + (takesWeekend ? 1 : 0), newRun)
                    for (i, l) in labels.enumerated() {
                        if let r = frame.restSeconds, c.start - l.end < r { continue }
                        let end = frame.restSeconds == nil ? noEnd : max(c.end, floor)
                        relax(
                            target,
                            Label(end: end, value: l.value + c.value, previousKey: k, previousLabel: i, pick: c.option))
                    }
                }
            }
            layers.append(next)
            current = next
        }
        var best: (key: Int, label: Int, value: Double)? = nil
        for k in current.keys.sorted() where (k / runs) / 16 >= window.lowerBound {
            let run = k % runs
            if let cap = frame.maxRun, run > 0, run + max(0, frame.runAfter) > cap { continue }
            for (i, l) in (current[k] ?? []).enumerated() {
                if let r = frame.restSeconds, let n = frame.nextStart, n - l.end < r { continue }
                if let b = best, b.value >= l.value { continue }
                best = (k, i, l.value)
            }
        }
        guard let found = best else { return nil }
        var picks = [Int](repeating: -1, count: choices.count)
        var k = found.key
        var i = found.label
        for t in stride(from: choices.count - 1, through: 0, by: -1) {
            guard let l = layers[t][k]?[i] else { return nil }
            picks[t] = l.pick
            k = l.previousKey
            i = l.previousLabel
        }
        return (found.value, picks)
    }
}
