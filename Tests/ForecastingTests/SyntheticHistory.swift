import CallData
import Foundation

@testable import Forecasting

/// Builds interval histories with known structure.
enum Synthetic {
    /// A bell-shaped profile over `slots` open slots, summing to 1.
    static func profile(_ slots: Int) -> [Double] {
        let raw = (0..<slots).map { s -> Double in
            let z = (Double(s) - Double(slots) * 0.35) / (Double(slots) * 0.2)
            return 0.3 + exp(-z * z)
        }
        let sum = raw.reduce(0, +)
        return raw.map { $0 / sum }
    }

    /// Mon–Fri from `openHour` for `openSlots` half-hours; daily total `base × weekdayFactor`;
    /// `firstDay` a local day number; zone UTC unless given. `dailyTotal` may override per day.
    static func history(
        firstDay: Int, days: Int, openHour: Int = 8, openSlots: Int = 20, base: Double = 1000,
        weekdayFactor: [Int: Double] = [1: 1.2, 2: 1.0, 3: 1.0, 4: 1.0, 5: 0.9],
        zone: PlanningTimeZone = .utc, dailyTotal: ((Int) -> Double?)? = nil,
        interval: Int = 1800
    ) -> IntervalHistory {
        let shape = profile(openSlots)
        var records: [IntervalRecord] = []
        for day in firstDay..<(firstDay + days) {
            let w = CivilCalendar.isoWeekday(days: day)
            guard let f = weekdayFactor[w] else { continue }
            let total = dailyTotal?(day) ?? base * f
            for s in 0..<openSlots {
                let wall = day * 86_400 + openHour * 3600 + s * interval
                guard let utc = zone.utcCandidates(forWall: wall).first else { continue }
                records.append(
                    IntervalRecord(
                        start: utc, utcOffset: zone.offset(atUTC: utc), calls: total * shape[s],
                        ahtSeconds: 200 + Double(s)))
            }
        }
        return IntervalHistory(
            intervalSeconds: interval, timeZone: zone, series: [IntervalSeries(queue: nil, records: records)])
    }

    /// 2025-01-06, a Monday.
    static let monday = CivilCalendar.daysFromCivil(year: 2025, month: 1, day: 6)
}
