/// Picks the forecast for a series by rolling-origin backtest on the history itself (up to the
/// last eight weekly origins that leave at least three weeks of training; never the horizon).
///
/// Single models are ranked by pooled WAPE and the forecast is the combination of the best
/// two with Bates–Granger weights, inversely proportional to each one's backtest mean squared
/// error (Bates & Granger 1969). Combining close competitors is the robust choice — selecting
/// the in-sample winner alone chases noise (the "forecast combination puzzle": Smith & Wallis
/// 2009; Timmermann 2006) — and a clearly worse second model gets little weight. With too
/// little history to backtest, `level-profile` (or `weekly-mean` under a week) is used.
public struct AutoModel: ForecastModel {
    public var name: String { "auto" }
    /// The intraday profile settings handed to the profile models.
    public var profile: IntradayProfile
    public init(profile: IntradayProfile = .standard) { self.profile = profile }

    /// Weekly origins used to choose (fewer when the history is short).
    static let selectionFolds = 8

    /// The outcome of a selection: the chosen model, every candidate's backtest WAPE, and the
    /// chosen model's backtest pairs (for prediction intervals).
    public struct Selection: Sendable {
        public var model: any ForecastModel
        public var scores: [(name: String, wape: Double)]
        public var pairs: [RollingOrigin.Pair]
        /// The chosen model's backtest WAPE (nan without a backtest).
        public var wape: Double { scores.first { $0.name == model.name }?.wape ?? .nan }
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
    }

    /// Runs the internal backtest and chooses.
    public func select(_ history: DayGrid, horizonDays: Int, specialDays: SpecialDays) throws -> Selection {
        var origin = RollingOrigin.weekly(
            history, folds: Self.selectionFolds, horizonDays: min(max(1, horizonDays), 14))
        if let first = history.days.first { origin.origins = origin.origins.filter { $0 - first >= 21 } }
        var candidates: [Candidate] = []
        if !origin.origins.isEmpty {
            for model in ModelCatalog.all(profile: profile) {
                guard let folds = try? origin.pairs(model, grid: history, specialDays: specialDays).pairs,
                    folds.count == origin.origins.count
                else { continue }
                let c = Candidate(model: model, folds: folds)
                if c.wape.isFinite { candidates.append(c) }
            }
        }
        guard !candidates.isEmpty else {
            // Too short to backtest: the most robust model that can run at all.
            let fallback: any ForecastModel = history.days.count >= 7 ? LevelProfile(profile: profile) : WeeklyMean()
            return Selection(model: fallback, scores: [], pairs: [])
        }
        let ranked = candidates.sorted { $0.wape < $1.wape }
        if ranked.count >= 2 {
            // Bates–Granger weights: inversely proportional to each model's backtest mean squared error.
            let a = ranked[0]
            let b = ranked[1]
            let mse = [a, b].map { c in
                c.pooled.reduce(0) { $0 + ($1.actual - $1.forecast) * ($1.actual - $1.forecast) }
            }
            let weights = mse.map { 1 / max($0, 1e-12) }
            let wa = weights[0] / (weights[0] + weights[1])
            let folds = zip(a.folds, b.folds).map { fa, fb in
                zip(fa, fb).map {
                    RollingOrigin.Pair(
                        horizonDay: $0.horizonDay, forecast: wa * $0.forecast + (1 - wa) * $1.forecast,
                        actual: $0.actual, day: $0.day, slot: $0.slot)
                }
            }
            candidates.append(Candidate(model: Combination([a.model, b.model], weights: [wa, 1 - wa]), folds: folds))
        }
        // The combination of the best two, weighted by backtest accuracy, is the forecast: the robust
        // default when models are close, and a clearly worse second model gets little weight.
        let best = candidates.first { $0.model is Combination } ?? ranked[0]
        return Selection(model: best.model, scores: candidates.map { ($0.model.name, $0.wape) }, pairs: best.pooled)
    }
}
