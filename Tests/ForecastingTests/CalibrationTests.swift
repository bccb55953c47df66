import CallData
import Foundation
import Testing

@testable import Forecasting

/// Planted-truth tests of the prediction-interval model (issue 11): day-level shocks and slot dispersion with known
/// variance, coverage checked on fresh draws never used for estimation.
@Suite struct CalibrationTests {
    /// A day of planted counts: day shock `D ~ Gamma(mean 1, var φ_day)`, slot `λ = f·D·G` with
    /// `G ~ Gamma(mean 1, var φ_slot)`, count `Poisson(λ)`.
    static func day(_ rng: inout SplitMix, means: [Double], phiDay: Double, phiSlot: Double) -> [Double] {
        let shock = rng.gamma(mean: 1, variance: phiDay)
        return means.map { f in Double(rng.poisson(f * shock * rng.gamma(mean: 1, variance: phiSlot))) }
    }

    static let means = Synthetic.profile(20).map { 2000 * $0 }

    /// Pairs of `days` planted days (forecast = the true mean), seven horizon days per fold.
    static func pairs(_ rng: inout SplitMix, days: Int, phiDay: Double, phiSlot: Double) -> [RollingOrigin.Pair] {
        var out: [RollingOrigin.Pair] = []
        for d in 0..<days {
            let y = day(&rng, means: means, phiDay: phiDay, phiSlot: phiSlot)
            for s in means.indices {
                out.append(RollingOrigin.Pair(horizonDay: d % 7, forecast: means[s], actual: y[s], day: d, slot: s))
            }
        }
        return out
    }

    @Test(arguments: [0.8, 0.9])
    func plantedShocksAreCoveredAtTheirLevelAtThirtyMinutesAndOneDay(level: Double) {
        let phiDay = 0.01  // a 10 % day-level coefficient of variation
        let phiSlot = 0.02
        var rng = SplitMix(seed: 2024)
        let model = IntervalModel(pairs: Self.pairs(&rng, days: 1400, phiDay: phiDay, phiSlot: phiSlot), level: level)
        // The moment estimate of the day shock is near the truth (its standard error is ~4 % at 1,400 days; fewer days make the test one of sampling luck).
        #expect(abs(model.dayShock + model.dayShockPerHorizonDay * 3 - phiDay) < 0.12 * phiDay, "\(model)")
        var slotInside = 0
        var slotCount = 0
        var dayInside = 0
        let days = 3000
        for _ in 0..<days {
            let y = Self.day(&rng, means: Self.means, phiDay: phiDay, phiSlot: phiSlot)
            for s in y.indices {
                let (lo, hi) = model.bounds(Self.means[s], horizonDay: 3)
                slotCount += 1
                if y[s] >= lo && y[s] <= hi { slotInside += 1 }
            }
            let total = Self.means.reduce(0, +)
            let v = model.variance(
                total: total, sumOfSquares: Self.means.reduce(0) { $0 + $1 * $1 }, horizonDay: 3)
            let (lo, hi) = model.bounds(mean: total, variance: v)
            let actual = y.reduce(0, +)
            if actual >= lo && actual <= hi { dayInside += 1 }
        }
        let slotCoverage = Double(slotInside) / Double(slotCount)
        let dayCoverage = Double(dayInside) / Double(days)
        #expect(abs(slotCoverage - level) <= 0.03, "30-minute coverage \(slotCoverage) at level \(level)")
        #expect(abs(dayCoverage - level) <= 0.03, "daily coverage \(dayCoverage) at level \(level)")
    }

    @Test func boundsOfASumComeFromTheVarianceOfTheSum() {
        let model = IntervalModel(level: 0.9, dayShock: 0.004, slotDispersion: 0.01, dayCorrelation: 0.5)
        let means = Self.means
        let total = means.reduce(0, +)
        let squares = means.reduce(0) { $0 + $1 * $1 }
        // Within a day: F + φ_day F² + φ_slot Σf², by hand.
        let v = model.variance(total: total, sumOfSquares: squares, horizonDay: 0)
        #expect(abs(v - (total + 0.004 * total * total + 0.01 * squares)) < 1e-9 * v)
        // The daily interval is much narrower than the sum of the slots' intervals.
        let (lo, hi) = model.bounds(mean: total, variance: v)
        let summed = means.map { model.bounds($0, horizonDay: 0) }.reduce((0.0, 0.0)) { ($0.0 + $1.0, $0.1 + $1.1) }
        #expect(hi - lo < 0.8 * (summed.1 - summed.0))
        // Two days: the shocks add with correlation 0.5: Var = 2(F + φ_slot Σf²) + φ_day F² (1 + 1 + 2·0.5).
        let part = IntervalModel.DayPart(horizonDay: 0, total: total, sumOfSquares: squares)
        let two = model.variance([part, part])
        #expect(abs(two - (2 * (total + 0.01 * squares) + 0.004 * total * total * 3)) < 1e-9 * two)
    }

    @Test func gammaBoundsMatchAnIndependentQuantile() {
        // Gamma(shape 4, scale 2.5) (mean 10, variance 25): 5 % and 95 % quantiles 3.4158 and 19.3841
        // (scipy.stats.gamma.ppf); Wilson–Hilferty is within 1 %.
        let model = IntervalModel(level: 0.9, dayShock: 0)
        let (lo, hi) = model.bounds(mean: 10, variance: 25)
        #expect(abs(lo - 3.4158) < 0.02 * 3.4158, "\(lo)")
        #expect(abs(hi - 19.3841) < 0.01 * 19.3841, "\(hi)")
    }

    @Test func theFirstWorkingDayAfterAClosedHolidayIsWider() throws {
        let model = IntervalModel(level: 0.9, dayShock: 0.003)
        let normal = model.bounds(500, horizonDay: 2)
        let after = model.bounds(500, horizonDay: 2, afterClosedDay: true)
        #expect(after.0 < normal.0 && after.1 > normal.1)
        // Learnt from history: planted +30 % catch-ups after six closed Mondays.
        let closed = Set((0..<6).map { Synthetic.monday + 14 + 21 * $0 })
        let h = Synthetic.history(firstDay: Synthetic.monday, days: 140) { day in
            if closed.contains(day) { return nil }
            let w = CivilCalendar.isoWeekday(days: day)
            let base = 1000 * ([1: 1.2, 2: 1.0, 3: 1.0, 4: 1.0, 5: 0.9][w] ?? 0)
            return closed.contains(day - 1) ? base * 1.3 : base
        }
        var records = h.series[0].records
        records.removeAll { closed.contains(CivilCalendar.floorDivide($0.start + $0.utcOffset, 86_400)) }
        let grid = DayGrid(series: IntervalSeries(queue: nil, records: records), intervalSeconds: 1800)
        let excess = try #require(PostHolidayShock.estimate(grid, specialDays: .none))
        #expect(abs(excess - log(1.3) * log(1.3)) < 0.2 * log(1.3) * log(1.3), "\(excess)")
    }

    @Test func anEveningOpeningThatMovesIsFollowedWithinTwoWeeks() throws {
        // Mon–Fri from 08:00; closing moves 30 minutes later every week for eight weeks, from 16:00 to 20:00.
        let first = Synthetic.monday
        var records: [IntervalRecord] = []
        var rng = SplitMix(seed: 5)
        let weeks = 16
        func closingSlot(week: Int) -> Int { 32 + min(max(0, week - 6), 8) }  // slot of the first closed half-hour
        for day in first..<(first + 7 * weeks) {
            guard CivilCalendar.isoWeekday(days: day) <= 5 else { continue }
            let week = (day - first) / 7
            for s in 16..<closingSlot(week: week) {
                let wall = day * 86_400 + s * 1800
                records.append(IntervalRecord(start: wall, utcOffset: 0, calls: Double(rng.poisson(60))))
            }
        }
        let history = IntervalHistory(
            intervalSeconds: 1800, timeZone: .utc, series: [IntervalSeries(queue: nil, records: records)])
        // Forecast from the end of each week of the drift: open hours lag the newest closing by at most one week
        // (the opening of two weeks ago is always followed), and calls are forecast in the followed slots.
        for end in 8...weeks {
            var cut = history
            cut.series[0].records = records.filter { $0.start < (first + 7 * end) * 86_400 }
            let out = try Forecaster.forecast(cut, ForecastRequest(horizonDays: 7))
            let monday = out[0].rows.filter { CivilCalendar.floorDivide($0.start, 86_400) == first + 7 * end }
            let lastOpen = try #require(monday.last.map { CivilCalendar.floorDivide($0.start, 1800) % 48 })
            let newest = closingSlot(week: end - 1) - 1
            let twoWeeksAgo = closingSlot(week: end - 2) - 1
            #expect(lastOpen >= twoWeeksAgo && lastOpen <= newest, "week \(end): last open slot \(lastOpen)")
            #expect((monday.last?.calls ?? 0) > 20, "week \(end): \(monday.last?.calls ?? 0) calls in the last slot")
        }
    }

    @Test func profileHalfLifeIsShortForADriftingShapeAndLongForAStableOne() {
        var rng = SplitMix(seed: 9)
        func grid(drift: Bool) -> DayGrid {
            var records: [IntervalRecord] = []
            for day in Synthetic.monday..<(Synthetic.monday + 182) {
                guard CivilCalendar.isoWeekday(days: day) <= 5 else { continue }
                let t = Double(day - Synthetic.monday) / 182
                for s in 0..<20 {
                    let x = Double(s) / 19
                    let peak = drift ? 0.2 + 0.6 * t : 0.4
                    let mean = 200 * (0.3 + exp(-pow((x - peak) / 0.15, 2)))
                    records.append(
                        IntervalRecord(
                            start: day * 86_400 + (16 + s) * 1800, utcOffset: 0, calls: Double(rng.poisson(mean))))
                }
            }
            return DayGrid(series: IntervalSeries(queue: nil, records: records), intervalSeconds: 1800)
        }
        let drifting = IntradayProfile.estimate(grid(drift: true), specialDays: .none)
        let stable = IntradayProfile.estimate(grid(drift: false), specialDays: .none)
        #expect(drifting.halfLifeWeeks <= 4, "\(drifting)")
        #expect(stable.halfLifeWeeks >= 12, "\(stable)")
    }

    @Test func fitReportsWhatAutoChose() throws {
        var rng = SplitMix(seed: 3)
        var h = Synthetic.history(firstDay: Synthetic.monday, days: 120)
        h.series[0].records = h.series[0].records.map { r in
            var r = r
            r.calls = Double(rng.poisson(r.calls))
            return r
        }
        let fitted = try Forecaster.fit(h, ForecastRequest(horizonDays: 7))
        let summary = fitted[0].summary
        #expect(summary.requestedModel == "auto")
        #expect(abs(summary.members.reduce(0) { $0 + $1.weight } - 1) < 1e-12)
        #expect(summary.backtestFolds == 8)
        #expect(summary.backtestWAPE > 0 && summary.backtestWAPE < 0.2)
        #expect(summary.candidates.contains { $0.name == "level-profile" })
        #expect(summary.line.contains("backtest WAPE"))
        let json = FitSummary.json([summary])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let queues = try #require(parsed?["queues"] as? [[String: Any]])
        let shock = try #require((queues[0]["intervals"] as? [String: Any])?["day_shock_variance"] as? Double)
        #expect(abs(shock - summary.intervals.dayShock) < 1e-6)
        // The fitted forecast and `forecast` agree: nothing is fitted twice.
        let rows = Forecaster.forecast(fitted, timeZone: .utc, ForecastRequest(horizonDays: 7))
        #expect(rows[0].rows.first?.calls == fitted[0].points[0][16])
        // The week's total: its bounds come from the variance of the sum, far inside the sum of the rows' bounds.
        let total = try #require(summary.horizonTotal)
        let sum = rows[0].rows.reduce(0) { $0 + $1.calls }
        #expect(abs(total.calls - sum) < 1e-6 * sum)
        #expect(total.lower < sum && sum < total.upper)
        #expect(total.upper - total.lower < 0.5 * rows[0].rows.reduce(0) { $0 + $1.upper - $1.lower })
    }
}

extension SplitMix {
    /// Gamma with the given mean and variance (Marsaglia & Tsang 2000; shape ≥ 1 here); the mean when variance is 0.
    mutating func gamma(mean: Double, variance: Double) -> Double {
        guard variance > 0 else { return mean }
        let shape = mean * mean / variance
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = normal()
            let v = pow(1 + c * x, 3)
            guard v > 0 else { continue }
            if log(max(next(), 1e-300)) < 0.5 * x * x + d - d * v + d * log(v) { return d * v * variance / mean }
        }
    }
}
