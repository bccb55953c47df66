import Foundation
import Testing

/// The data contract (README "The data contract"): interval lengths and time zones travel with the
/// data, nothing is guessed from a single row, and too little history is refused.
@Suite struct DataContractTests {
    func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func rows(_ path: String) throws -> [[String]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// agents for `calls` at `aht` over `interval` from the calculator (the reference for staff).
    func calculatorAgents(calls: String, interval: String, aht: String) throws -> String {
        let r = try CLI.run(["erlang", "--calls", calls, "--interval", interval, "--aht", aht, "--format", "csv"])
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        guard lines.count == 2, let k = lines[0].firstIndex(of: "agents") else { return "?" }
        return lines[1][k]
    }

    @Test func oneRowWithItsLengthIsStaffedAtThatLength() throws {
        let dir = CLI.temporaryDirectory()
        // Before: one 15-minute row alone was staffed as 30 minutes (21 agents), two rows as 15 (39).
        let one = try write(
            "interval_start,interval_minutes,calls,aht_seconds\n2025-02-12T08:00:00,15,250,240\n", "one.csv", in: dir)
        let two = try write(
            "interval_start,calls,aht_seconds\n2025-02-12T08:00:00,250,240\n2025-02-12T08:15:00,250,240\n", "two.csv",
            in: dir)
        let bare = try write("interval_start,calls,aht_seconds\n2025-02-12T08:00:00,250,240\n", "bare.csv", in: dir)
        let expected = try calculatorAgents(calls: "250", interval: "15m", aht: "240")
        for (input, name) in [(one, "o1.csv"), (two, "o2.csv")] {
            let out = dir.appendingPathComponent(name).path
            let r = try CLI.run(["staff", "--forecast", input, "--output", out])
            #expect(r.status == 0, "\(r.stderr)")
            let t = try rows(out)
            #expect(t[0][1] == "interval_minutes" && t[1][1] == "15" && t[1][5] == expected)
        }
        let r = try CLI.run(["staff", "--forecast", bare, "--output", dir.appendingPathComponent("o3.csv").path])
        #expect(r.status == 1 && r.stderr.contains("bare.csv:2:1:") && r.stderr.contains("interval_minutes"))
    }

    @Test func partialClosingIntervalKeepsItsLengthThroughAggregateForecastAndStaff() throws {
        let dir = CLI.temporaryDirectory()
        let agg = dir.appendingPathComponent("bank30.csv").path
        #expect(
            try CLI.run([
                "aggregate", "--calls", "data/bank_calls_5min.csv", "--interval", "30m", "--output", agg,
            ]).status == 0)
        let hist = try rows(agg)
        #expect(hist[0] == ["interval_start", "interval_minutes", "calls"])
        // The bank's last 5-minute row (21:00) covers 5 minutes of the 21:00 half-hour.
        let last = try #require(hist.first { $0[0] == "2003-03-03T21:00:00" })
        #expect(last[1] == "5")
        #expect(hist.first { $0[0] == "2003-03-03T20:30:00" }?[1] == "30")
        // Reading the aggregate back gives the same file (the length is read, not re-inferred).
        let again = dir.appendingPathComponent("again.csv").path
        #expect(try CLI.run(["aggregate", "--calls", agg, "--interval", "30m", "--output", again]).status == 0)
        #expect(FileManager.default.contentsEqual(atPath: agg, andPath: again))
        // Staffing: the 5-minute slot's calls arrive in 5 minutes: traffic = calls × AHT / 300 s.
        let staff = dir.appendingPathComponent("s.csv").path
        #expect(try CLI.run(["staff", "--forecast", agg, "--aht", "300", "--output", staff]).status == 0)
        let s = try rows(staff)
        let row = try #require(s.first { $0[0] == "2003-03-03T21:00:00" })
        #expect(row[1] == "5")
        #expect(row[5] == (try calculatorAgents(calls: last[2], interval: "5m", aht: "300")))
    }

    @Test func offsetsTravelToScheduleWithoutRepeatingTheZone() throws {
        let dir = CLI.temporaryDirectory()
        // Requirements written with +02:00 offsets (a Berlin summer week), read with and without --timezone.
        var text = "interval_start,interval_minutes,queue,calls,aht_seconds,agents,scheduled_agents\n"
        for day in 14...18 {
            for h in 8..<16 {
                for m in [0, 30] {
                    text +=
                        "2025-04-\(day)T\(h < 10 ? "0" : "")\(h):\(m == 0 ? "00" : "30"):00+02:00,30,all,10,300,2,3\n"
                }
            }
        }
        let req = try write(text, "req.csv", in: dir)
        let shifts = try write(
            "[[shift]]\nname = \"day\"\nlength = \"8h\"\nstart_step = \"30m\"\n", "s.toml", in: dir)
        let a = dir.appendingPathComponent("a.csv").path
        let b = dir.appendingPathComponent("b.csv").path
        let r1 = try CLI.run(["schedule", "--requirements", req, "--shifts", shifts, "--output", a])
        let r2 = try CLI.run([
            "schedule", "--requirements", req, "--shifts", shifts, "--timezone", "Europe/Berlin", "--output", b,
        ])
        #expect(r1.status == 0 && r2.status == 0, "\(r1.stderr) \(r2.stderr)")
        let plan = try rows(a)
        #expect(plan[1][2] == "2025-04-14T08:00:00+02:00", "\(plan[1])")  // not two hours off
        #expect(FileManager.default.contentsEqual(atPath: a, andPath: b))
        // A zone that contradicts the offsets is an error naming the line.
        let r3 = try CLI.run([
            "schedule", "--requirements", req, "--shifts", shifts, "--timezone", "America/New_York", "--output",
            dir.appendingPathComponent("c.csv").path,
        ])
        #expect(r3.status == 1 && r3.stderr.contains("req.csv:2:1:") && r3.stderr.contains("America/New_York"))
    }

    @Test func naiveInputIsWrittenBackNaiveAndNamedZonesCarryOffsets() throws {
        let dir = CLI.temporaryDirectory()
        let naive = dir.appendingPathComponent("n.csv").path
        #expect(
            try CLI.run(["aggregate", "--calls", "data/bank_calls_5min.csv", "--interval", "1h", "--output", naive])
                .status == 0)
        let n = try rows(naive)
        #expect(n[1][0] == "2003-03-03T07:00:00")  // no false +00:00
        let named = dir.appendingPathComponent("z.csv").path
        #expect(
            try CLI.run([
                "aggregate", "--calls", "data/bank_calls_5min.csv", "--interval", "1h", "--timezone", "UTC",
                "--output", named,
            ]).status == 0)
        #expect(try rows(named)[1][0] == "2003-03-03T07:00:00+00:00")
        // A UTC log (Z) may be planned in a named zone: Z is an instant, not a claim about the local clock.
        let log = try write(
            "arrived_at,handle_seconds\n2025-02-12T07:10:00Z,100\n2025-02-12T07:40:00Z,100\n", "log.csv", in: dir)
        let berlin = dir.appendingPathComponent("b.csv").path
        let r = try CLI.run([
            "aggregate", "--calls", log, "--interval", "30m", "--timezone", "Europe/Berlin", "--output", berlin,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try rows(berlin)[1][0] == "2025-02-12T08:00:00+01:00")
    }

    @Test func tooLittleHistoryIsAClearError() throws {
        let dir = CLI.temporaryDirectory()
        var text = "interval_start,calls\n"
        for m in stride(from: 0, to: 60, by: 5) { text += "2025-03-03T08:\(m < 10 ? "0" : "")\(m):00,\(10 + m)\n" }
        let hour = try write(text, "hour.csv", in: dir)
        let out = dir.appendingPathComponent("f.csv").path
        let f = try CLI.run(["forecast", "--history", hour, "--horizon", "7d", "--output", out])
        #expect(f.status == 1 && f.stderr.contains("hour.csv:") && f.stderr.contains("at least 14 days"), "\(f.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let b = try CLI.run(["backtest", "--history", hour])
        #expect(b.status == 1 && b.stderr.contains("at least") && !b.stdout.contains("nan"), "\(b.stderr)")
        // The bank history (34 weeks) is enough for 8 folds but not for 40.
        let big = try CLI.run(["backtest", "--history", "data/bank_calls_5min.csv", "--folds", "40"])
        #expect(big.status == 1 && big.stderr.contains("7 × 40 folds"), "\(big.stderr)")
    }
}

/// Flags: repeated, meaningless or absurd ones are usage errors (exit 2), never silently taken.
@Suite struct FlagTests {
    @Test(arguments: [
        (
            [
                "forecast", "--history", "data/bank_calls_5min.csv", "--horizon", "7d", "--horizon", "14d", "--output",
                "x.csv",
            ], "more than once"
        ),
        (["erlang", "--calls", "250", "--aht", "240", "--patience", "120"], "--patience applies to --model erlang-a"),
        (["erlang", "--calls", "250", "--aht", "240", "--max-abandon", "0.1"], "--max-abandon"),
        (["erlang", "--calls", "250", "--aht", "240", "--priority-target-sl", "0.9"], "need --priority-share"),
        (
            [
                "erlang", "--calls", "250", "--aht", "240", "--model", "erlang-a", "--patience", "60",
                "--priority-share", "0.1",
            ], "--priority-share needs --model erlang-c"
        ),
        (["erlang", "--calls", "1e300", "--aht", "240"], "Erlangs"),
        (["erlang", "--calls", "250", "--aht", "1e300"], "--aht"),
        (["erlang", "--calls", "250", "--aht", "240", "--target-seconds", "1e300"], "--target-seconds"),
        (["erlang", "--calls", "250", "--aht", "240", "--max-occupancy", "1e-300"], "occupancy"),
        (
            [
                "erlang", "--calls", "250", "--aht", "240", "--priority-share", "0.1", "--priority-target-seconds",
                "1e300",
            ], "--priority-target-seconds"
        ),
        (["erlang", "--calls", "250", "--interval", "30", "--aht", "240"], "expected a length with its unit"),
        (["aggregate", "--calls", "data/bank_calls_5min.csv", "--interval", "30", "--output", "x.csv"], "30m"),
        (
            ["forecast", "--history", "data/bank_calls_5min.csv", "--horizon", "100000d", "--output", "x.csv"],
            "maximum of 366 days"
        ),
        (["help", "unknown"], "unknown subcommand 'unknown'"),
        (["erlang", "--calls", "250", "--aht", "240", "--agents", "36", "--target-sl", "0.9"], "with --agents"),
        (["erlang", "--calls", "250", "--aht", "240", "--agents", "100000000000"], "--agents"),
        (
            ["aggregate", "--calls", "data/bank_calls_5min.csv", "--output", "data/bank_calls_5min.csv"],
            "same file"
        ),
        (["forecast", "--history", "data/bank_calls_5min.csv", "--output", "./data/bank_calls_5min.csv"], "same file"),
        (
            [
                "schedule", "--requirements", "data/week_bank_calls_requirements.csv", "--shifts", "data/shifts.toml",
                "--output", "p.csv", "--coverage", "p.csv",
            ], "same file"
        ),
        (
            [
                "callout", "--roster", "r.csv", "--gap", "g.csv", "--agents", "data/agents.csv", "--output",
                "data/agents.csv",
            ], "same file"
        ),
    ])
    func usageErrorExitsTwo(args: [String], message: String) throws {
        let before = try Data(contentsOf: CLI.root.appendingPathComponent("data/bank_calls_5min.csv"))
        let r = try CLI.run(args)
        #expect(r.status == 2, "\(args): \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(try Data(contentsOf: CLI.root.appendingPathComponent("data/bank_calls_5min.csv")) == before)
    }

    @Test func multiFileOutputsAreAllOrNothing() throws {
        let dir = CLI.temporaryDirectory()
        let plan = dir.appendingPathComponent("plan.csv").path
        try "old plan\n".write(toFile: plan, atomically: true, encoding: .utf8)
        // The coverage folder does not exist: the coverage write fails, so the plan must not change either.
        let cov = dir.appendingPathComponent("missing/cov.csv").path
        let r = try CLI.run([
            "schedule", "--requirements", "data/week_bank_calls_requirements.csv", "--shifts", "data/shifts.toml",
            "--output", plan, "--coverage", cov,
        ])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("cov.csv: cannot write"))
        #expect(try String(contentsOfFile: plan, encoding: .utf8) == "old plan\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["plan.csv"])
    }
}

@Suite struct CalloutInputTests {
    @Test func anEmptyRosterIsRefusedNotTakenAsNobody() throws {
        let out = CLI.temporaryDirectory().appendingPathComponent("c.csv").path
        let r = try CLI.run([
            "callout", "--roster", "/dev/null", "--gap", "Tests/HeadcountCLITests/BadInputs/good_gap.csv", "--agents",
            "data/agents.csv", "--output", out,
        ])
        #expect(r.status == 1 && r.stderr.contains("/dev/null:1:1:"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
