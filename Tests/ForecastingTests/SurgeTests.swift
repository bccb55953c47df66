import CallData
import Foundation
import Testing

@testable import Forecasting

/// Seeded generator (CallData's `SplitMix64`) and Poisson draws for planted-truth tests.
struct SeededRandom {
    var generator: SplitMix64
    init(state: UInt64) { generator = SplitMix64(seed: state) }
    mutating func next() -> Double { generator.uniform() }
    /// Exact Poisson: Knuth's product method for small means, a sum of independent Poisson(20)
    /// parts plus the remainder for large ones (Poisson is closed under sums).
    mutating func poisson(_ lambda: Double) -> Double {
        var remaining = lambda
        var total = 0.0
        while remaining > 0 {
            let part = min(remaining, 20)
            remaining -= part
            let limit = exp(-part)
            var k = 0.0
            var p = next()
            while p > limit {
                k += 1
                p *= next()
            }
            total += k
        }
        return total
    }
}

enum BankData {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
        .standardized
    static let history: IntervalHistory = {
        (try? HistoryFile.read(path: root.appendingPathComponent("data/bank_calls_5min.csv").path, timeZone: .utc))
            ?? IntervalHistory(intervalSeconds: 300, timeZone: .utc, series: [])
    }()
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Int { CivilCalendar.daysFromCivil(year: y, month: m, day: d) }
    /// A real surge in the bank data (16:00–18:00, calls ×1.8): not a clean day.
    static let realIncidentDay = day(2003, 10, 21)

    /// The history with surges planted: `(day, peak excess rate per hour, half-life hours)`, onset 10:00,
    /// rise 10 minutes, Poisson counts added to the real counts.
    static func planted(_ plants: [(day: Int, peakRate: Double, halfLife: Double)], seed: UInt64) -> (
        IntervalHistory, [SurgeShape]
    ) {
        var rng = SeededRandom(state: seed)
        var h = history
        var shapes: [SurgeShape] = []
        for p in plants {
            let shape = SurgeShape(
                onset: p.day * 86_400 + 10 * 3600, amplitude: 1, riseHours: 1.0 / 6, halfLifeHours: p.halfLife
            )
            .withPeakRate(p.peakRate)
            shapes.append(shape)
        }
        for i in h.series[0].records.indices {
            let r = h.series[0].records[i]
            for s in shapes where CivilCalendar.floorDivide(s.onset, 86_400) == r.localDay {
                let x = s.excess(from: r.start, to: r.start + 300)
                if x > 0 { h.series[0].records[i].calls += rng.poisson(x) }
            }
        }
        return (h, shapes)
    }

    /// Mean calls per hour of a day.
    static func meanRate(_ day: Int) -> Double {
        let rs = history.series[0].records.filter { $0.localDay == day }
        return rs.reduce(0) { $0 + $1.calls } / (Double(rs.count) * 300 / 3600)
    }
}

@Suite struct SurgeShapeTests {
    /// The closed-form integral against a fine midpoint rule (independent quadrature).
    @Test func excessIsTheIntegralOfTheRate() {
        let s = SurgeShape(onset: 1000, amplitude: 500, riseHours: 0.3, halfLifeHours: 2.5)
        for (a, b) in [(0, 3600), (1000, 4600), (5000, 90_000), (-7200, 1000)] {
            var q = 0.0
            let n = 20_000
            let h = Double(b - a) / Double(n)
            for k in 0..<n {
                q += s.rate(hoursAfterOnset: (Double(a) + (Double(k) + 0.5) * h - 1000) / 3600) * h / 3600
            }
            #expect(abs(s.excess(from: a, to: b) - q) <= 1e-6 * max(1, q))
        }
        #expect(abs(s.excess(from: 1000, to: 1000 + 3600 * 1000) - s.totalExcess) < 1e-6 * s.totalExcess)
    }

    /// Time to peak against a grid search of the rate; the inverse map against the forward one.
    @Test func timeToPeakAndItsInverse() {
        for (rise, half) in [(0.05, 1.0), (0.3, 3.0), (1.0, 12.0)] {
            let s = SurgeShape(onset: 0, amplitude: 1, riseHours: rise, halfLifeHours: half)
            let grid = stride(from: 0.0001, to: 10, by: 0.0001).max {
                s.rate(hoursAfterOnset: $0) < s.rate(hoursAfterOnset: $1)
            }!
            #expect(abs(grid - s.timeToPeakHours) < 2e-4)
            #expect(abs(SurgeShape.riseHours(timeToPeak: s.timeToPeakHours, halfLifeHours: half) - rise) < 1e-6)
            #expect(abs(s.withPeakRate(123).peakRate - 123) < 1e-9)
        }
    }

    /// Noise-free data of the model's own family are fitted exactly.
    @Test func exactDataAreRecovered() throws {
        let truth = SurgeShape(onset: 3600, amplitude: 800, riseHours: 0.2, halfLifeHours: 2)
        let obs = (0..<40).map { k in
            let a = k * 900
            return SurgeObservation(
                start: a, end: a + 900, baseline: 100, actual: 100 + truth.excess(from: a, to: a + 900))
        }
        let fit = try #require(SurgeFitter.fit(obs, onsets: [1800, 3600, 5400], prior: nil))
        #expect(fit.shape.onset == 3600)
        #expect(abs(fit.shape.halfLifeHours - 2) < 1e-3)
        #expect(abs(fit.shape.peakRate / truth.peakRate - 1) < 1e-3)
    }
}

@Suite struct SurgePlantedTests {
    /// Planted surges (peak ×2..×6 of the day's mean rate, half-life 1–12 h) in the real bank data with
    /// Poisson noise: detection finds each within 2 intervals of onset and flags no other day (the one real
    /// incident on 2003-10-21 aside); the fit recovers peak and half-life within 3 standard errors plus the
    /// baseline's own error (the day level is estimated from the day's other hours: a few per cent).
    @Test func detectionAndFitRecoverPlantedSurges() throws {
        let cases: [(Int, Double, Double)] = [
            (BankData.day(2003, 4, 8), 2, 1), (BankData.day(2003, 5, 14), 3, 3), (BankData.day(2003, 6, 10), 6, 12),
            (BankData.day(2003, 7, 16), 4, 6), (BankData.day(2003, 8, 19), 2.5, 2),
        ]
        let plants = cases.map { (day: $0.0, peakRate: ($0.1 - 1) * BankData.meanRate($0.0), halfLife: $0.2) }
        let (history, shapes) = BankData.planted(plants, seed: 42)
        let found = IncidentDetector().detect(history)
        for s in shapes {
            let hit = found.first { abs($0.start - s.onset) <= 2 * 300 }
            #expect(hit != nil, "planted surge at \(s.onset) not detected within 2 intervals: \(found.map(\.start))")
        }
        let planted = Set(cases.map(\.0))
        let others = found.filter {
            let d = CivilCalendar.floorDivide($0.start, 86_400)
            return !planted.contains(d) && d != BankData.realIncidentDay
        }
        #expect(others.isEmpty, "false alarms on clean days: \(others)")
        let incidents = shapes.map { Incident(start: $0.onset, end: $0.onset + 10 * 3600, label: "planted") }
        let fits = SurgeLearner.fit(incidents, history: history, prior: nil)
        #expect(fits.count == shapes.count)
        for (fit, truth) in zip(fits.map(\.fit), shapes) {
            let peakTol = 3 * fit.standardError { $0.peakRate } + 0.1 * truth.peakRate
            #expect(
                abs(fit.shape.peakRate - truth.peakRate) <= peakTol, "peak \(fit.shape.peakRate) vs \(truth.peakRate)")
            // Half-lives beyond the day's remaining ~11 h are only bounded from below by one day's data.
            let halfTol = 3 * fit.halfLifeSE + 0.2 * truth.halfLifeHours
            #expect(
                abs(fit.shape.halfLifeHours - truth.halfLifeHours) <= halfTol,
                "half-life \(fit.shape.halfLifeHours) vs \(truth.halfLifeHours) ± \(halfTol)")
            #expect(fit.halfLifeSE.isFinite && fit.halfLifeSE > 0)
        }
    }

    /// No day of the unmodified bank data is flagged except the real surge of 2003-10-21.
    @Test func cleanWeeksAreNotFlagged() {
        let found = IncidentDetector().detect(BankData.history)
        #expect(
            found.allSatisfy { CivilCalendar.floorDivide($0.start, 86_400) == BankData.realIncidentDay }, "\(found)")
    }

    /// Masking imputes the incident and leaves everything else untouched.
    @Test func maskImputesOnlyTheIncident() throws {
        let day = BankData.day(2003, 5, 14)
        let (history, shapes) = BankData.planted([(day, 2 * BankData.meanRate(day), 3)], seed: 7)
        let incident = Incident(start: shapes[0].onset, end: shapes[0].onset + 8 * 3600, label: "x")
        let masked = IncidentMask.apply([incident], to: history)
        var inside = (0.0, 0.0, 0.0)
        for (a, (b, c)) in zip(
            masked.series[0].records, zip(history.series[0].records, BankData.history.series[0].records))
        {
            if incident.contains(a.start, utcOffset: 0) {
                inside.0 += a.calls
                inside.1 += b.calls
                inside.2 += c.calls
            } else {
                #expect(a == b)
            }
        }
        // The imputed volume is near the clean day's (within 15 %: the bank data's day-to-day spread of
        // same-weekday totals is about 10 %) and far below the surge day's.
        #expect(abs(inside.0 / inside.2 - 1) < 0.15)
        #expect(inside.1 > 1.5 * inside.0)
    }
}

@Suite struct SurgeScenarioTests {
    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString).toml")
            .path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func readsAScenario() throws {
        let p = try Self.write(
            "# outage\nstart = \"2025-04-08T08:00\"\npeak_multiplier = 3\nhalf_life = \"3h\"\nbot_containment = 0.4\n"
                + "deflection = 0.3\nfrom = 2025-04-08T09:00:00+02:00\n")
        let s = try SurgeScenarioFile.read(path: p, timeZone: PlanningTimeZone(identifier: "Europe/Berlin")!)
        #expect(s.size == .peak(multiplier: 3, halfLifeHours: 3, timeToPeakHours: nil))
        #expect(s.start == BankData.day(2025, 4, 8) * 86_400 + 6 * 3600)
        #expect(s.leversFrom == BankData.day(2025, 4, 8) * 86_400 + 7 * 3600)
        #expect(s.botContainment == 0.4 && s.deflection == 0.3)
    }

    @Test func badScenariosNameTheLine() throws {
        let cases = [
            (
                "start = \"2025-04-08T08:00\"\npeak_multiplier = 3\nhalf_life = \"3h\"\nbot_contaiment = 0.4\n",
                ":4:1: `bot_contaiment`"
            ),
            ("start = \"2025-04-08T08:00\"\npeak_multiplier = 3\n", "without half_life"),
            ("start = \"2025-13-08T08:00\"\naffected_customers = 5\n", ":1:9: `start`"),
            ("start = \"2025-04-08T08:00\"\naffected_customers = -5\n", ":2:22: `affected_customers`"),
            (
                "start = \"2025-04-08T08:00\"\npeak_multiplier = 3\nhalf_life = \"3h\"\ndeflection = 1.5\n",
                ":4:14: `deflection`"
            ),
        ]
        for (text, message) in cases {
            let p = try Self.write(text)
            #expect(throws: CallDataError.self) { try SurgeScenarioFile.read(path: p, timeZone: .utc) }
            do { _ = try SurgeScenarioFile.read(path: p, timeZone: .utc) } catch {
                #expect("\(error)".contains(message), "\(error)")
            }
        }
    }

    /// The scenario's peak multiplier is met at the peak interval and the bounds widen.
    @Test func scenarioAddsTheSurge() throws {
        let rows = (0..<48).map { k in
            ForecastRow(start: k * 1800, utcOffset: 0, calls: 100, lower: 80, upper: 120, ahtSeconds: nil)
        }
        let f = QueueForecast(queue: nil, rows: rows, modelName: "x")
        let s = SurgeScenario(start: 8 * 3600, size: .peak(multiplier: 3, halfLifeHours: 3, timeToPeakHours: 0.5))
        let out = try ScenarioForecast.apply(s, to: [f], intervalSeconds: 1800, scaling: [:], level: 0.9)
        let before = out[0].rows[15]
        #expect(before == rows[15])
        let shape = SurgeShape(
            onset: 8 * 3600, amplitude: 1, riseHours: SurgeShape.riseHours(timeToPeak: 0.5, halfLifeHours: 3),
            halfLifeHours: 3
        ).withPeakRate(2 * 200)
        for k in 16..<48 {
            let r = out[0].rows[k]
            #expect(abs(r.calls - 100 - shape.excess(from: k * 1800, to: k * 1800 + 1800)) < 1e-9)
            #expect(r.upper - r.calls >= 20 - 1e-9 && r.lower <= r.calls)
        }
    }
}

@Suite struct ReforecastTests {
    static func forecast(_ calls: [Double]) -> QueueForecast {
        let rows = calls.enumerated().map { k, c in
            ForecastRow(
                start: 20_000 * 86_400 + 7 * 3600 + k * 1800, utcOffset: 0, calls: c,
                lower: max(0, c - 1.645 * c.squareRoot()),
                upper: c + 1.645 * c.squareRoot(), ahtSeconds: 300)
        }
        return QueueForecast(queue: nil, rows: rows, modelName: "x")
    }

    /// A planted ×3 surge with a 3 h half-life in a flat day: after 2 hours the projection of the rest of
    /// the day is within 20 % of the truth's excess (the truth itself, not the fit, is the reference).
    @Test func projectsAPlantedSurge() throws {
        let f = Self.forecast([Double](repeating: 400, count: 28))
        let truth = SurgeShape(onset: f.rows[6].start, amplitude: 1, riseHours: 0.05, halfLifeHours: 3).withPeakRate(
            1600)
        var rng = SeededRandom(state: 3)
        let actual = f.rows.map { 400 + truth.excess(from: $0.start, to: $0.start + 1800) }
        let seen = (0..<10).map { k in
            IntervalRecord(start: f.rows[k].start, utcOffset: 0, calls: rng.poisson(actual[k]))
        }
        let h = IntervalHistory(
            intervalSeconds: 1800, timeZone: .utc, series: [IntervalSeries(queue: nil, records: seen)])
        let (out, alerts) = Reforecaster.reforecast(
            [f], intervalSeconds: 1800, actuals: h, request: ReforecastRequest())
        #expect(alerts.count == 1)
        let restTruth = actual[10...].reduce(0) { $0 + $1 - 400 }
        let restFit = out[0].rows[10...].reduce(0) { $0 + $1.calls - 400 }
        #expect(abs(restFit / restTruth - 1) < 0.2, "\(restFit) vs \(restTruth)")
        for k in 0..<10 { #expect(out[0].rows[k].calls == seen[k].calls) }
    }

    /// A day running 10 % above forecast moves the rest of the day up by the shrunk share, no surge.
    @Test func levelUpdateWithoutSurge() throws {
        let f = Self.forecast([Double](repeating: 100, count: 20))
        let seen = (0..<10).map { k in IntervalRecord(start: f.rows[k].start, utcOffset: 0, calls: 110) }
        let h = IntervalHistory(
            intervalSeconds: 1800, timeZone: .utc, series: [IntervalSeries(queue: nil, records: seen)])
        let (out, alerts) = Reforecaster.reforecast(
            [f], intervalSeconds: 1800, actuals: h, request: ReforecastRequest())
        #expect(alerts.isEmpty)
        let w = 0.5 / (0.5 + Reforecaster.levelShrinkShare)
        let expected = 100 * (1 + w * (1101.0 / 1001.0 - 1))
        #expect(abs(out[0].rows[15].calls - expected) < 1e-9)
    }
}
