import CallData

/// Reads a scenario file (`surge.toml`):
/// ```toml
/// start = "2025-04-08T08:00"        # ISO 8601; naive = wall clock in the planning zone
/// affected_customers = 470000       # uses the scaling learnt from --incidents
/// # or: peak_multiplier = 3.0, half_life = "3h", [time_to_peak = "20m"]
/// queue = "retail"                  # optional: only this queue
/// bot_containment = 0.4             # optional levers for `staff`, from `from` (default: start)
/// deflection = 0.3
/// from = "2025-04-08T09:00"
/// ```
/// *Edge Cases*: unknown keys, both or neither size, values out of range, bad times: one
/// `SurgeError.badScenario` naming file, line and column.
public enum SurgeScenarioFile {
    /// Keys a scenario may have.
    public static let keys = [
        "start", "affected_customers", "peak_multiplier", "half_life", "time_to_peak", "queue", "bot_containment",
        "deflection", "from",
    ]

    /// One `key = value` of the file, with its position.
    struct Entry {
        var key: String
        var text: String
        var quoted: Bool
        var line: Int
        var column: Int
    }

    /// Reads and validates a scenario.
    public static func read(path: String, timeZone: PlanningTimeZone) throws -> SurgeScenario {
        let entries = try tokens(path: path)
        return try scenario(entries, file: path, timeZone: timeZone)
    }

    static func scenario(_ entries: [Entry], file: String, timeZone: PlanningTimeZone) throws(SurgeError)
        -> SurgeScenario
    {
        func fail(_ e: Entry?, _ message: String) -> SurgeError {
            .badScenario("\(file):\(e?.line ?? 1):\(e?.column ?? 1): \(message)")
        }
        var seen: [String: Entry] = [:]
        for e in entries {
            guard keys.contains(e.key) else {
                throw fail(e, "unknown key '\(e.key)'; expected one of \(keys.joined(separator: ", "))")
            }
            guard seen[e.key] == nil else { throw fail(e, "key '\(e.key)' appears twice") }
            seen[e.key] = e
        }
        func time(_ key: String) throws(SurgeError) -> Int? {
            guard let e = seen[key] else { return nil }
            guard let w = WrittenTimestamp.parse(e.text) else {
                throw fail(e, "bad time '\(e.text)' for \(key); expected ISO 8601 like \"2025-04-08T08:00\"")
            }
            if let utc = w.utcSeconds { return utc }
            let (first, second) = timeZone.utcCandidates(forWall: w.wallSeconds)
            guard let utc = first ?? second else {
                throw fail(e, "\(key) '\(e.text)' does not exist in \(timeZone.identifier) (DST gap)")
            }
            return utc
        }
        func number(_ key: String, in range: ClosedRange<Double>, what: String) throws(SurgeError) -> Double? {
            guard let e = seen[key] else { return nil }
            guard !e.quoted, let v = Double(e.text), v.isFinite, range.contains(v) else {
                throw fail(e, "bad \(key) '\(e.text)'; expected \(what)")
            }
            return v
        }
        func hours(_ key: String) throws(SurgeError) -> Double? {
            guard let e = seen[key] else { return nil }
            if !e.quoted, let v = Double(e.text), v.isFinite, v > 0, v <= 720 { return v }
            guard e.quoted, let span = TimeSpan(parsing: e.text), span.seconds > 0, span.seconds <= 720 * 3600 else {
                throw fail(
                    e, "bad \(key) '\(e.text)'; expected a duration like \"3h\" or \"90m\" (or hours as a number)")
            }
            return Double(span.seconds) / 3600
        }
        guard let start = try time("start") else {
            throw fail(nil, "missing key 'start'; expected start = \"2025-04-08T08:00\"")
        }
        let customers = try number("affected_customers", in: 1...1e10, what: "a number of customers ≥ 1")
        let multiplier = try number("peak_multiplier", in: 1...1000, what: "a multiplier ≥ 1, e.g. 3")
        let half = try hours("half_life")
        let ttp = try hours("time_to_peak")
        let size: SurgeScenario.Size
        switch (customers, multiplier, half) {
        case (let n?, nil, nil): size = .affectedCustomers(n)
        case (nil, let m?, let h?): size = .peak(multiplier: m, halfLifeHours: h, timeToPeakHours: ttp)
        case (nil, _?, nil):
            throw fail(seen["peak_multiplier"], "peak_multiplier needs half_life, e.g. half_life = \"3h\"")
        case (nil, nil, _?): throw fail(seen["half_life"], "half_life needs peak_multiplier, e.g. peak_multiplier = 3")
        case (nil, nil, nil):
            throw fail(nil, "no surge size; expected affected_customers = N, or peak_multiplier and half_life")
        default:
            throw fail(
                seen["affected_customers"], "give either affected_customers or peak_multiplier + half_life, not both")
        }
        if customers != nil, ttp != nil {
            throw fail(
                seen["time_to_peak"], "time_to_peak goes with peak_multiplier; affected_customers uses the learnt shape"
            )
        }
        let bot = try number("bot_containment", in: 0...0.999, what: "a share in [0, 1), e.g. 0.4")
        let deflection = try number("deflection", in: 0...0.999, what: "a share in [0, 1), e.g. 0.3")
        let from = try time("from")
        if from != nil, bot == nil, deflection == nil {
            throw fail(seen["from"], "from needs a lever: bot_containment or deflection")
        }
        return SurgeScenario(
            start: start, size: size, queue: seen["queue"]?.text, botContainment: bot, deflection: deflection,
            leversFrom: from)
    }

    /// The file's `key = value` lines (interim flat reader: comments, blank lines, quoted strings,
    /// bare numbers and date-times; replaced by CallData's TOML reader when it lands).
    static func tokens(path: String) throws -> [Entry] {
        let bytes = try FileBytes.read(path)
        let text = String(decoding: bytes, as: UTF8.self)
        var out: [Entry] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = n + 1
            var s = Substring(raw)
            if s.hasSuffix("\r") { s = s.dropLast() }
            let trimmed = s.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let indent = s.count - trimmed.count
            guard let eq = trimmed.firstIndex(of: "=") else {
                throw SurgeError.badScenario("\(path):\(line):\(indent + 1): expected key = value")
            }
            let key = trimmed[..<eq].trimmingCharacters()
            var value = trimmed[trimmed.index(after: eq)...].trimmingCharacters()
            let column = indent + trimmed.distance(from: trimmed.startIndex, to: eq) + 2
            var quoted = false
            if value.hasPrefix("\"") {
                guard let close = value.dropFirst().firstIndex(of: "\"") else {
                    throw SurgeError.badScenario(
                        "\(path):\(line):\(column): unterminated string; expected a closing \"")
                }
                let rest = value[value.index(after: close)...].trimmingCharacters()
                guard rest.isEmpty || rest.hasPrefix("#") else {
                    throw SurgeError.badScenario("\(path):\(line):\(column): unexpected text after the string")
                }
                value = String(value[value.index(after: value.startIndex)..<close])
                quoted = true
            } else if let hash = value.firstIndex(of: "#") {
                value = value[..<hash].trimmingCharacters()
            }
            guard !key.isEmpty, !value.isEmpty || quoted else {
                throw SurgeError.badScenario("\(path):\(line):\(indent + 1): expected key = value")
            }
            out.append(
                Entry(key: key, text: value.replacingUnderscores(), quoted: quoted, line: line, column: indent + 1))
        }
        return out
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        // TOML allows 470_000 in numbers.
        allSatisfy { $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" || $0 == "+" } ? filter { $0 != "_" } : self
    }
}
