import Foundation
import Testing

/// One row of `BadInputs/cases.tsv` (written by `BadInputs/make_corpus.py`).
struct BadInputCase: CustomTestStringConvertible, Sendable {
    var file: String
    var status: Int32
    var location: String
    var needs: String
    var command: String
    var testDescription: String { file }

    static let folder = "Tests/HeadcountCLITests/BadInputs/"

    static let all: [BadInputCase] = {
        let url = CLI.root.appendingPathComponent(folder + "cases.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 5, let status = Int32(f[1]) else { return nil }
            return BadInputCase(file: f[0], status: status, location: f[2], needs: f[3], command: f[4])
        }
    }()

    /// Cases that need the crash-safe shift reader run once it is merged (`Sources/CallData/TOML`).
    var runnable: Bool {
        needs.isEmpty
            || FileManager.default.fileExists(atPath: CLI.root.appendingPathComponent("Sources/CallData/TOML").path)
    }
}

/// The bad-input corpus: every input type, each file run through the command that reads it. Each
/// must exit with its status, print one line naming the file and line (and column where one
/// applies), and leave an output file that existed before untouched byte for byte.
@Suite struct BadInputCorpusTests {
    @Test func corpusCoversEveryInputType() {
        let cases = BadInputCase.all
        #expect(cases.count >= 80)
        for prefix in [
            "history_", "calls_", "forecast_", "requirements_", "staffing_", "agents_", "gap_", "roster_", "special_",
            "shifts_",
        ] {
            #expect(cases.contains { $0.file.hasPrefix(prefix) }, "no \(prefix) case")
        }
    }

    @Test(arguments: BadInputCase.all)
    func badInputFailsCleanly(_ c: BadInputCase) throws {
        guard c.runnable else { return }
        let dir = CLI.temporaryDirectory()
        let out = dir.appendingPathComponent("previous.csv").path
        let previous = "interval_start,calls\n2025-01-01T00:00:00,1\n"
        try previous.write(toFile: out, atomically: true, encoding: .utf8)
        let args = c.command.split(separator: " ").map {
            String($0).replacingOccurrences(of: "{file}", with: BadInputCase.folder + c.file)
                .replacingOccurrences(of: "{out}", with: out)
        }
        let r = try CLI.run(args)
        #expect(r.status == c.status, "\(c.file): \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(c.file): \(r.stderr)")
        #expect(r.stderr.contains("\(c.file):\(c.location)"), "\(c.file): \(r.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["previous.csv"])  // no temporaries
    }
}
