import CallData
import Foundation
import Testing

@testable import Forecasting

/// Planted-truth tests of the weekday-ratio smoothing of `IntradayProfile` (issue 11, third pass): each weekday's
/// profile is the pooled shape (fine detail, estimated from all weekdays) times the weekday's smoothed ratio to it.
@Suite struct ProfileSmoothingTests {
    /// 07:00–21:00 in 5-minute slots.
    static let openSlots = 84..<252

    /// The planted pooled shape: a morning ramp, a sharp lunch dip (15 minutes wide) and an evening decline.
    static func pooledShape(_ s: Int) -> Double {
        let hour = Double(s) / 12
        let ramp = 1 / (1 + exp(-(hour - 8.5) * 3))
        let decline = 1 / (1 + exp((hour - 18) * 1.5))
        let lunch = 1 - 0.35 * exp(-pow((hour - 12.5) / 0.25, 2))
        return ramp * decline * lunch
    }

    /// Broad weekday differences (ISO weekday 1 = Monday): Monday mornings +30 %, Friday evenings −25 %, and Friday
    /// closing at 18:00 (`fridayClose`) while the other weekdays close at 21:00.
    static func ratio(_ weekday: Int, _ s: Int) -> Double {
        let hour = Double(s) / 12
        switch weekday {
        case 1: return 1 + 0.3 * exp(-pow((hour - 9) / 1.5, 2))
        case 5: return 1 - 0.25 / (1 + exp(-(hour - 15)))
        default: return 1
        }
    }
    static let fridayClose = 216

    /// The true normalised profile of a weekday.
    static func truth(_ weekday: Int) -> [Double] {
        var p = [Double](repeating: 0, count: 288)
        for s in openSlots where weekday != 5 || s < fridayClose { p[s] = pooledShape(s) * ratio(weekday, s) }
        let sum = p.reduce(0, +)
        return p.map { $0 / sum }
    }

    /// `weeks` weeks of Monday–Friday days with `callsPerDay` calls spread by the true profiles, Poisson counts
    /// (or the exact means when `noise` is false).
    static func grid(weeks: Int, callsPerDay: Double, noise: Bool, seed: UInt64 = 17) -> DayGrid {
        var rng = SplitMix(seed: seed)
        var records: [IntervalRecord] = []
        for day in Synthetic.monday..<(Synthetic.monday + 7 * weeks) {
            let weekday = CivilCalendar.isoWeekday(days: day)
            guard weekday <= 5 else { continue }
            let p = truth(weekday)
            for s in openSlots where p[s] > 0 {
                let mean = callsPerDay * p[s]
                let calls = noise ? Double(rng.poisson(mean)) : mean
                records.append(IntervalRecord(start: day * 86_400 + s * 300, utcOffset: 0, calls: calls))
            }
        }
        return DayGrid(series: IntervalSeries(queue: nil, records: records), intervalSeconds: 300)
    }

    /// Σ_w Σ_s |p̂_w(s) − p_w(s)| over Monday–Friday.
    static func error(_ profiles: [Int: [Double]]) -> Double {
        (1...5).reduce(0) { sum, w in
            let p = profiles[w] ?? []
            let t = truth(w)
            return sum + zip(p, t).reduce(0) { $0 + abs($1.0 - $1.1) } + (p.count == t.count ? 0 : .infinity)
        }
    }

    @Test func ratioSmoothingRecoversAPlantedProfileBetterThanRawSlotMeans() {
        // 8 weeks × 4,000 calls a day: ≈ 24 calls per 5-minute slot, Poisson noise ≈ 20 % per slot and day.
        let grid = Self.grid(weeks: 8, callsPerDay: 4000, noise: true)
        let all = Array(grid.days.indices)
        let raw = IntradayProfile(halfLifeWeeks: 52, shrinkageCalls: 0, smoothingMinutes: 0)
        let own = IntradayProfile(halfLifeWeeks: 52, shrinkageCalls: 0, smoothingMinutes: 5)
        let shared = IntradayProfile(
            halfLifeWeeks: 52, shrinkageCalls: 0, smoothingMinutes: 5, ratioSmoothingMinutes: 30)
        let rawError = Self.error(raw.profiles(grid, regular: all))
        let ownError = Self.error(own.profiles(grid, regular: all))
        let sharedError = Self.error(shared.profiles(grid, regular: all))
        #expect(ownError < rawError, "own \(ownError) raw \(rawError)")
        // The pooled shape rests on five times the days: its noise is ≈ 1/√5 of a weekday's.
        #expect(sharedError < 0.8 * ownError, "shared \(sharedError) own \(ownError)")
        // The in-history backtest chooses a ratio width on such data.
        let estimated = IntradayProfile.estimate(grid, specialDays: .none)
        #expect(estimated.ratioSmoothingMinutes > 0, "\(estimated)")
    }

    @Test func closedSlotsStayClosedAndProfilesSumToOne() throws {
        let grid = Self.grid(weeks: 6, callsPerDay: 4000, noise: true, seed: 5)
        let profiles = IntradayProfile(
            halfLifeWeeks: 12, shrinkageCalls: 30, smoothingMinutes: 5, ratioSmoothingMinutes: 60
        ).profiles(grid, regular: Array(grid.days.indices))
        for w in 1...5 {
            let p = try #require(profiles[w])
            #expect(abs(p.reduce(0, +) - 1) < 1e-9)
            #expect(p.indices.allSatisfy { Self.openSlots.contains($0) || p[$0] == 0 })
        }
        let friday = try #require(profiles[5])
        #expect(friday[Self.fridayClose...].allSatisfy { $0 == 0 })
        // The last open Friday slot is not pulled toward the pooled evening (or toward 0) by the wide ratio smoother:
        // within 15 % of the truth (Poisson noise of the pooled slot mean over 30 days ≈ 4 %).
        let last = Self.fridayClose - 1
        let t = Self.truth(5)[last]
        #expect(abs(friday[last] - t) < 0.15 * t, "\(friday[last]) vs \(t)")
    }

    @Test func identicalWeekdayShapesGiveTheOwnProfileExactly() {
        // Noise-free, every weekday the same shape (Friday closed like the others): the ratio is 1 everywhere, so the
        // shared-detail profile is the pooled shape smoothed at 5 minutes — each weekday's own smoothed profile.
        var records: [IntervalRecord] = []
        for day in Synthetic.monday..<(Synthetic.monday + 28) where CivilCalendar.isoWeekday(days: day) <= 5 {
            for s in Self.openSlots {
                records.append(
                    IntervalRecord(start: day * 86_400 + s * 300, utcOffset: 0, calls: 1000 * Self.pooledShape(s)))
            }
        }
        let grid = DayGrid(series: IntervalSeries(queue: nil, records: records), intervalSeconds: 300)
        let all = Array(grid.days.indices)
        let own = IntradayProfile(halfLifeWeeks: 4, shrinkageCalls: 0, smoothingMinutes: 5).profiles(grid, regular: all)
        let shared = IntradayProfile(
            halfLifeWeeks: 4, shrinkageCalls: 0, smoothingMinutes: 5, ratioSmoothingMinutes: 30
        )
        .profiles(grid, regular: all)
        for w in 1...5 {
            let a = own[w] ?? []
            let b = shared[w] ?? []
            #expect(a.count == 288 && b.count == 288)
            #expect(zip(a, b).allSatisfy { abs($0 - $1) < 1e-12 })
        }
    }
}
