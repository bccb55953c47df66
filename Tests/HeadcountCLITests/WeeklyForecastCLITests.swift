import Foundation
import Testing

/// `forecast` and `backtest` with `--interval 1w`: ISO-week totals (issue 11).
@Suite struct WeeklyForecastCLITests {
    static func rows(_ path: String) throws -> [[String]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test func weeklyTotalsStartOnMondayAndLastAWeek() throws {
        let out = CLI.temporaryDirectory().appendingPathComponent("w.csv").path
        // The bank history ends on Friday 2003-10-24: 14 days from Monday are two whole weeks.
        let r = try CLI.run([
            "forecast", "--history", "data/bank_calls_5min.csv", "--horizon", "14d", "--interval", "1w",
            "--output", out, "--quiet",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("partial"), "\(r.stderr)")
        let rows = try Self.rows(out)
        #expect(
            rows[0] == [
                "interval_start", "interval_minutes", "queue", "calls", "calls_lower", "calls_upper", "aht_seconds",
            ])
        #expect(rows.dropFirst().map { $0[0] } == ["2003-10-27T00:00:00", "2003-11-03T00:00:00"])
        for row in rows.dropFirst() {
            #expect(row[1] == "10080")
            let (calls, lower, upper) = (Double(row[3]) ?? 0, Double(row[4]) ?? 0, Double(row[5]) ?? 0)
            // A bank week is about 160,000 calls; its bounds are a few per cent either side.
            #expect(calls > 100_000 && lower < calls && calls < upper && upper - lower < 0.2 * calls, "\(row)")
        }
    }

    @Test func aPartialLastWeekIsFlaggedAndShortened() throws {
        let out = CLI.temporaryDirectory().appendingPathComponent("w.csv").path
        let r = try CLI.run([
            "forecast", "--history", "data/bank_calls_5min.csv", "--horizon", "10d", "--interval", "7d",
            "--output", out, "--quiet",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("the week of 2003-11-03 is partial"), "\(r.stderr)")
        let rows = try Self.rows(out)
        #expect(rows.count == 3)
        #expect(rows[2][0] == "2003-11-03T00:00:00" && rows[2][1] == "4320")  // Monday to Wednesday
    }

    @Test func weeklyIntervalsRefuseScenariosAndOtherLongIntervals() throws {
        let out = CLI.temporaryDirectory().appendingPathComponent("w.csv").path
        let s = try CLI.run([
            "forecast", "--history", "data/bank_calls_5min.csv", "--interval", "1w", "--scenario",
            "data/surge_business.toml", "--output", out,
        ])
        #expect(s.status == 2 && s.stderr.contains("--scenario"), "\(s.stderr)")
        let two = try CLI.run([
            "forecast", "--history", "data/bank_calls_5min.csv", "--interval", "2w", "--output", out,
        ])
        #expect(two.status == 2 && two.stderr.contains("1w for ISO-week totals"), "\(two.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func backtestReportsWeeklyCoverage() throws {
        // Six weeks of a Mon–Fri centre, 09:00–12:00 half-hours, ending on Friday 2025-02-14.
        let dir = CLI.temporaryDirectory()
        let history = dir.appendingPathComponent("h.csv").path
        var text = "interval_start,calls\n"
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let monday = formatter.date(from: "2025-01-06T00:00:00")!
        for day in 0..<40 where day % 7 < 5 {
            for slot in 0..<6 {
                let t = monday.addingTimeInterval(Double(day * 86_400 + 9 * 3600 + slot * 1800))
                text += "\(formatter.string(from: t)),\(40 + 7 * ((day * 5 + slot * 3) % 4))\n"
            }
        }
        try text.write(toFile: history, atomically: true, encoding: .utf8)
        let r = try CLI.run([
            "backtest", "--history", history, "--interval", "1w", "--folds", "2", "--format", "csv",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines[0] == "model,wape,mape,smape,mase,coverage,busy_coverage,day_coverage,week_coverage,seconds")
        let auto = lines.first { $0.hasPrefix("auto,") }.map { $0.split(separator: ",").map(String.init) }
        #expect(auto.map { Double($0[8]) != nil } == true, "\(r.stdout)")
    }
}
