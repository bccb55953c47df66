import Foundation
import Testing

/// `forecast --holidays`: a public-holiday calendar recognised in the history's closures (issue 11).
@Suite struct HolidayCLITests {
    /// The bank history up to Friday 29 August 2003, the last day before the Labor Day weekend.
    static func bankUntilLaborDay() throws -> String {
        let text = try String(
            contentsOfFile: CLI.root.appendingPathComponent("data/bank_calls_5min.csv").path, encoding: .utf8)
        let kept = text.split(whereSeparator: \.isNewline).filter {
            $0.hasPrefix("interval_start") || $0 < "2003-08-30"
        }
        let path = CLI.temporaryDirectory().appendingPathComponent("bank.csv").path
        try (kept.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func days(_ csv: String) throws -> Set<String> {
        Set(
            try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").dropFirst().map {
                String($0.prefix(10))
            })
    }

    @Test func laborDayIsForecastClosedWithAWarningAndTheTuesdayCarriesTheCatchUp() throws {
        let history = try Self.bankUntilLaborDay()
        let dir = CLI.temporaryDirectory()
        let out = dir.appendingPathComponent("f.csv").path
        let report = dir.appendingPathComponent("fit.json").path
        let r = try CLI.run([
            "forecast", "--history", history, "--horizon", "7d", "--output", out, "--report", report, "--quiet",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        // One warning line naming the calendar, the evidence, the day and the way out.
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("warning: all: the history closed on 2 of 2 United States core public holidays"))
        #expect(r.stderr.contains("2003-05-26 memorial-day, 2003-07-04 independence-day"))
        #expect(r.stderr.contains("forecasting 2003-09-01 labor-day closed") && r.stderr.contains("--holidays none"))
        let days = try Self.days(out)
        #expect(!days.contains("2003-09-01") && days.contains("2003-09-02") && days.contains("2003-09-08"))
        let json = try String(contentsOfFile: report, encoding: .utf8)
        #expect(
            json.contains(
                "\"public_holidays\": {\"calendar\": \"us\", \"recognised\": true, \"from\": \"closures\", \"kept_as\": \"closed holidays\", \"core_closed\": 2"
            ))
        #expect(json.contains("\"closed_in_horizon\": [{\"date\": \"2003-09-01\", \"label\": \"labor-day\"}]"))

        // --holidays none: Labor Day is forecast as a Monday, nothing is said.
        let plain = dir.appendingPathComponent("plain.csv").path
        let p = try CLI.run([
            "forecast", "--history", history, "--horizon", "7d", "--output", plain, "--holidays", "none", "--quiet",
        ])
        #expect(p.status == 0 && p.stderr.isEmpty, "\(p.stderr)")
        #expect(try Self.days(plain).contains("2003-09-01"))
        // The Tuesday after the closure is forecast well above the plain forecast's Tuesday (the learnt catch-up).
        func tuesday(_ path: String) throws -> Double {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter {
                $0.hasPrefix("2003-09-02")
            }
            .reduce(0) { $0 + (Double($1.split(separator: ",")[3]) ?? 0) }
        }
        let (catchUp, ordinary) = (try tuesday(out), try tuesday(plain))
        #expect(catchUp > 1.05 * ordinary)

        // A named calendar is kept without the test and says nothing; an unknown one is a usage error.
        let named = dir.appendingPathComponent("named.csv").path
        let n = try CLI.run([
            "forecast", "--history", history, "--horizon", "7d", "--output", named, "--holidays", "us", "--quiet",
        ])
        let namedDays = try Self.days(named)
        #expect(n.status == 0 && n.stderr.isEmpty && !namedDays.contains("2003-09-01"), "\(n.stderr)")
        let bad = try CLI.run([
            "forecast", "--history", history, "--horizon", "7d", "--output", named, "--holidays", "xx",
        ])
        #expect(bad.status == 2)
        #expect(
            bad.stderr.contains(
                "unknown --holidays 'xx'; expected auto, none or a calendar code (us, ca, gb, ie, de, fr, au)"))
    }
}
