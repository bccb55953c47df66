import Testing

@testable import CallData

@Suite struct AggregationTests {
    @Test func quotedCRLFBOMLogAggregatesByHand() throws {
        // Hand count (30-minute intervals, Europe/Berlin, 20 s threshold):
        // Retail "Gold": 08:00 → 2 calls answered (handle 120, 180; waits 5, 30) → AHT 150, SL 1/2;
        //                08:30 → 1 abandoned; 09:00 → quiet (0); 09:30 → 1 abandoned.
        // Business\nline: 08:00 → 1 answered, handle 300, wait 10 → SL 1.
        let h = try HistoryFile.read(
            path: Fixture.path("quoted_crlf_bom.csv"), timeZone: Fixture.berlin, intervalSeconds: 1800)
        #expect(h.series.map(\.queue) == ["Retail, \"Gold\"", "Business\nline"])
        let retail = h.series[0].records
        #expect(
            retail.map(\.startText) == [
                "2025-01-06T08:00:00+01:00", "2025-01-06T08:30:00+01:00",
                "2025-01-06T09:00:00+01:00", "2025-01-06T09:30:00+01:00",
            ])
        #expect(retail.map(\.calls) == [2, 1, 0, 1])
        #expect(retail.map(\.answered) == [2, 0, 0, 0])
        #expect(retail.map(\.abandoned) == [0, 1, 0, 1])
        #expect(retail[0].ahtSeconds == 150)
        #expect(retail[1].ahtSeconds == nil)
        #expect(retail[0].serviceLevel == 0.5)
        #expect(retail[1].serviceLevel == 0)
        let business = h.series[1].records
        #expect(business.count == 1)
        #expect(business[0].ahtSeconds == 300)
        #expect(business[0].serviceLevel == 1)
    }

    @Test func springForwardDayHas46HalfHours() throws {
        let h = try HistoryFile.read(
            path: Fixture.path("calls_spring_forward.csv"), timeZone: Fixture.berlin, intervalSeconds: 1800)
        let records = h.series[0].records
        #expect(records.count == 46)
        #expect(records.allSatisfy { $0.calls == 1 })
        #expect(!records.map(\.startText).contains { $0.hasPrefix("2025-03-30T02:") })
        #expect(records.first?.startText == "2025-03-30T00:00:00+01:00")
        #expect(records.last?.startText == "2025-03-30T23:30:00+02:00")
    }

    @Test func fallBackDayHas50HalfHoursWithTheRepeatedHourTwice() throws {
        let h = try HistoryFile.read(
            path: Fixture.path("calls_fall_back.csv"), timeZone: Fixture.berlin, intervalSeconds: 1800)
        let texts = h.series[0].records.map(\.startText)
        #expect(texts.count == 50)
        #expect(
            texts.filter { $0.hasPrefix("2025-10-26T02:00:00") } == [
                "2025-10-26T02:00:00+02:00", "2025-10-26T02:00:00+01:00",
            ])
        // Hourly: 25 intervals on that day.
        let hourly = try HistoryFile.read(
            path: Fixture.path("calls_fall_back.csv"), timeZone: Fixture.berlin, intervalSeconds: 3600)
        #expect(hourly.series[0].records.count == 25)
        #expect(hourly.series[0].records.allSatisfy { $0.calls == 2 })
    }

    @Test func naiveIntervalHistoryThroughTheFallBackOverlapKeepsOrder() throws {
        // Naive wall-clock rows repeat 02:00 and 02:30 on the fall-back day: the second pass is the later instant.
        let text = """
            interval_start,calls
            2025-10-26T01:30:00,1
            2025-10-26T02:00:00,2
            2025-10-26T02:30:00,3
            2025-10-26T02:00:00,4
            2025-10-26T02:30:00,5
            2025-10-26T03:00:00,6

            """
        let h = try HistoryFile.read(path: Fixture.temporary(text), timeZone: Fixture.berlin)
        #expect(
            h.series[0].records.map(\.startText) == [
                "2025-10-26T01:30:00+02:00", "2025-10-26T02:00:00+02:00", "2025-10-26T02:30:00+02:00",
                "2025-10-26T02:00:00+01:00", "2025-10-26T02:30:00+01:00", "2025-10-26T03:00:00+01:00",
            ])
        #expect(h.intervalSeconds == 1800)
    }

    @Test func bankDataCombinesFiveMinutesIntoHalfHoursConservingCalls() throws {
        let path = Fixture.data("bank_calls_5min.csv")
        let fine = try HistoryFile.read(path: path, timeZone: .utc)
        #expect(fine.intervalSeconds == 300)
        #expect(fine.rowCount == 27_716)  // data/README: 164 days, 27,716 rows
        let coarse = try HistoryFile.read(path: path, timeZone: .utc, intervalSeconds: 1800)
        #expect(coarse.intervalSeconds == 1800)
        let total = fine.series[0].records.reduce(0) { $0 + $1.calls }
        #expect(coarse.series[0].records.reduce(0) { $0 + $1.calls } == total)
        // 07:00–21:00 inclusive of the 21:00 row: 29 half-hour buckets a day.
        #expect(coarse.rowCount == 164 * 29)
    }

    @Test func incompatibleIntervalIsRejected() {
        let path = Fixture.data("bank_calls_5min.csv")
        #expect(throws: CallDataError.incompatibleInterval(file: path, found: 300, requested: 420)) {
            try HistoryFile.read(path: path, timeZone: .utc, intervalSeconds: 420)
        }
    }

    @Test func writtenHistoryReadsBackTheSame() throws {
        let h = try HistoryFile.read(
            path: Fixture.path("calls_fall_back.csv"), timeZone: Fixture.berlin, intervalSeconds: 1800)
        let out = Fixture.temporary("", name: "out.csv")
        try h.csv().write(to: out)
        let back = try HistoryFile.read(path: out, timeZone: Fixture.berlin)
        #expect(back.series[0].records.map(\.start) == h.series[0].records.map(\.start))
        #expect(back.series[0].records.map(\.calls) == h.series[0].records.map(\.calls))
        #expect(back.series[0].records.map(\.ahtSeconds) == h.series[0].records.map(\.ahtSeconds))
    }
}
