import Foundation
import Testing

/// `headcount simulate` end to end: real files in, CSV and the summary line out.
@Suite struct SimulateCLITests {
    /// A day 08:00–12:00 Berlin, 100 calls per half-hour, 13 agents with a break each; naive roster
    /// times read in Europe/Berlin, forecast with offsets.
    static func files(_ dir: URL) throws -> (forecast: String, roster: String, staffing: String) {
        var f = "interval_start,queue,calls,calls_lower,calls_upper,aht_seconds\n"
        var s = "interval_start,queue,calls,aht_seconds,agents,scheduled_agents\n"
        for k in 0..<8 {
            let h = 8 + k / 2
            let m = k % 2 == 0 ? "00" : "30"
            let t = "2025-04-16T\(h < 10 ? "0" : "")\(h):\(m):00+02:00"
            f += "\(t),retail,100,90,110,180\n"
            s += "\(t),retail,100,180,12,17\n"
        }
        var r = "agent_id,pool,date,shift_start,shift_end,break_start,break_end,paid_hours\n"
        for a in 0..<13 {
            let b = a % 2 == 0 ? "09:30" : "10:30"
            let e = a % 2 == 0 ? "09:45" : "10:45"
            r +=
                "a\(a),core,2025-04-16,2025-04-16T08:00:00,2025-04-16T12:00:00,2025-04-16T\(b):00,2025-04-16T\(e):00,4\n"
        }
        let paths = (
            dir.appendingPathComponent("f.csv").path, dir.appendingPathComponent("r.csv").path,
            dir.appendingPathComponent("s.csv").path
        )
        try f.write(toFile: paths.0, atomically: true, encoding: .utf8)
        try r.write(toFile: paths.1, atomically: true, encoding: .utf8)
        try s.write(toFile: paths.2, atomically: true, encoding: .utf8)
        return paths
    }

    @Test func rosterAndForecastGiveIntervalsAndTheSummaryLine() throws {
        let dir = CLI.temporaryDirectory()
        let (f, r, _) = try Self.files(dir)
        let out = dir.appendingPathComponent("sim.csv").path
        let days = dir.appendingPathComponent("days.csv").path
        let o = try CLI.run([
            "simulate", "--forecast", f, "--roster", r, "--patience", "120", "--target-seconds", "20",
            "--timezone", "Europe/Berlin", "--replications", "10", "--output", out, "--daily", days,
        ])
        #expect(o.status == 0, "\(o.stderr)")
        let line = o.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(
            line.range(
                of:
                    #"^Erlang promised \d+\.\d % in 20 s; simulated \d+\.\d % ± \d+\.\d \(abandon \d+\.\d % ± \d+\.\d\)$"#,
                options: .regularExpression) != nil, "\(line)")
        let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 9)
        #expect(
            rows[0].hasPrefix(
                "interval_start,interval_minutes,queue,agents_on_duty,offered,offered_ci95,service_level,"))
        #expect(rows[1].hasPrefix("2025-04-16T08:00:00+02:00,30,retail,13,"))
        // 09:30 has half the agents on a 15-minute break: 13 − 7 × ½ = 9.5 on duty on average.
        #expect(rows[4].hasPrefix("2025-04-16T09:30:00+02:00,30,retail,9.5,"))
        let d = try String(contentsOfFile: days, encoding: .utf8).split(separator: "\n")
        #expect(d.count == 2 && d[1].hasPrefix("2025-04-16T00:00:00+02:00,1440,retail,"))
    }

    /// Shrinkage as staffing assumed it: ⌊13 × 0.7⌋ = 9 of the 13 rostered agents answer at 08:00.
    @Test func shrinkageTakesItsShareOfTheRosterOffThePhones() throws {
        let dir = CLI.temporaryDirectory()
        let (f, r, _) = try Self.files(dir)
        let out = dir.appendingPathComponent("sim.csv").path
        let o = try CLI.run([
            "simulate", "--forecast", f, "--roster", r, "--patience", "120", "--shrinkage", "0.3",
            "--timezone", "Europe/Berlin", "--replications", "4", "--output", out,
        ])
        #expect(o.status == 0, "\(o.stderr)")
        let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(rows[1].hasPrefix("2025-04-16T08:00:00+02:00,30,retail,9,"), "\(rows[1])")
        let bad = try CLI.run(["simulate", "--forecast", f, "--roster", r, "--shrinkage", "1", "--output", out])
        #expect(bad.status == 2 && bad.stderr.contains("--shrinkage"))
    }

    @Test func staffingFileInPlaceOfARosterAndCoreCountDoesNotMatter() throws {
        let dir = CLI.temporaryDirectory()
        let (f, _, s) = try Self.files(dir)
        let one = dir.appendingPathComponent("one.csv").path
        let two = dir.appendingPathComponent("two.csv").path
        for (path, cores) in [(one, "1"), (two, "2")] {
            let o = try CLI.run([
                "simulate", "--forecast", f, "--staffing", s, "--patience", "120", "--handle-cv", "0.7",
                "--redial", "0.3", "--redial-delay", "5m", "--replications", "7", "--seed", "3", "--cores", cores,
                "--output", path,
            ])
            #expect(o.status == 0, "\(o.stderr)")
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: one))
        #expect(a == (try Data(contentsOf: URL(fileURLWithPath: two))))
        #expect(String(decoding: a, as: UTF8.self).contains("2025-04-16T08:00:00+02:00,30,retail,12,"))
    }

    @Test func badRosterExitsOneNamingTheSpot() throws {
        let dir = CLI.temporaryDirectory()
        let (f, _, _) = try Self.files(dir)
        let bad = dir.appendingPathComponent("bad.csv").path
        try "agent_id,shift_start,shift_end\na1,2025-04-16T08:00:00,2025-04-16T25:00:00\n".write(
            toFile: bad, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("sim.csv").path
        let o = try CLI.run(["simulate", "--forecast", f, "--roster", bad, "--output", out])
        #expect(o.status == 1)
        #expect(o.stderr.contains("bad.csv:2:"), "\(o.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let reversed = dir.appendingPathComponent("rev.csv").path
        try "agent_id,shift_start,shift_end\na1,2025-04-16T12:00:00,2025-04-16T08:00:00\n".write(
            toFile: reversed, atomically: true, encoding: .utf8)
        let o2 = try CLI.run(["simulate", "--forecast", f, "--roster", reversed, "--output", out])
        #expect(o2.status == 1 && o2.stderr.contains("rev.csv:2:"), "\(o2.stderr)")
    }

    @Test func usageErrorsExitTwo() throws {
        let dir = CLI.temporaryDirectory()
        let (f, r, s) = try Self.files(dir)
        let out = dir.appendingPathComponent("sim.csv").path
        for args in [
            ["--roster", r, "--staffing", s],
            ["--roster", r, "--patience", "-3"],
            ["--roster", r, "--redial", "1.5"],
            ["--roster", r, "--replications", "0"],
        ] {
            let o = try CLI.run(["simulate", "--forecast", f] + args + ["--output", out])
            #expect(o.status == 2, "\(args): \(o.stderr)")
        }
    }
}

@Suite struct SimulateFromCallLogTests {
    @Test func patienceAndHandleTimesFittedFromTheSampleCallLog() throws {
        let dir = CLI.temporaryDirectory()
        let (f, r, _) = try SimulateCLITests.files(dir)
        let out = dir.appendingPathComponent("sim.csv").path
        let o = try CLI.run([
            "simulate", "--forecast", f, "--roster", r, "--patience-log", "data/sample_call_log.csv",
            "--handle-log", "data/sample_call_log.csv", "--timezone", "Europe/Berlin", "--replications", "5",
            "--output", out,
        ])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stderr.hasPrefix("Erlang promised "))
    }
}

@Suite struct SimulateReplayTests {
    @Test func replayedArrivalsAreOfferedInTheirIntervalsInEveryReplication() throws {
        let dir = CLI.temporaryDirectory()
        // 3, 5 and 0 calls in the three half-hours of retail, 2 in the first of business.
        var log = "arrived_at,queue,handle_seconds,wait_seconds,abandoned\n"
        for (minute, queue) in [
            (1, "retail"), (7, "retail"), (29, "retail"), (31, "retail"), (40, "retail"),
            (41, "retail"), (50, "retail"), (59, "retail"), (3, "business"), (20, "business"),
        ] {
            log += "2025-04-16 08:\(minute < 10 ? "0" : "")\(minute):00,\(queue),200,0,0\n"
        }
        var forecast = "interval_start,queue,calls,aht_seconds\n"
        for q in ["retail", "business"] {
            for t in ["08:00", "08:30", "09:00"] { forecast += "2025-04-16T\(t):00,\(q),40,200\n" }
        }
        let l = dir.appendingPathComponent("log.csv").path
        let f = dir.appendingPathComponent("f.csv").path
        let s = dir.appendingPathComponent("s.csv").path
        let out = dir.appendingPathComponent("sim.csv").path
        try log.write(toFile: l, atomically: true, encoding: .utf8)
        try forecast.write(toFile: f, atomically: true, encoding: .utf8)
        try "interval_start,agents\n2025-04-16T08:00:00,3\n2025-04-16T08:30:00,3\n2025-04-16T09:00:00,3\n".write(
            toFile: s, atomically: true, encoding: .utf8)
        let o = try CLI.run([
            "simulate", "--forecast", f, "--staffing", s, "--arrivals-log", l, "--patience", "60",
            "--timezone", "Europe/Berlin", "--replications", "6", "--output", out,
        ])
        #expect(o.status == 0, "\(o.stderr)")
        let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(
            rows.map { "\($0[2]) \($0[4]) \($0[5])" } == [
                "retail 3 0", "retail 5 0", "retail 0 0", "business 2 0", "business 0 0", "business 0 0",
            ])
    }
}
