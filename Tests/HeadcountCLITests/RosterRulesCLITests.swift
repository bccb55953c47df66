import Foundation
import Testing

/// `schedule --min-rest/--previous-roster/--start-spread/--fairness-report` end to end.
@Suite struct RosterRulesCLITests {
    /// Two days, 06:00–22:00 (naive times): Monday needs one agent 18–22, Tuesday 06–10.
    static func files(_ dir: URL) throws -> (req: String, shifts: String, agents: String) {
        var rows = ["interval_start,required"]
        for (day, from, to) in [("2025-01-06", 18, 22), ("2025-01-07", 6, 10)] {
            for i in 0..<32 {
                let h = 6 + i / 2
                let time = String(format: "%02d:%02d", h, i % 2 * 30)
                rows.append("\(day)T\(time):00,\(h >= from && h < to ? 1 : 0)")
            }
        }
        let req = dir.appendingPathComponent("req.csv").path
        try (rows.joined(separator: "\n") + "\n").write(toFile: req, atomically: true, encoding: .utf8)
        let shifts = dir.appendingPathComponent("s.toml").path
        try "[[shift]]\nname = \"four\"\nlength = \"4h\"\nstart_step = \"1h\"\n".write(
            toFile: shifts, atomically: true, encoding: .utf8)
        let agents = dir.appendingPathComponent("a.csv").path
        try "agent_id,pool,min_hours_week,max_hours_week,max_days_week,cost_per_hour\na1,core,8,8,2,1\n".write(
            toFile: agents, atomically: true, encoding: .utf8)
        return (req, shifts, agents)
    }

    /// Rows of a roster CSV as (start, end) text.
    static func shifts(_ path: String) throws -> [(String, String)] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().map {
            let f = $0.split(separator: ",", omittingEmptySubsequences: false)
            return (String(f[3]), String(f[4]))
        }
    }

    @Test func restIsTheDefaultAndZeroDisablesIt() throws {
        let dir = CLI.temporaryDirectory()
        let (req, shifts, agents) = try Self.files(dir)
        let out = dir.appendingPathComponent("r.csv").path
        let json = dir.appendingPathComponent("f.json").path
        let r = try CLI.run([
            "schedule", "--requirements", req, "--shifts", shifts, "--agents", agents, "--output", out,
            "--allow-understaffing", "10", "--work-limit", "50", "--fairness-report", json,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        // 11 h rest: 5 of the 8 hours covered (6 intervals short), the rest between shifts ≥ 11 h.
        #expect(r.stderr.contains("cost=68 "), "\(r.stderr)")
        let rows = try Self.shifts(out)
        #expect(rows.count == 2)
        #expect(r.stderr.contains("fairness core (1 agents, min/median/max)"), "\(r.stderr)")
        let report = try String(contentsOfFile: json, encoding: .utf8)
        #expect(report.contains("\"pool\": \"core\", \"agents\": 1"))
        #expect(report.contains("\"paid_hours\": {\"min\": 8, \"median\": 8, \"max\": 8, \"std\": 0}"), "\(report)")
        let free = try CLI.run([
            "schedule", "--requirements", req, "--shifts", shifts, "--agents", agents, "--output", out,
            "--allow-understaffing", "10", "--work-limit", "50", "--min-rest", "0h", "--quiet",
        ])
        #expect(free.status == 0 && free.stderr.contains("cost=8 "), "\(free.stderr)")
        #expect(!free.stderr.contains("fairness"))
        #expect(try Self.shifts(out).map(\.0) == ["2025-01-06T18:00:00", "2025-01-07T06:00:00"])
    }

    @Test func previousRosterAndHardSpreadReachTheSolver() throws {
        let dir = CLI.temporaryDirectory()
        let (req, shifts, agents) = try Self.files(dir)
        let previous = dir.appendingPathComponent("prev.csv").path
        try "agent_id,shift_start,shift_end\na1,2025-01-05T18:00:00,2025-01-05T22:00:00\n".write(
            toFile: previous, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("r.csv").path
        let r = try CLI.run([
            "schedule", "--requirements", req, "--shifts", shifts, "--agents", agents, "--output", out,
            "--allow-understaffing", "10", "--work-limit", "50", "--previous-roster", previous,
            "--start-spread", "2h,hard",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("start_spread_violations=0"), "\(r.stderr)")
        let starts = try Self.shifts(out).map { $0.0.dropFirst(11).prefix(2) }.compactMap { Int($0) }
        #expect(starts.count == 2 && (starts.max() ?? 0) - (starts.min() ?? 0) <= 2, "\(starts)")
    }

    @Test(arguments: [
        (["--start-spread", "2h,maybe"], "--start-spread '2h,maybe' is not a span with an optional ',hard'"),
        (["--start-spread", "25h"], "shorter than a day"),
        (["--min-rest", "49h"], "longer than 48h"),
    ])
    func badRuleOptionsAreUsageErrors(extra: [String], expected: String) throws {
        let dir = CLI.temporaryDirectory()
        let (req, shifts, agents) = try Self.files(dir)
        let out = dir.appendingPathComponent("r.csv").path
        let r = try CLI.run(
            ["schedule", "--requirements", req, "--shifts", shifts, "--agents", agents, "--output", out] + extra)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains(expected), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func ruleOptionsNeedAgents() throws {
        let dir = CLI.temporaryDirectory()
        let (req, shifts, _) = try Self.files(dir)
        let r = try CLI.run([
            "schedule", "--requirements", req, "--shifts", shifts, "--output", dir.appendingPathComponent("p.csv").path,
            "--min-rest", "11h",
        ])
        #expect(r.status == 2 && r.stderr.contains("--min-rest applies to rosters: pass --agents"), "\(r.stderr)")
    }

    @Test func badPreviousRosterIsABadInputWithItsLine() throws {
        let dir = CLI.temporaryDirectory()
        let (req, shifts, agents) = try Self.files(dir)
        let previous = dir.appendingPathComponent("prev.csv").path
        try "agent_id,shift_start,shift_end\na1,2025-01-05T18:00:00,yesterday\n".write(
            toFile: previous, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("r.csv").path
        let r = try CLI.run([
            "schedule", "--requirements", req, "--shifts", shifts, "--agents", agents, "--output", out,
            "--previous-roster", previous,
        ])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("prev.csv:2:"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
