import Foundation
import PropertyBased
import Testing

@testable import CallData

@Suite struct TimeTests {
    @Test(arguments: [
        ("90s", 90), ("15m", 900), ("1h30m", 5400), ("7d", 604_800), ("2w", 1_209_600), ("300", 300),
        ("1H", 3600), (" 30m ", 1800),
    ])
    func timeSpanParses(text: String, seconds: Int) {
        #expect(TimeSpan(parsing: text)?.seconds == seconds)
    }

    @Test(arguments: ["", "m", "1h30", "30m1h", "-5m", "1x", "1.5h", "99999999999999999999s"])
    func timeSpanRejects(text: String) {
        #expect(TimeSpan(parsing: text) == nil)
    }

    @Test func timeSpanPrintsShortest() {
        #expect(TimeSpan(seconds: 5400).description == "1h30m")
        #expect(TimeSpan(seconds: 604_800).description == "7d")
    }

    @Test func timestampsParse() {
        #expect(WrittenTimestamp.parse("1970-01-01T00:00:00Z") == WrittenTimestamp(wallSeconds: 0, utcOffset: 0))
        #expect(WrittenTimestamp.parse("2025-02-12T08:30:00+01:00")?.utcSeconds == 1_739_345_400)
        #expect(WrittenTimestamp.parse("2025-02-12 08:30")?.utcOffset == nil)
        #expect(WrittenTimestamp.parse("2025-02-12T08:30:00.250-0530")?.utcOffset == -19_800)
        #expect(WrittenTimestamp.parse("2024-02-29T00:00:00") != nil)
    }

    @Test(arguments: [
        "2025-02-30T00:00:00", "2023-02-29T10:00", "2025-01-01T24:00", "2025-01-01", "2025-01-01T10:00+1",
        "2025-01-01T10:00:00X", "20250101T1000", "2025-1-01T10:00",
    ])
    func timestampsReject(text: String) {
        #expect(WrittenTimestamp.parse(text) == nil)
    }

    @Test func civilCalendarRoundTrips() async {
        await propertyCheck(input: Gen.int(in: -800_000...800_000)) { day in
            let (y, m, d) = CivilCalendar.civilFromDays(day)
            #expect(CivilCalendar.daysFromCivil(year: y, month: m, day: d) == day)
            #expect((1...12).contains(m) && d >= 1 && d <= CivilCalendar.daysInMonth(year: y, month: m))
        }
    }

    @Test func civilCalendarAgreesWithFoundation() async {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        await propertyCheck(input: Gen.int(in: -50_000...80_000)) { day in
            let date = Date(timeIntervalSince1970: Double(day) * 86_400)
            let c = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            let (y, m, d) = CivilCalendar.civilFromDays(day)
            #expect(y == c.year! && m == c.month! && d == c.day!)
            // Foundation: 1 = Sunday … 7 = Saturday; ISO: 1 = Monday … 7 = Sunday.
            #expect(CivilCalendar.isoWeekday(days: day) == (c.weekday! + 5) % 7 + 1)
        }
    }

    @Test func berlinOffsetsAndTransitions() {
        let z = Fixture.berlin
        // 2025-03-30 01:00 UTC: clocks go 02:00 → 03:00 local.
        #expect(z.offset(atUTC: 1_743_296_399) == 3600)
        #expect(z.offset(atUTC: 1_743_296_400) == 7200)
        // 02:30 local does not exist that day.
        let gap = WrittenTimestamp.parse("2025-03-30T02:30:00")!.wallSeconds
        let none = z.utcCandidates(forWall: gap)
        #expect(none.first == nil && none.second == nil)
        // 02:30 local happens twice on 2025-10-26, an hour apart.
        let overlap = WrittenTimestamp.parse("2025-10-26T02:30:00")!.wallSeconds
        let (first, second) = z.utcCandidates(forWall: overlap)
        #expect(second! - first! == 3600)
        #expect(PlanningTimeZone(identifier: "Mars/Olympus") == nil)
    }

    @Test func zoneTableAgreesWithFoundation() async {
        let names = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kathmandu", "Europe/Moscow"]
        let zones = names.map { (PlanningTimeZone(identifier: $0)!, TimeZone(identifier: $0)!) }
        await propertyCheck(input: Gen.int(in: 0..<names.count), Gen.int(in: 0...2_000_000_000)) { k, utc in
            let (mine, theirs) = zones[k]
            #expect(mine.offset(atUTC: utc) == theirs.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utc))))
        }
    }
}
