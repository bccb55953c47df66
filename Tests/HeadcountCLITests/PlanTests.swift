import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The nightly `plan` contract: lock, stale-lock takeover, byte-identical reruns, a failing queue,
/// located config errors, shard/merge equivalence, and the report.
@Suite(.serialized) struct PlanTests {
    /// Four queues on the bank data (shift plans, a short horizon: seconds per run).
    static func config(in dir: URL, extra: String = "", top: String = "") throws -> String {
        let root = CLI.root.path
        let text = """
            # test plan
            \(top)
            [defaults]
            history = "\(root)/data/bank_calls_5min.csv"
            shifts = "\(root)/data/shifts.toml"
            horizon = "4d"
            model = "weekly-mean"
            aht = 300
            replications = 4

            [[queue]]
            name = "alpha"

            [[queue]]
            name = "beta"
            aht = 360

            [[queue]]
            name = "gamma"
            target_sl = 0.9
            target_seconds = 30

            [[queue]]
            name = "delta"
            erlang = "erlang-a"
            patience = 90
            shrinkage = 0.25
            \(extra)
            """
        let path = dir.appendingPathComponent("plan.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let date = "2003-10-17"

    static func run(_ args: [String], environment: [String: String] = [:]) throws -> CLI.Outcome {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = args
        p.currentDirectoryURL = CLI.root
        var env = ProcessInfo.processInfo.environment
        for key in [
            "JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN",
            "AWS_BATCH_JOB_ARRAY_INDEX", "AWS_BATCH_JOB_ARRAY_SIZE",
        ] { env[key] = nil }
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLI.Outcome(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    /// Every file under `dir` (relative path → bytes), skipping the run's bookkeeping
    /// (`timings.json`, `shards/`, the lock file).
    static func snapshot(_ dir: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let base = dir.resolvingSymlinksInPath().path
        guard let e = FileManager.default.enumerator(atPath: base) else { return out }
        while let rel = e.nextObject() as? String {
            if rel.hasSuffix("timings.json") || rel.contains("shards") || rel.contains(".headcount.lock") { continue }
            let full = base + "/" + rel
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue,
                let d = FileManager.default.contents(atPath: full)
            {
                out[rel] = d
            }
        }
        return out
    }

    @Test func planWritesEveryFileAndLatestAndRerunsAreByteIdentical() throws {
        let dir = CLI.temporaryDirectory()
        let config = try Self.config(in: dir)
        let out = dir.appendingPathComponent("out")
        let first = try Self.run(["plan", "--config", config, "--output-dir", out.path, "--date", Self.date])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.isEmpty)
        #expect(first.stdout.contains("4 queue(s), 0 failed") && first.stdout.contains("latest → 2003-10-17"))
        let run = out.appendingPathComponent(Self.date)
        for q in ["alpha", "beta", "gamma", "delta"] {
            for f in [
                "history.csv", "forecast.csv", "staffing.csv", "roster.csv", "coverage.csv", "simulation.csv",
                "queue.json",
            ] {
                #expect(
                    FileManager.default.fileExists(atPath: run.appendingPathComponent("\(q)/\(f)").path), "\(q)/\(f)")
            }
        }
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: out.appendingPathComponent("latest").path)
        #expect(link == Self.date)
        let staffing = try String(contentsOf: run.appendingPathComponent("alpha/staffing.csv"), encoding: .utf8)
        #expect(staffing.hasPrefix("interval_start,interval_minutes,queue,calls,"))
        #expect(staffing.split(separator: "\n")[1].contains(",30,alpha,"))
        // The summary is valid JSON with the figures per queue, in name order.
        let summary =
            try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("summary.json")))
            as? [String: Any]
        let queues = summary?["queues"] as? [[String: Any]] ?? []
        #expect(queues.map { $0["name"] as? String ?? "" } == ["alpha", "beta", "delta", "gamma"])
        #expect(queues.allSatisfy { ($0["paid_hours"] as? Double ?? 0) > 0 && $0["status"] as? String == "ok" })
        // The simulation's service level and abandonment, with their 95 % half-widths.
        for q in queues {
            let sl = q["service_level_expected"] as? Double ?? -1
            let ci = q["service_level_expected_ci95"] as? Double ?? -1
            #expect(sl > 0 && sl <= 1 && ci > 0 && ci < 0.1, "\(q)")
            #expect((q["abandon_rate_expected"] as? Double ?? -1) >= 0 && q["simulation_replications"] as? Int == 4)
        }
        let inputs = queues.first?["inputs"] as? [[String: Any]] ?? []
        // SHA-256 of the history, as sha256sum computes it.
        #expect(
            inputs.first?["sha256"] as? String == "271bf9bedfc0b5817e88b541f8352aecefd911236ba833bedac30a43a3bfac77")
        let before = Self.snapshot(run)
        let second = try Self.run([
            "plan", "--config", config, "--output-dir", out.path, "--date", Self.date, "--quiet",
        ])
        #expect(second.status == 0 && second.stdout.isEmpty && second.stderr.isEmpty)
        let after = Self.snapshot(run)
        #expect(before.count == 4 * 7 + 1)
        #expect(before == after)
    }

    /// A C `abort()` inside one queue's solve (planted by the test-only variable, just before the
    /// roster solve, where CBC's assertion fired once) fails that queue only: the other queues'
    /// files are byte-identical to a clean run's, the summary names the signal, `latest` stays, and
    /// the aborted queue's folder keeps nothing of the earlier run but its failed `queue.json`.
    @Test func aSolverAbortFailsOnlyItsQueue() throws {
        let dir = CLI.temporaryDirectory()
        let config = try Self.config(in: dir)
        let out = dir.appendingPathComponent("out")
        let args = ["plan", "--config", config, "--output-dir", out.path, "--date", Self.date, "--quiet"]
        let clean = try Self.run(args)
        #expect(clean.status == 0, "\(clean.stderr)")
        let run = out.appendingPathComponent(Self.date)
        let before = Self.snapshot(run)
        // The rerun whose queue beta aborts, one queue at a time and two at once: the same files.
        for parallel in ["1", "2"] {
            let oneAtATime = try Self.config(in: dir, top: "parallel = \(parallel)")
            var rerunArgs = args
            rerunArgs[2] = oneAtATime
            let r = try Self.run(rerunArgs, environment: ["HEADCOUNT_TEST_ABORT_QUEUE": "beta"])
            #expect(r.status == 1)
            #expect(r.stderr.contains("queue beta: solver aborted (signal 6 SIGABRT)"), "\(r.stderr)")
            let after = Self.snapshot(run)
            for (path, bytes) in before where !path.hasPrefix("beta/") && path != "summary.json" {
                #expect(after[path] == bytes, "\(path)")
            }
            #expect(after.keys.filter { $0.hasPrefix("beta/") } == ["beta/queue.json"])
            #expect(!FileManager.default.fileExists(atPath: run.appendingPathComponent(".staging").path))
            let summary = try String(contentsOf: run.appendingPathComponent("summary.json"), encoding: .utf8)
            #expect(summary.contains("\"queues_failed\": 1"))
            #expect(
                summary.contains(
                    "{\"name\": \"beta\", \"status\": \"failed\", \"error\": \"solver aborted (signal 6 SIGABRT)"))
            // latest still points at the clean run's date (switched then, not by the failed rerun).
            #expect(
                try FileManager.default.destinationOfSymbolicLink(atPath: out.appendingPathComponent("latest").path)
                    == Self.date)
        }
        // The next clean run (of the first config again: summary.json names its SHA-256) restores every file.
        _ = try Self.config(in: dir)
        #expect(try Self.run(args).status == 0)
        #expect(Self.snapshot(run) == before)
    }

    @Test func aSecondRunExitsFourNamingTheHoldersPid() throws {
        let dir = CLI.temporaryDirectory()
        let config = try Self.config(in: dir)
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // Hold the lock the way a running plan does: flock on the lock file with our pid in it.
        let lockPath = out.appendingPathComponent(".headcount.lock").path
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(fd, $0, strlen($0)) }
        let r = try Self.run(["plan", "--config", config, "--output-dir", out.path, "--date", Self.date])
        #expect(r.status == 4)
        #expect(r.stderr.contains("pid \(getpid())") && r.stderr.contains("lock"))
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(Self.date).path))
        // The merge of the same folder is kept out too.
        let m = try Self.run(["plan", "--merge", out.appendingPathComponent(Self.date).path])
        #expect(m.status == 4)
    }

    @Test func aStaleLockOfADeadProcessIsTakenOver() throws {
        let dir = CLI.temporaryDirectory()
        let config = try Self.config(in: dir)
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // A process that has ended: its pid in the lock file, no lock held (as after kill -9).
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let stalePid = dead.processIdentifier
        try "\(stalePid)\n".write(
            toFile: out.appendingPathComponent(".headcount.lock").path, atomically: false, encoding: .utf8)
        let r = try Self.run(["plan", "--config", config, "--output-dir", out.path, "--date", Self.date])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("stale lock") && r.stderr.contains("pid \(stalePid)"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("latest/summary.json").path))
    }

    @Test func aFailingQueueDoesNotStopTheOthers() throws {
        let dir = CLI.temporaryDirectory()
        let bad = CLI.fixture("garbage_number.csv")
        let config = try Self.config(
            in: dir,
            extra: """

                [[queue]]
                name = "broken"
                history = "\(bad)"
                """)
        let out = dir.appendingPathComponent("out")
        let r = try Self.run(["plan", "--config", config, "--output-dir", out.path, "--date", Self.date])
        #expect(r.status == 1)
        #expect(r.stderr.contains("queue broken: \(bad):"))
        let run = out.appendingPathComponent(Self.date)
        for q in ["alpha", "beta", "gamma", "delta"] {
            #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent("\(q)/roster.csv").path))
        }
        #expect(!FileManager.default.fileExists(atPath: run.appendingPathComponent("broken/roster.csv").path))
        let summary = try String(contentsOf: run.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("\"queues_failed\": 1"))
        #expect(summary.contains("{\"name\": \"broken\", \"status\": \"failed\", \"error\": \"\(bad):"))
        // latest is switched only when every queue succeeded.
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("latest").path))
    }

    @Test(arguments: [
        ("[[queue]]\nname = \"x\"\nshrinkag = 0.3\n", ":31:1:", "did you mean `shrinkage`"),
        ("[[queue]]\nname = \"x\"\nhorizon = \"36h\"\n", ":31:11:", "whole days"),
        ("[[queue]]\nname = \"alpha\"\n", ":29:1:", "first at line 11"),
        ("[[queue]]\nname = \"x\"\nerlang = \"erlang-b\"\n", ":31:10:", "erlang-a"),
        ("[[queue]]\nname = \"../x\"\n", ":30:8:", "letters, digits"),
        ("[[queue]]\nname = \"x\"\nwork_limit = 0\n", ":31:14:", "work units"),
        ("[[queue]]\nname = \"x\"\nmin_rest = \"49h\"\n", ":31:12:", "\"48h\""),
        ("[[queue]]\nname = \"x\"\nstart_spread_hard = true\n", ":31:21:", "only together with a start_spread"),
        ("[[queue]]\nname = \"x\"\nholidays = \"xx\"\n", ":31:12:", "auto, none or a calendar code (us, ca"),
    ])
    func configErrorsNameTheLine(extra: String, location: String, expected: String) throws {
        let dir = CLI.temporaryDirectory()
        let config = try Self.config(in: dir, extra: "\n" + extra)
        let r = try Self.run(["plan", "--config", config, "--output-dir", dir.appendingPathComponent("out").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains(config + location), "\(r.stderr)")
        #expect(r.stderr.contains(expected), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    /// `min_rest`, `start_spread` and `start_spread_hard` reach the roster: checked on the written
    /// roster by a direct scan (rest between consecutive shifts of an agent, start times of an agent
    /// within one ISO week), not by the library's own rule code.
    @Test func rosterRulesFromTheConfigHold() throws {
        let dir = CLI.temporaryDirectory()
        let data = CLI.root.appendingPathComponent("data").path
        let config = dir.appendingPathComponent("rules.toml").path
        try """
        [defaults]
        time_zone = "Europe/Berlin"
        interval = "30m"
        horizon = "7d"
        model = "weekly-mean"
        erlang = "erlang-c"
        shrinkage = 0.3
        shifts = "\(data)/shifts.toml"
        work_limit = 300
        replications = 2
        allow_understaffing = 20
        min_rest = "12h"
        start_spread = "1h"
        start_spread_hard = true

        [[queue]]
        name = "retail"
        history = "\(data)/sample_call_log.csv"
        series = "retail"
        agents = "\(data)/agents_retail.csv"
        """.write(toFile: config, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let r = try Self.run(["plan", "--config", config, "--output-dir", out.path, "--date", "2025-04-06", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let roster = try String(contentsOf: out.appendingPathComponent("latest/retail/roster.csv"), encoding: .utf8)
        let iso = ISO8601DateFormatter()
        func wallSeconds(_ t: String) -> Int? {
            let c = Array(t.utf8)
            guard c.count >= 16, let h = Int(String(t.dropFirst(11).prefix(2))),
                let m = Int(String(t.dropFirst(14).prefix(2)))
            else { return nil }
            return h * 3600 + m * 60
        }
        var shifts: [String: [(start: Int, end: Int, wall: Int)]] = [:]
        for line in roster.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 5, let s = iso.date(from: f[3]), let e = iso.date(from: f[4]), let wall = wallSeconds(f[3])
            else {
                Issue.record("unreadable roster row \(line)")
                continue
            }
            shifts[f[0], default: []].append(
                (Int(s.timeIntervalSince1970), Int(e.timeIntervalSince1970), wall))
        }
        #expect(!shifts.isEmpty)
        for (agent, list) in shifts {
            let sorted = list.sorted { $0.start < $1.start }
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                #expect(b.start - a.end >= 12 * 3600, "\(agent): rest \(b.start - a.end) s")
            }
            // 2025-04-07 is a Monday: the horizon is one ISO week.
            let walls = sorted.map(\.wall)
            if let lo = walls.min(), let hi = walls.max() { #expect(hi - lo <= 3600, "\(agent): starts \(walls)") }
        }
    }

    @Test(arguments: [
        (["--shard", "2/2"], "0 ≤ i < n"), (["--shard", "x"], "i/n"), (["--date", "2025-02-30"], "YYYY-MM-DD"),
        (["--log-level", "loud"], "--log-level"),
    ])
    func badPlanUsageExitsTwo(args: [String], expected: String) throws {
        let dir = CLI.temporaryDirectory()
        let config = try Self.config(in: dir)
        let r = try Self.run(["plan", "--config", config] + args)
        #expect(r.status == 2)
        #expect(r.stderr.contains(expected), "\(r.stderr)")
    }

    @Test func shardsFromTheIndexVariablesMergeToTheUnshardedRun() throws {
        let dir = CLI.temporaryDirectory()
        let config = try Self.config(in: dir)
        let whole = dir.appendingPathComponent("whole")
        let r = try Self.run(["plan", "--config", config, "--output-dir", whole.path, "--date", Self.date, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let reference = Self.snapshot(whole.appendingPathComponent(Self.date))
        #expect(reference.count == 29)
        let variables: [(Int, (Int) -> [String: String], [String])] = [
            (2, { ["JOB_COMPLETION_INDEX": "\($0)"] }, ["--shards", "2"]),
            (
                3,
                { ["SLURM_ARRAY_TASK_ID": "\($0 + 1)", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "3"] }, []
            ),
            (4, { ["AWS_BATCH_JOB_ARRAY_INDEX": "\($0)", "AWS_BATCH_JOB_ARRAY_SIZE": "4"] }, []),
        ]
        for (n, env, args) in variables {
            let out = dir.appendingPathComponent("sharded-\(n)")
            // n processes at once, as a batch engine starts them.
            let outcomes = try (0..<n).map { i -> (Process, Pipe) in
                let p = Process()
                p.executableURL = CLI.binary
                p.arguments = ["plan", "--config", config, "--output-dir", out.path, "--date", Self.date] + args
                var e = ProcessInfo.processInfo.environment
                for (k, v) in env(i) { e[k] = v }
                p.environment = e
                let err = Pipe()
                p.standardError = err
                p.standardOutput = FileHandle.nullDevice
                try p.run()
                return (p, err)
            }
            for (p, err) in outcomes {
                let e = err.fileHandleForReading.readDataToEndOfFile()
                p.waitUntilExit()
                #expect(p.terminationStatus == 0, "\(String(decoding: e, as: UTF8.self))")
            }
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("latest").path))
            let m = try Self.run(["plan", "--merge", out.appendingPathComponent(Self.date).path])
            #expect(m.status == 0, "\(m.stderr)")
            #expect(Self.snapshot(out.appendingPathComponent(Self.date)) == reference, "\(n) shards")
            #expect(
                try FileManager.default.destinationOfSymbolicLink(atPath: out.appendingPathComponent("latest").path)
                    == Self.date)
        }
    }

    @Test func aRecognisedHolidayIsClosedInThePlanAndNamedInTheSummary() throws {
        // The night before the Labor Day weekend: the bank's closures follow the US calendar, so Monday 1 September
        // is planned closed; `holidays = "none"` plans it open.
        let dir = CLI.temporaryDirectory()
        let root = CLI.root.path
        for (policy, closed) in [("auto", ["2003-09-01 labor-day"]), ("none", [])] {
            let config = dir.appendingPathComponent("plan-\(policy).toml").path
            try """
            [[queue]]
            name = "alpha"
            history = "\(root)/data/bank_calls_5min.csv"
            shifts = "\(root)/data/shifts.toml"
            horizon = "4d"
            model = "weekly-mean"
            holidays = "\(policy)"
            aht = 300
            replications = 2
            """.write(toFile: config, atomically: true, encoding: .utf8)
            let out = dir.appendingPathComponent("out-\(policy)")
            let r = try Self.run(["plan", "--config", config, "--output-dir", out.path, "--date", "2003-08-29"])
            #expect(r.status == 0, "\(r.stderr)")
            let summary =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: out.appendingPathComponent("2003-08-29/summary.json"))) as? [String: Any]
            let queue = (summary?["queues"] as? [[String: Any]])?.first
            #expect(queue?["public_holidays_closed"] as? [String] == closed, "\(String(describing: queue))")
            let staffing = try String(
                contentsOf: out.appendingPathComponent("2003-08-29/alpha/staffing.csv"), encoding: .utf8)
            #expect(staffing.contains("\n2003-09-01T") == closed.isEmpty)
        }
    }

    @Test func mergeRefusesWhileAShardIsMissing() throws {
        let dir = CLI.temporaryDirectory()
        let config = try Self.config(in: dir)
        let out = dir.appendingPathComponent("out")
        let r = try Self.run(
            ["plan", "--config", config, "--output-dir", out.path, "--date", Self.date, "--shard", "0/3"])
        #expect(r.status == 0, "\(r.stderr)")
        let m = try Self.run(["plan", "--merge", out.appendingPathComponent(Self.date).path])
        #expect(m.status == 1)
        #expect(m.stderr.contains("1/3, 2/3") && m.stderr.contains("not finished"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(Self.date + "/summary.json").path))
    }

    /// Named agents on a horizon that cuts an ISO week (Monday–Wednesday): weekly minimum hours are
    /// prorated, so the roster exists, and every agent's hours stay within the prorated contract.
    @Test func rosterOfNamedAgentsOnAPartialWeek() throws {
        let dir = CLI.temporaryDirectory()
        let root = CLI.root.path
        let config = dir.appendingPathComponent("plan.toml").path
        try """
        [[queue]]
        name = "business"
        time_zone = "Europe/Berlin"
        history = "\(root)/data/sample_call_log.csv"
        shifts = "\(root)/data/shifts.toml"
        agents = "\(root)/data/agents_business.csv"
        horizon = "3d"
        model = "level-profile"
        erlang = "erlang-a"
        patience = 120
        shrinkage = 0.3
        """.write(toFile: config, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let r = try Self.run(["plan", "--config", config, "--output-dir", out.path, "--date", "2025-04-06", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let run = out.appendingPathComponent("2025-04-06/business")
        let roster = try String(contentsOf: run.appendingPathComponent("roster.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(!roster.isEmpty)
        #expect(Set(roster.map { String($0[2]) }).isSubset(of: ["2025-04-07", "2025-04-08", "2025-04-09"]))
        // Hours per agent within max_hours_week and at least 3/7 of min_hours_week (rounded down to 0.5 h).
        let agents = try String(contentsOfFile: root + "/data/agents_business.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        var hours: [String: Double] = [:]
        for row in roster { hours[String(row[0]), default: 0] += Double(row[7]) ?? 0 }
        for a in agents {
            let id = String(a[0])
            let minimum = ((Double(a[2]) ?? 0) * 3 / 7 * 2).rounded(.down) / 2
            #expect((hours[id] ?? 0) >= minimum - 1e-9, "\(id)")
            #expect((hours[id] ?? 0) <= (Double(a[3]) ?? 0) + 1e-9, "\(id)")
        }
        let coverage = try String(contentsOf: run.appendingPathComponent("coverage.csv"), encoding: .utf8)
        #expect(coverage.hasPrefix("interval_start,interval_minutes,queue,required,scheduled,gap\n"))
    }

    @Test func scenarioAddsTheSurgeAndItsLeversToOneQueue() throws {
        let dir = CLI.temporaryDirectory()
        let scenario = dir.appendingPathComponent("surge.toml").path
        try """
        start = 2003-10-20T10:00:00
        peak_multiplier = 3.0
        half_life = "2h"
        bot_containment = 0.5
        """.write(toFile: scenario, atomically: true, encoding: .utf8)
        let config = try Self.config(
            in: dir,
            extra:
                "\n[[queue]]\nname = \"surge\"\nscenario = \"\(scenario)\"\nallow_understaffing = 50\nreplications = 30\n"
        )
        let out = dir.appendingPathComponent("out")
        let r = try Self.run(["plan", "--config", config, "--output-dir", out.path, "--date", Self.date, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        /// Sum of a column over the rows of 2003-10-20 10:00–10:59 in a queue's file.
        func total(_ queue: String, _ file: String, _ column: String) throws -> Double {
            let text = try String(
                contentsOf: out.appendingPathComponent("\(Self.date)/\(queue)/\(file)"), encoding: .utf8)
            let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let c = try #require(lines.first?.firstIndex { $0 == column })
            return lines.dropFirst().filter { $0[0].hasPrefix("2003-10-20T10:") }.reduce(0) {
                $0 + (Double($1[c]) ?? 0)
            }
        }
        let base = try total("alpha", "forecast.csv", "calls")
        let surge = try total("surge", "forecast.csv", "calls")
        #expect(base > 0)
        // ×3 at onset decaying with a 2 h half-life: the first hour averages well over twice the baseline.
        #expect(surge > 2 * base && surge < 3.2 * base, "\(surge) vs \(base)")
        // The bot contains half of the calls from the start: half of the forecast reaches agents.
        let reaching = try total("surge", "staffing.csv", "calls")
        #expect(abs(reaching - surge / 2) < 0.01 * surge, "\(reaching) vs \(surge)")
        // The simulation sees the same levers: the calls it offers agents in that hour are the
        // staffed calls (30 replications of Poisson arrivals: within a few percent).
        let offered = try total("surge", "simulation.csv", "offered")
        #expect(abs(offered - reaching) < 0.05 * reaching, "\(offered) vs \(reaching)")
        // ... and the same shrinkage: delta (25 %) has ⌊scheduled × 0.75⌋ agents on the phones.
        func column(_ queue: String, _ file: String, _ name: String) throws -> [String] {
            let text = try String(
                contentsOf: out.appendingPathComponent("\(Self.date)/\(queue)/\(file)"), encoding: .utf8)
            let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let c = try #require(lines.first?.firstIndex { $0 == name })
            return lines.dropFirst().map { String($0[c]) }
        }
        let scheduled = try column("delta", "coverage.csv", "scheduled").map { Int($0) ?? -1 }
        let answering = try column("delta", "simulation.csv", "agents_on_duty").map { Double($0) ?? -1 }
        #expect(scheduled.count == answering.count && !scheduled.isEmpty)
        #expect(zip(scheduled, answering).allSatisfy { Double(Int(Double($0) * 0.75)) == $1 })
    }

    @Test func reportIsOneSelfContainedHTMLFile() throws {
        let dir = CLI.temporaryDirectory()
        let config = try Self.config(in: dir)
        let out = dir.appendingPathComponent("out")
        let r = try Self.run(["plan", "--config", config, "--output-dir", out.path, "--date", Self.date, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let html = dir.appendingPathComponent("report.html").path
        let rep = try Self.run(["report", "--plan", out.appendingPathComponent("latest").path, "--output", html])
        #expect(rep.status == 0 && rep.stderr.isEmpty, "\(rep.stderr)")
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        for q in ["alpha", "beta", "gamma", "delta"] { #expect(text.contains("id=\"q-\(q)\"")) }
        #expect(text.components(separatedBy: "<svg").count - 1 >= 4 * 3)
        #expect(text.contains("class=\"band\"") && text.contains("class=\"under\"") && text.contains("class=\"core\""))
        #expect(text.contains("SL promised") && text.contains("SL expected (simulated)") && text.contains(" ± "))
        // Self-contained: nothing is fetched.
        #expect(
            !text.contains("<script") && !text.contains("http://") && !text.contains("https://")
                && !text.contains("src="))
        let bad = try Self.run(["report", "--plan", dir.path, "--output", html])
        #expect(bad.status == 1 && bad.stderr.contains("summary.json"))
    }
}
