/// The out-of-sample baseline of one day of a `DayGrid`: what the day would have looked like
/// without an incident, fitted without the day itself.
///
/// Shape: the per-slot mean, over the same weekday in the `neighbourWeeks` weeks before and after
/// (the day itself and days in `excluded` left out), of each day's share of its daily total, the
/// largest share left out (robust to one neighbour with a surge in that slot), renormalised to sum to 1. Level: the share-weighted median of `calls / share` over the day's own
/// usable slots — robust to a surge covering less than half the day's expected volume, and it follows
/// ordinary busy days and holidays (a day-level shift is not an incident).
///
/// *Edge Cases*: no same-weekday neighbour: `nil`. Too few usable slots (under 25 % of the expected
/// volume): the level is the neighbours' mean total.
struct DayBaseline: Sendable {
    /// Expected share of the day's calls per slot (sums to 1).
    var shares: [Double]
    /// The neighbours' mean daily total.
    var neighbourTotal: Double
    /// The day's level (expected daily total without incident).
    var level: Double

    /// Expected calls per slot.
    var expected: [Double] { shares.map { $0 * level } }

    /// Weeks either side searched for same-weekday neighbours (8 weeks: a season's shape, still local).
    static let neighbourWeeks = 8
    /// Minimum share of the expected volume the level is estimated from.
    static let minimumUsableShare = 0.25

    /// The baseline of `grid.days[k]`; `usable[s]` false marks slots to leave out of the level.
    init?(grid: DayGrid, dayIndex k: Int, excluded: Set<Int>, usable: [Bool]? = nil) {
        let day = grid.days[k]
        let w = DayGrid.weekday(day)
        var neighbours: [Int] = []
        for (j, d) in grid.days.enumerated()
        where j != k && abs(d - day) <= 7 * Self.neighbourWeeks && DayGrid.weekday(d) == w && !excluded.contains(d) {
            neighbours.append(j)
        }
        guard !neighbours.isEmpty else { return nil }
        let n = grid.slotsPerDay
        var sums = [Double](repeating: 0, count: n)
        var maxima = [Double](repeating: 0, count: n)
        var totals: [Double] = []
        for j in neighbours {
            let row = grid.values[j]
            var t = 0.0
            for s in 0..<n { t += row[s] }
            guard t > 0 else { continue }
            totals.append(t)
            for s in 0..<n {
                let share = row[s] / t
                sums[s] += share
                if share > maxima[s] { maxima[s] = share }
            }
        }
        guard !totals.isEmpty else { return nil }
        // Mean share without each slot's largest (robust to one neighbour with a surge there).
        let m = Double(totals.count)
        var shares = [Double](repeating: 0, count: n)
        for s in 0..<n { shares[s] = totals.count >= 3 ? (sums[s] - maxima[s]) / (m - 1) : sums[s] / m }
        let sum = shares.reduce(0, +)
        guard sum > 0 else { return nil }
        self.shares = shares.map { $0 / sum }
        neighbourTotal = totals.reduce(0, +) / Double(totals.count)
        level = neighbourTotal
        level = Self.level(values: grid.values[k], shares: self.shares, usable: usable) ?? neighbourTotal
    }

    /// Share-weighted `quantile` (median by default) of `values[s] / shares[s]` over usable slots; `nil` when they carry
    /// under `minimumUsableShare` of the day.
    static func level(values: [Double], shares: [Double], usable: [Bool]?, quantile: Double = 0.5) -> Double? {
        var pairs: [(Double, Double)] = []
        var weight = 0.0
        for s in shares.indices where shares[s] > 0 && (usable?[s] ?? true) {
            pairs.append((values[s] / shares[s], shares[s]))
            weight += shares[s]
        }
        guard weight >= minimumUsableShare else { return nil }
        pairs.sort { $0.0 < $1.0 }
        var acc = 0.0
        for (ratio, w) in pairs {
            acc += w
            if acc >= weight * quantile { return ratio }
        }
        return pairs.last?.0
    }

    static func median(_ xs: [Double]) -> Double {
        guard xs.count > 1 else { return xs.first ?? 0 }
        let s = xs.sorted()
        guard !s.isEmpty else { return 0 }
        let m = s.count / 2
        return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }
}
