import Foundation
import Testing

/// `headcount schedule` on every bad shift file under Tests/SchedulingTests/Fixtures/shifts:
/// exit 1, one stderr line naming the file and a line number, the output left untouched.
@Suite struct ShiftFileCLITests {
    static let folder = CLI.root.appendingPathComponent("Tests/SchedulingTests/Fixtures/shifts").path
    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()

    @Test func corpusIsThere() { #expect(Self.names.count >= 10) }

    @Test(arguments: names) func badShiftFileExitsOneWithALocatedMessage(name: String) throws {
        let dir = CLI.temporaryDirectory()
        let output = dir.appendingPathComponent("plan.csv").path
        try "untouched\n".write(toFile: output, atomically: true, encoding: .utf8)
        let path = "\(Self.folder)/\(name)"
        let r = try CLI.run([
            "schedule", "--requirements", "data/week_bank_calls_requirements.csv", "--shifts", path, "--output", output,
        ])
        #expect(r.status == 1, "\(name): \(r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(name): \(r.stderr)")
        let located = lines.first.map { $0.contains("\(path):") && $0.contains("expected") } ?? false
        #expect(located, "\(name): \(r.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "untouched\n")
    }
}
