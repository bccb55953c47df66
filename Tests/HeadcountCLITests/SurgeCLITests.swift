import Foundation
import Testing

/// The outage playbook end to end on the bundled sample log (Europe/Berlin, Tuesday 2025-04-08 outage).
@Suite struct SurgeCLITests {
    static func rows(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        guard let head = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else {
            return []
        }
        return lines.dropFirst().map { l in
            Dictionary(
                uniqueKeysWithValues: zip(
                    head, l.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    @Test func outageIsDetectedAndExcludedFromTheForecast() throws {
        let dir = CLI.temporaryDirectory()
        let iv = dir.appendingPathComponent("iv.csv").path
        let inc = dir.appendingPathComponent("inc.csv").path
        let z = ["--timezone", "Europe/Berlin"]
        #expect(
            try CLI.run(["aggregate", "--calls", "data/sample_call_log.csv", "--interval", "30m", "--output", iv] + z)
                .status == 0)
        let d = try CLI.run(["incidents", "--history", iv, "--output", inc] + z)
        #expect(d.status == 0, "\(d.stderr)")
        let found = try Self.rows(inc)
        #expect(found.count == 1)
        #expect(found.first?["start"]?.hasPrefix("2025-04-08T10:") == true, "\(found)")
        // Tuesdays' 10:30 retail calls before the outage: the reference the forecast should fall back to.
        let history = try Self.rows(iv).filter {
            $0["queue"] == "retail" && ($0["interval_start"] ?? "").contains("T10:30")
        }
        let tuesdays = history.filter {
            ["2025-03-04", "2025-03-11", "2025-03-18", "2025-03-25", "2025-04-01"].contains(
                String(($0["interval_start"] ?? "").prefix(10)))
        }.compactMap { Double($0["calls"] ?? "") }
        #expect(tuesdays.count == 5)
        let reference = tuesdays.reduce(0, +) / Double(tuesdays.count)
        func nextTuesdays(_ extra: [String]) throws -> [Double] {
            let f = dir.appendingPathComponent("f\(extra.count).csv").path
            let r = try CLI.run(["forecast", "--history", iv, "--horizon", "14d", "--output", f] + z + extra)
            #expect(r.status == 0, "\(r.stderr)")
            return try Self.rows(f).filter {
                $0["queue"] == "retail"
                    && ["2025-04-15T10:30", "2025-04-22T10:30"].contains(
                        String(($0["interval_start"] ?? "").prefix(16)))
            }.compactMap { Double($0["calls"] ?? "") }
        }
        let plain = try nextTuesdays([])
        let masked = try nextTuesdays(["--incidents", inc])
        #expect(plain.count == 2 && masked.count == 2)
        for (p, m) in zip(plain, masked) {
            #expect(p > 1.2 * reference, "without --incidents the outage is learnt: \(p) vs \(reference)")
            #expect(abs(m / reference - 1) < 0.12, "with --incidents: \(m) vs \(reference)")
        }
        // The fit reports parameters with standard errors.
        let fit = try CLI.run(["incidents", "--history", iv, "--incidents", inc, "--fit", "--format", "json"] + z)
        #expect(fit.status == 0 && fit.stdout.contains("\"half_life_se\""), "\(fit.stderr)")
        // backtest accepts --incidents too.
        let bt = try CLI.run(["backtest", "--history", iv, "--folds", "2", "--incidents", inc] + z)
        #expect(bt.status == 0, "\(bt.stderr)")
    }

    @Test func scenarioLeversAndReforecast() throws {
        let dir = CLI.temporaryDirectory()
        let f = dir.appendingPathComponent("f.csv").path
        let fs = dir.appendingPathComponent("fs.csv").path
        let scenario = dir.appendingPathComponent("surge.toml").path
        try """
        start = "2003-10-27T10:00"
        peak_multiplier = 3
        half_life = "3h"
        bot_containment = 0.4
        from = "2003-10-27T11:00"
        """.write(toFile: scenario, atomically: true, encoding: .utf8)
        #expect(
            try CLI.run([
                "forecast", "--history", "data/bank_calls_5min.csv", "--interval", "30m", "--horizon", "3d", "--output",
                f,
            ]).status == 0)
        let r = try CLI.run([
            "forecast", "--history", "data/bank_calls_5min.csv", "--interval", "30m", "--horizon", "3d", "--scenario",
            scenario,
            "--output", fs,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let base = try Self.rows(f)
        let surge = try Self.rows(fs)
        #expect(base.count == surge.count && !base.isEmpty)
        for (b, s) in zip(base, surge) {
            let t = b["interval_start"] ?? ""
            let x = (Double(s["calls"] ?? "") ?? 0) / (Double(b["calls"] ?? "") ?? 1)
            if t < "2003-10-27T10:00" { #expect(x == 1) } else if t.hasPrefix("2003-10-27T10:30") { #expect(x > 2.2) }
            #expect((Double(s["calls_upper"] ?? "") ?? 0) >= (Double(s["calls"] ?? "") ?? 0))
        }
        // staff applies the bot containment from 11:00 only.
        let st = dir.appendingPathComponent("st.csv").path
        let sr = try CLI.run(["staff", "--forecast", fs, "--aht", "300", "--scenario", scenario, "--output", st])
        #expect(sr.status == 0, "\(sr.stderr)")
        for (row, s) in zip(try Self.rows(st), surge) {
            let reaching = Double(row["calls"] ?? "") ?? -1
            let offered = Double(s["calls"] ?? "") ?? -1
            let t = row["interval_start"] ?? ""
            #expect(abs(reaching - (t >= "2003-10-27T11:00" ? 0.6 : 1) * offered) < 0.01 * max(1, offered), "\(t)")
        }
        // Reforecast: the first two hours of the surge day as actuals.
        let actuals = dir.appendingPathComponent("a.csv").path
        let seen = surge.filter { ($0["interval_start"] ?? "") < "2003-10-27T12:00" }
        try
            ("interval_start,calls\n"
            + seen.map { "\($0["interval_start"] ?? ""),\(Int((Double($0["calls"] ?? "") ?? 0).rounded()))" }.joined(
                separator: "\n") + "\n")
            .write(toFile: actuals, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("r.csv").path
        let rf = try CLI.run(["reforecast", "--forecast", f, "--actuals", actuals, "--output", out])
        #expect(rf.status == 0 && rf.stderr.contains("surge") && rf.stderr.contains("half-life"), "\(rf.stderr)")
        let re = try Self.rows(out)
        #expect(re.first?.keys.contains("interval_minutes") == true)
        // The projection follows the scenario's decay (within 25 % over the rest of the day).
        let restTruth = zip(surge, base).filter { ($0.0["interval_start"] ?? "") >= "2003-10-27T12:00" }
            .reduce(0.0) { $0 + (Double($1.0["calls"] ?? "") ?? 0) }
        let restRe = re.filter { ($0["interval_start"] ?? "") >= "2003-10-27T12:00" }.reduce(0.0) {
            $0 + (Double($1["calls"] ?? "") ?? 0)
        }
        #expect(abs(restRe / restTruth - 1) < 0.25, "\(restRe) vs \(restTruth)")
    }

    @Test func badScenarioAndIncidentFilesNameTheLine() throws {
        let dir = CLI.temporaryDirectory()
        let scenario = dir.appendingPathComponent("s.toml").path
        try "start = \"2003-10-27T10:00\"\npeak_multiplier = 3\nhalf_life = \"3h\"\nbot_contaiment = 0.4\n".write(
            toFile: scenario, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("f.csv").path
        let r = try CLI.run([
            "forecast", "--history", "data/bank_calls_5min.csv", "--horizon", "3d", "--scenario", scenario, "--output",
            out,
        ])
        #expect(r.status == 1 && r.stderr.contains("s.toml:4:1") && r.stderr.contains("bot_contaiment"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let inc = dir.appendingPathComponent("i.csv").path
        try "start,end,label\n2003-10-21T16:30,2003-10-21T15:00,x\n".write(
            toFile: inc, atomically: true, encoding: .utf8)
        let b = try CLI.run([
            "forecast", "--history", "data/bank_calls_5min.csv", "--horizon", "1d", "--incidents", inc, "--output", out,
        ])
        #expect(b.status == 1 && b.stderr.contains("i.csv:2:"), "\(b.stderr)")
        let u = try CLI.run(["reforecast", "--forecast", out, "--actuals", inc, "--incidents", inc, "--output", out])
        #expect(u.status == 2)
    }
}
