import CallData
import Foundation
import Testing

@testable import Forecasting

/// The daily part of the profile models (issue 11 accuracy work): post-closure days, shrunk month effects, the
/// estimated level smoothing constant.
@Suite struct DailyLevelTests {
    @Test func daysAfterAClosureAreMarkedAndDoNotDragTheLevel() throws {
        // Mon–Fri, 1,000 calls a day (Monday 1,200, Friday 900); six Wednesdays closed, the next two working days
        // catching up (+40 %, +15 %); the last closure is the history's last Wednesday but one.
        let closed = Set((0..<6).map { Synthetic.monday + 16 + 14 * $0 })
        let lastDay = Synthetic.monday + 16 + 14 * 5 + 8  // the Friday after the last catch-up
        var h = Synthetic.history(firstDay: Synthetic.monday, days: lastDay - Synthetic.monday + 1) { day in
            let w = CivilCalendar.isoWeekday(days: day)
            let base = 1000 * ([1: 1.2, 2: 1.0, 3: 1.0, 4: 1.0, 5: 0.9][w] ?? 0)
            if closed.contains(day - 1) { return base * 1.4 }
            if closed.contains(day - 2) { return base * 1.15 }
            return base
        }
        h.series[0].records.removeAll { closed.contains(CivilCalendar.floorDivide($0.start, 86_400)) }
        let grid = DayGrid(series: h.series[0], intervalSeconds: h.intervalSeconds)
        let marked = PostClosureDays.marked(.none, grid: grid, futureDays: 7)
        for c in closed {
            #expect(marked.byDay[c + 1]?.label == "after-closure-1")
            #expect(marked.byDay[c + 2]?.label == "after-closure-2")
        }
        #expect(marked.byDay.count == 12)  // weekends are not closures
        // The week after: ordinary days forecast at their base, not lifted by the catch-ups.
        let fitted = try Forecaster.fit(h, ForecastRequest(horizonDays: 7, modelName: "level-profile"))[0]
        for (t, day) in fitted.targetDays.enumerated() {
            let w = CivilCalendar.isoWeekday(days: day)
            guard let base = [1: 1200.0, 2: 1000, 3: 1000, 4: 1000, 5: 900][w] else { continue }
            let total = fitted.points[t].reduce(0, +)
            #expect(abs(total / base - 1) < 0.02, "day \(day) (weekday \(w)): \(total) against \(base)")
        }
        // A closure known ahead (--special-days) gets the learnt catch-up on the next day.
        let wednesday = fitted.targetDays.first { CivilCalendar.isoWeekday(days: $0) == 3 }!
        let special = SpecialDays([SpecialDay(day: wednesday, label: "strike", kind: .closed)])
        let known = try Forecaster.fit(
            h, ForecastRequest(horizonDays: 7, modelName: "level-profile", specialDays: special))[0]
        let t = try #require(known.targetDays.firstIndex(of: wednesday + 1))
        let thursday = known.points[t].reduce(0, +)
        #expect(abs(thursday / 1400 - 1) < 0.03, "\(thursday)")
    }

    @Test func monthEffectsIndistinguishableFromNoiseShrinkToZero() {
        var rng = SplitMix(seed: 31)
        // 31 groups of 6 pure-noise residuals (σ = 0.04), then with a planted month turn.
        var noise: [Int: [Double]] = [:]
        for k in 1...31 { noise[k] = (0..<6).map { _ in 0.04 * rng.normal() } }
        let shrunk = LevelProfile.shrunkGroupMeans(noise)
        let raw = noise.mapValues { $0.reduce(0, +) / 6 }
        let rawSpread = raw.values.reduce(0) { $0 + $1 * $1 }
        let shrunkSpread = shrunk.values.reduce(0) { $0 + $1 * $1 }
        #expect(shrunkSpread < 0.5 * rawSpread, "\(shrunkSpread) vs \(rawSpread)")
        // A month turn (+0.15 on days 1–3 and 29–31) stands out of the noise and is kept nearly whole.
        var planted = noise
        for k in [1, 2, 3, 29, 30, 31] { planted[k] = planted[k]!.map { $0 + 0.15 } }
        let effects = LevelProfile.shrunkGroupMeans(planted)
        for k in [1, 2, 3, 29, 30, 31] { #expect(abs(effects[k]! - 0.15) < 0.04, "day \(k): \(effects[k]!)") }
    }

    @Test func levelSmoothingIsSlowForNoiseAndFastForSteps() {
        var rng = SplitMix(seed: 8)
        // Stationary noise: averaging many days is best. A level that steps every 10 days: following fast is best.
        let flat = (0..<120).map { _ in 0.05 * rng.normal() }
        let steps = (0..<120).map { i in 0.3 * Double((i / 10) % 2) + 0.01 * rng.normal() }
        #expect(LevelProfile.estimateLevelSmoothing(flat, clip: 1) <= 0.1)
        #expect(LevelProfile.estimateLevelSmoothing(steps, clip: 1) >= 0.3)
    }
}
