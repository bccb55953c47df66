/// Picks the model for a series by rolling-origin backtest on the history itself (up to the
/// last eight weekly origins that leave at least three weeks of training; never the horizon).
///
/// Candidates: every single model and the equal-weight combination of the best two. The
/// reference is `level-profile` (or the best single model when it cannot run). A challenger
/// replaces the reference only when it is better by more than one standard error of the paired
/// per-fold WAPE differences — the one-standard-error rule (Hastie, Tibshirani & Friedman,
/// *Elements of Statistical Learning*, §7.10) — so selection noise does not pick a model that
/// merely got lucky on a few weeks.
public struct AutoModel: ForecastModel {
    public var name: String { "auto" }
    public init() {}

    /// Weekly origins used to choose (fewer when the history is short).
    static let selectionFolds = 8

    /// The outcome of a selection: the chosen model, every candidate's backtest WAPE, and the
    /// chosen model's backtest pairs (for prediction intervals).
    public struct Selection: Sendable {
        public var model: any ForecastModel
        public var scores: [(name: String, wape: Double)]
        public var pairs: [RollingOrigin.Pair]
    }

    public func forecast(_ history: DayGrid, targetDays: [Int], specialDays: SpecialDays) throws -> [[Double]] {
        let selection = try select(history, horizonDays: targetDays.count, specialDays: specialDays)
        return try selection.model.forecast(history, targetDays: targetDays, specialDays: specialDays)
    }

    struct Candidate {
        var model: any ForecastModel
        var folds: [[RollingOrigin.Pair]]
        var pooled: [RollingOrigin.Pair] { folds.flatMap { $0 } }
        var wape: Double { AccuracyMetrics(pooled, naiveMAE: 1).wape }
        func foldErrors() -> [(error: Double, total: Double)] {
            folds.map { f in (f.reduce(0) { $0 + abs($1.actual - $1.forecast) }, f.reduce(0) { $0 + $1.actual }) }
        }
    }

    /// Runs the internal backtest and chooses.
    public func select(_ history: DayGrid, horizonDays: Int, specialDays: SpecialDays) throws -> Selection {
        var origin = RollingOrigin.weekly(history, folds: Self.selectionFolds, horizonDays: min(max(1, horizonDays), 14))
        if let first = history.days.first { origin.origins = origin.origins.filter { $0 - first >= 21 } }
        var candidates: [Candidate] = []
        if !origin.origins.isEmpty {
            for model in ModelCatalog.all {
                guard let folds = try? origin.pairs(model, grid: history, specialDays: specialDays).pairs,
                    folds.count == origin.origins.count
                else { continue }
                let c = Candidate(model: model, folds: folds)
                if c.wape.isFinite { candidates.append(c) }
            }
        }
        guard !candidates.isEmpty else {
            // Too short to backtest: the most robust model that can run at all.
            let fallback: any ForecastModel = history.days.count >= 7 ? LevelProfile() : WeeklyMean()
            return Selection(model: fallback, scores: [], pairs: [])
        }
        let ranked = candidates.sorted { $0.wape < $1.wape }
        if ranked.count >= 2 {
            let a = ranked[0], b = ranked[1]
            let folds = zip(a.folds, b.folds).map { fa, fb in
                zip(fa, fb).map { RollingOrigin.Pair(horizonDay: $0.horizonDay, forecast: ($0.forecast + $1.forecast) / 2, actual: $0.actual) }
            }
            candidates.append(Candidate(model: Combination([a.model, b.model]), folds: folds))
        }
        let reference = candidates.first { $0.model is LevelProfile } ?? ranked[0]
        var best = reference
        for challenger in candidates.sorted(by: { $0.wape < $1.wape }) where challenger.wape < best.wape {
            if Self.clearlyBetter(challenger, than: reference) { best = challenger; break }
        }
        return Selection(model: best.model, scores: candidates.map { ($0.model.name, $0.wape) }, pairs: best.pooled)
    }

    /// Whether the mean per-fold WAPE difference is below zero by more than one standard error.
    static func clearlyBetter(_ challenger: Candidate, than reference: Candidate) -> Bool {
        let c = challenger.foldErrors(), r = reference.foldErrors()
        let diffs = zip(c, r).compactMap { $0.total > 0 ? ($0.error - $1.error) / $0.total : nil }
        guard diffs.count >= 2 else { return false }
        let mean = diffs.reduce(0, +) / Double(diffs.count)
        let variance = diffs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(diffs.count - 1)
        return mean + (variance / Double(diffs.count)).squareRoot() < 0
    }
}
