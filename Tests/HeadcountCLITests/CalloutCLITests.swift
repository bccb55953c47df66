import Foundation
import Testing

/// `headcount callout` end to end on a hand-checked week (Europe/Berlin, January: +01:00).
@Suite struct CalloutCLITests {
    static let agents = """
        agent_id,pool,min_hours_week,max_hours_week,max_days_week,cost_per_hour,available,overtime_max_hours_week
        c1,core,0,40,5,1,,
        c2,core,0,40,5,1,,0
        d1,on_demand,0,16,3,1.25,Mon-Tue 08:00-20:00,

        """

    /// c1 and c2 work 08:00–16:00 Monday to Friday (40 h); d1 Monday 08:00–12:00.
    static var roster: String {
        var rows = ["agent_id,pool,date,shift_start,shift_end,break_start,break_end,paid_hours"]
        for d in 6...10 {
            for id in ["c1", "c2"] {
                rows.append(
                    "\(id),core,2025-01-\(String(format: "%02d", d)),2025-01-\(String(format: "%02d", d))T08:00:00+01:00,"
                        + "2025-01-\(String(format: "%02d", d))T16:00:00+01:00,,,8")
            }
        }
        rows.append("d1,on_demand,2025-01-06,2025-01-06T08:00:00+01:00,2025-01-06T12:00:00+01:00,,,4")
        return rows.joined(separator: "\n") + "\n"
    }

    /// Wednesday 15:00–18:00; `short` agents short from 16:00 to 17:00.
    static func gapFile(short: Int) -> String {
        let times = ["15:00", "15:30", "16:00", "16:30", "17:00", "17:30"]
        return "interval_start,interval_minutes,gap\n"
            + times.map { "2025-01-08T\($0):00+01:00,30,\($0.hasPrefix("16") ? short : 0)" }.joined(separator: "\n")
            + "\n"
    }

    func files(short: Int) throws -> (dir: URL, agents: String, roster: String, gap: String) {
        let dir = CLI.temporaryDirectory()
        let a = dir.appendingPathComponent("agents.csv").path
        let r = dir.appendingPathComponent("roster.csv").path
        let g = dir.appendingPathComponent("gap.csv").path
        try Self.agents.write(toFile: a, atomically: true, encoding: .utf8)
        try Self.roster.write(toFile: r, atomically: true, encoding: .utf8)
        try Self.gapFile(short: short).write(toFile: g, atomically: true, encoding: .utf8)
        return (dir, a, r, g)
    }

    @Test func overtimeCoversTheGapAndExitsZero() throws {
        let f = try files(short: 1)
        let out = f.dir.appendingPathComponent("actions.csv").path
        let rg = f.dir.appendingPathComponent("rg.csv").path
        let r = try CLI.run([
            "callout", "--roster", f.roster, "--gap", f.gap, "--agents", f.agents, "--timezone", "Europe/Berlin",
            "--output", out, "--remaining-gap", rg,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        // c1's week is full: one hour of overtime at 1.5 (c2 has an overtime cap of 0; d1 is not available Wednesdays).
        #expect(
            try String(contentsOfFile: out, encoding: .utf8) == """
                agent_id,action,date,start,end,paid_hours,cost
                c1,overtime,2025-01-08,2025-01-08T16:00:00+01:00,2025-01-08T17:00:00+01:00,1,1.5

                """)
        #expect(
            try String(contentsOfFile: rg, encoding: .utf8).hasPrefix(
                "interval_start,interval_minutes,gap,added,remaining_gap\n2025-01-08T15:00:00+01:00,30,0,0,0\n"
                    + "2025-01-08T15:30:00+01:00,30,0,0,0\n2025-01-08T16:00:00+01:00,30,1,1,0\n"))
        #expect(r.stderr.hasPrefix("called=0 extended=0 overtime=1 moved_breaks=0 paid_hours=1 cost=1.5"))
        #expect(!r.stderr.contains("warning"))
    }

    @Test func whatRemainsIsExplainedAndStillExitsZero() throws {
        let f = try files(short: 3)
        let out = f.dir.appendingPathComponent("actions.csv").path
        let r = try CLI.run([
            "callout", "--roster", f.roster, "--gap", f.gap, "--agents", f.agents, "--timezone", "Europe/Berlin",
            "--output", out,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix("gap_agent_intervals=6 still_uncovered=4") == true, "\(r.stderr)")
        #expect(lines.dropFirst().first?.hasPrefix("warning: 4 agent-intervals stay uncovered in 2 intervals") == true)
        #expect(lines.contains("  1 core agent at their overtime cap"), "\(r.stderr)")
        #expect(lines.contains("  1 on-demand agent not available on Wednesdays"), "\(r.stderr)")
        #expect(lines.contains("  1 core agent already on the phones then"), "\(r.stderr)")
    }

    @Test func aStaffingFileGivesTheSameAnswerAsItsGap() throws {
        let f = try files(short: 1)
        // Two agents on the phones 15:00–16:00 and three required 16:00–17:00: the same gap as gapFile(short: 1).
        let staffing = f.dir.appendingPathComponent("staffing.csv").path
        try """
        interval_start,interval_minutes,required
        2025-01-08T15:00:00+01:00,30,2
        2025-01-08T15:30:00+01:00,30,2
        2025-01-08T16:00:00+01:00,30,1
        2025-01-08T16:30:00+01:00,30,1
        2025-01-08T17:00:00+01:00,30,0
        2025-01-08T17:30:00+01:00,30,0

        """.write(toFile: staffing, atomically: true, encoding: .utf8)
        let out = f.dir.appendingPathComponent("a.csv").path
        let r = try CLI.run([
            "callout", "--roster", f.roster, "--requirements", staffing, "--agents", f.agents, "--timezone",
            "Europe/Berlin", "--output", out,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("c1,overtime,2025-01-08,"))
    }

    @Test func usageErrorsExitTwoAndWriteNothing() throws {
        let f = try files(short: 1)
        let out = f.dir.appendingPathComponent("a.csv").path
        for extra in [
            ["--gap", f.gap, "--requirements", f.gap], [], ["--gap", f.gap, "--overtime-premium", "0.5"],
            ["--gap", f.gap, "--max-day-length", "20h"],
        ] {
            let r = try CLI.run(["callout", "--roster", f.roster, "--agents", f.agents, "--output", out] + extra)
            #expect(r.status == 2, "\(extra): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test func outputsAreAllOrNothing() throws {
        let f = try files(short: 1)
        let out = f.dir.appendingPathComponent("a.csv").path
        try "old\n".write(toFile: out, atomically: true, encoding: .utf8)
        let r = try CLI.run([
            "callout", "--roster", f.roster, "--gap", f.gap, "--agents", f.agents, "--output", out, "--remaining-gap",
            f.dir.appendingPathComponent("missing/rg.csv").path,
        ])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "old\n")
    }
}
