import CallData
import Foundation
import Testing

@testable import Forecasting

/// Weekly totals (`--interval 1w`): ISO weeks, partial weeks, and calibration of the weekly bounds on planted shocks.
@Suite struct WeeklyTotalsTests {
    /// One planted week of five working days: a week shock `W ~ Gamma(1, φ_week)` shared by its days (a level error
    /// common to one forecast), a day shock `D ~ Gamma(1, φ_day)` per day, slot dispersion `φ_slot`, Poisson counts.
    static func week(_ rng: inout SplitMix, phiWeek: Double, phiDay: Double, phiSlot: Double) -> [[Double]] {
        let w = rng.gamma(mean: 1, variance: phiWeek)
        return (0..<5).map { _ in
            let d = rng.gamma(mean: 1, variance: phiDay)
            return CalibrationTests.means.map { f in
                Double(rng.poisson(f * w * d * rng.gamma(mean: 1, variance: phiSlot)))
            }
        }
    }

    @Test(arguments: [0.8, 0.9])
    func plantedWeekAndDayShocksAreCoveredAtTheirLevelForWeeklyTotals(level: Double) {
        // Within-week correlation of day shocks φ_week / (φ_week + φ_day) = 0.4; the weekly total's relative
        // variance is about φ_week + φ_day / 5 = 0.0052, far above the independent-days value 0.002.
        let (phiWeek, phiDay, phiSlot) = (0.004, 0.006, 0.02)
        var rng = SplitMix(seed: 77)
        let means = CalibrationTests.means
        var pairs: [RollingOrigin.Pair] = []
        for fold in 0..<300 {
            let y = Self.week(&rng, phiWeek: phiWeek, phiDay: phiDay, phiSlot: phiSlot)
            for (h, day) in y.enumerated() {
                for s in means.indices {
                    pairs.append(
                        RollingOrigin.Pair(
                            horizonDay: h, forecast: means[s], actual: day[s], day: 7 * fold + h, slot: s))
                }
            }
        }
        let model = IntervalModel(pairs: pairs, level: level)
        #expect(abs(model.dayCorrelation - 0.4) < 0.12, "\(model)")
        let total = means.reduce(0, +)
        let squares = means.reduce(0) { $0 + $1 * $1 }
        let parts = (0..<5).map { IntervalModel.DayPart(horizonDay: $0, total: total, sumOfSquares: squares) }
        let (lo, hi) = model.bounds(mean: 5 * total, variance: model.variance(parts))
        var inside = 0
        let weeks = 3000
        for _ in 0..<weeks {
            let y = Self.week(&rng, phiWeek: phiWeek, phiDay: phiDay, phiSlot: phiSlot)
            let actual = y.reduce(0) { $0 + $1.reduce(0, +) }
            if actual >= lo && actual <= hi { inside += 1 }
        }
        let coverage = Double(inside) / Double(weeks)
        #expect(abs(coverage - level) <= 0.03, "weekly coverage \(coverage) at level \(level)")
        // Independent days would have been far too narrow: the correlation matters.
        var independent = model
        independent.dayCorrelation = 0
        let (ilo, ihi) = independent.bounds(mean: 5 * total, variance: independent.variance(parts))
        #expect(ihi - ilo < 0.8 * (hi - lo))
    }

    /// A Mon–Fri history ending on `lastDay` (inclusive), Poisson counts around the `Synthetic` shape.
    static func history(lastDay: Int, weeks: Int = 16) -> IntervalHistory {
        var rng = SplitMix(seed: 11)
        var h = Synthetic.history(firstDay: lastDay - 7 * weeks + 1, days: 7 * weeks)
        h.series[0].records = h.series[0].records.map { r in
            var r = r
            r.calls = Double(rng.poisson(r.calls))
            return r
        }
        return h
    }

    @Test func weeksAreISOWeeksFromMondayAndAddUpTheSlotForecasts() throws {
        // History ends on a Friday: the horizon starts on Monday, two whole weeks.
        let friday = Synthetic.monday + 7 * 20 + 4
        let fitted = try Forecaster.fit(Self.history(lastDay: friday), ForecastRequest(horizonDays: 14))[0]
        let totals = WeeklyTotals(fitted)
        #expect(totals.weeks.map(\.monday) == [friday + 3, friday + 10])
        #expect(totals.weeks.allSatisfy { !$0.partial && CivilCalendar.isoWeekday(days: $0.monday) == 1 })
        // Each week's total is the sum of its open slots' forecasts; the bounds come from the variance of the sum,
        // well inside the sum of the days' own bounds.
        for w in totals.weeks {
            var sum = 0.0
            var dayWidths = 0.0
            for (t, day) in fitted.targetDays.enumerated() where WeeklyTotals.monday(of: day) == w.monday {
                guard let mask = fitted.openSlots[DayGrid.weekday(day)] else { continue }
                let f = (0..<mask.count).filter { mask[$0] }.map { fitted.points[t][$0] }
                sum += f.reduce(0, +)
                let v = fitted.intervals.variance(
                    total: f.reduce(0, +), sumOfSquares: f.reduce(0) { $0 + $1 * $1 }, horizonDay: t)
                let (lo, hi) = fitted.intervals.bounds(mean: f.reduce(0, +), variance: v)
                dayWidths += hi - lo
            }
            #expect(abs(w.calls - sum) < 1e-9 * sum)
            #expect(w.lower < w.calls && w.calls < w.upper)
            #expect(w.upper - w.lower < dayWidths)
        }
        let rows = totals.rows(timeZone: .utc)
        #expect(rows.map(\.start) == totals.weeks.map { $0.monday * 86_400 })
        #expect(rows.allSatisfy { $0.lengthSeconds == 7 * 86_400 })
    }

    @Test func aHorizonStartingMidweekFlagsItsPartialWeeks() throws {
        // History ends on a Tuesday: the horizon (Wed … Tue) touches two weeks, both partial.
        let tuesday = Synthetic.monday + 7 * 20 + 1
        let fitted = try Forecaster.fit(Self.history(lastDay: tuesday), ForecastRequest(horizonDays: 7))[0]
        let totals = WeeklyTotals(fitted)
        #expect(totals.weeks.count == 2)
        #expect(totals.weeks.allSatisfy { $0.partial })
        #expect(totals.weeks[0].firstDay == tuesday + 1 && totals.weeks[0].lastDay == tuesday + 3)
        #expect(totals.weeks[1].firstDay == tuesday + 6 && totals.weeks[1].lastDay == tuesday + 7)
        let rows = totals.rows(timeZone: .utc)
        #expect(rows[0].start == (tuesday + 1) * 86_400 && rows[0].lengthSeconds == 3 * 86_400)
        // A Mon–Fri centre's week ending on Friday is whole: its closed weekend lies outside the horizon harmlessly.
        let friday = Synthetic.monday + 7 * 20 + 4
        let whole = try Forecaster.fit(Self.history(lastDay: friday), ForecastRequest(horizonDays: 5))[0]
        #expect(WeeklyTotals(whole).weeks.map(\.partial) == [false])
    }

    @Test func aWeekInADaylightSavingZoneLastsItsRealLength() throws {
        let zone = try #require(PlanningTimeZone(identifier: "Europe/Berlin"))
        // 2025-03-30 (a Sunday) has 23 hours: the week of Monday 2025-03-24 is 167 hours long.
        let monday = CivilCalendar.daysFromCivil(year: 2025, month: 3, day: 24)
        let start = WeeklyTotals.utcOfMidnight(monday, zone)
        let end = WeeklyTotals.utcOfMidnight(monday + 7, zone)
        #expect(end - start == 167 * 3600)
        #expect(start == monday * 86_400 - 3600)  // 00:00 CET is 23:00 UTC
    }

    @Test func backtestFoldsAlignToMondaysAndReportWeeklyCoverage() throws {
        let friday = Synthetic.monday + 7 * 20 + 4
        let h = Self.history(lastDay: friday)
        let grid = DayGrid(series: h.series[0], intervalSeconds: h.intervalSeconds)
        let origin = RollingOrigin.isoWeekly(grid, folds: 3, horizonDays: 7)
        // The week of the last Friday is complete (its weekend is closed), so it is the last fold.
        #expect(origin.origins == [friday - 18, friday - 11, friday - 4])
        let rows = try BacktestReport.run(
            h, folds: 3, horizonDays: 7, level: 0.9, specialDays: .none, modelNames: ["level-profile"],
            alignToISOWeeks: true)
        #expect(rows[0].weekCoverage.isFinite)
        let unaligned = try BacktestReport.run(
            h, folds: 3, horizonDays: 7, level: 0.9, specialDays: .none, modelNames: ["level-profile"])
        #expect(unaligned[0].weekCoverage.isNaN)  // folds from Saturday to Friday hold no whole ISO week
    }
}
