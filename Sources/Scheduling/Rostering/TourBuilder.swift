/// One agent's best week against the demand the other agents leave uncovered: a day-by-day
/// dynamic program (the pricing problem of tour column generation; Dantzig–Wolfe over agents).
///
/// State after each day: shifts worked, paid minutes and weekend days worked. A day either stays
/// free or takes one option; the weekly rules (at most `max_days_week` shifts, paid minutes within
/// `[min_hours_week, max_hours_week]`, at most one weekend day with `weekend_day_off`) are the
/// transitions and the final test, so every tour it returns keeps the agent's contract.
/// Rules that link consecutive days (rest between shifts, consecutive days) fit as extra state
/// (the previous day's end) and transitions.
///
/// Per day only the best option of each paid length can be part of an optimal tour, so the
/// caller passes at most one choice per length: the state space is O(days × shifts × lengths).
///
/// *Edge Cases*: a week with no feasible tour (contract out of reach) gives `nil`.
/// *Postconditions*: ties keep the first choice in ascending state order, so the result is
/// deterministic.
enum TourBuilder {
    struct Choice {
        var option: Int
        var minutes: Int
        var value: Double
    }

    /// The weekly window of paid minutes allowed by a contract.
    static func minuteWindow(_ agent: Agent) -> ClosedRange<Int> {
        let lo = Int((min(max(agent.minHoursWeek, 0), 10_000) * 60 - 1e-6).rounded(.up))
        let hi = Int((min(max(agent.maxHoursWeek, 0), 10_000) * 60 + 1e-6).rounded(.down))
        return max(0, lo)...max(max(0, lo), hi)
    }

    /// The tour of highest total value: `choices[t]` are day `t`'s options, `weekend[t]` whether it
    /// is a Saturday or Sunday. Returns the value and the option picked per day (`-1` = free).
    static func best(_ agent: Agent, choices: [[Choice]], weekend: [Bool]) -> (value: Double, picks: [Int])? {
        let window = minuteWindow(agent)
        guard agent.minHoursWeek <= agent.maxHoursWeek else { return nil }
        let maxDays = min(7, max(0, agent.maxDaysWeek))
        struct Entry {
            var value: Double
            var previous: Int
            var pick: Int
        }
        func key(_ count: Int, _ minutes: Int, _ weekendDays: Int) -> Int { (minutes * 8 + count) * 2 + weekendDays }
        var layers: [[Int: Entry]] = []
        var current: [Int: Entry] = [0: Entry(value: 0, previous: -1, pick: -1)]
        for t in choices.indices {
            var next: [Int: Entry] = [:]
            func relax(_ k: Int, _ e: Entry) {
                if let old = next[k], old.value >= e.value { return }
                next[k] = e
            }
            for k in current.keys.sorted() {
                let e = current[k]!
                let weekendDays = k % 2
                let count = (k / 2) % 8
                let minutes = k / 16
                relax(k, Entry(value: e.value, previous: k, pick: -1))
                guard count < maxDays else { continue }
                let takesWeekend = agent.weekendDayOff && weekend[t]
                if takesWeekend && weekendDays == 1 { continue }
                for c in choices[t] where minutes + c.minutes <= window.upperBound {
                    relax(
                        key(count + 1, minutes + c.minutes, weekendDays + (takesWeekend ? 1 : 0)),
                        Entry(value: e.value + c.value, previous: k, pick: c.option))
                }
            }
            layers.append(next)
            current = next
        }
        var bestKey: Int? = nil
        for k in current.keys.sorted() where k / 16 >= window.lowerBound {
            if bestKey == nil || current[k]!.value > current[bestKey!]!.value { bestKey = k }
        }
        guard var k = bestKey else { return nil }
        let value = current[k]!.value
        var picks = [Int](repeating: -1, count: choices.count)
        for t in stride(from: choices.count - 1, through: 0, by: -1) {
            let e = layers[t][k]!
            picks[t] = e.pick
            k = e.previous
        }
        return (value, picks)
    }
}
