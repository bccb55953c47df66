import CallData

/// What a queue's planning process hands back to the run that started it: whether the queue
/// succeeded (or why not, with its exit status), its seconds, and the totals of the run's
/// one-line summary. Written by the worker as a small line-based file beside its outputs
/// (`worker.txt` in the staging folder) and read back by the parent.
///
/// Format (one `key value` per line, UTF-8): `headcount-queue 1`, `name`, `status` (the
/// `ExitStatus` number), `seconds`, `calls`, `paid_hours`, `cost`, and `error` (the one-line
/// message, only for a failed queue; line breaks become spaces).
///
/// *Edge Cases*: a record without the first line, the name or the status is unreadable (`nil`):
/// the parent treats the queue as failed, as it does a worker that died before writing one.
struct QueueReport: Sendable, Equatable {
    static let fileName = "worker.txt"
    static let magic = "headcount-queue 1"

    var name: String
    /// Why the queue failed (`nil`: it succeeded).
    var error: String?
    var status: ExitStatus
    var seconds: Double
    var calls: Double
    var paidHours: Double
    var cost: Double

    init(
        name: String, error: String?, status: ExitStatus, seconds: Double, calls: Double = 0, paidHours: Double = 0,
        cost: Double = 0
    ) {
        self.name = name
        self.error = error
        self.status = status
        self.seconds = seconds
        self.calls = calls
        self.paidHours = paidHours
        self.cost = cost
    }

    /// The report of a queue the pipeline planned (or failed to plan) in this process.
    init(_ outcome: QueueOutcome) {
        self.init(
            name: outcome.name, error: outcome.error, status: outcome.status, seconds: outcome.seconds,
            calls: outcome.figures?.forecastCalls ?? 0, paidHours: outcome.figures?.paidHours ?? 0,
            cost: outcome.figures?.cost ?? 0)
    }

    var text: String {
        var lines = [
            Self.magic, "name \(name)", "status \(status.rawValue)", "seconds \(formatDecimal(seconds, places: 3))",
            "calls \(formatDecimal(calls, places: 6))", "paid_hours \(formatDecimal(paidHours, places: 6))",
            "cost \(formatDecimal(cost, places: 6))",
        ]
        if let error {
            lines.append("error " + error.replacing("\r", with: " ").replacing("\n", with: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses `text`; `nil` when it is not a complete record.
    init?(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == Substring(Self.magic) else { return nil }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let space = line.firstIndex(of: " ") else { continue }
            fields[String(line[..<space])] = String(line[line.index(after: space)...])
        }
        guard let name = fields["name"], let code = fields["status"].flatMap({ Int32($0) }),
            let status = ExitStatus(rawValue: code)
        else { return nil }
        func number(_ key: String) -> Double { fields[key].flatMap { Double($0) } ?? 0 }
        self.init(
            name: name, error: fields["error"], status: status, seconds: number("seconds"), calls: number("calls"),
            paidHours: number("paid_hours"), cost: number("cost"))
    }
}
