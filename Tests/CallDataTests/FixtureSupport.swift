import Foundation

@testable import CallData

/// Paths of the committed fixture files.
enum Fixture {
    /// A sample file under the repository's data/ folder.
    static func data(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../data/\(name)")
            .standardized.path
    }

    static func path(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(name)").path
    }

    static let berlin = PlanningTimeZone(identifier: "Europe/Berlin")!

    /// Reads a fixture as history, returning the error it raises (or `nil`).
    static func error(_ name: String, zone: PlanningTimeZone = .utc, interval: Int? = nil) -> CallDataError? {
        do {
            _ = try HistoryFile.read(path: path(name), timeZone: zone, intervalSeconds: interval)
            return nil
        } catch {
            return error
        }
    }

    /// Writes text to a fresh temporary file and returns its path.
    static func temporary(_ text: String, name: String = "input.csv") -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("headcount-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent(name).path
        try! text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}
