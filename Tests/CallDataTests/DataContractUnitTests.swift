import Foundation
import Testing

@testable import CallData

/// The local-time type against Foundation's Gregorian calendar (an independent reference), DST
/// interval lengths against the IANA rules, zone resolution and all-or-nothing outputs.
@Suite struct LocalTimeTests {
    @Test func dayWeekdayAndISOWeekMatchFoundation() {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        let zone = Fixture.berlin
        // A fixed-seed SplitMix64 (Steele, Lea & Flood 2014): the same 5,000 instants every run.
        var rng = SplitMix64(seed: 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<5_000 {
            let utc = -2_000_000_000 + Int(rng.next() % 6_000_000_001)
            let local = LocalTime(utc: utc, in: zone)
            let date = Date(timeIntervalSince1970: Double(utc))
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
            guard let year = c.year, let month = c.month, let day = c.day, let hour = c.hour, let minute = c.minute,
                let second = c.second, let weekday = c.weekday,
                let monday = calendar.dateInterval(of: .weekOfYear, for: date)?.start
            else {
                Issue.record("Foundation gave no calendar fields for \(utc)")
                continue
            }
            #expect(local.dateText == String(format: "%04d-%02d-%02d", year, month, day))
            #expect(local.secondOfDay == hour * 3600 + minute * 60 + second)
            #expect(local.isoWeekday == (weekday + 5) % 7 + 1)  // Foundation: 1 = Sunday
            let mondayDay = LocalTime(utc: Int(monday.timeIntervalSince1970), in: zone).day
            #expect(local.isoWeekStart == mondayDay)
        }
    }

    @Test func realLengthFollowsDST() {
        let z = Fixture.berlin
        func utc(_ text: String) -> Int { WrittenTimestamp.parse(text)!.utcSeconds! }
        #expect(z.realLength(utcStart: utc("2025-03-30T00:00:00+01:00"), nominal: 86_400) == 23 * 3600)
        #expect(z.realLength(utcStart: utc("2025-10-26T00:00:00+02:00"), nominal: 86_400) == 25 * 3600)
        #expect(z.realLength(utcStart: utc("2025-10-27T00:00:00+01:00"), nominal: 86_400) == 24 * 3600)
        // The repeated half-hours of a fall-back night are 30 minutes each, not 90 and 30.
        #expect(z.realLength(utcStart: utc("2025-10-26T02:30:00+02:00"), nominal: 1800) == 1800)
        #expect(z.realLength(utcStart: utc("2025-10-26T02:30:00+01:00"), nominal: 1800) == 1800)
        #expect(z.realLength(utcStart: utc("2025-03-30T01:00:00+01:00"), nominal: 3600) == 3600)
        #expect(PlanningTimeZone.utc.realLength(utcStart: 12_345, nominal: 1800) == 1800)
    }

    @Test func offsetsNaiveMixedAndContradictions() throws {
        func read(_ text: String, _ zone: PlanningTimeZone) throws(CallDataError) -> IntervalHistory {
            var r = CSVReader(bytes: Array(text.utf8), file: "t.csv")
            return try IntervalHistoryReader(timeZone: zone).read(&r)
        }
        let offsets = try read(
            "interval_start,calls\n2025-03-29T08:00:00+01:00,1\n2025-03-29T08:30:00+01:00,1\n"
                + "2025-03-31T08:00:00+02:00,1\n", .fromData)
        #expect(offsets.timeZone.kind == .fileOffsets)
        #expect(offsets.timeZone.offset(atUTC: offsets.series[0].records[2].start) == 7200)
        #expect(offsets.csv().text.contains("2025-03-31T08:00:00+02:00,30,1"))
        let naive = try read("interval_start,calls\n2025-03-29T08:00:00,1\n2025-03-29T08:30:00,1\n", .fromData)
        #expect(naive.timeZone.kind == .naive && naive.csv().text.contains("\n2025-03-29T08:00:00,30,1\n"))
        #expect(throws: CallDataError.self) {
            try read("interval_start,calls\n2025-03-29T08:00:00,1\n2025-03-29T08:30:00Z,1\n", .fromData)
        }
        do {
            _ = try read("interval_start,calls\n2025-03-29T08:00:00+02:00,1\n", Fixture.berlin)
            Issue.record("a +02:00 offset on a +01:00 day must contradict Europe/Berlin")
        } catch {
            guard case .offsetContradictsZone(_, 2, 1, _, "Europe/Berlin", "+01:00") = error else {
                Issue.record("wrong error \(error)")
                return
            }
        }
        // Z is a UTC instant, converted to the named zone.
        let z = try read("interval_start,calls\n2025-03-29T07:00:00Z,1\n2025-03-29T07:30:00Z,1\n", Fixture.berlin)
        #expect(z.series[0].records[0].startText == "2025-03-29T08:00:00+01:00")
    }

    @Test func implausibleYearsAreRefusedWithTheRange() {
        for year in ["0000", "1899", "2101", "9999"] {
            var r = CSVReader(bytes: Array("interval_start,calls\n\(year)-03-03T08:00:00,1\n".utf8), file: "y.csv")
            do {
                _ = try IntervalHistoryReader(timeZone: .fromData).read(&r)
                Issue.record("year \(year) accepted")
            } catch {
                #expect(
                    error.description.contains("y.csv:2:1:") && error.description.contains("1900-01-01 to 2100-12-31"))
            }
        }
    }

    @Test func combiningKeepsPartialLengths() throws {
        var text = "interval_start,calls\n"
        for m in stride(from: 0, to: 60, by: 5) { text += "2025-03-03T20:\(m < 10 ? "0" : "")\(m):00,1\n" }
        text += "2025-03-03T21:00:00,7\n"
        var r = CSVReader(bytes: Array(text.utf8), file: "p.csv")
        let h = try IntervalHistoryReader(timeZone: .fromData).read(&r).combined(into: 1800)
        let rec = h.series[0].records
        #expect(rec.map(\.calls) == [6, 6, 7])
        #expect(rec.map { h.length(of: $0) } == [1800, 1800, 300])
        #expect(h.csv().text.hasSuffix("2025-03-03T21:00:00,5,7\n"))
    }
}

@Suite struct OutputFilesTests {
    func folder() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hc-out-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func allFilesChangeTogether() throws {
        let dir = folder()
        let a = dir + "/a.csv"
        let b = dir + "/b.csv"
        try "old a".write(toFile: a, atomically: true, encoding: .utf8)
        var out = OutputFiles()
        out.add(Array("new a".utf8), to: a)
        out.add(Array("new b".utf8), to: b)
        try out.commit()
        #expect(try String(contentsOfFile: a, encoding: .utf8) == "new a")
        #expect(try String(contentsOfFile: b, encoding: .utf8) == "new b")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.csv", "b.csv"])
    }

    @Test func aFailedWriteChangesNothing() throws {
        let dir = folder()
        let a = dir + "/a.csv"
        try "old a".write(toFile: a, atomically: true, encoding: .utf8)
        var out = OutputFiles()
        out.add(Array("new a".utf8), to: a)
        out.add(Array("new b".utf8), to: dir + "/no/such/folder/b.csv")
        #expect(throws: CallDataError.self) { try out.commit() }
        #expect(try String(contentsOfFile: a, encoding: .utf8) == "old a")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.csv"])
    }

    @Test func clashesAreFoundByPathAndByFile() throws {
        let dir = folder()
        let input = dir + "/in.csv"
        try "x".write(toFile: input, atomically: true, encoding: .utf8)
        #expect(OutputFiles.clash(outputs: [dir + "/./in.csv"], inputs: [input])?.other == input)
        #expect(OutputFiles.clash(outputs: [dir + "/o.csv", dir + "/o.csv"], inputs: [input]) != nil)
        #expect(OutputFiles.clash(outputs: [dir + "/o.csv", dir + "/p.csv"], inputs: [input]) == nil)
    }
}
