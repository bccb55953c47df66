/// Average handle time per weekday × slot, from the last eight weeks of history, weighted by
/// answered calls and shrunk toward the overall mean where data are thin:
/// `aht = (W·cell + 100·overall) / (W + 100)` with `W` the cell's answered calls.
public struct AHTProfile: Sendable {
    var bySlot: [Int: [Double]]
    /// The overall weighted mean AHT.
    public var overall: Double

    /// Weight of the overall mean in a cell's AHT, in answered calls (issue 5: at 100 calls a cell's own mean and
    /// the overall mean weigh the same; a cell's mean of 100 handle times has a standard error of ~10 %).
    static let priorCalls = 100.0

    /// The profile of a grid; `nil` when the history has no AHT.
    public init?(_ grid: DayGrid) {
        guard let aht = grid.aht, let weight = grid.ahtWeight, let last = grid.days.last else { return nil }
        var totalW = 0.0
        var totalSum = 0.0
        var sums: [Int: [Double]] = [:]
        var weights: [Int: [Double]] = [:]
        for (k, day) in grid.days.enumerated() where day > last - 56 {
            let w = DayGrid.weekday(day)
            if sums[w] == nil {
                sums[w] = [Double](repeating: 0, count: grid.slotsPerDay)
                weights[w] = [Double](repeating: 0, count: grid.slotsPerDay)
            }
            for s in 0..<grid.slotsPerDay where weight[k][s] > 0 {
                sums[w]![s] += aht[k][s] * weight[k][s]
                weights[w]![s] += weight[k][s]
                totalSum += aht[k][s] * weight[k][s]
                totalW += weight[k][s]
            }
        }
        guard totalW > 0 else { return nil }
        overall = totalSum / totalW
        let prior = Self.priorCalls
        bySlot = sums.mapValues { _ in [] }
        for (w, s) in sums {
            let ws = weights[w]!
            bySlot[w] = s.indices.map { (s[$0] + prior * overall) / (ws[$0] + prior) }
        }
    }

    /// Forecast AHT for a weekday and slot.
    public func aht(weekday: Int, slot: Int) -> Double { bySlot[weekday]?[slot] ?? overall }
}
