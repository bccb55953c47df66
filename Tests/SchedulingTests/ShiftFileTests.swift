import CallData
import Foundation
import PropertyBased
import Testing

@testable import Scheduling

/// `ShiftFile` on the sample file, on real bad files (each error names file, line and what was
/// expected) and on mutations of the sample file (never a crash, never an inconsistent template).
@Suite struct ShiftFileTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/shifts/\(name)")
            .path
    }

    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../data/shifts.toml").standardized.path

    @Test func sampleFileReadsAsBefore() throws {
        let templates = try ShiftFile.read(path: Self.sample)
        #expect(
            templates == [
                ShiftTemplate(
                    name: "full", lengthSeconds: 8 * 3600, startStepSeconds: 1800, costPerHour: 1,
                    breaks: [.init(lengthSeconds: 1800, paid: false, window: 3 * 3600...5 * 3600)]),
                ShiftTemplate(
                    name: "part", lengthSeconds: 6 * 3600, startStepSeconds: 1800,
                    breaks: [.init(lengthSeconds: 1800, paid: true, window: 2 * 3600...4 * 3600)]),
                ShiftTemplate(name: "peak", lengthSeconds: 4 * 3600, startStepSeconds: 1800),
            ])
        #expect(templates.map(\.paidHours) == [7.5, 6, 4])
    }

    @Test func defaultsTimesOfDayAndInlineBreaks() throws {
        let text = """
            [[shift]]
            name = "early"
            length = "8h"
            earliest_start = 07:00:00
            latest_end = "24:00"
            break = [{ length = "30m" }, { length = "15m", paid = true, window = ["6h", "7h"] }]
            """
        let t = try ShiftFile.parse(Array(text.utf8), file: "s.toml")
        #expect(
            t == [
                ShiftTemplate(
                    name: "early", lengthSeconds: 8 * 3600, startStepSeconds: ShiftFile.defaultStartStepSeconds,
                    earliestStart: 7 * 3600, latestEnd: 86_400, costPerHour: 1,
                    breaks: [
                        .init(lengthSeconds: 1800, paid: false, window: 0...(8 * 3600 - 1800)),
                        .init(lengthSeconds: 900, paid: true, window: 6 * 3600...7 * 3600),
                    ])
            ])
    }

    /// (fixture, line, key or nil, kind check, phrase in the message)
    static let bad: [(String, Int, String?, @Sendable (TOMLError.Kind) -> Bool, String)] = [
        ("bracket_equals.toml", 1, nil, { $0 == .syntax }, "expected a key"),
        ("paid_yes.toml", 10, "paid", { $0 == .wrongType }, "found the string \"yes\"; expected true or false"),
        ("start_stepp.toml", 6, "start_stepp", { $0 == .unknownKey(suggestion: "start_step") }, "did you mean"),
        ("break_longer_than_shift.toml", 6, "length", { $0 == .invalidValue }, "a break shorter than its shift (4h)"),
        ("window_outside_shift.toml", 6, "window[2]", { $0 == .invalidValue }, "at most 7h30m"),
        ("window_huge.toml", 6, "window[2]", { $0 == .invalidValue }, "at most 7h30m"),
        ("window_reversed.toml", 6, "window[2]", { $0 == .invalidValue }, "not before the earliest (5h)"),
        ("window_one_end.toml", 6, "window", { $0 == .invalidValue }, "a window [\"earliest\", \"latest\"]"),
        ("zero_length.toml", 3, "length", { $0 == .invalidValue }, "the shift length > 0"),
        ("negative_length.toml", 3, "length", { $0 == .invalidValue }, "as a duration"),
        ("too_long.toml", 3, "length", { $0 == .invalidValue }, "at most 24h"),
        ("length_number.toml", 3, "length", { $0 == .wrongType }, "found the integer 8"),
        ("step_not_dividing_day.toml", 4, "start_step", { $0 == .invalidValue }, "divides 24h"),
        ("earliest_after_latest.toml", 5, "latest_end", { $0 == .invalidValue }, "earliest_start + length = 24:00"),
        ("latest_end_too_early.toml", 4, "latest_end", { $0 == .invalidValue }, "at least the shift length (8h)"),
        ("bad_clock.toml", 4, "earliest_start", { $0 == .invalidValue }, "a time of day"),
        ("negative_cost.toml", 4, "cost_per_hour", { $0 == .invalidValue }, "a number ≥ 0"),
        ("cost_nan.toml", 4, "cost_per_hour", { $0 == .invalidValue }, "found the float nan"),
        ("missing_length.toml", 2, "length", { $0 == .missingKey }, "[[shift]] without `length`"),
        ("empty_name.toml", 2, "name", { $0 == .invalidValue }, "a non-empty name"),
        ("duplicate_name.toml", 6, "name", { $0 == .invalidValue }, "line 1 has it"),
        ("duplicate_key.toml", 4, nil, { $0 == .duplicateKey(firstLine: 3) }, "each key once per table"),
        ("no_shifts.toml", 1, "shift", { $0 == .missingKey }, "without `shift`"),
        (
            "shift_not_array.toml", 1, "shift", { $0 == .wrongType },
            "found the table [shift]; expected [[shift]] tables"
        ),
        ("shifts_typo.toml", 1, "shifts", { $0 == .unknownKey(suggestion: "shift") }, "did you mean `shift`?"),
        ("break_key_typo.toml", 5, "lenght", { $0 == .unknownKey(suggestion: "length") }, "did you mean `length`?"),
        ("breaks_out_of_order.toml", 7, nil, { $0 == .invalidValue }, "breaks listed in time order"),
        ("unterminated_string.toml", 2, nil, { $0 == .syntax }, "the end of the line inside a string"),
        ("not_utf8.toml", 4, nil, { $0 == .syntax }, "expected UTF-8 text"),
    ]

    @Test func everyBadFixtureIsCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixture(""))
        #expect(Set(files) == Set(Self.bad.map(\.0)))
        #expect(files.count >= 10)
    }

    @Test(arguments: 0..<bad.count) func badFileNamesFileLineAndExpectation(index: Int) {
        let (name, line, key, kind, phrase) = Self.bad[index]
        let path = Self.fixture(name)
        do {
            let t = try ShiftFile.read(path: path)
            Issue.record("\(name) was accepted: \(t)")
        } catch {
            guard case .toml(let e) = error else {
                Issue.record("\(name): \(error)")
                return
            }
            #expect(e.file == path && e.line == line, "\(name): \(e)")
            #expect(e.key == key, "\(name): \(e)")
            #expect(kind(e.kind), "\(name): \(e)")
            #expect(e.description.hasPrefix("\(path):\(line):\(e.column): "), "\(name)")
            #expect(e.description.contains(phrase), "\(name): \(e)")
            #expect(!e.description.contains("\n"))
        }
    }

    @Test func templateProblems() {
        #expect(ShiftTemplate(name: "a", lengthSeconds: 3600, startStepSeconds: 1800).problem == nil)
        #expect(ShiftTemplate(name: "a", lengthSeconds: 3600, startStepSeconds: 0).problem != nil)
        #expect(ShiftTemplate(name: "a", lengthSeconds: 0, startStepSeconds: 1800).problem != nil)
        #expect(ShiftTemplate(name: "a", lengthSeconds: 3600, startStepSeconds: 7 * 3600).problem != nil)
        #expect(
            ShiftTemplate(
                name: "a", lengthSeconds: 3600, startStepSeconds: 1800, earliestStart: 72_000, latestEnd: 64_800
            )
            .problem != nil)
        #expect(ShiftTemplate(name: "a", lengthSeconds: 3600, startStepSeconds: 1800, costPerHour: .nan).problem != nil)
        let long = ShiftTemplate.BreakRule(lengthSeconds: 7200, paid: false, window: 0...0)
        #expect(ShiftTemplate(name: "a", lengthSeconds: 3600, startStepSeconds: 1800, breaks: [long]).problem != nil)
        let late = ShiftTemplate.BreakRule(lengthSeconds: 600, paid: false, window: 0...3500)
        #expect(ShiftTemplate(name: "a", lengthSeconds: 3600, startStepSeconds: 1800, breaks: [late]).problem != nil)
    }

    @Test func inconsistentTemplatesBuiltInCodeGiveNoOptionsInsteadOfTrapping() {
        let req = Instance.requirements([[1, 1, 1, 1]])
        let bad = ShiftTemplate(name: "zero-step", lengthSeconds: 3600, startStepSeconds: 0)
        let good = ShiftTemplate(name: "1h", lengthSeconds: 3600, startStepSeconds: 1800)
        let options = ShiftOptions.enumerate(req, templates: [bad, good])
        #expect(!options[0].isEmpty && options[0].allSatisfy { $0.template == "1h" })
    }

    /// 2,000 fuzzer-style mutations of data/shifts.toml: each reads to consistent templates or to a located error.
    @Test func mutationsOfTheSampleNeverCrashOrGiveInconsistentTemplates() async throws {
        let seed = try FileBytes.read(Self.sample)
        let tokens = [
            "[", "]", "[[", "]]", "=", "\"", "'", "\n", "#", ".", ",", "{", "}", "0", "9h", "25h", "-",
            "paid", "length", "window", "\"0m\"", "[\"9h\", \"1h\"]", "true", "nan", "1e9", "start_step = \"7h\"\n",
        ].map {
            Array($0.utf8)
        }
        await propertyCheck(count: 2000, input: Gen.int(in: 0...(1 << 40)).array(of: 1...4)) { ops in
            var b = seed
            for op in ops {
                let p = (op >> 8) % (b.count + 1)
                switch op % 4 {
                case 0 where !b.isEmpty: b[min(p, b.count - 1)] = UInt8(truncatingIfNeeded: op >> 20)
                case 1: b.insert(contentsOf: tokens[(op >> 20) % tokens.count], at: p)
                case 2 where !b.isEmpty: b.removeSubrange(p..<min(b.count, p + 1 + (op >> 20) % 8))
                default: b.insert(contentsOf: b[p..<min(b.count, p + 1 + (op >> 20) % 40)], at: p)
                }
            }
            do {
                let templates = try ShiftFile.parse(b, file: "m.toml")
                #expect(templates.allSatisfy { $0.problem == nil })
            } catch {
                guard let c = error as? CallDataError, case .toml(let e) = c else {
                    Issue.record("\(error)")
                    return
                }
                #expect(e.line >= 1 && e.column >= 1 && e.description.hasPrefix("m.toml:\(e.line):\(e.column): "))
            }
        }
    }
}
