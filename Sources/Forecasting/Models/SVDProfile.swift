import LinearAlgebra

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Intraday-profile model by singular value decomposition, after Shen & Huang (2008),
/// "Interday forecasting and intraday updating of call center arrivals", M&SOM 10(3).
///
/// The last (up to) 26 weeks of regular days form a day × slot matrix of root-transformed
/// counts `√(y + 1/4)` (variance-stabilising for Poisson counts). Its thin SVD (LAPACK
/// `dgesdd`) gives `X ≈ Σ_k β_k(d) v_k(s)` with the first three components: `v_1` is the
/// average shape, later ones the ways days differ (busier mornings, later peaks). Each
/// day-score series `β_k` is forecast per weekday by exponential smoothing of that weekday's
/// past scores (half-life three weeks), and the profile is rebuilt: `ŷ = max(0, x̂²)`.
public struct SVDProfile: ForecastModel {
    /// Number of singular components kept.
    public var components: Int
    public var name: String { "svd-profile" }
    public init(components: Int = 3) { self.components = components }

    /// Regular days in the matrix: the last 26 weeks (issue 5).
    static let windowDays = 26 * 7
    /// Day-score weights halve every three weeks (issue 5).
    static let scoreHalfLifeDays = 21.0

    public func forecast(_ history: DayGrid, targetDays: [Int], specialDays: SpecialDays) throws -> [[Double]] {
        let regular = history.days.indices.filter { !specialDays.isSpecial(history.days[$0]) }.suffix(Self.windowDays)
            .map { $0 }
        guard regular.count >= 7 else { throw ForecastError.insufficientHistory("svd-profile needs at least 7 days") }
        let active = (0..<history.slotsPerDay).filter { s in regular.contains { history.values[$0][s] > 0 } }
        guard !active.isEmpty else { return targetDays.map { _ in [Double](repeating: 0, count: history.slotsPerDay) } }
        var x = Matrix(rows: regular.count, columns: active.count)
        for (i, d) in regular.enumerated() {
            for (j, s) in active.enumerated() { x[i, j] = (history.values[d][s] + 0.25).squareRoot() }
        }
        let svd = try x.singularValueDecomposition()
        let k = min(components, svd.singularValues.count)
        let lastDay = history.days[regular.last!]
        return targetDays.map { day in
            let w = DayGrid.weekday(day)
            var sameWeekday = regular.indices.filter { DayGrid.weekday(history.days[regular[$0]]) == w }
            if sameWeekday.isEmpty { sameWeekday = Array(regular.indices) }
            var scores = [Double](repeating: 0, count: k)
            var wsum = 0.0
            for i in sameWeekday {
                let weight = pow(0.5, Double(lastDay - history.days[regular[i]]) / Self.scoreHalfLifeDays)
                for c in 0..<k { scores[c] += weight * svd.u[i, c] * svd.singularValues[c] }
                wsum += weight
            }
            var out = [Double](repeating: 0, count: history.slotsPerDay)
            for (j, s) in active.enumerated() {
                var root = 0.0
                for c in 0..<k { root += scores[c] / wsum * svd.vt[c, j] }
                out[s] = max(0, root * root - 0.25)
            }
            return out
        }
    }
}
