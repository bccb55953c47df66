import CallData
import Foundation
import Testing

@testable import Forecasting

@Suite struct ForecastingTests {
    @Test func levelProfileRecoversAPlantedWeeklyPattern() throws {
        let h = Synthetic.history(firstDay: Synthetic.monday, days: 70)
        let grid = DayGrid(series: h.series[0], intervalSeconds: 1800)
        let targets = Array((grid.days.last! + 1)...(grid.days.last! + 7))
        let f = try LevelProfile().forecast(grid, targetDays: targets, specialDays: .none)
        let shape = Synthetic.profile(20)
        for (t, day) in targets.enumerated() {
            let factor = [1: 1.2, 2: 1.0, 3: 1.0, 4: 1.0, 5: 0.9][CivilCalendar.isoWeekday(days: day)]
            guard let factor else { continue }
            for s in 0..<20 {
                let planted = 1000 * factor * shape[s]
                // Profile smoothing over 5 minutes is below one 30-minute slot, so recovery is exact.
                #expect(abs(f[t][16 + s] - planted) < 1e-6 * planted, "day \(t) slot \(s)")
            }
        }
    }

    @Test func everyModelIsExactOnARepeatingWeek() throws {
        let h = Synthetic.history(firstDay: Synthetic.monday, days: 56)
        let grid = DayGrid(series: h.series[0], intervalSeconds: 1800)
        let targets = [grid.days.last! + 3]  // the Monday after the last Friday
        let planted = 1200 * Synthetic.profile(20)[5]
        for model in ModelCatalog.all where !(model is DoubleSeasonalSmoothing) {  // needs a 24/7 centre: tested below
            let f = try model.forecast(grid, targetDays: targets, specialDays: .none)
            // √(y + ¼) is not exactly rank 3, so the SVD model is close rather than exact.
            // The regression's 1e-9 ridge on its free terms leaves a ~1e-9 relative trace.
            let tolerance = model is SVDProfile ? 0.02 : model is RegressionProfile ? 1e-6 : 1e-9
            #expect(abs(f[0][16 + 5] - planted) <= tolerance * planted, "\(model.name)")
        }
    }

    @Test func doubleSeasonalSmoothingTracksAnAroundTheClockPattern() throws {
        let h = Synthetic.history(
            firstDay: Synthetic.monday, days: 56, openHour: 0, openSlots: 48, base: 4800,
            weekdayFactor: [1: 1.2, 2: 1, 3: 1, 4: 1, 5: 0.9, 6: 0.5, 7: 0.4])
        let grid = DayGrid(series: h.series[0], intervalSeconds: 1800)
        let targets = Array((grid.days.last! + 1)...(grid.days.last! + 7))
        let f = try DoubleSeasonalSmoothing().forecast(grid, targetDays: targets, specialDays: .none)
        for (t, day) in targets.enumerated() {
            let factor = [1: 1.2, 2: 1, 3: 1, 4: 1, 5: 0.9, 6: 0.5, 7: 0.4][CivilCalendar.isoWeekday(days: day)]!
            let planted = 4800 * factor * Synthetic.profile(48)[20]
            #expect(abs(f[t][20] - planted) < 0.02 * planted, "day \(t): \(f[t][20]) vs \(planted)")
        }
        // A centre with closed hours is out of its scope.
        let closedHours = DayGrid(
            series: Synthetic.history(firstDay: Synthetic.monday, days: 56).series[0], intervalSeconds: 1800)
        #expect(throws: ForecastError.self) {
            try DoubleSeasonalSmoothing().forecast(closedHours, targetDays: targets, specialDays: .none)
        }
    }

    @Test func regressionRecoversWeekdayEffectsAndAHolidayLabel() throws {
        let promo = Synthetic.monday + 30
        let h = Synthetic.history(firstDay: Synthetic.monday, days: 63, dailyTotal: { $0 == promo ? 1500 : nil })
        let grid = DayGrid(series: h.series[0], intervalSeconds: 1800)
        let monday = grid.days.last! + 3
        let wednesday = grid.days.last! + 5
        let special = SpecialDays([
            SpecialDay(day: promo, label: "promo", kind: .event),
            SpecialDay(day: wednesday, label: "promo", kind: .event),
        ])
        let f = try RegressionProfile().forecast(grid, targetDays: [monday, wednesday], specialDays: special)
        #expect(abs(f[0].reduce(0, +) / 1200 - 1) < 0.01)
        #expect(abs(f[1].reduce(0, +) / 1500 - 1) < 0.05)  // one past occurrence, shrunk a little by the ridge
    }

    @Test func plantedHolidayEffectIsLearnt() throws {
        // Day 30 is a one-off 'promo' with 1.5× calls; a 'promo' in the horizon should get the same lift.
        let promo = Synthetic.monday + 30  // a Wednesday
        let h = Synthetic.history(firstDay: Synthetic.monday, days: 63, dailyTotal: { $0 == promo ? 1500 : nil })
        let grid = DayGrid(series: h.series[0], intervalSeconds: 1800)
        let future = grid.days.last! + 5  // the Wednesday after the last Friday
        let special = SpecialDays([
            SpecialDay(day: promo, label: "promo", kind: .event),
            SpecialDay(day: future, label: "promo", kind: .event),
        ])
        let withEffect = try LevelProfile().forecast(grid, targetDays: [future], specialDays: special)[0].reduce(0, +)
        let without = try LevelProfile().forecast(grid, targetDays: [future], specialDays: .none)[0].reduce(0, +)
        #expect(abs(withEffect / 1000 - 1.5) < 0.02)
        #expect(abs(without / 1000 - 1.0) < 0.02)  // the promo day does not leak into the normal level
    }

    @Test func forecastCoversOnlyOpenSlotsAndSkipsClosedDays() throws {
        let h = Synthetic.history(firstDay: Synthetic.monday, days: 42)
        let last = DayGrid(series: h.series[0], intervalSeconds: 1800).days.last!
        let closed = last + 4  // a Tuesday in the horizon
        let out = try Forecaster.forecast(
            h,
            ForecastRequest(
                horizonDays: 7, specialDays: SpecialDays([SpecialDay(day: closed, label: "strike", kind: .closed)])))
        let rows = out[0].rows
        // 7 calendar days from Monday (the weekend after the Friday history is skipped): Mon, Wed, Thu, Fri
        // open, Tue closed, Sat, Sun never open → 4 × 20 rows.
        #expect(rows.count == 80)
        let slots = Set(rows.map { ($0.start % 86_400) / 1800 })
        #expect(slots == Set(16..<36))  // 08:00–17:30 only
        #expect(!rows.contains { CivilCalendar.floorDivide($0.start, 86_400) == closed })
        #expect(rows.allSatisfy { $0.lower <= $0.calls && $0.calls <= $0.upper })
        #expect(rows.allSatisfy { $0.ahtSeconds != nil })
    }

    @Test func horizonStartsOnTheFirstOpenDayAfterTheHistory() throws {
        // History ends on a Friday; a weekday centre. One day ahead is Monday, not the closed Saturday.
        let h = Synthetic.history(firstDay: Synthetic.monday, days: 40)
        let last = try #require(DayGrid(series: h.series[0], intervalSeconds: 1800).days.last)
        #expect(CivilCalendar.isoWeekday(days: last) == 5)
        let days = { (out: [QueueForecast]) in Set(out[0].rows.map { CivilCalendar.floorDivide($0.start, 86_400) }) }
        #expect(days(try Forecaster.forecast(h, ForecastRequest(horizonDays: 1))) == [last + 3])
        // A closed special day on that Monday moves the start to Tuesday.
        let holiday = SpecialDays([SpecialDay(day: last + 3, label: "holiday", kind: .closed)])
        #expect(
            days(try Forecaster.forecast(h, ForecastRequest(horizonDays: 1, specialDays: holiday))) == [last + 4])
        // A reference: the rule as a direct scan over the calendar.
        let open = DayGrid(series: h.series[0], intervalSeconds: 1800).openSlots()
        for end in last..<(last + 7) {
            let expected = ((end + 1)...(end + 14)).first { open[CivilCalendar.isoWeekday(days: $0)] != nil }
            #expect(Forecaster.firstOpenDay(after: end, open: open, specialDays: .none) == expected)
        }
    }

    @Test func forecastAcrossDSTHasTheRightNumberOfIntervals() throws {
        // A 24/7 centre in Europe/Berlin; forecast the week containing the 2025-10-26 fall-back day.
        let berlin = PlanningTimeZone(identifier: "Europe/Berlin")!
        let first = CivilCalendar.daysFromCivil(year: 2025, month: 9, day: 1)
        let h = Synthetic.history(
            firstDay: first, days: 55, openHour: 0, openSlots: 48, base: 2000,
            weekdayFactor: [1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 0.5, 7: 0.4], zone: berlin)
        let out = try Forecaster.forecast(h, ForecastRequest(horizonDays: 7))
        let fallBack = CivilCalendar.daysFromCivil(year: 2025, month: 10, day: 26)
        let onThatDay = out[0].rows.filter { CivilCalendar.floorDivide($0.start + $0.utcOffset, 86_400) == fallBack }
        #expect(onThatDay.count == 50)
        #expect(Set(onThatDay.map(\.start)).count == 50)  // distinct instants: the repeated hour has two offsets
        let text = Forecaster.csv(out).text
        #expect(text.contains("2025-10-26T02:00:00+02:00") && text.contains("2025-10-26T02:00:00+01:00"))
    }

    @Test func springForwardDayHas46HalfHours() throws {
        let berlin = PlanningTimeZone(identifier: "Europe/Berlin")!
        let first = CivilCalendar.daysFromCivil(year: 2025, month: 2, day: 3)
        let h = Synthetic.history(
            firstDay: first, days: 54, openHour: 0, openSlots: 48, base: 2000,
            weekdayFactor: [1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 0.5, 7: 0.4], zone: berlin)
        let out = try Forecaster.forecast(h, ForecastRequest(horizonDays: 7, modelName: "weekly-mean"))
        let spring = CivilCalendar.daysFromCivil(year: 2025, month: 3, day: 30)
        #expect(out[0].rows.filter { CivilCalendar.floorDivide($0.start + $0.utcOffset, 86_400) == spring }.count == 46)
    }

    @Test func accuracyMetricsByHand() {
        let pairs = [
            RollingOrigin.Pair(horizonDay: 0, forecast: 8, actual: 10),
            RollingOrigin.Pair(horizonDay: 0, forecast: 5, actual: 0),
            RollingOrigin.Pair(horizonDay: 1, forecast: 12, actual: 10),
        ]
        let m = AccuracyMetrics(pairs, naiveMAE: 3)
        #expect(abs(m.wape - 9.0 / 20) < 1e-12)  // (2 + 5 + 2) / 20
        #expect(abs(m.mape - 0.2) < 1e-12)  // (0.2 + 0.2) / 2, zero actual excluded
        #expect(abs(m.smape - (4.0 / 18 + 2 + 4.0 / 22) / 3) < 1e-12)
        #expect(abs(m.mase - 3.0 / 3) < 1e-12)  // MAE 3 over naive 3
    }

    @Test func intervalsCoverPoissonNoiseNearTheirLevel() throws {
        // Poisson counts around a fixed pattern: 90% intervals should hold roughly 90% of actuals.
        var rng = SplitMix(seed: 42)
        let h = Synthetic.history(firstDay: Synthetic.monday, days: 140)
        var noisy = h
        noisy.series[0].records = h.series[0].records.map { r in
            var r = r
            r.calls = Double(rng.poisson(r.calls))
            return r
        }
        let rows = try BacktestReport.run(
            noisy, folds: 8, horizonDays: 7, level: 0.9, specialDays: .none,
            modelNames: ["weekly-mean", "level-profile"])
        for r in rows {
            #expect(r.coverage > 0.84 && r.coverage < 0.96, "\(r.model) coverage \(r.coverage)")
        }
        // With pure Poisson noise, the level-profile model (which pools many weeks) beats the 4-week mean.
        #expect(rows[1].metrics.wape < rows[0].metrics.wape)
    }

    @Test func specialDaysFileIsReadAndChecked() throws {
        let good = Files.temporary("date,label,kind\n2025-12-25,christmas,closed\n2025-11-28,black-friday,\n")
        let days = try SpecialDays.read(path: good)
        #expect(days.byDay[CivilCalendar.daysFromCivil(year: 2025, month: 12, day: 25)]?.kind == .closed)
        #expect(days.byDay[CivilCalendar.daysFromCivil(year: 2025, month: 11, day: 28)]?.kind == .holiday)
        let bad = Files.temporary("date,label,kind\n2025-12-25,christmas,closed\n2025-13-01,oops,holiday\n")
        #expect(throws: CallDataError.badTimestamp(file: bad, line: 3, column: 1, value: "2025-13-01")) {
            try SpecialDays.read(path: bad)
        }
        let kind = Files.temporary("date,label,kind\n2025-12-25,christmas,shut\n")
        do {
            _ = try SpecialDays.read(path: kind)
            Issue.record("expected an error for kind 'shut'")
        } catch {
            guard case .unknownValue(_, 2, 22, "kind", "shut", _) = error else {
                Issue.record("expected unknownValue at 2:22, got \(error)")
                return
            }
        }
    }

    @Test func unknownModelIsNamed() {
        #expect(throws: ForecastError.self) { try ModelCatalog.model(named: "prophet") }
    }
}

/// Deterministic random numbers for tests: CallData's `SplitMix64` with Poisson and normal draws.
struct SplitMix {
    var generator: SplitMix64
    init(seed: UInt64) { generator = SplitMix64(seed: seed) }
    mutating func next() -> Double { generator.uniform() }
    /// Poisson by inversion for small means, normal approximation above 500.
    mutating func poisson(_ mean: Double) -> Int {
        if mean > 500 { return max(0, Int((mean + mean.squareRoot() * normal()).rounded())) }
        var k = 0
        var p = exp(-mean)
        var cumulative = p
        let u = next()
        while u > cumulative {
            k += 1
            p *= mean / Double(k)
            cumulative += p
        }
        return k
    }
    mutating func normal() -> Double { (-2 * log(max(next(), 1e-300))).squareRoot() * cos(2 * .pi * next()) }
}

enum Files {
    static func temporary(_ text: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hc-\(UUID().uuidString).csv").path
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
